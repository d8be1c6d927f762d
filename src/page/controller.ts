/**
 * The in-page flow: read the page (in slices) → prefilter each block → send only the posts that
 * mention a covered substance to the background engine → map findings to ranges → highlights,
 * the findings list and the popover. Then watch the page and re-read only what changed.
 *
 * The page pays for the cheap part only: no compromise here, no rule internals either.
 */
import { browser } from 'wxt/browser';
import type { Finding } from '../engine/types';
import type { Prefilter } from '../engine/prefilter';
import type { Message, PageReport, ScanResponse } from '../shared/messages';
import { DEFAULT_SETTINGS, isSiteEnabled, type Settings } from '../shared/settings';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { extractBlocks, sectionOf, type PageBlock } from './extract';
import { createHighlighter, type Highlighter } from './highlights';
import { itemAtPoint } from './hit-test';
import { createHost, type Host } from './host';
import { blockRange } from './ranges';
import { runSliced, watchChanges, yieldToPage, type ChangeBatch } from './scheduler';
import { renderUi, unmountUi } from './ui';
import type { PopoverPos } from '../ui/Popover';

/** A post/section as read: the unit the engine sees together and the unit we re-read on change. */
interface Unit {
  el: Element;
  id: string;
  blocks: PageBlock[];
  /** Text of all blocks: the cache key (same text → same findings, no new scan). */
  key: string;
  /** Findings with `block` = index into this unit's blocks; null = not scanned (not in scope). */
  findings: Finding[] | null;
}

interface Shown {
  finding: Finding;
  range: Range;
}

/** One scan request stays well under messaging limits and keeps each JSON parse short. */
const MAX_BATCH_CHARS = 200_000;

export function startPageLens(prefilter: Prefilter, coveredIds: ReadonlySet<string>, rulesVersion: string, signal: AbortSignal): void {
  if (!document.documentElement || document.querySelector('peptide-lens')) return;
  const host = createHost();
  const highlighter = createHighlighter(host.overlay);
  const body = () => document.body ?? document.documentElement;

  let settings: Settings = DEFAULT_SETTINGS;
  let enabled = false;
  const units = new Map<Element, Unit>();
  const cache = new Map<string, Finding[]>();
  const ranges = new WeakMap<Finding, Range | null>();
  const sectionIds = new WeakMap<Element, string>();
  let nextSectionId = 0;
  let shown: Shown[] = [];
  let listOpen = false;
  let announcement = '';
  let popover: { index: number; pos: PopoverPos; reported: boolean } | null = null;
  let returnFocus: HTMLElement | null = null;
  let lastUrl = location.href;
  let titleCovered = false;
  let lastRulesVersion = rulesVersion;

  // ---- reading the page -------------------------------------------------------------------

  let running: Promise<void> | null = null;
  let queuedAll = false;
  const queuedRoots = new Set<Element>();

  /** Ask for a re-read of `roots` (or the whole page); passes never overlap. */
  function request(roots: Element[] | 'all'): Promise<void> {
    if (roots === 'all') queuedAll = true;
    else for (const r of roots) queuedRoots.add(r);
    host.setState('scanning');
    if (!running) {
      running = (async () => {
        while (enabled && !signal.aborted && (queuedAll || queuedRoots.size)) {
          const all = queuedAll;
          const rs = [...queuedRoots];
          queuedAll = false;
          queuedRoots.clear();
          await pass(all ? 'all' : rs);
        }
        running = null;
        render();
      })();
    }
    return running;
  }

  /** Cheap yes/no before any walking: could this text matter at all? */
  const mayMatter = (text: string | null | undefined) => titleCovered || (!!text && prefilter.testCovered(text));

  async function pass(roots: Element[] | 'all'): Promise<void> {
    // A title puts the whole page in scope only through a strong alias: "LR3" alone is often a car.
    titleCovered = prefilter.mentions(document.title).some((m) => !m.weak && coveredIds.has(m.substance));
    const b = body();
    let targets: Element[];
    if (roots === 'all') {
      // Nothing covered in the whole text (and no shadow tree to hide it): done, no walk at all.
      if (!mayMatter(b.textContent) && !hasOpenShadowRoot(b)) {
        units.clear();
        return;
      }
      targets = [b];
    } else {
      // Drop roots inside other roots: one walk each.
      targets = roots.filter((r) => r.isConnected && !roots.some((o) => o !== r && o.contains(r)));
    }

    const fresh: PageBlock[] = [];
    for (const root of targets) {
      const ex = extractBlocks(root, b);
      if (!(await runSliced(ex.step, 8, signal))) return;
      for (const sr of ex.shadowRoots) watcher.observe(sr);
      fresh.push(...ex.blocks);
    }

    // Replace the units that were re-read.
    for (const el of [...units.keys()]) {
      if (!el.isConnected || targets.some((t) => t === el || t.contains(el))) units.delete(el);
    }
    const grouped = new Map<Element, PageBlock[]>();
    for (const blk of fresh) {
      let list = grouped.get(blk.section);
      if (!list) grouped.set(blk.section, (list = []));
      list.push(blk);
    }
    const toScan: Unit[] = [];
    for (const [el, blocks] of grouped) {
      let id = sectionIds.get(el);
      if (!id) sectionIds.set(el, (id = `s${nextSectionId++}`));
      const key = blocks.map((x) => x.text).join('\n');
      const unit: Unit = { el, id, blocks, key, findings: null };
      units.set(el, unit);
      const cached = cache.get(key);
      // Same text read again (a re-render, a route visited before): no new scan. Copies, because
      // ranges are cached per finding object and these blocks are new nodes.
      if (cached) unit.findings = cached.map((f) => ({ ...f }));
      else if (titleCovered || blocks.some((x) => prefilter.testCovered(x.text))) toScan.push(unit);
    }
    if (!toScan.length) return;

    // What the reader can see goes first, so the first flags show while the rest is scanned.
    const vh = innerHeight;
    const visible = (u: Unit) => {
      const r = (u.el === b ? u.blocks[0].runs[0].node.parentElement ?? b : u.el).getBoundingClientRect();
      return r.bottom >= 0 && r.top <= vh;
    };
    toScan.sort((x, y) => Number(visible(y)) - Number(visible(x)));
    for (const batch of batches(toScan)) {
      if (signal.aborted || !enabled) return;
      await scanBatch(batch);
      render();
      await yieldToPage();
    }
  }

  function* batches(list: Unit[]): Generator<Unit[]> {
    let cur: Unit[] = [];
    let size = 0;
    for (const u of list) {
      if (cur.length && size + u.key.length > MAX_BATCH_CHARS) {
        yield cur;
        cur = [];
        size = 0;
      }
      cur.push(u);
      size += u.key.length;
    }
    if (cur.length) yield cur;
  }

  async function scanBatch(batch: Unit[]): Promise<void> {
    const owners: { unit: Unit; local: number }[] = [];
    const blocks = batch.flatMap((unit) =>
      unit.blocks.map((blk, local) => {
        owners.push({ unit, local });
        return { text: blk.text, role: blk.role, section: unit.id };
      }),
    );
    let res: ScanResponse | undefined;
    try {
      const msg: Message = { type: 'scan', doc: { title: document.title, url: location.href, blocks } };
      res = (await browser.runtime.sendMessage(msg)) as ScanResponse | undefined;
    } catch (e) {
      console.warn('PeptideLens: scan failed', e);
    }
    for (const u of batch) u.findings = [];
    if (!res?.ok) {
      if (res) console.warn('PeptideLens: scan failed', res.error);
      return;
    }
    lastRulesVersion = res.result.rulesVersion;
    for (const f of res.result.findings) {
      const o = owners[f.block];
      if (o) o.unit.findings!.push({ ...f, block: o.local });
    }
    if (cache.size > 5000) cache.clear();
    for (const u of batch) cache.set(u.key, u.findings!);
  }

  function hasOpenShadowRoot(root: Element): boolean {
    const all = root.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) if (all[i].shadowRoot) return true;
    return false;
  }

  // ---- showing findings ---------------------------------------------------------------------

  const wanted = (f: Finding) =>
    f.severity === 'info' ? settings.infoBadges && (f.kind === 'mention' || settings.kinds[f.kind] !== false) : f.kind === 'mention' || settings.kinds[f.kind];

  function rangeOf(unit: Unit, f: Finding): Range | null {
    let r = ranges.get(f);
    if (r === undefined) {
      const blk = unit.blocks[f.block];
      r = blk ? blockRange(blk, f.blockStart, f.blockEnd) : null;
      ranges.set(f, r);
    }
    return r && !r.collapsed && r.startContainer.isConnected ? r : null;
  }

  let reportTimer: ReturnType<typeof setTimeout> | 0 = 0;
  let lastReportKey = '';

  function render(): void {
    if (!enabled) return;
    const ordered = [...units.values()].filter((u) => u.findings?.length && u.el.isConnected);
    ordered.sort((a, b) => docOrder(a.blocks[0].runs[0].node, b.blocks[0].runs[0].node));
    const next: Shown[] = [];
    for (const u of ordered) {
      for (const f of u.findings!) {
        if (!wanted(f)) continue;
        const range = rangeOf(u, f);
        if (range) next.push({ finding: f, range });
      }
    }
    // Keep the open popover on its finding if that finding is still shown.
    if (popover) {
      const open = shown[popover.index]?.finding;
      const at = next.findIndex((s) => s.finding === open);
      popover = at >= 0 ? { ...popover, index: at } : null;
    }
    shown = next;
    const flags = shown.filter((s) => s.finding.severity === 'flag').length;
    const claims = flags === 1 ? '1 claim' : `${flags} claims`;
    if (shown.length) announcement = `PeptideLens found ${claims} on this page.`;
    paint();
    renderAll();
    host.setState(running || watcher.pending() ? 'scanning' : 'idle', flags);
    scheduleReport();
  }

  function paint(): void {
    const active = popover ? (shown[popover.index]?.range ?? null) : null;
    highlighter.set(
      shown.map((s) => ({ range: s.range, kind: `${s.finding.severity}-${s.finding.kind}` })),
      settings.highlightStyle,
      active,
    );
  }

  function renderAll(): void {
    const findings = shown.map((s) => s.finding);
    renderUi(host.ui, {
      findings,
      flags: findings.filter((f) => f.severity === 'flag').length,
      listOpen,
      announcement,
      popover,
      onToggleList: () => {
        listOpen = !listOpen;
        renderAll();
      },
      onSelect: (i, from) => openFinding(i, from, true),
      onClosePopover: () => closePopover(true),
      onReportWrong: reportWrong,
    });
  }

  function scheduleReport(): void {
    const key = lastUrl + '|' + shown.map((s) => `${s.finding.ruleId}:${s.finding.text}`).join('|');
    if (key === lastReportKey) return;
    if (reportTimer) clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      reportTimer = 0;
      lastReportKey = key;
      const report: PageReport = {
        url: location.href,
        title: document.title,
        scannedAt: new Date().toISOString(),
        extensionVersion: browser.runtime.getManifest().version,
        rulesVersion: lastRulesVersion,
        findings: shown.map((s) => s.finding),
      };
      browser.runtime.sendMessage({ type: 'page-report', report } satisfies Message).catch(() => {});
    }, 250);
  }

  // ---- popover ------------------------------------------------------------------------------

  /** Below the flagged text, or above it when there is more room there; never over it. */
  function placeFor(range: Range): PopoverPos {
    const rects = range.getClientRects();
    const first = rects[0] ?? range.getBoundingClientRect();
    const last = rects[rects.length - 1] ?? first;
    const width = Math.min(440, innerWidth - 16);
    const left = Math.max(8, Math.min(first.left, innerWidth - width - 8));
    const below = innerHeight - last.bottom - 16;
    const above = first.top - 16;
    if (below >= 360 || below >= above) return { top: last.bottom + 8, left, maxHeight: Math.max(160, below) };
    return { bottom: innerHeight - first.top + 8, left, maxHeight: Math.max(160, above) };
  }

  function openFinding(index: number, from: HTMLElement | null, scroll: boolean): void {
    const s = shown[index];
    if (!s) return;
    const active = host.shadow.activeElement as HTMLElement | null;
    if (!popover) returnFocus = from ?? active ?? (document.activeElement as HTMLElement | null);
    if (scroll) {
      const el = s.range.startContainer.parentElement;
      const r = s.range.getBoundingClientRect();
      if (el && (r.top < 0 || r.bottom > innerHeight)) el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    }
    popover = { index, pos: placeFor(s.range), reported: false };
    paint();
    renderAll();
  }

  function closePopover(restore: boolean): void {
    if (!popover) return;
    popover = null;
    paint();
    renderAll();
    const back = returnFocus;
    returnFocus = null;
    if (restore && back?.isConnected) back.focus({ preventScroll: true });
  }

  function reportWrong(index: number): void {
    const f = shown[index]?.finding;
    if (!f || !popover) return;
    const msg: Message = {
      type: 'wrong-flag',
      record: {
        ruleId: f.ruleId,
        kind: f.kind,
        quote: f.text,
        sentence: f.sentence,
        url: location.href,
        rulesVersion: lastRulesVersion,
        at: new Date().toISOString(),
      },
    };
    browser.runtime.sendMessage(msg).catch(() => {});
    popover = { ...popover, reported: true };
    renderAll();
  }

  // Keep the popover attached to its text while the page scrolls.
  let frame = 0;
  const follow = () => {
    if (!popover || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const s = popover && shown[popover.index];
      if (!s || !popover) return;
      popover = { ...popover, pos: placeFor(s.range) };
      renderAll();
    });
  };

  // ---- page events (all passive; we never block or cancel what the page does) ----------------

  const onClick = (e: MouseEvent) => {
    if (!enabled || e.button !== 0) return;
    const path = e.composedPath();
    if (path.includes(host.el)) return;
    if (popover) closePopover(false);
    if (!shown.length) return;
    const sel = getSelection();
    if (sel && !sel.isCollapsed) return; // the reader is selecting text
    // Links, buttons and fields keep their own click; the findings list still reaches the flag.
    if ((e.target as Element | null)?.closest?.('a[href],button,input,textarea,select,label,summary,[contenteditable]')) return;
    const i = itemAtPoint(
      shown.map((s) => ({ range: s.range, flag: s.finding.severity === 'flag' })),
      e.clientX,
      e.clientY,
    );
    if (i >= 0) openFinding(i, null, false);
  };

  const onKey = (e: KeyboardEvent) => {
    if (!enabled) return;
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyL') {
      if (!shown.length) return;
      e.preventDefault();
      listOpen = true;
      renderAll();
      host.shadow.querySelector<HTMLElement>('.pl-item')?.focus();
    } else if (e.key === 'Escape' && popover) {
      closePopover(true);
    }
  };

  const watcher = watchChanges((n) => n === host.el || host.el.contains(n), onChanges);

  function onChanges(batch: ChangeBatch): void {
    if (!enabled) return;
    if (location.href !== lastUrl) {
      // Client-side navigation: the old route's findings go, the new route is read afresh.
      lastUrl = location.href;
      units.clear();
      closePopover(false);
      render();
      void request('all');
      return;
    }
    const b = body();
    const roots = new Set<Element>();
    let all = false;
    const hadFindings = (s: Element) => {
      for (const u of units.values()) if (u.findings?.length && (u.el === s || s.contains(u.el) || !u.el.isConnected)) return true;
      return false;
    };
    for (const t of batch.targets) {
      if (!t.isConnected) continue;
      const el = t instanceof Element ? t : t.parentElement;
      if (!el) continue;
      const s = sectionOf(el, b);
      if (s === b) {
        if (all) continue;
        // Page-level change: worth a re-read only if it brings covered text or touches findings.
        const addedText = batch.added.some((n) => n.isConnected && mayMatter(n.textContent));
        if (addedText || hadFindings(b) || (t instanceof Element && t !== b && mayMatter(t.textContent))) all = true;
      } else if (!roots.has(s) && (hadFindings(s) || mayMatter(s.textContent))) roots.add(s);
    }
    if (all) void request('all');
    else if (roots.size) void request([...roots]);
    else render();
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  function enable(): void {
    enabled = true;
    delete host.el.dataset.disabled;
    addEventListener('click', onClick, { capture: true, passive: true });
    addEventListener('keydown', onKey, { capture: true });
    addEventListener('scroll', follow, { capture: true, passive: true });
    watcher.observe(body());
    void request('all');
  }

  function disable(): void {
    enabled = false;
    watcher.disconnect();
    removeEventListener('click', onClick, { capture: true });
    removeEventListener('keydown', onKey, { capture: true });
    removeEventListener('scroll', follow, { capture: true });
    units.clear();
    shown = [];
    popover = null;
    highlighter.clear();
    unmountUi(host.ui);
    host.el.dataset.disabled = 'true';
    host.setState('idle', 0);
  }

  const apply = (s: Settings) => {
    settings = s;
    const on = isSiteEnabled(s, location.hostname);
    if (on && !enabled) enable();
    else if (!on && enabled) disable();
    else if (on) render();
    else host.setState('idle', 0);
  };

  const browserMessages = (raw: unknown) => {
    const msg = raw as Message;
    if (msg?.type !== 'show-finding') return undefined;
    if (!shown[msg.index]) return Promise.resolve({ ok: false, error: 'No such finding on this page.' });
    openFinding(msg.index, null, true);
    return Promise.resolve({ ok: true });
  };
  browser.runtime.onMessage.addListener(browserMessages);

  const stopSettings = onSettingsChanged(apply);
  void loadSettings().then((s) => {
    if (signal.aborted) return;
    if (!isSiteEnabled(s, location.hostname)) {
      settings = s;
      disable();
    } else apply(s);
  });

  signal.addEventListener('abort', () => {
    disable();
    stopSettings();
    browser.runtime.onMessage.removeListener(browserMessages);
    host.remove();
  });
}

/** Document order, looking through shadow roots to their hosts. */
function docOrder(a: Node, b: Node): number {
  const up = (n: Node) => {
    let x = n;
    for (let r = x.getRootNode(); r instanceof ShadowRoot; r = x.getRootNode()) x = r.host;
    return x;
  };
  const [x, y] = a.getRootNode() === b.getRootNode() ? [a, b] : [up(a), up(b)];
  if (x === y) return 0;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
