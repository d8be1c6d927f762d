/**
 * Page benchmark: what the extension costs the page it runs on. The same generated pages are
 * loaded with and without the extension in the same run (two browser profiles, same machine,
 * same moment), and the figures are printed against that baseline:
 *   - added main-thread time (CDP Performance.getMetrics TaskDuration, with − without),
 *   - the longest main-thread task while the extension worked: RunTask events of a light trace
 *     ('toplevel' category) on the page's renderer main thread, from the moment our host appeared
 *     (with) or the load event (without). The page's own 'longtask' observer does not see tasks
 *     that run only extension (isolated-world) code or the rendering they cause, so it read 0.
 *   - time from the load event until <peptide-lens data-state="idle"> (all flags shown).
 * Pages: a 5,000-post forum (~1.85 MB of text, ~485 IGF-1 LR3 claim sentences), the same forum
 * with no peptide, and a small page.
 *
 * `npx tsx bench/page.ts` (builds nothing: run `npx wxt build` first), or runPageBench() from
 * bench/run.ts. RUNS env = repetitions per page (median shown), default 3.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension } from '../tests/e2e/fixtures';
import { startServer } from '../tests/e2e/server';

// ---- generated pages ---------------------------------------------------------------------------

/** Small deterministic PRNG so every run reads the same pages. */
function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const CHATTER = [
  'Squats went up five kilos this week, finally broke the plateau I had since March.',
  'Sleep is the one thing nobody wants to hear about, but it made the biggest difference for me.',
  'I switched to a four day upper lower split and my elbows feel a lot better.',
  'Anyone else find that deloading every sixth week keeps the joints happy?',
  'Protein at every meal, nothing fancy, mostly eggs, chicken, rice and a lot of greek yoghurt.',
  'My gym finally fixed the cable machine so face pulls are back on the menu.',
  'Cardio on rest days helped my recovery more than any supplement I have tried.',
  'Not sure about the new program yet, the volume on legs is brutal for a beginner.',
  'Track your lifts in a notebook, it is the cheapest progress tool there is.',
  'Form check please: my lower back rounds a bit at the bottom of the deadlift.',
  'Creatine every day for two years now, no loading, no drama, steady gains.',
  'We ran a charity lifting meet last weekend and raised more than we hoped.',
];

const CLAIMS = [
  'Run 40 mcg of IGF-1 LR3 ED post-workout and you will notice the pump within a week.',
  'IGF-1 LR3 builds lean muscle fast, I added two centimetres to my arms in a month.',
  'Honestly IGF-1 LR3 has no side effects if you keep your carbs up around the pin.',
  'My source says their IGF-1 LR3 is FDA approved, so I trust the quality.',
  'I pin 50 mcg of IGF-1 LR3 bilaterally into the muscle I trained that day.',
  'IGF-1 LR3 melts fat while you sleep, my abs showed up by week three.',
  'Cycle IGF-1 LR3 four weeks on and four weeks off to keep the receptors fresh.',
];

const OFFTOPIC_INSTEAD = [
  'My old Land Rover broke down again on the way to the gym, third time this year.',
  'Went to a conference on internet policy last week, surprisingly good coffee.',
];

export function forum(posts: number, withPeptide: boolean): string {
  const rand = rng(7); // same layout for both variants: only the claim sentences differ
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const out: string[] = [];
  let claims = 0;
  for (let i = 0; i < posts; i++) {
    const paras: string[] = [];
    const n = 1 + Math.floor(rand() * 2);
    for (let p = 0; p < n; p++) {
      const sentences = [pick(CHATTER), pick(CHATTER)];
      if (rand() < 0.62) sentences.push(pick(CHATTER));
      // ~485 claim sentences over 5,000 posts (~1 post in 10).
      if (p === 0 && rand() < 0.097) {
        sentences.push(withPeptide ? pick(CLAIMS) : pick(OFFTOPIC_INSTEAD));
        claims++;
      }
      paras.push(`<p>${sentences.join(' ')}</p>`);
    }
    out.push(
      `<article class="post" id="p${i}"><div class="meta"><a href="#u${i % 97}">member_${i % 97}</a> · post #${i + 1}</div>${paras.join('')}<div class="sig">Train hard, eat well.</div></article>`,
    );
  }
  const title = withPeptide ? 'Big training log thread – page 1 | IronTalk' : 'Big training log thread (no peptides) – page 1 | IronTalk';
  return page(title, out.join('\n'), withPeptide ? claims : 0);
}

function page(title: string, body: string, claims = 0): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:20px auto}.post{border:1px solid #ddd;padding:8px 12px;margin:8px 0}.meta{color:#777;font:13px system-ui}</style>
</head><body data-claims="${claims}"><h1>${title}</h1><main>${body}</main></body></html>`;
}

export function smallPage(): string {
  return page(
    'Quick question about IGF-1 LR3 | IronTalk',
    [
      '<article class="post"><p>Has anyone run IGF-1 LR3? My friend says it builds lean muscle fast.</p></article>',
      '<article class="post"><p>Run 40 mcg of IGF-1 LR3 ED post-workout, that is what worked for me.</p></article>',
      '<article class="post"><p>Talk to a doctor first, it is not an approved medicine.</p></article>',
    ].join('\n'),
  );
}

// ---- measurement -------------------------------------------------------------------------------

/**
 * Installed before any page script: when our host appears and turns idle (and the trace mark
 * from which tasks are counted: see windowTasks).
 * A string, not a function: tsx would add helpers (__name) that do not exist in the page.
 */
const PROBE = `(() => {
  const pl = (window.__pl = { hostAt: 0, idleAt: 0 });
  addEventListener('load', () => setTimeout(() => { if (!pl.hostAt) performance.mark('pl-window'); }));
  const watchHost = (host) => {
    pl.hostAt = performance.now();
    performance.mark('pl-window');
    const check = () => {
      if (!pl.idleAt && host.getAttribute('data-state') === 'idle') pl.idleAt = performance.now();
    };
    new MutationObserver(check).observe(host, { attributes: true, attributeFilter: ['data-state'] });
    check();
  };
  // Our host goes on <html>; <html> itself does not exist yet when this runs.
  const onHtml = () => new MutationObserver((records, mo) => {
    for (const r of records) for (const n of r.addedNodes) if (n.localName === 'peptide-lens') {
      mo.disconnect();
      watchHost(n);
    }
  }).observe(document.documentElement, { childList: true });
  if (document.documentElement) onHtml();
  else new MutationObserver((r, mo) => {
    if (document.documentElement) { mo.disconnect(); onHtml(); }
  }).observe(document, { childList: true });
})();`;

/** Every run is measured from navigation until this long after the load event (ms). */
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 3000);

interface Run {
  taskMs: number;
  /** Main-thread time in extension code, from the sampling profiler (see extensionSampledMs). */
  extMs: number;
  /** Profiled runs: the longest main-thread task in which the profiler caught extension code. */
  ourLongestMs: number;
  scriptMs: number;
  /** Longest task from the moment our host appeared (with) / the load event (without). */
  longestMs: number;
  longTasks: number;
  idleAfterLoadMs: number;
  flags: number;
}

/**
 * One load of `url`. `mode`: 'totals' traces nothing (TaskDuration, idle, flags); 'tasks' also
 * traces the main thread's tasks; 'profile' also runs V8's sampling profiler (for the
 * extension-code figure), which slows every script down, so no other figure is taken from it.
 */
export async function measure(context: BrowserContext, url: string, withExtension: boolean, mode: 'totals' | 'tasks' | 'profile' = 'tasks'): Promise<Run> {
  const profile = mode === 'profile';
  const page = await context.newPage();
  await page.addInitScript({ content: PROBE });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const trace: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => trace.push(...(e.value as unknown as TraceEvent[])));
  if (mode !== 'totals') {
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing', ...(profile ? ['disabled-by-default-v8.cpu_profiler'] : [])] } } as never);
  }
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const loadAt = await page.evaluate(() => performance.getEntriesByType('navigation')[0] ? (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd : 0);
  // The same window for every run, with the extension or without: until WINDOW_MS after load.
  // (Waiting for "idle" and then a second made the runs with the extension longer than those
  // without, and whatever the browser does on its own in that extra time counted as ours.) A run
  // that is not idle by then is waited for, and its extra time counts against us.
  await page.waitForTimeout(WINDOW_MS);
  if (withExtension) await page.waitForFunction(() => (window as unknown as { __pl: { idleAt: number } }).__pl.idleAt > 0, null, { timeout: 60_000, polling: 250 });
  const { metrics } = await cdp.send('Performance.getMetrics');
  if (mode !== 'totals') {
    const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await traced;
  }
  const m = (name: string) => (metrics.find((x) => x.name === name)?.value ?? 0) * 1000;
  const probe = await page.evaluate(() => (window as unknown as { __pl: { hostAt: number; idleAt: number } }).__pl);
  const flags = withExtension ? Number((await page.locator('peptide-lens').getAttribute('data-flags')) ?? 0) : 0;
  await page.close();
  const sampled = profile ? extensionSampledMs(trace) : null;
  const tasks = mode === 'totals' ? [NaN] : windowTasks(trace);
  return {
    taskMs: m('TaskDuration'),
    extMs: sampled ? sampled.ms : NaN,
    ourLongestMs: sampled ? longestTaskWithOurCode(trace, sampled.at) : NaN,
    scriptMs: m('ScriptDuration'),
    longestMs: Math.max(0, ...tasks),
    longTasks: tasks.filter((d) => d >= 50).length,
    idleAfterLoadMs: withExtension ? Math.max(0, probe.idleAt - loadAt) : 0,
    flags,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: unknown;
}

/**
 * Main-thread time spent in extension code (ms), from the V8 sampling profiler carried in the
 * trace: every sample whose stack holds a chrome-extension:// frame counts for the time until the
 * next sample — DOM calls made from our code (XPath, textContent, layout reads) included, since
 * the profiler files them under our frames. A gap longer than a few sampling intervals is the
 * thread going idle after the sample, not more of our work, so it counts as one interval. This is
 * the extension's own cost, free of the ±100 ms the page's load varies by between runs; rendering
 * it causes later (style, paint of highlights) is not in it: the totals columns carry that.
 */
function extensionSampledMs(trace: TraceEvent[]): { ms: number; at: number[] } {
  const mark = trace.find((e) => e.name === 'pl-window');
  if (!mark) return { ms: 0, at: [] };
  type Node = { id: number; parent?: number; callFrame?: { url?: string } };
  const nodes = new Map<number, Node>();
  const samples: { ts: number; id: number }[] = [];
  let clock = 0;
  for (const e of trace) {
    if (e.pid !== mark.pid) continue;
    const data = (e.args as { data?: Record<string, unknown> } | undefined)?.data;
    if (e.name === 'Profile') clock = Number((data as { startTime?: number })?.startTime ?? 0);
    if (e.name !== 'ProfileChunk') continue;
    const d = data as { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    (d?.cpuProfile?.samples ?? []).forEach((id, i) => {
      clock += d?.timeDeltas?.[i] ?? 0;
      samples.push({ ts: clock, id });
    });
  }
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    if (ours.has(id)) return ours.get(id)!;
    const n = nodes.get(id);
    const r = !n ? false : (n.callFrame?.url ?? '').startsWith('chrome-extension://') || (n.parent !== undefined && isOurs(n.parent));
    ours.set(id, r);
    return r;
  };
  const gaps = samples.slice(1).map((s, i) => s.ts - samples[i]!.ts).sort((a, b) => a - b);
  const interval = gaps[Math.floor(gaps.length / 2)] ?? 0;
  let us = 0;
  const at: number[] = [];
  for (let i = 0; i < samples.length - 1; i++) {
    if (!isOurs(samples[i]!.id)) continue;
    us += Math.min(samples[i + 1]!.ts - samples[i]!.ts, 4 * interval);
    at.push(samples[i]!.ts);
  }
  return { ms: us / 1000, at };
}

/**
 * The longest task (ms) on the page's main thread that held at least one sample of extension
 * code: the longest task the extension ran in. Measured under the profiler, which slows scripts,
 * so it errs high.
 */
function longestTaskWithOurCode(trace: TraceEvent[], ourSamples: number[]): number {
  const mark = trace.find((e) => e.name === 'pl-window');
  if (!mark || !ourSamples.length) return 0;
  let longest = 0;
  for (const e of trace) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.pid !== mark.pid || e.tid !== mark.tid || e.dur === undefined) continue;
    if (e.dur > longest && ourSamples.some((t) => t >= e.ts && t <= e.ts + e.dur!)) longest = e.dur;
  }
  return longest / 1000;
}

/** Durations (ms) of the tasks on the page's main thread (the one that marked pl-window) from the mark on. */
function windowTasks(trace: TraceEvent[]): number[] {
  const mark = trace.find((e) => e.name === 'pl-window');
  if (!mark) return [NaN];
  const out: number[] = [];
  for (const e of trace) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.pid !== mark.pid || e.tid !== mark.tid || e.dur === undefined) continue;
    if (e.ts + e.dur >= mark.ts) out.push(e.dur / 1000);
  }
  return out;
}

/** A copy of the build whose content script does nothing but show an idle host (see runPageBench). */
function makeControlExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-control-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const cs = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[]; css?: string[] }[] }).content_scripts[0]!;
  writeFileSync(
    join(dir, cs.js[0]!),
    `(() => { const h = document.createElement('peptide-lens'); h.style.display = 'none'; h.setAttribute('data-flags', '0'); document.documentElement.append(h); h.setAttribute('data-state', 'idle'); })();`,
  );
  for (const css of cs.css ?? []) writeFileSync(join(dir, css), '');
  return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => n.toFixed(0).padStart(6);

export async function runPageBench(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npx wxt build` first.');
  const pages: Record<string, string> = {
    '/bench/forum-5000.html': forum(5000, true),
    '/bench/forum-5000-no-peptide.html': forum(5000, false),
    '/bench/small.html': smallPage(),
  };
  const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>/g, '').replace(/<[^>]+>/g, '').length;
  const { server, url } = await startServer({ port: 0, pages });
  const dirs = [mkdtempSync(join(tmpdir(), 'pl-bench-with-')), mkdtempSync(join(tmpdir(), 'pl-bench-without-')), mkdtempSync(join(tmpdir(), 'pl-bench-control-'))];
  const withExt = await launchWithExtension(dirs[0], true);
  const without = await launchWithExtension(dirs[1], false);
  // The control is our own build with a content script that does nothing but mark itself idle:
  // what any extension with a content script costs here (isolated world, injection, service
  // worker). "Added vs control" is what our content script itself costs the page.
  const controlDir = makeControlExtension();
  dirs.push(controlDir);
  const control = await launchWithExtension(dirs[2], true, controlDir);
  const runs = Number(process.env.RUNS ?? 3);
  try {
    // Warm both browsers (and the extension's engine) so the first page is not paying for start-up.
    await measure(withExt, `${url}/bench/small.html`, true);
    await measure(without, `${url}/bench/small.html`, false);
    await measure(control, `${url}/bench/small.html`, true);

    console.log(`\nPage bench: medians of ${runs} runs, with vs without the extension, same process (ms)`);
    console.log('page                          text KB  claims | main thread  without control   with | added vs none  vs control | in extension code | longest task with control | tasks >=50 ms with control | longest task running our code | idle after load | flags');
    // PAGES=no-peptide (a substring of the page name) measures just those pages.
    for (const [path, html] of Object.entries(pages).filter(([p]) => p.includes(process.env.PAGES ?? ''))) {
      const a: Run[] = [];
      const b: Run[] = [];
      const c: Run[] = [];
      const pa: Run[] = [];
      const pc: Run[] = [];
      // The order of the three browsers turns from run to run: each run follows the previous
      // one's page teardown in another browser, and no configuration always gets the same one.
      const order = [
        () => measure(without, url + path, false, 'totals').then((r) => b.push(r)),
        () => measure(control, url + path, true, 'totals').then((r) => c.push(r)),
        () => measure(withExt, url + path, true, 'totals').then((r) => a.push(r)),
      ];
      for (let i = 0; i < runs; i++) for (let k = 0; k < 3; k++) await order[(i + k) % 3]!();
      // Tasks and the profiler come from runs of their own: a trace costs the page's main thread
      // time of its own, more with an extension than without, and would count in the totals.
      const ta: Run[] = [];
      const tc: Run[] = [];
      for (let i = 0; i < runs; i++) {
        tc.push(await measure(control, url + path, true, 'tasks'));
        ta.push(await measure(withExt, url + path, true, 'tasks'));
      }
      for (let i = 0; i < runs; i++) {
        pc.push(await measure(control, url + path, true, 'profile'));
        pa.push(await measure(withExt, url + path, true, 'profile'));
      }
      const w = (k: keyof Run, rs: Run[]) => median(rs.map((r) => r[k]));
      const added = median(a.map((r, i) => r.taskMs - b[i].taskMs));
      const addedVsControl = median(a.map((r, i) => r.taskMs - c[i].taskMs));
      const claims = /data-claims="(\d+)"/.exec(html)?.[1] ?? '0';
      console.log(
        `${path.replace('/bench/', '').padEnd(30)}${fmt(text(html) / 1024)}  ${claims.padStart(6)} |        ${fmt(w('taskMs', b))}  ${fmt(w('taskMs', c))} ${fmt(w('taskMs', a))} |        ${fmt(added)}      ${fmt(addedVsControl)} |   ${fmt(w('extMs', pa))} ${fmt(w('extMs', pc)).trim().padStart(6)}  |       ${fmt(w('longestMs', ta))}  ${fmt(w('longestMs', tc)).trim().padStart(6)} |          ${fmt(w('longTasks', ta))}  ${fmt(w('longTasks', tc)).trim().padStart(6)} |                        ${fmt(w('ourLongestMs', pa))} |          ${fmt(w('idleAfterLoadMs', a))} | ${fmt(w('flags', a))}`,
      );
    }
    console.log(`main thread = TaskDuration from navigation until ${WINDOW_MS} ms after load, the same window for every run, from runs without tracing (tasks and the profile come from traced runs of their own).`);
    console.log('added = median over runs of (TaskDuration with − without, or with − control), same page, same process.');
    console.log('control = this build with a content script that only marks itself idle: the cost of having any content script.');
    console.log('in extension code = main-thread time under extension frames, from V8\'s sampling profiler (ours, then the control\'s content script): the precise figure; the totals also carry rendering and the page\'s own run-to-run variation.');
    console.log('longest task / tasks >=50 ms: every main-thread task from the moment the host appeared (ours, then the control\'s), the page\'s own included: what the control shows is not ours.');
    console.log('longest task running our code: the longest main-thread task in which the profiler sampled extension code, median of the profiled runs (the profiler slows scripts, so this errs high).');
  } finally {
    await withExt.close();
    await without.close();
    await control.close();
    server.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runPageBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
