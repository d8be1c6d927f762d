/**
 * Where the extension's main-thread time goes on the bench pages: a devtools.timeline trace of the
 * page's renderer with the extension loaded. Every top-level task on the main thread is attributed
 * to the extension when it runs content-script code (a chrome-extension:// URL in it) or delivers an
 * extension message; the script prints those tasks' totals, the longest ones, and the time inside
 * them by event name and by content-script function (self time from the sampling profiler).
 *
 * `npx tsx bench/profile-page.ts [forum|none|small]` after `npx wxt build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/e2e/fixtures';
import { startServer } from '../tests/e2e/server';
import { forum, smallPage } from './page';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string };
}

const which = process.argv[2] ?? 'forum';
const html = which === 'forum' ? forum(5000, true) : which === 'none' ? forum(5000, false) : smallPage();

const { server, url } = await startServer({ port: 0, pages: { '/bench/p.html': html, '/bench/warm.html': smallPage() } });
const dir = mkdtempSync(join(tmpdir(), 'pl-prof-'));
const ctx = await launchWithExtension(dir, !process.env.NOEXT);
try {
  const warm = await ctx.newPage();
  await warm.goto(`${url}/bench/warm.html`);
  if (!process.env.NOEXT) await warm.waitForSelector('peptide-lens[data-state="idle"]', { state: 'attached' });
  await warm.close();

  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'v8',
        ...(process.env.NOPROF ? [] : ['disabled-by-default-v8.cpu_profiler']),
        'blink',
        'extensions',
        'ipc',
        'toplevel',
      ],
    },
  } as never);
  await page.goto(`${url}/bench/p.html`, { waitUntil: 'load' });
  // Not waitForSelector: Playwright's selector engine walks the whole DOM on every poll (20–35 ms
  // tasks on the forum page, which would show up in the trace as if they were ours).
  if (!process.env.NOEXT)
    await page.waitForFunction(() => document.querySelector('peptide-lens')?.getAttribute('data-state') === 'idle', null, { timeout: 60_000, polling: 250 });
  await page.waitForTimeout(1500);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  if (process.env.DUMP) { const { writeFileSync } = await import("node:fs"); writeFileSync(process.env.DUMP, JSON.stringify(events)); }
  analyse(events);
  if (!process.env.NOEXT) console.log('flags', await page.locator('peptide-lens').getAttribute('data-flags'));
} finally {
  await ctx.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

function analyse(events: TraceEvent[]): void {
  // The renderer main thread of our page: where the content script was evaluated.
  // (NOEXT=1, no extension: the renderer that parsed the page.)
  const main =
    events.find((e) => e.name === 'EvaluateScript' && String((e.args?.data as { url?: string })?.url ?? '').match(/\/(gate|lens)\.js$/)) ??
    [...events].filter((e) => e.name === 'ParseHTML').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  if (!main) throw new Error('no renderer main thread in trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const isExt = (e: TraceEvent) => /chrome-extension:\/\/|"PeptideLens"/.test(JSON.stringify(e.args ?? {}));
  let ti = 0;
  const extTasks: { task: TraceEvent; children: TraceEvent[] }[] = [];
  let allTask = 0;
  for (const t of tasks) allTask += t.dur!;
  const children = new Map<TraceEvent, TraceEvent[]>();
  for (const e of onMain) {
    if (tasks.includes(e)) continue;
    while (ti < tasks.length && tasks[ti].ts + tasks[ti].dur! < e.ts) ti++;
    const t = tasks[ti];
    if (t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! + 1) {
      let list = children.get(t);
      if (!list) children.set(t, (list = []));
      list.push(e);
    }
  }
  for (const [task, ch] of children) if (ch.some(isExt) || ch.some((c) => /extension|Extension/.test(c.name))) extTasks.push({ task, children: ch });
  const total = extTasks.reduce((n, t) => n + t.task.dur!, 0);
  console.log(`page: ${which}; all main-thread tasks ${(allTask / 1000).toFixed(0)} ms; extension tasks: ${extTasks.length}, ${(total / 1000).toFixed(1)} ms`);
  const longest = [...extTasks].sort((a, b) => b.task.dur! - a.task.dur!).slice(0, 8);
  console.log('longest extension tasks (ms): ' + longest.map((t) => (t.task.dur! / 1000).toFixed(1)).join(', '));
  // Self time by event name inside extension tasks (nested events subtracted).
  const byName = new Map<string, number>();
  for (const { task, children: ch } of extTasks) {
    const stack: TraceEvent[] = [task];
    const self = new Map<TraceEvent, number>([[task, task.dur!]]);
    for (const e of ch) {
      while (stack.length > 1 && stack[stack.length - 1].ts + stack[stack.length - 1].dur! <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      self.set(parent, (self.get(parent) ?? 0) - e.dur!);
      self.set(e, e.dur!);
      stack.push(e);
    }
    for (const [e, s] of self) byName.set(e.name, (byName.get(e.name) ?? 0) + s);
  }
  console.log('self time inside extension tasks by event (ms):');
  for (const [n, s] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${(s / 1000).toFixed(1).padStart(7)}  ${n}`);
  // Sampled JS: every sample whose stack holds a content-script frame is the extension's.
  type Node = { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number } };
  const nodes = new Map<number, Node>();
  const samples: { ts: number; id: number }[] = [];
  let clock = 0;
  for (const e of events) {
    if (e.pid !== main.pid) continue;
    if (e.name === 'Profile') clock = Number((e.args?.data as { startTime?: number })?.startTime ?? 0);
    if (e.name !== 'ProfileChunk') continue;
    const d = e.args?.data as { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    (d?.cpuProfile?.samples ?? []).forEach((id, i) => {
      clock += d?.timeDeltas?.[i] ?? 0;
      samples.push({ ts: clock, id });
    });
  }
  const ext = (n: Node | undefined) => (n?.callFrame.url ?? '').includes('chrome-extension://');
  const extStack = new Map<number, string | null>();
  const extFrame = (id: number): string | null => {
    if (extStack.has(id)) return extStack.get(id)!;
    const n = nodes.get(id);
    const r = !n ? null : ext(n) ? `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}` : n.parent !== undefined ? extFrame(n.parent) : null;
    extStack.set(id, r);
    return r;
  };
  const selfBy = new Map<string, number>();
  const inclBy = new Map<string, number>();
  let extMs = 0;
  const extSampleTimes: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    const { id, ts } = samples[i];
    const dt = (samples[i + 1]?.ts ?? ts) - ts;
    const f = extFrame(id);
    if (!f) continue;
    extMs += dt;
    extSampleTimes.push(ts);
    const n = nodes.get(id)!;
    const leaf = ext(n) ? f : `${n.callFrame.functionName || '(native)'} ← ${f}`;
    selfBy.set(leaf, (selfBy.get(leaf) ?? 0) + dt);
    // inclusive per content-script function
    const seen = new Set<string>();
    for (let x: Node | undefined = n; x; x = x.parent !== undefined ? nodes.get(x.parent) : undefined) {
      if (!ext(x)) continue;
      const k = `${x.callFrame.functionName || '(anon)'}:${x.callFrame.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      inclBy.set(k, (inclBy.get(k) ?? 0) + dt);
    }
  }
  console.log(`sampled JS under content-script frames: ${(extMs / 1000).toFixed(1)} ms`);
  console.log('self time (ms), leaf ← nearest content-script frame:');
  for (const [n, v] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(v / 1000).toFixed(1).padStart(7)}  ${n}`);
  console.log('inclusive time (ms) by content-script function:');
  for (const [n, v] of [...inclBy].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(v / 1000).toFixed(1).padStart(7)}  ${n}`);
  // Tasks holding extension samples: how long they are, and what else (style, layout) they did.
  const sampled = tasks.filter((t) => {
    let lo = 0, hi = extSampleTimes.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (extSampleTimes[m] < t.ts) lo = m + 1; else hi = m; }
    return lo < extSampleTimes.length && extSampleTimes[lo] <= t.ts + t.dur!;
  });
  const sum = sampled.reduce((n, t) => n + t.dur!, 0);
  console.log(`tasks running content-script code: ${sampled.length}, ${(sum / 1000).toFixed(1)} ms; longest: ${sampled.map((t) => t.dur! / 1000).sort((a, b) => b - a).slice(0, 8).map((x) => x.toFixed(1)).join(', ')}`);
  const by2 = new Map<string, number>();
  for (const t of sampled) for (const c of children.get(t) ?? []) if (/Style|Layout|Paint|GC|Parse|compile|Highlight/i.test(c.name)) by2.set(c.name, (by2.get(c.name) ?? 0) + c.dur!);
  for (const [n, v] of [...by2].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${(v / 1000).toFixed(1).padStart(7)}  ${n} (inclusive, inside those tasks)`);
  // Rendering work (not inside script tasks) over the whole trace, for comparison with a run without us.
  const render = new Map<string, number>();
  for (const e of onMain) if (/^(UpdateLayoutTree|Layout|Paint|PrePaint|Layerize|Commit|ParseHTML|HitTest|IntersectionObserverController::computeIntersections)$/.test(e.name)) render.set(e.name, (render.get(e.name) ?? 0) + e.dur!);
  console.log('whole-trace rendering events (ms): ' + [...render].map(([n, v]) => `${n} ${(v / 1000).toFixed(0)}`).join(', '));
}
