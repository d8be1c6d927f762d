/**
 * The page's visible text as blocks, the way a person reads it, with a map back to the Text nodes
 * so findings (offsets into block text) can become DOM ranges without touching the page.
 *
 * One pass of a TreeWalker; subtrees that are not prose (script, code, hidden, editable) are
 * skipped whole. Visibility is asked once per element, never per text node. The walk is a
 * resumable step function so the caller can run it in short slices.
 */
import { QUOTE_BOX_SELECTOR, isQuoteBox, isTagList } from '../shared/page-markup';
import type { BlockRole } from '../engine/types';

/** A piece of a block's text that comes from one Text node. */
export interface TextRun {
  node: Text;
  /** Range of this run in the block text. */
  start: number;
  end: number;
  /** A leading whitespace run of the node was dropped (it collapsed into the previous space). */
  dropLead: boolean;
  /** node.data.length when read; a different length later means the run is stale. */
  len: number;
}

export interface PageBlock {
  text: string;
  role: BlockRole;
  /** The post / article / section the block belongs to (document body when none). */
  section: Element;
  runs: TextRun[];
}

/** Never prose, or never ours to read: skipped with their whole subtree. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'code', 'kbd', 'samp', 'var', 'textarea', 'input', 'select',
  'option', 'button', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head',
  'title', 'meta', 'link', 'peptide-lens',
]);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

const ROLE: Record<string, BlockRole> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  p: 'paragraph', div: 'paragraph', pre: 'paragraph', dd: 'list-item', dt: 'list-item', li: 'list-item',
  tr: 'table-row', blockquote: 'quote', figcaption: 'caption', caption: 'caption', summary: 'heading',
  article: 'post', section: 'paragraph',
};

/** Containers that make a "post": blocks inside one are read together by the engine. */
export const SECTION_SELECTOR = [
  'article', '[role="article"]', '[itemprop="comment"]', '[itemtype*="Comment"]', '[itemtype*="Posting"]',
  '[data-post-id]', '.post', '.comment', '.message', '.reply', '.answer', 'section',
].join(',');

const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const WS_RUN = /[ \t\n\r\f]+/g;

/** An element's class attribute (an SVG element's className is not a string). */
const classOf = (el: Element): string => (typeof el.className === 'string' ? el.className : '');

/** Is this element itself (not an ancestor) a reason to skip its subtree? */
function skipElement(el: Element): boolean {
  const name = el.localName;
  if (SKIP.has(name)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  // Tag lists label a post; they claim nothing (src/shared/page-markup.ts).
  if (isTagList(classOf(el), el.getAttribute('rel'))) return true;
  if (name === 'pre' && (el.querySelector('code') || /\b(code|highlight|language-|hljs)/.test(el.className))) return true;
  return !isVisible(el);
}

const hasCheckVisibility = typeof Element !== 'undefined' && 'checkVisibility' in Element.prototype;

/** display:none / visibility:hidden, asked once per element (ancestors were asked before). */
function isVisible(el: Element): boolean {
  if (hasCheckVisibility) {
    if (el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return true;
    // checkVisibility() is false for display:contents boxes, whose children still show.
    return getComputedStyle(el).display === 'contents';
  }
  if (!BLOCK.has(el.localName)) return true;
  const cs = getComputedStyle(el);
  return cs.display !== 'none' && cs.visibility !== 'hidden';
}

/** The element that owns a block: nearest block-level ancestor (table cells fold into their row). */
function blockOwner(el: Element, cache: Map<Element, Element>): Element {
  const hit = cache.get(el);
  if (hit) return hit;
  let e: Element | null = el;
  while (e && !(BLOCK.has(e.localName) && e.localName !== 'td' && e.localName !== 'th')) {
    e = e.parentElement ?? ((e.parentNode as ShadowRoot | null)?.host ?? null);
  }
  const owner = e ?? el;
  cache.set(el, owner);
  return owner;
}

/**
 * A block's role: by its owner's tag, and "quote" inside a forum quote box (a <blockquote>, or
 * vBulletin's div.bbcode_quote …) as the HTML reader (src/extract/html.ts) reads it. vBulletin's
 * post body, <blockquote class="postcontent">, is the post's own words.
 */
function roleOf(owner: Element): BlockRole {
  const role = ROLE[owner.localName] ?? 'other';
  if (role === 'heading' || role === 'table-row' || role === 'caption') return role;
  if (quoteBoxAround(owner)) return 'quote';
  return role === 'quote' ? 'paragraph' : role;
}

/** The nearest quote box around `el` (itself included), or null. */
function quoteBoxAround(el: Element): Element | null {
  for (let q = el.closest(QUOTE_BOX_SELECTOR); q; q = q.parentElement?.closest(QUOTE_BOX_SELECTOR) ?? null) {
    if (isQuoteBox(q.localName, classOf(q))) return q;
  }
  return null;
}

/** The post/article a node belongs to, looking through shadow boundaries. */
export function sectionOf(el: Element, fallback: Element): Element {
  let e: Element | null = el;
  while (e) {
    let s = e.closest(SECTION_SELECTOR);
    // A quoted message (vBulletin's div.message inside its quote box) is part of the quoting post.
    for (let q = s && quoteBoxAround(s); s && q; q = s && quoteBoxAround(s)) s = q.parentElement?.closest(SECTION_SELECTOR) ?? null;
    if (s) return s;
    const root = e.getRootNode();
    e = root instanceof ShadowRoot ? root.host : null;
  }
  return fallback;
}

export interface Extraction {
  /** Run for at most `budgetMs`; true when the whole subtree has been read. */
  step(budgetMs: number): boolean;
  readonly blocks: PageBlock[];
  /** Open shadow roots met on the way (the caller observes them for changes). */
  readonly shadowRoots: ShadowRoot[];
}

/**
 * Start reading `root` (an element or shadow root). Nothing happens until step() is called.
 * Elements in `skip` (posts known to mention nothing covered) are passed over with their subtree.
 */
export function extractBlocks(
  root: Element | ShadowRoot,
  body: Element = document.body ?? document.documentElement,
  skip?: ReadonlySet<Element>,
): Extraction {
  const blocks: PageBlock[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const ownerCache = new Map<Element, Element>();
  const sectionCache = new Map<Element, Element>();
  const pending: (Element | ShadowRoot)[] = [root];
  let walker: TreeWalker | null = null;

  let text = '';
  let runs: TextRun[] = [];
  let owner: Element | null = null;
  let cell: Element | null = null;

  const flush = () => {
    const trimmed = text.trimEnd();
    if (owner && runs.length && trimmed) {
      const section = sectionCache.get(owner) ?? sectionOf(owner, body);
      sectionCache.set(owner, section);
      blocks.push({ text: trimmed, role: roleOf(owner), section, runs });
    }
    text = '';
    runs = [];
    owner = null;
    cell = null;
  };

  const addText = (node: Text) => {
    const data = node.data;
    const parent = node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host as Element | undefined);
    if (!parent) return;
    const o = blockOwner(parent, ownerCache);
    if (o !== owner) flush();
    if (!owner) {
      // Whitespace between blocks starts nothing.
      let i = 0;
      while (i < data.length && isWs(data.charCodeAt(i))) i++;
      if (i === data.length) return;
      owner = o;
    }
    // Cells of one table row are read as one line, kept apart by " | " as the HTML reader does
    // (src/extract/html.ts): the engine tells a header row or another compound's row by it. The
    // separator belongs to no Text node (ranges.ts snaps offsets in it to the nearest run).
    const c = parent.closest('td,th');
    if (c !== cell) {
      if (cell && text) text += text.endsWith(' ') ? '| ' : ' | ';
      cell = c;
    }
    let collapsed = data.replace(WS_RUN, ' ');
    let dropLead = false;
    if ((text === '' || text.endsWith(' ')) && collapsed.startsWith(' ')) {
      collapsed = collapsed.slice(1);
      dropLead = true;
    }
    if (!collapsed) return;
    runs.push({ node, start: text.length, end: text.length + collapsed.length, dropLead, len: data.length });
    text += collapsed;
  };

  /** Move past the current element's subtree. */
  const skipSubtree = (w: TreeWalker): boolean => {
    while (!w.nextSibling()) {
      if (!w.parentNode()) return false;
    }
    return true;
  };

  const step = (budgetMs: number): boolean => {
    const until = performance.now() + budgetMs;
    let n = 0;
    for (;;) {
      if (!walker) {
        const next = pending.shift();
        if (!next) {
          flush();
          return true;
        }
        flush();
        walker = document.createTreeWalker(next, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        if (next instanceof Element && (skip?.has(next) || skipElement(next))) {
          walker = null;
          continue;
        }
        if (next instanceof Element && next.shadowRoot) queueShadow(next.shadowRoot);
      }
      const w: TreeWalker = walker;
      // The current node (the root, or the last one handled) is done: move on.
      let node: Node | null = w.nextNode();
      while (node) {
        if (node.nodeType === 3) addText(node as Text);
        else {
          const el = node as Element;
          if (el.localName === 'br' || el.localName === 'hr') flush();
          if (skip?.has(el) || skipElement(el)) {
            if (!skipSubtree(w)) {
              node = null;
              break;
            }
            node = w.currentNode;
            continue;
          }
          if (el.shadowRoot) queueShadow(el.shadowRoot);
        }
        // Check the clock every 256 nodes: performance.now() is not free either.
        if ((++n & 255) === 0 && performance.now() > until) return false;
        node = w.nextNode();
      }
      walker = null;
    }
  };

  function queueShadow(sr: ShadowRoot) {
    shadowRoots.push(sr);
    pending.push(sr);
  }

  return { step, blocks, shadowRoots };
}

/** Offset in `data` (raw Text node data) of collapsed offset `k` within a run. */
export function rawOffset(data: string, k: number, dropLead: boolean): number {
  let i = 0;
  if (dropLead) while (i < data.length && isWs(data.charCodeAt(i))) i++;
  for (let j = 0; j < k && i < data.length; j++) {
    if (isWs(data.charCodeAt(i))) while (i < data.length && isWs(data.charCodeAt(i))) i++;
    else i++;
  }
  return i;
}
