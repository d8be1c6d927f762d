/**
 * Reading the scanner's inputs into documents. Every problem becomes an InputError naming the
 * file (and line, for JSONL); nothing here throws for bad input, and nothing touches the network.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { textToDocument } from '../engine/blocks';
import type { DocumentInput } from '../engine/types';
import { htmlToDocument } from '../extract/html';
import type { InputError } from './formats';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_LINE_BYTES = 5 * 1024 * 1024;
const BINARY_SNIFF_BYTES = 8 * 1024;
export const STDIN_SOURCE = '<stdin>';

export type InputKind = 'html' | 'text' | 'jsonl';

export const EXTENSIONS: Record<string, InputKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export interface InputDocument {
  source: string;
  doc: DocumentInput;
}

export interface ReadResult {
  documents: InputDocument[];
  errors: InputError[];
}

const mb = (bytes: number) => {
  const v = bytes / (1024 * 1024);
  return v >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
};

export function kindOf(path: string): InputKind | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

/** NUL bytes early in the file: not a text document. UTF-16 with a BOM is decoded, not refused. */
export function looksBinary(buf: Buffer): boolean {
  if (hasUtf16Bom(buf)) return false;
  return buf.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

function hasUtf16Bom(buf: Buffer): boolean {
  return buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
}

/** Bytes → text: UTF-8 (BOM kept as U+FEFF so offsets match what Node reads), or UTF-16 with a BOM. */
export function decode(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  return buf.toString('utf8');
}

const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0]!;

function fsMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'ENOTDIR') return 'no such file (a parent is not a directory)';
  return `cannot read (${firstLine(e)})`;
}

/** The title of a Markdown file: its first "# " heading. */
function markdownTitle(text: string): string | undefined {
  const m = /^\uFEFF?[ \t]{0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(text);
  return m ? m[1] : undefined;
}

/** A text or HTML document from text already in memory. */
export function documentFrom(kind: 'html' | 'text', text: string, source: string): DocumentInput {
  if (kind === 'html') return htmlToDocument(text);
  return textToDocument(text, /\.(md|markdown)$/i.test(source) ? markdownTitle(text) : undefined);
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** One JSONL file's text → one document per record. Bad lines are errors; the rest are kept. */
export function parseJsonl(source: string, text: string): ReadResult {
  const res: ReadResult = { documents: [], errors: [] };
  let lineNo = 0;
  let pos = 0;
  const len = text.length;
  while (pos <= len) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    let line = text.slice(pos, nl);
    pos = nl + 1;
    lineNo++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (!line.trim()) {
      if (nl === len) break;
      continue;
    }
    const err = (message: string) => res.errors.push({ source, line: lineNo, message });
    const bytes = Buffer.byteLength(line, 'utf8');
    if (bytes > MAX_LINE_BYTES) {
      err(`line too large (${mb(bytes)} MB > ${MAX_LINE_BYTES / (1024 * 1024)} MB), skipped`);
      continue;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      err(`invalid JSON (${truncate(firstLine(e), 120)})`);
      continue;
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      err('record must be a JSON object like {"id": "...", "text": "..."}');
      continue;
    }
    const r = rec as Record<string, unknown>;
    const id =
      typeof r.id === 'string' && r.id !== '' ? r.id : typeof r.id === 'number' && Number.isFinite(r.id) ? String(r.id) : `${source}:${lineNo}`;
    const title = typeof r.title === 'string' ? r.title : undefined;
    const url = typeof r.url === 'string' ? r.url : undefined;
    let doc: DocumentInput;
    if (typeof r.text === 'string') doc = textToDocument(r.text, title);
    else if (typeof r.html === 'string') doc = htmlToDocument(r.html, title !== undefined ? { title } : {});
    else {
      err('record needs "text" or "html" string');
      continue;
    }
    if (url !== undefined) doc.url = url;
    res.documents.push({ source: id, doc });
    if (nl === len) break;
  }
  return res;
}

/** Read a whole file, refusing what is not a readable, reasonably sized text file. */
function readFileChecked(path: string): { buf: Buffer } | { error: string } {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    return { error: fsMessage(e) };
  }
  if (st.isDirectory()) return { error: 'is a directory, not a file' };
  if (!kindOf(path)) {
    const ext = extname(path);
    return {
      error: `${ext ? `unknown file type "${ext}"` : 'no file extension'} (expected .html, .htm, .txt, .md or .jsonl; use - for stdin)`,
    };
  }
  if (st.isFile() && st.size > MAX_FILE_BYTES) return { error: `too large (${mb(st.size)} MB > ${MAX_FILE_BYTES / (1024 * 1024)} MB)` };
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // Read to EOF ourselves (works for FIFOs and files that grow), capped at the size limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, MAX_FILE_BYTES + 1 - total) || 1);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_FILE_BYTES) return { error: `too large (more than ${MAX_FILE_BYTES / (1024 * 1024)} MB)` };
    }
    return { buf: Buffer.concat(chunks, total) };
  } catch (e) {
    return { error: fsMessage(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A path given on the command line → its documents, or an error naming it. */
export function readPath(path: string): ReadResult {
  const r = readFileChecked(path);
  if ('error' in r) return { documents: [], errors: [{ source: path, message: r.error }] };
  return fromBuffer(path, kindOf(path)!, r.buf);
}

/** Bytes of a given kind → documents (shared by files and stdin). */
export function fromBuffer(source: string, kind: InputKind, buf: Buffer): ReadResult {
  if (looksBinary(buf)) return { documents: [], errors: [{ source, message: 'looks like a binary file, skipped' }] };
  const text = decode(buf);
  if (kind === 'jsonl') return parseJsonl(source, text);
  return { documents: [{ source, doc: documentFrom(kind, text, source) }], errors: [] };
}

/** Stdin: text, or HTML when it starts with "<". */
export function fromStdin(buf: Buffer): ReadResult {
  if (looksBinary(buf)) return { documents: [], errors: [{ source: STDIN_SOURCE, message: 'looks like binary data, skipped' }] };
  const text = decode(buf);
  const kind = /^[\uFEFF\s]*</.test(text) ? 'html' : 'text';
  return { documents: [{ source: STDIN_SOURCE, doc: documentFrom(kind, text, STDIN_SOURCE) }], errors: [] };
}

/** Read all of stdin (capped at the file size limit). */
export async function readStdin(stream: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<Buffer | { error: string }> {
  if (stream.isTTY) return { error: 'stdin is a terminal; pipe a page or text in, e.g. `cat page.html | peptidelens -`' };
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += b.length;
      if (total > MAX_FILE_BYTES) {
        (stream as NodeJS.ReadStream).destroy?.();
        return { error: `too large (more than ${MAX_FILE_BYTES / (1024 * 1024)} MB)` };
      }
      chunks.push(b);
    }
  } catch (e) {
    return { error: `cannot read (${firstLine(e)})` };
  }
  return Buffer.concat(chunks, total);
}
