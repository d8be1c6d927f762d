/**
 * The in-page flow: read the page (in slices) → prefilter each block → send only the posts that
 * mention a covered substance to the background engine → map findings to ranges → highlights,
 * the findings list and the popover. Then watch the page and re-read only what changed.
 *
 * The page pays for the cheap part only: no compromise here, no rule internals either. Posts whose
 * text names nothing covered are not even walked; scan answers are compact (details once per
 * distinct value); the page report names findings by the background's ids.
 */
import { browser } from 'wxt/browser';
import type { Finding } from '../engine/types';
import type { Prefilter } from '../engine/prefilter';
import {
  wholeFinding,
  type FindingDetail,
  type Message,
  type PageFinding,
  type PageReportAck,
  type PageReportRef,
  type PageScanResponse,
} from '../shared/messages';
import { DEFAULT_SETTINGS, isSiteEnabled, type Settings } from '../shared/settings';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { extractBlocks, sectionOf, SECTION_SELECTOR, type PageBlock } from './extract';
import { customElementsIn, findNamedSliced, type GateMatcher, type NamedText } from './gate';
import { createFindingsList, type ListEntry } from '../ui/findings-list';
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
  findings: Item[] | null;
}

/** A finding as the page holds it: compact, with its shared detail entry. */
interface Item extends ListEntry {
  f: PageFinding;
  d: FindingDetail;
}

interface Shown {
  item: Item;
  range: Range;
}

/** One scan request stays well under messaging limits and keeps each answer's parse short. */
const MAX_BATCH_CHARS = 60_000;
/** Least time between two highlight updates while a pass is still scanning. */
const PAINT_GAP_MS = 1000;

export interface LensOptions {
  prefilter: Prefilter;
  coveredIds: ReadonlySet<string>;
  rulesVersion: string;
  signal: AbortSignal;
  /** The page gate's matcher (src/page/gate.ts): the Text nodes naming a covered substance, without copying the page's text. */
  gate: GateMatcher;
  /** The host the gate already put up. */
  host?: HTMLElement;
  /** The settings the gate read (saves a storage round trip before the first pass). */
  settings?: Settings;
  /** What the gate's load-time query found, if the page has not changed since (first pass only). */
  named?: NamedText[];
}

export function startPageLens({ prefilter, coveredIds, rulesVersion, signal, gate, host: hostEl, settings: initial, named: gateFound }: LensOptions): void {
  if (!document.documentElement) return;
  const host = createHost(hostEl);
  const highlighter = createHighlighter(host.overlay);
  // Preact draws the announcement and the popover; the findings list is plain DOM beside it.
  const appEl = document.createElement('div');
  host.ui.append(appEl);
  let list: ReturnType<typeof createFindingsList> | null = null;
  const pageId = Math.random().toString(36).slice(2);
  const body = () => document.body ?? document.documentElement;

  let settings: Settings = DEFAULT_SETTINGS;
  let enabled = false;
  const units = new Map<Element, Unit>();
  /** The units in document order (kept sorted as passes add units: no re-sorting per render). */
  let order: Unit[] = [];
  const cache = new Map<string, Item[]>();
  const ranges = new WeakMap<Item, Range | null>();
  const whole = new WeakMap<Item, Finding>();
  const sectionIds = new WeakMap<Element, string>();
  let nextSectionId = 0;
  let shown: Shown[] = [];
  let announcement = '';
  let popover: { index: number; pos: PopoverPos; reported: boolean } | null = null;
  let uiDrawn = false;
  let returnFocus: HTMLElement | null = null;
  let lastUrl = location.href;
  let titleCovered = false;
  let lastRulesVersion = rulesVersion;

  // ---- reading the page -------------------------------------------------------------------

  let running: Promise<void> | null = null;
  let shownFlags = 0;
  /** The host is displayed (something to show). */
  let hostShown = false;
  /** A paint() waiting for the frame that first shows the host (see render). */
  let paintWaiting: Promise<void> | null = null;
  let queuedAll = false;
  const queuedRoots = new Set<Element>();

  /** Ask for a re-read of `roots` (or the whole page); passes never overlap. */
  function request(roots: Element[] | 'all'): Promise<void> {
    if (roots === 'all') queuedAll = true;
    else for (const r of roots) queuedRoots.add(r);
    host.setState('scanning');
    if (!running) {
      runningSince = performance.now();
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

  /**
   * Substances whose bare weak alias ("LR3") is off for this page: somewhere it says "Land Rover"
   * or "Discovery 3". Worked out once per whole-page pass, like the engine does per document, and
   * only when a weak alias was seen (a page that says only "IGF-1 LR3" never pays for it).
   */
  let weakOff: ReadonlySet<string> = new Set();
  let collisionsChecked = false;
  /** Does this text name a covered substance (a weak alias only where the page allows it)? */
  const namesCovered = (text: string) =>
    prefilter.testCovered(text) &&
    (!weakOff.size || prefilter.mentions(text).some((m) => coveredIds.has(m.substance) && !(m.weak && weakOff.has(m.substance))));

  /** Cheap yes/no before any walking: could this text matter at all? */
  const mayMatter = (text: string | null | undefined) => titleCovered || (!!text && namesCovered(text));

  async function pass(roots: Element[] | 'all'): Promise<void> {
    // A title puts the whole page in scope only through a strong alias: "LR3" alone is often a car.
    titleCovered = prefilter.mentions(document.title).some((m) => !m.weak && coveredIds.has(m.substance));
    const b = body();
    if (roots === 'all') {
      weakOff = new Set();
      collisionsChecked = false;
    }
    // Drop roots inside other roots: one walk each.
    const targets = roots === 'all' ? [b] : roots.filter((r) => r.isConnected && !roots.some((o) => o !== r && o.contains(r)));

    const fresh: PageBlock[] = [];
    for (const root of targets) {
      // Posts whose text names nothing covered are not walked (unless a shadow tree inside could).
      let skip: Set<Element> | undefined;
      if (!titleCovered) {
        const named = await namedIn(root);
        const hosts = named && (await shadowHosts(root));
        if (!named || !hosts) return;
        // Nothing named in the whole page and no shadow tree to hide text: done, no walk at all.
        if (roots === 'all' && !named.length && !hosts.length) {
          dropUnits([b]);
          return;
        }
        skip = quietSections(root, named, hosts);
      }
      const ex = extractBlocks(root, b, skip);
      if (!(await runSliced(ex.step, 8, signal))) return;
      for (const sr of ex.shadowRoots) watcher.observe(sr);
      fresh.push(...ex.blocks);
    }

    await yieldToPage();
    if (signal.aborted || !enabled) return;
    dropUnits(targets);
    const grouped = new Map<Element, PageBlock[]>();
    for (const blk of fresh) {
      let list = grouped.get(blk.section);
      if (!list) grouped.set(blk.section, (list = []));
      list.push(blk);
    }
    const toScan: Unit[] = [];
    const added: Unit[] = [];
    for (const [el, blocks] of grouped) {
      let id = sectionIds.get(el);
      if (!id) sectionIds.set(el, (id = `s${nextSectionId++}`));
      const key = blocks.map((x) => x.text).join('\n');
      const unit: Unit = { el, id, blocks, key, findings: null };
      const old = units.get(el);
      const at = old ? order.indexOf(old) : -1;
      if (at >= 0) order.splice(at, 1);
      units.set(el, unit);
      added.push(unit);
      const cached = cache.get(key);
      // Same text read again (a re-render, a route visited before): no new scan. Copies, because
      // ranges are cached per item and these blocks are new nodes.
      if (cached) unit.findings = cached.map((it) => ({ ...it }));
      else if (titleCovered || blocks.some((x) => namesCovered(x.text))) toScan.push(unit);
    }
    placeUnits(added);
    if (!toScan.length) return;

    // What the reader can see goes first, so the first flags show while the rest is scanned.
    const vh = innerHeight;
    const seen = new Map<Unit, number>();
    for (const u of toScan) {
      const r = (u.el === b ? u.blocks[0].runs[0].node.parentElement ?? b : u.el).getBoundingClientRect();
      seen.set(u, r.bottom >= 0 && r.top <= vh ? 1 : 0);
    }
    toScan.sort((x, y) => seen.get(y)! - seen.get(x)!);
    await yieldToPage();
    for (const batch of batches(toScan)) {
      if (signal.aborted || !enabled) return;
      await scanBatch(batch);
      render();
      await yieldToPage();
    }
  }

  /** Forget the units read under `targets` (and any detached one). */
  function dropUnits(targets: Element[]): void {
    for (const el of [...units.keys()]) {
      if (!el.isConnected || targets.some((t) => t === el || t.contains(el))) units.delete(el);
    }
    order = order.filter((u) => units.get(u.el) === u);
  }

  /**
   * Put new units into `order`. They arrive in walk order, which is document order except for
   * shadow trees (walked after the light tree): those, and any unit of a partial re-read, find
   * their place by binary search (a few compareDocumentPosition calls each, not a sort per render).
   */
  function placeUnits(added: Unit[]): void {
    if (!added.length) return;
    const first = (u: Unit) => u.blocks[0].runs[0].node;
    const inLight = (u: Unit) => !(first(u).getRootNode() instanceof ShadowRoot);
    if (!order.length) {
      const light = added.filter(inLight);
      if (light.length === added.length) {
        order = light;
        return;
      }
      order = light;
      added = added.filter((u) => !inLight(u));
    }
    for (const u of added) {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (docOrder(first(order[mid]), first(u)) < 0) lo = mid + 1;
        else hi = mid;
      }
      order.splice(lo, 0, u);
    }
  }

  /**
   * The Text nodes under `root` that name a covered substance (the gate's native query, then the
   * alias regexes on those few nodes); a weak alias counts only where the page allows it. The
   * page-wide collision check runs the first time a weak alias is seen in a pass. null = aborted.
   */
  async function namedIn(root: Element): Promise<Text[] | null> {
    // The gate's answer for the whole page serves the first pass (it checked nothing changed since).
    const found = root === body() && gateFound ? gateFound : await findNamedSliced(root, gate, yieldToPage, { signal });
    gateFound = undefined;
    if (!found) return null;
    const titleWeak = !titleCovered && prefilter.mentions(document.title).some((m) => m.weak && coveredIds.has(m.substance));
    if ((titleWeak || found.some((f) => !f.strong)) && !collisionsChecked) {
      const blocked = await pageCollisions();
      if (!blocked) return null;
      weakOff = blocked;
      collisionsChecked = true;
    }
    return found.filter((f) => f.strong || namesCovered(f.text)).map((f) => f.node);
  }

  /**
   * Substances whose weak alias the page's collision context turns off (prefilter.weakBlocked over
   * the title and all the page's text), read node by node in slices: no long task, no copy of the
   * whole page. null = aborted.
   */
  async function pageCollisions(): Promise<Set<string> | null> {
    const blocked = prefilter.weakBlocked([document.title]);
    const walker = document.createTreeWalker(body(), NodeFilter.SHOW_TEXT);
    let chunk = '';
    const test = () => {
      for (const id of prefilter.weakBlocked([chunk])) blocked.add(id);
      chunk = chunk.slice(-40); // a collision phrase may run on into the next chunk
    };
    const ok = await runSliced((budget) => {
      const until = performance.now() + budget;
      for (let n = 0, node = walker.nextNode(); node; node = walker.nextNode()) {
        chunk += (node as Text).data;
        if (chunk.length > 32_000) test();
        if ((++n & 255) === 0 && performance.now() > until) return false;
      }
      test();
      return true;
    }, 8, signal);
    return ok ? blocked : null;
  }

  /** Open shadow roots' hosts under `root` (custom elements only, see gate.ts); null = aborted. */
  async function shadowHosts(root: Element): Promise<Element[] | null> {
    const found: Element[] = [];
    const hits = customElementsIn(root);
    let i = 0;
    const ok = await runSliced((budget) => {
      const until = performance.now() + budget;
      for (; i < hits.snapshotLength; i++) {
        const el = hits.snapshotItem(i) as Element;
        if (el.shadowRoot) found.push(el);
        if ((i & 255) === 255 && performance.now() > until) {
          i++;
          return false;
        }
      }
      return true;
    }, 8, signal);
    return ok ? found : null;
  }

  /**
   * Posts under `root` that hold none of the `named` Text nodes and no shadow host: not worth a
   * walk. No post's text is read: a post is loud when a named node or a shadow host is inside it.
   */
  function quietSections(root: Element, named: Node[], hosts: Element[]): Set<Element> {
    const loud = new Set<Element>();
    for (const n of [...named, ...hosts]) {
      // A shadow host may be a post itself; a Text node's post is around its parent.
      for (let e = n instanceof Element ? n : n.parentElement, s = e?.closest(SECTION_SELECTOR); s && !loud.has(s); s = e?.closest(SECTION_SELECTOR)) {
        loud.add(s);
        e = s.parentElement;
      }
    }
    const quiet = new Set<Element>();
    for (const s of root.querySelectorAll(SECTION_SELECTOR)) if (!loud.has(s)) quiet.add(s);
    return quiet;
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
    let res: PageScanResponse | undefined;
    try {
      const msg: Message = { type: 'scan', page: pageId, doc: { title: document.title, url: location.href, blocks } };
      res = (await browser.runtime.sendMessage(msg)) as PageScanResponse | undefined;
    } catch (e) {
      console.warn('PeptideLens: scan failed', e);
    }
    for (const u of batch) u.findings = [];
    if (!res?.ok) {
      if (res) console.warn('PeptideLens: scan failed', res.error);
      return;
    }
    lastRulesVersion = res.rulesVersion;
    for (const pf of res.findings) {
      const o = owners[pf.block];
      const d = res.details[pf.detail];
      if (!o || !d) continue;
      const f = { ...pf, block: o.local };
      o.unit.findings!.push({ f, d, severity: f.severity, kind: f.kind, ruleId: f.ruleId, text: f.text, substanceName: d.substanceName });
    }
    if (cache.size > 5000) cache.clear();
    for (const u of batch) cache.set(u.key, u.findings!);
  }

  // ---- showing findings ---------------------------------------------------------------------

  const wanted = (f: Item) =>
    f.severity === 'info' ? settings.infoBadges && (f.kind === 'mention' || settings.kinds[f.kind] !== false) : f.kind === 'mention' || settings.kinds[f.kind];

  function rangeOf(unit: Unit, it: Item): Range | null {
    let r = ranges.get(it);
    if (r === undefined) {
      const blk = unit.blocks[it.f.block];
      r = blk ? blockRange(blk, it.f.blockStart, it.f.blockEnd) : null;
      ranges.set(it, r);
    }
    return r && !r.collapsed && r.startContainer.isConnected ? r : null;
  }

  /** The full finding (popover, wrong-flag record), made once per item so its identity holds. */
  function findingOf(it: Item): Finding {
    let f = whole.get(it);
    if (!f) whole.set(it, (f = wholeFinding(it.f, it.d)));
    return f;
  }

  let reportTimer: ReturnType<typeof setTimeout> | 0 = 0;
  let lastReportKey = '';
  let lastPaintAt = 0;
  let runningSince = 0;

  function render(): void {
    if (!enabled) return;
    const next: Shown[] = [];
    for (const u of order) {
      if (!u.findings?.length || !u.el.isConnected) continue;
      for (const it of u.findings) {
        if (!wanted(it)) continue;
        const range = rangeOf(u, it);
        if (range) next.push({ item: it, range });
      }
    }
    // Keep the open popover on its finding if that finding is still shown.
    if (popover) {
      const open = shown[popover.index]?.item;
      const at = next.findIndex((s) => s.item === open);
      popover = at >= 0 ? { ...popover, index: at } : null;
    }
    shown = next;
    const flags = shown.reduce((n, s) => n + (s.item.severity === 'flag' ? 1 : 0), 0);
    const claims = flags === 1 ? '1 claim' : `${flags} claims`;
    if (shown.length) announcement = `PeptideLens found ${claims} on this page.`;
    // Anything the page shows costs it a rendering update, and on a large page every update has a
    // floor (~15–25 ms on the 5,000-post forum, even for one changed word of the page's own): a
    // change to the highlight registry repaints the page's text, showing the host redoes
    // compositing for the page. So changes are batched: at the end of a pass, and while it is
    // still scanning (what is on screen goes first) at most every PAINT_GAP_MS — a pass under a
    // second shows once. The one exception: the first time the host appears, the highlights wait
    // one frame, so the two largest updates are two frames of ~25–35 ms, not one of 50+.
    const now = performance.now();
    const due = !running || now - Math.max(lastPaintAt, runningSince) >= PAINT_GAP_MS;
    if (due) {
      lastPaintAt = now;
      const showing = shown.length > 0 || !!popover;
      if (showing && !hostShown) paintAfterNextFrame();
      else if (!paintWaiting) paint();
      renderAll();
      if (shown.length || list) {
        list ??= mountList();
        list.set(
          shown.map((s) => s.item),
          flags,
        );
      }
      host.show(showing);
      hostShown = showing;
    }
    host.setState('scanning', flags);
    scheduleReport();
    shownFlags = flags;
    // Entries are made once the pass is over (one build, not one per batch); highlights show now.
    if (!running) void finishList();
  }

  /** paint() once the next frame (the one that shows the host) is done; resolves when painted. */
  function paintAfterNextFrame(): void {
    if (paintWaiting) return;
    let done = false;
    paintWaiting = new Promise<void>((resolve) => {
      const run = () => {
        if (done) return;
        done = true;
        paintWaiting = null;
        if (enabled) paint();
        resolve();
      };
      // A hidden tab has no frames (and nothing to see): paint now. The timer is a backstop.
      if (document.visibilityState === 'hidden') return run();
      requestAnimationFrame(() => setTimeout(run));
      setTimeout(run, 500);
    });
  }

  function mountList() {
    const l = createFindingsList((i, from) => openFinding(i, from, true));
    host.ui.append(l.el);
    return l;
  }

  /** Build the list entries in short slices; "idle" (all shown) once they are all there. */
  async function finishList(): Promise<void> {
    const l = list;
    if (l && !(await runSliced(l.step, 8, signal))) return;
    if (paintWaiting) await paintWaiting;
    // Another render may have set new entries meanwhile: its own call finishes them.
    if (!running && !watcher.pending() && enabled && (!list || list.step(0))) host.setState('idle', shownFlags);
  }

  function paint(): void {
    const active = popover ? (shown[popover.index]?.range ?? null) : null;
    highlighter.set(
      shown.map((s) => ({ range: s.range, kind: `${s.item.severity}-${s.item.kind}` })),
      settings.highlightStyle,
      active,
    );
  }

  function renderAll(): void {
    // Nothing drawn yet and nothing to draw: no component render at all (most pages).
    if (!uiDrawn && !popover && !announcement) return;
    uiDrawn = true;
    const open = popover && shown[popover.index] ? popover : null;
    renderUi(appEl, {
      announcement,
      popover: open ? { finding: findingOf(shown[open.index].item), pos: open.pos, reported: open.reported } : null,
      onClosePopover: () => closePopover(true),
      onReportWrong: () => popover && reportWrong(popover.index),
    });
  }

  function scheduleReport(): void {
    const key = lastUrl + '|' + shown.map((s) => s.item.f.id).join(',');
    if (key === lastReportKey) return;
    if (reportTimer) clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      reportTimer = 0;
      lastReportKey = key;
      const items = shown.map((s) => s.item);
      const report: PageReportRef = {
        url: location.href,
        title: document.title,
        scannedAt: new Date().toISOString(),
        extensionVersion: browser.runtime.getManifest().version,
        rulesVersion: lastRulesVersion,
        shown: items.map((it) => it.f.id),
      };
      const send = (r: PageReportRef) => browser.runtime.sendMessage({ type: 'page-report', page: pageId, report: r } satisfies Message) as Promise<PageReportAck | undefined>;
      send(report)
        .then((ack) => {
          // The background was restarted and lost the findings it computed: send them whole, once.
          if (ack && !ack.ok && ack.resend) return send({ ...report, findings: items.map(findingOf) });
        })
        .catch(() => {});
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
    const it = shown[index]?.item;
    if (!it || !popover) return;
    const f = findingOf(it);
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
      shown.map((s) => ({ range: s.range, flag: s.item.severity === 'flag' })),
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
      list?.focusFirst();
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
      order = [];
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
    order = [];
    shown = [];
    popover = null;
    announcement = '';
    highlighter.clear();
    unmountUi(appEl);
    uiDrawn = false;
    list?.el.remove();
    list = null;
    host.el.dataset.disabled = 'true';
    host.show(false);
    hostShown = false;
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
  const start = (s: Settings) => {
    if (signal.aborted) return;
    if (!isSiteEnabled(s, location.hostname)) {
      settings = s;
      disable();
    } else apply(s);
  };
  if (initial) start(initial);
  else void loadSettings().then(start);

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
