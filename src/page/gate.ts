/**
 * The page gate: the only code every page loads and runs. It answers one question as cheaply as
 * the browser allows — could this page name a covered substance? — and loads the in-page lens
 * (highlights, popover, findings list: src/page/controller.ts) only when the answer is yes.
 *
 * Cheap means: no copy of the page's text into script. One XPath query, evaluated in native
 * code, returns just the Text nodes that hold the rule set's gate clues (for IGF-1 LR3: a "3"
 * and one of "lr", "ong", "r3", in lower, UPPER or Capitalized case); only those few are tested
 * with the alias regexes. Reading a 1.8 MB page's textContent instead costs ~35-45 ms; the query
 * ~5-7 ms. The extension API is not touched at all on a page that names nothing.
 *
 * After a "no", the gate watches the page (new posts, single-page-app routes, a changed title)
 * and asks again for what changed, in batches. Knows nothing of rules beyond the gate data.
 */
import type { GateData } from '../rules/gate';
import { DEFAULT_SETTINGS, SETTINGS_KEY, isSiteEnabled, normaliseSettings, type Settings } from '../shared/settings';
import { createHostElement } from './host';
import { yieldToPage } from './scheduler';

export interface GateMatcher {
  query: string;
  strong: RegExp;
  weak: RegExp | null;
}

export function createGateMatcher(data: GateData): GateMatcher {
  return {
    query: data.query,
    strong: new RegExp(data.strong, 'i'),
    weak: data.weak === '(?!)' ? null : new RegExp(data.weak, 'i'),
  };
}

/** A Text node that names a covered substance: by a strong alias, or only by a weak one ("LR3"). */
export interface NamedText {
  node: Text;
  /** The text the alias was found in: the node's own, or its parent's when split over nodes. */
  text: string;
  strong: boolean;
}

/** Text that is never prose: its matches do not count (a "3" in a script is not a mention). */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template']);

function classify(text: string, m: GateMatcher): boolean | null {
  if (m.strong.test(text)) return true;
  if (m.weak?.test(text)) return false;
  return null;
}

/**
 * Text nodes under `root` (an element, document or shadow root; not inside nested shadow trees)
 * that name a covered substance. `firstOnly`: stop at the first.
 */
function findNamed(root: Node, m: GateMatcher, firstOnly = false): NamedText[] {
  const out: NamedText[] = [];
  if (m.query) collect(candidates(root, m.query), m, out, firstOnly);
  return out;
}

/**
 * findNamed() without one long task on a large page: the query itself is one native call
 * (~5-7 ms on a 1.8 MB page here; cutting it into pieces by child position or per post cost 3-6
 * times as much), and the hits are then checked in slices: between them, once `budgetMs` is
 * spent, `pause()` lets the page run. null = `signal` aborted meanwhile.
 */
export async function findNamedSliced(
  root: Element,
  m: GateMatcher,
  pause: () => Promise<void>,
  { budgetMs = 8, signal }: { budgetMs?: number; signal?: AbortSignal } = {},
): Promise<NamedText[] | null> {
  const out: NamedText[] = [];
  if (!m.query) return out;
  const hits = [...candidates(root, m.query)];
  // The query was one native call of up to ~15 ms: the checks start in a task of their own.
  let since = -Infinity;
  for (let i = 0; i < hits.length; i += 64) {
    if (performance.now() - since > budgetMs) {
      await pause();
      if (signal?.aborted) return null;
      since = performance.now();
    }
    collect(hits.slice(i, i + 64), m, out, false);
  }
  return out;
}

/** Classify the candidate Text nodes into `out`; true when `firstOnly` and one was found. */
function collect(nodes: Iterable<Text>, m: GateMatcher, out: NamedText[], firstOnly: boolean): boolean {
  for (const node of nodes) {
    const parent = node.parentElement;
    if (parent && NOT_PROSE.has(parent.localName)) continue;
    let text = node.data;
    let strong = classify(text, m);
    // An alias split over elements ("Long <i>R3</i> IGF-1"): ask the parent, then its parent.
    for (let e = parent, up = 0; strong === null && e && up < 2; e = e.parentElement, up++) {
      const t = e.textContent ?? '';
      if (t.length > 4000) break;
      text = t;
      strong = classify(t, m);
    }
    if (strong === null) continue;
    out.push({ node, text, strong });
    if (firstOnly) return true;
  }
  return false;
}

/** The Text nodes the gate query picks under `root`. XPath takes no shadow root as its context: its children instead. */
function* candidates(root: Node, query: string): Generator<Text> {
  if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
    for (let c = root.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.TEXT_NODE) yield c as Text;
      else if (c.nodeType === Node.ELEMENT_NODE) yield* candidates(c, query);
    }
    return;
  }
  const doc = root.ownerDocument ?? (root as Document);
  let hits: XPathResult;
  try {
    hits = doc.evaluate(query, root, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
  } catch {
    // A document XPath cannot read (none known): every Text node, the regexes decide. Slower, same answer.
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Text;
    return;
  }
  for (let i = 0; i < hits.snapshotLength; i++) yield hits.snapshotItem(i) as Text;
}

/**
 * Custom elements (a dash in the tag name) under `root`: where web components keep open shadow
 * trees, whose text is not in the page's own tree. Found by XPath in native code, so a page of
 * 100k plain elements costs no per-element wrapper in our world. (A shadow root attached to a
 * plain <div> is not read; see README, "What is read".)
 */
export function customElementsIn(root: Element | Document): { snapshotLength: number; snapshotItem(i: number): Node | null } {
  const doc = root.ownerDocument ?? (root as Document);
  try {
    return doc.evaluate(".//*[contains(local-name(), '-')]", root, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
  } catch {
    const all = [...root.querySelectorAll('*')].filter((e) => e.localName.includes('-'));
    return { snapshotLength: all.length, snapshotItem: (i) => all[i] ?? null };
  }
}

/** Does `root`, or an open shadow tree under it (at any depth), name a covered substance? */
export function namesAnything(root: Node, m: GateMatcher): boolean {
  if (findNamed(root, m, true).length) return true;
  return shadowNames(root, m);
}

/** Does an open shadow tree under `root` (at any depth) name a covered substance? */
function shadowNames(root: Node, m: GateMatcher): boolean {
  const scopes = root.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? [...(root as ShadowRoot).children] : [root as Element];
  for (const scope of scopes) {
    if (scope.shadowRoot && namesAnything(scope.shadowRoot, m)) return true;
    const els = customElementsIn(scope);
    for (let i = 0; i < els.snapshotLength; i++) {
      const sr = (els.snapshotItem(i) as Element).shadowRoot;
      if (sr && namesAnything(sr, m)) return true;
    }
  }
  return false;
}

// ---- the content script's flow ------------------------------------------------------------------

/** What the gate hands the lens (same isolated world, so these globals are private to us). */
export interface LensBoot {
  host: HTMLElement;
  signal: AbortSignal;
  settings: Settings;
  /**
   * The named Text nodes of the page's own tree, as the gate found them at load, when nothing
   * has changed since: the lens's first pass need not ask the browser again.
   */
  named?: NamedText[];
}
/** The lens module, once evaluated, leaves its start function here for the gate to call. */
export const LENS_START_KEY = '__peptideLensStart';
const STARTED_KEY = '__peptideLensGate';

interface StorageChange {
  newValue?: unknown;
}
type StorageListener = (changes: Record<string, StorageChange>, area: string) => void;
export interface ExtensionApi {
  runtime?: { id?: string; getURL(path: string): string };
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: { addListener(cb: StorageListener): void; removeListener(cb: StorageListener): void };
  };
}

/** The extension API without the polyfill (promise-based `browser` in Firefox, `chrome` in MV3). */
export function extensionApi(): ExtensionApi | null {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  return api?.runtime?.id ? api : null;
}

/** Batches of page changes are checked at most this often, once the page is quiet for DELAY_MS. */
const DELAY_MS = 200;
const MAX_WAIT_MS = 1000;
/** A page still changing this long after the gate started is asked whether the extension is still there. */
const ORPHAN_CHECK_AFTER_MS = 30_000;
/** More changed subtrees than this in one batch: one query over the whole page instead. */
const MAX_ROOTS = 200;

/**
 * Run the gate on this page: put up the (hidden) host, look for a covered substance now and
 * whenever the page changes, and once one is named start the lens — unless the settings say
 * PeptideLens does not run on this site. A page that names nothing never even reads the settings.
 * `loadLens` evaluates the lens module, which leaves its start function at LENS_START_KEY.
 */
export function runGate(data: GateData, loadLens: (api: ExtensionApi) => Promise<unknown>): void {
  const g = globalThis as Record<string, unknown>;
  if (!document.documentElement || g[STARTED_KEY]) return;
  g[STARTED_KEY] = true;
  // The extension API is touched only once the page names something: the first read of
  // `chrome`/`browser` in a content script builds its bindings, 6-18 ms on this machine — more
  // than the whole check of a large page that names nothing.
  let api: ExtensionApi | null | undefined;
  const getApi = (): ExtensionApi | null => (api === undefined ? (api = extensionApi()) : api);
  const m = createGateMatcher(data);
  const host = createHostElement();
  const abort = new AbortController();
  let named = false;
  let started = false;
  let lens: Promise<((boot: LensBoot) => void) | null> | null = null;
  let observer: MutationObserver | null = null;
  /** What the load-time check found, while the page has not changed since (handed to the lens). */
  let found: NamedText[] | undefined;
  /** A whole-page check is running (sliced); `changed`: the page changed since the load-time one began. */
  let checking = false;
  let changed = false;
  const pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let firstChange = 0;
  const startedAt = performance.now();

  const setState = (state: 'scanning' | 'idle') => {
    if (host.dataset.state !== state) host.dataset.state = state;
  };

  function stop(): void {
    observer?.disconnect();
    if (timer) clearTimeout(timer);
    timer = 0;
    pending.clear();
    api?.storage.onChanged.removeListener(onStorage);
    abort.abort();
  }

  /**
   * Something covered is named: read the settings while the lens module loads, then start it.
   * The observer keeps running until then only to tell whether the load-time result still holds.
   */
  function onNamed(): void {
    const ext = getApi();
    // Not in an extension, or the extension was reloaded or removed: this copy must stop.
    if (!ext?.runtime?.id) return stop();
    named = true;
    if (timer) clearTimeout(timer);
    pending.clear();
    setState('scanning');
    lens ??= loadLens(ext).then(
      () => (g[LENS_START_KEY] as ((boot: LensBoot) => void) | undefined) ?? null,
      (e) => {
        console.warn('PeptideLens: could not load the page lens', e);
        return null;
      },
    );
    ext.storage.onChanged.addListener(onStorage);
    const settings = ext.storage.sync.get(SETTINGS_KEY).then((got) => normaliseSettings(got?.[SETTINGS_KEY]), () => DEFAULT_SETTINGS);
    // The lens starts in a task of its own, not in the one that evaluated its module.
    void Promise.all([lens, settings]).then(async ([start, s]) => {
      await yieldToPage();
      apply(s, start);
    });
  }

  /** Start the lens if this site is on; otherwise show the host as off and wait for a change. */
  function apply(s: Settings, start: ((boot: LensBoot) => void) | null): void {
    if (abort.signal.aborted || started) return;
    if (!isSiteEnabled(s, location.hostname)) {
      observer?.disconnect();
      found = undefined;
      host.dataset.disabled = 'true';
      host.dataset.flags = '0';
      setState('idle');
      return;
    }
    delete host.dataset.disabled;
    if (!start) return setState('idle');
    started = true;
    // The lens reads and follows the settings itself from here on, and watches the page.
    api!.storage.onChanged.removeListener(onStorage);
    if (observer?.takeRecords().length) found = undefined;
    observer?.disconnect();
    start({ host, signal: abort.signal, settings: s, named: found });
  }

  function onStorage(changes: Record<string, StorageChange>, area: string): void {
    if (area === 'sync' && SETTINGS_KEY in changes && lens) {
      const s = normaliseSettings(changes[SETTINGS_KEY]!.newValue);
      void lens.then((start) => apply(s, start));
    }
  }

  /** Does the whole page (title, text, open shadow trees) name a covered substance? In slices. */
  async function checkPage(): Promise<NamedText[] | 'named' | null> {
    const root = document.body ?? document.documentElement;
    const hits = await findNamedSliced(root, m, yieldToPage, { signal: abort.signal });
    if (!hits) return null;
    if (hits.length) return hits;
    if (classify(document.title, m) !== null) return 'named';
    await yieldToPage();
    return shadowNames(root, m) ? 'named' : [];
  }

  async function onBatch(): Promise<void> {
    timer = 0;
    firstChange = 0;
    if (named || checking) return;
    // The extension was reloaded or updated: this copy must stop watching. Asked only on a page
    // that is still changing ORPHAN_CHECK_AFTER_MS after the gate started (a feed left open), so
    // the API's one-time cost falls on long-lived pages, once, not on every page.
    if (api !== undefined || performance.now() - startedAt > ORPHAN_CHECK_AFTER_MS) {
      if (!getApi()?.runtime?.id) return stop();
    }
    const roots = [...pending].filter((n) => n.isConnected);
    pending.clear();
    if (roots.length > MAX_ROOTS) {
      checking = true;
      const r = await checkPage();
      checking = false;
      if (r === 'named' || r?.length) onNamed();
    } else if (classify(document.title, m) !== null || roots.some((r) => namesAnything(r, m))) onNamed();
  }

  function collect(records: MutationRecord[]): void {
    // The page changed during or after the load-time check: the lens asks again for itself.
    found = undefined;
    changed = true;
    if (named) return;
    for (const r of records) {
      if (r.target === host || host.contains(r.target)) continue;
      if (r.type === 'characterData') {
        const p = r.target.parentNode;
        if (p) pending.add(p);
      } else {
        for (const n of r.addedNodes) {
          if (n === host) continue;
          if (n.nodeType === Node.ELEMENT_NODE) pending.add(n);
          else if (n.nodeType === Node.TEXT_NODE && n.parentNode) pending.add(n.parentNode);
        }
      }
    }
    if (!pending.size) return;
    const now = performance.now();
    if (!firstChange) firstChange = now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(onBatch, now - firstChange > MAX_WAIT_MS ? 0 : DELAY_MS);
  }

  // The whole document: new posts, route changes, and the <title> in <head>. Changes made while
  // the load-time check runs are checked after it, in the next batch.
  observer = new MutationObserver(collect);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  checking = true;
  void checkPage().then((r) => {
    checking = false;
    if (r === null || named) return;
    if (r === 'named' || r.length) {
      found = r === 'named' || changed ? undefined : r;
      return onNamed();
    }
    setState('idle');
    if (pending.size && !timer) timer = setTimeout(onBatch, 0);
  });
}
