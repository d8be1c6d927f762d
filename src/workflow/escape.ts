/**
 * Page text is plain text to us. These helpers keep it plain in Markdown and in CSV.
 * Pure functions; no DOM.
 */

/** Collapse line breaks and runs of whitespace: a quote stays on its own line in a note. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Escape text for inline Markdown (CommonMark + GFM): every character that can start emphasis,
 * code, a link, an image, raw HTML, an entity, strikethrough or a table cell is backslash-escaped,
 * and bare URLs are broken so they are not auto-linked. Line-start syntax cannot occur because the
 * text is put on one line after a label we write.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]()<>#!|~&]/g, (c) => '\\' + c)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => m.slice(0, 3) + '\\.');
}

/** A URL safe to write as a CommonMark autolink `<…>`, or null when it is not a plain http(s) URL. */
export function markdownAutolink(url: string): string | null {
  if (!/^https?:\/\/[^\s<>\u0000-\u001F\u007F]+$/i.test(url)) return null;
  return `<${url}>`;
}

/** A Markdown link whose label is escaped and whose target is an http(s) URL, else escaped text. */
export function markdownLink(label: string, url: string): string {
  const safe = /^https?:\/\/[^\s<>\u0000-\u001F\u007F]+$/i.test(url) ? url.replace(/\(/g, '%28').replace(/\)/g, '%29') : null;
  return safe ? `[${escapeMarkdown(label)}](${safe})` : `${escapeMarkdown(label)} (${escapeMarkdown(url)})`;
}

/**
 * One CSV cell (RFC 4180): always quoted, quotes doubled. A cell that a spreadsheet would read as a
 * formula (starting with = + - @, tab or carriage return) gets a leading apostrophe (OWASP CSV
 * injection advice), so a quote like "=HYPERLINK(…)" stays text.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return '"' + s.replace(/"/g, '""') + '"';
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}

/** A CSV document: a UTF-8 BOM (spreadsheets then read µ and quotes right) and CRLF line ends. */
export function csvDocument(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return '\uFEFF' + [csvRow(header), ...rows.map(csvRow)].join('\r\n') + '\r\n';
}

/** A file name from free text: letters, digits, dot, dash; never empty. */
export function safeFileName(text: string, fallback = 'peptidelens'): string {
  const s = text
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return s || fallback;
}
