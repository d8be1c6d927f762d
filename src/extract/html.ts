/**
 * HTML → DocumentInput for Node (CLI, tests, benchmarks): the VISIBLE text of a page, as a browser
 * shows it, in blocks.
 *
 * Built on htmlparser2's Tokenizer with our own tree builder: htmlparser2's Parser keeps its open
 * element stack with Array#unshift, which is quadratic on deeply nested markup (100k levels took
 * ~8 s). Here the stack is a plain array used from its end, with a per-name count so "is a <div>
 * open?" is O(1); every element is pushed and popped once, so the whole pass is linear in the
 * input. Nothing recurses, so nesting depth cannot overflow the call stack.
 *
 * What counts as visible:
 *  - dropped: script, style, noscript, template, head, title, svg, iframe, object, canvas,
 *    audio/video fallback, select/option, textarea and input, closed <dialog>, the body of a closed
 *    <details> (its <summary> shows), HTML comments;
 *    elements with `hidden`, `aria-hidden="true"`, inline `display:none` / `visibility:hidden`,
 *    and contenteditable regions (editable fields are not page copy);
 *  - whitespace collapses like CSS `white-space: normal`; <pre> (and inline `white-space: pre*`)
 *    keep it; <br> is a newline inside a block;
 *  - every block element starts a new Block; a <tr> is one Block, its cells joined by " | ".
 *
 * `section` is a stable id for the nearest enclosing post (<article>, role=article|comment, or an
 * element whose class/id names a post, comment, message, reply, tweet, status, review or entry),
 * else the nearest <section>/<main>. The element's own id attribute is used when it has one.
 */
import { isQuoteBox, isTagList } from '../shared/page-markup';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { joinBlocks } from '../engine/blocks';
import type { Block, BlockRole, DocumentInput } from '../engine/types';

export interface HtmlToDocumentOptions {
  /** Overrides the title found in the page. */
  title?: string;
  /** Recorded on the document (e.g. the page's address, or the file it came from). */
  url?: string;
}

// ---------------------------------------------------------------------------------------------
// Tag tables

const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Content of these is never shown as page copy. */
const HIDDEN_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'canvas', 'audio', 'video', 'noembed', 'noframes', 'select',
  'option', 'optgroup', 'datalist', 'textarea', 'input', 'rp', 'map', 'param',
  'meta', 'link', 'base',
]);

/** Elements that may appear inside <head>; anything else implicitly ends it (as browsers do). */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'script', 'style', 'base', 'noscript', 'template']);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main',
  'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);

const PRE_TAGS = new Set(['pre', 'listing', 'xmp', 'plaintext']);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Which open elements a new start tag closes implicitly (htmlparser2's table, so malformed markup
// nests the way it does there).
const P_TAG = new Set(['p']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', P_TAG],
  ['h1', HEADING_TAGS],
  ['h2', HEADING_TAGS],
  ['h3', HEADING_TAGS],
  ['h4', HEADING_TAGS],
  ['h5', HEADING_TAGS],
  ['h6', HEADING_TAGS],
  ['select', FORM_TAGS],
  ['input', FORM_TAGS],
  ['output', FORM_TAGS],
  ['button', FORM_TAGS],
  ['datalist', FORM_TAGS],
  ['textarea', FORM_TAGS],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DDT],
  ['dt', DDT],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t): [string, Set<string>] => [t, P_TAG],
  ),
  ['rt', RTP],
  ['rp', RTP],
  ['tbody', TABLE_SECTION],
  ['tfoot', TABLE_SECTION],
]);

const FOREIGN_ROOTS = new Set(['svg', 'math']);
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

// ---------------------------------------------------------------------------------------------
// Attribute tests

const POST_WORDS = new Set([
  'post', 'posts', 'comment', 'comments', 'message', 'messages', 'reply', 'replies', 'tweet', 'tweets',
  'status', 'statuses', 'review', 'reviews', 'entry', 'entries', 'answer', 'answers',
]);
/** Trailing name parts that still describe the whole post ("comment-item", "post-123"). */
const POST_SUFFIXES = new Set(['item', 'card', 'container', 'wrapper', 'wrap', 'block', 'box', 'thread', 'root', 'view', 'unit', 'article', 'outer', 'renderer', 'element', 'component']);

/**
 * Does a class/id token name a whole post ("post", "post-123", "user-comment", "commentItem")
 * rather than a part of one ("entry-content", "comment-body", "post-title")?
 */
function isPostToken(token: string): boolean {
  const parts = token
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/([a-zA-Z])(\d)/g, '$1-$2')
    .toLowerCase()
    .split(/[-_:.]+/)
    .filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (POST_WORDS.has(p)) return true;
    if (!/^\d+$/.test(p) && !POST_SUFFIXES.has(p)) return false;
  }
  return false;
}

const NEVER_POST = new Set(['html', 'head', 'body', 'main']);
const SCHEMA_POST = /schema\.org\/(?:\w*Posting|Comment|Review|Answer|Question|Article|NewsArticle|Message)\b/i;

function isPostContainer(name: string, attrs: Record<string, string>): boolean {
  if (name === 'article') return true;
  // <body class="single-post"> (WordPress) is the page, not a post.
  if (NEVER_POST.has(name)) return false;
  // Custom elements: <shreddit-comment>, <ytd-comment-renderer>.
  if (name.includes('-') && isPostToken(name)) return true;
  const role = attrs.role?.trim().toLowerCase();
  if (role === 'article' || role === 'comment') return true;
  if (attrs.itemtype && SCHEMA_POST.test(attrs.itemtype)) return true;
  const tokens = `${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs['data-testid'] ?? ''}`.split(/\s+/);
  for (const t of tokens) if (t && isPostToken(t)) return true;
  return false;
}

interface StyleFacts {
  none: boolean;
  invisible: boolean;
  pre: boolean | undefined;
  block: boolean;
}

function readStyle(style: string | undefined): StyleFacts | null {
  if (!style) return null;
  const facts: StyleFacts = { none: false, invisible: false, pre: undefined, block: false };
  // Later declarations win, as in CSS.
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const prop = decl.slice(0, i).trim().toLowerCase();
    const value = decl
      .slice(i + 1)
      .replace(/!\s*important/i, '')
      .trim()
      .toLowerCase();
    if (prop === 'display') {
      facts.none = value === 'none';
      facts.block = /^(block|flex|grid|list-item|table|table-row|flow-root)\b/.test(value);
    } else if (prop === 'visibility') facts.invisible = value === 'hidden' || value === 'collapse';
    else if (prop === 'white-space') facts.pre = /^pre/.test(value) || value === 'break-spaces';
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Text sinks: where collapsed text accumulates until a block boundary.

/** What a sink's text ends with. */
const Tail = { Empty: 0, Space: 1, Text: 2 } as const;
type Tail = (typeof Tail)[keyof typeof Tail];

class Sink {
  parts: string[] = [];
  tail: Tail = Tail.Empty;
  hasPre = false;

  add(text: string, pre: boolean): void {
    if (!text) return;
    if (pre) {
      const t = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
      this.parts.push(t);
      this.hasPre = true;
      this.tail = /\s$/.test(t) ? Tail.Space : Tail.Text;
      return;
    }
    let t = text.replace(/[\t\n\f\r ]+/g, ' ');
    if (this.tail !== Tail.Text && t.charCodeAt(0) === 32) t = t.slice(1);
    if (!t) return;
    t = t.replace(/\u00a0/g, ' ');
    this.parts.push(t);
    this.tail = t.charCodeAt(t.length - 1) === 32 ? Tail.Space : Tail.Text;
  }

  newline(): void {
    this.parts.push('\n');
    this.tail = Tail.Space;
  }

  /** A soft boundary (a block inside a table cell): at most one space. */
  space(): void {
    if (this.tail === Tail.Text) {
      this.parts.push(' ');
      this.tail = Tail.Space;
    }
  }

  take(): string {
    if (this.parts.length === 0) return '';
    let s = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    if (this.hasPre) s = s.replace(/^\s*\n/, '').replace(/\s+$/, '');
    else s = s.replace(/ +\n/g, '\n').trim();
    this.parts = [];
    this.tail = Tail.Empty;
    this.hasPre = false;
    return s;
  }
}

class Row {
  cells: string[] = [];
  cell = new Sink();
  endCell(): void {
    const t = this.cell.take();
    if (t) this.cells.push(t);
  }
}

// ---------------------------------------------------------------------------------------------
// The open-element stack

interface Frame {
  name: string;
  /** This element or an ancestor is not rendered. */
  hidden: boolean;
  /** A <details> without `open`: only its <summary> is rendered. */
  closed?: boolean;
  /** Whitespace is preserved (pre). */
  pre: boolean;
  /** Foreign content (svg/math): self-closing tags are honoured, raw-text tags are not special. */
  foreign: boolean;
  /** This element breaks the text into blocks. */
  block: boolean;
  /** Role of text whose innermost block is this element (or its nearest block ancestor). */
  role: BlockRole;
  /** Inside the first <h1> (for the title fallback). */
  h1: boolean;
  post: string | undefined;
  sect: string | undefined;
  /** Innermost open table row, if any. */
  row: Row | undefined;
  /** This element is that row. */
  ownsRow: boolean;
}

function roleFor(name: string, parent: Frame, post: boolean, className: string): BlockRole {
  if (HEADINGS.has(name)) return 'heading';
  // A paragraph inside a quote, list item or caption is still read as that.
  if (name === 'p') return parent.role === 'quote' || parent.role === 'list-item' || parent.role === 'caption' ? parent.role : 'paragraph';
  // Forum quote boxes (<blockquote>, vBulletin's div.bbcode_quote …); not vBulletin's post body
  // <blockquote class="postcontent">, which holds the post's own words.
  if (isQuoteBox(name, className)) return 'quote';
  if (name === 'blockquote') return post ? 'post' : parent.role;
  if (name === 'tr') return 'table-row';
  if (name === 'figcaption' || name === 'caption' || name === 'legend') return 'caption';
  if (post) return 'post';
  if (name === 'li') return 'list-item';
  if (name === 'td' || name === 'th') return 'table-row';
  return parent.role;
}

class Extractor implements TokenizerCallbacks {
  private readonly stack: Frame[] = [];
  private readonly open = new Map<string, number>();
  private readonly main = new Sink();
  readonly blocks: Block[] = [];
  private title: string | undefined;
  private titleBuf: string[] | null = null;
  h1Title: string | undefined;
  private readonly usedIds = new Set<string>();
  private sectionCounter = 0;
  private bodyStarted = false;

  // Tag being read.
  private tagName = '';
  private attrs: Record<string, string> | null = null;
  private attrName = '';
  private attrValue = '';

  constructor(private readonly html: string) {
    this.stack.push({
      name: '#root',
      hidden: false,
      pre: false,
      foreign: false,
      block: true,
      role: 'other',
      h1: false,
      post: undefined,
      sect: undefined,
      row: undefined,
      ownsRow: false,
    });
  }

  get pageTitle(): string | undefined {
    return this.title;
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  // --- tokenizer callbacks -------------------------------------------------------------------

  isInForeignContext(): boolean {
    return this.top.foreign;
  }

  ontext(start: number, end: number): void {
    this.text(this.html.slice(start, end));
  }

  ontextentity(cp: number): void {
    this.text(String.fromCodePoint(cp));
  }

  onopentagname(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    this.attrs = null;
    this.tagName = '';
    // A second <form> is ignored, as in the HTML spec.
    if (name === 'form' && (this.open.get('form') ?? 0) > 0) return;
    // A <head> after the body has started is ignored, as in browsers (its content stays visible).
    if (name === 'head' && this.bodyStarted) return;
    if (name !== 'html' && name !== 'head' && !HEAD_CONTENT.has(name)) this.bodyStarted = true;
    const implied = OPEN_IMPLIES_CLOSE.get(name);
    if (implied) while (this.stack.length > 1 && implied.has(this.top.name)) this.pop();
    if (this.top.name === 'head' && !HEAD_CONTENT.has(name)) this.pop();
    this.tagName = name;
    this.attrs = {};
  }

  onattribname(start: number, end: number): void {
    this.attrName = this.html.slice(start, end).toLowerCase();
  }

  onattribdata(start: number, end: number): void {
    this.attrValue += this.html.slice(start, end);
  }

  onattribentity(cp: number): void {
    this.attrValue += String.fromCodePoint(cp);
  }

  onattribend(): void {
    if (this.attrs && !Object.hasOwn(this.attrs, this.attrName)) this.attrs[this.attrName] = this.attrValue;
    this.attrValue = '';
  }

  onopentagend(): void {
    this.endOpenTag(false);
  }

  onselfclosingtag(): void {
    // Only foreign content (and <svg/>, <math/> themselves) honours "/>".
    this.endOpenTag(this.top.foreign || FOREIGN_ROOTS.has(this.tagName));
  }

  onclosetag(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    if (VOID.has(name)) {
      if (name === 'br') {
        // "</br>" is read as <br>.
        this.push('br', {});
        this.pop();
      }
      return;
    }
    if ((this.open.get(name) ?? 0) > 0) {
      while (this.stack.length > 1) {
        const f = this.pop();
        if (f.name === name) break;
      }
    } else if (name === 'p') {
      // "</p>" with no open <p> is an empty paragraph.
      this.push('p', {});
      this.pop();
    }
  }

  oncomment(): void {}
  oncdata(start: number, end: number, offset: number): void {
    if (this.top.foreign) this.text(this.html.slice(start, end - offset));
  }
  ondeclaration(): void {}
  onprocessinginstruction(): void {}

  onend(): void {
    while (this.stack.length > 1) this.pop();
    this.flushAs(this.top);
  }

  // --- tree building -------------------------------------------------------------------------

  private endOpenTag(selfClosing: boolean): void {
    const name = this.tagName;
    const attrs = this.attrs;
    this.tagName = '';
    this.attrs = null;
    if (!name || !attrs) return;
    this.push(name, attrs);
    if (selfClosing || VOID.has(name)) this.pop();
  }

  private sectionId(name: string, attrs: Record<string, string>): string {
    this.sectionCounter++;
    let id = attrs.id?.trim();
    if (!id) {
      // A class token that carries a number ("post-123") is as stable as an id.
      const cls = (attrs.class ?? '').split(/\s+/).find((t) => /\d/.test(t) && isPostToken(t));
      id = cls ?? `${name}-${this.sectionCounter}`;
    }
    if (this.usedIds.has(id)) id = `${id}~${this.sectionCounter}`;
    this.usedIds.add(id);
    return id;
  }

  private push(name: string, attrs: Record<string, string>): void {
    const parent = this.top;
    const style = readStyle(attrs.style);
    const editable = attrs.contenteditable !== undefined && attrs.contenteditable.trim().toLowerCase() !== 'false';
    const hidden =
      parent.hidden ||
      HIDDEN_TAGS.has(name) ||
      attrs.hidden !== undefined ||
      attrs['aria-hidden']?.trim().toLowerCase() === 'true' ||
      editable ||
      (name === 'dialog' && attrs.open === undefined) ||
      (parent.closed === true && name !== 'summary') ||
      (style !== null && (style.none || style.invisible)) ||
      // Tag lists label a post; they claim nothing (src/shared/page-markup.ts).
      isTagList(attrs.class ?? '', attrs.rel);
    let foreign = parent.foreign;
    if (FOREIGN_ROOTS.has(name)) foreign = true;
    else if (foreign && HTML_INTEGRATION.has(name)) foreign = false;

    if (name === 'title' && !parent.foreign && this.title === undefined && this.titleBuf === null) this.titleBuf = [];

    const frame: Frame = {
      name,
      hidden,
      closed: name === 'details' && attrs.open === undefined,
      pre: style?.pre ?? (parent.pre || PRE_TAGS.has(name)),
      foreign,
      block: false,
      role: parent.role,
      h1: parent.h1,
      post: parent.post,
      sect: parent.sect,
      row: parent.row,
      ownsRow: false,
    };
    this.stack.push(frame);
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
    if (hidden) return;

    if (name === 'br') {
      this.sink().newline();
      return;
    }

    // A quoted message (vBulletin's div.message inside its quote box) is part of the quoting post.
    const post = parent.role !== 'quote' && isPostContainer(name, attrs);
    if (post) frame.post = this.sectionId(name, attrs);
    else if (name === 'section' || name === 'main') frame.sect = this.sectionId(name, attrs);

    const block = BLOCK.has(name) || post || (style?.block ?? false);
    if (!block) return;
    frame.block = true;
    frame.role = roleFor(name, parent, post, attrs.class ?? '');
    if (name === 'h1' && this.h1Title === undefined) frame.h1 = true;

    if (parent.row) {
      // Inside a table row: cells split the row, other blocks are a space.
      if (name === 'tr') this.startRow(frame);
      else if (name === 'td' || name === 'th') parent.row.endCell();
      else parent.row.cell.space();
      return;
    }
    // Text so far belongs to the enclosing block.
    this.flushAs(parent);
    if (name === 'tr') this.startRow(frame);
  }

  private startRow(frame: Frame): void {
    if (frame.row) frame.row.cell.space();
    frame.row = new Row();
    frame.ownsRow = true;
  }

  private pop(): Frame {
    const f = this.stack.pop()!;
    const n = this.open.get(f.name)! - 1;
    if (n) this.open.set(f.name, n);
    else this.open.delete(f.name);

    if (f.name === 'title' && this.titleBuf !== null && !f.foreign) {
      this.title = this.titleBuf.join('').replace(/\s+/g, ' ').trim() || undefined;
      this.titleBuf = null;
    }
    if (f.hidden || !f.block) return f;

    if (f.ownsRow) {
      const row = f.row!;
      row.endCell();
      if (row.cells.length) this.emit(row.cells.join(' | '), 'table-row', f.post ?? f.sect, false);
      return f;
    }
    if (f.row) {
      if (f.name === 'td' || f.name === 'th') f.row.endCell();
      else f.row.cell.space();
      return f;
    }
    // Text after this element belongs to the parent block: flush what this one holds, with its role.
    this.flushAs(f);
    return f;
  }

  private sink(): Sink {
    const row = this.top.row;
    return row ? row.cell : this.main;
  }

  private text(data: string): void {
    if (this.titleBuf !== null && this.top.name === 'title') {
      this.titleBuf.push(data);
      return;
    }
    const top = this.top;
    if (/\S/.test(data)) {
      // Text in <head> starts the body, as browsers do.
      if (top.name === 'head') this.pop();
      this.bodyStarted = true;
    }
    const f = this.top;
    if (f.hidden) return;
    this.sink().add(data, f.pre);
  }

  private flushAs(f: Frame): void {
    const text = this.main.take();
    if (text) this.emit(text, f.role, f.post ?? f.sect, f.h1);
  }

  private emit(text: string, role: BlockRole, section: string | undefined, h1: boolean): void {
    const b: Block = { text, role };
    if (section !== undefined) b.section = section;
    this.blocks.push(b);
    if (h1 && this.h1Title === undefined) this.h1Title = text.replace(/\s+/g, ' ');
  }
}

/** The visible text of an HTML page as a document: ordered blocks with offsets (blocks joined by "\n\n"). */
export function htmlToDocument(html: string, opts: HtmlToDocumentOptions = {}): DocumentInput {
  const ex = new Extractor(html);
  const tokenizer = new Tokenizer({ decodeEntities: true, xmlMode: false, recognizeSelfClosing: false }, ex);
  tokenizer.write(html);
  tokenizer.end();
  const { blocks } = joinBlocks(ex.blocks);
  const doc: DocumentInput = { blocks };
  const title = opts.title ?? ex.pageTitle ?? ex.h1Title;
  if (title !== undefined) doc.title = title;
  if (opts.url !== undefined) doc.url = opts.url;
  return doc;
}

/** The document text the offsets of htmlToDocument's blocks index into. */
export function documentText(doc: DocumentInput): string {
  return joinBlocks(doc.blocks).text;
}
