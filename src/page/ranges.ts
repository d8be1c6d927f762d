/**
 * Block-text offsets → DOM Range. The engine speaks strings and offsets; this is the one place
 * that knows how those offsets sit on the page's Text nodes.
 */
import { rawOffset, type PageBlock, type TextRun } from './extract';

/** The run holding offset `o`; `atEnd` picks the run that ends at `o` rather than one starting there. */
function runAt(runs: TextRun[], o: number, atEnd: boolean): TextRun | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid];
    if (atEnd ? o <= r.start : o < r.start) hi = mid - 1;
    else if (atEnd ? o > r.end : o >= r.end) lo = mid + 1;
    else return r;
  }
  // Offsets in a gap (a separator we added between table cells) snap to the nearest run.
  if (atEnd) return runs[Math.min(hi, runs.length - 1)] ?? null;
  return runs[Math.max(lo, 0)] ?? null;
}

const fresh = (r: TextRun) => r.node.isConnected && r.node.data.length === r.len;

/** A Range over block text [start, end), or null when the page changed under the block. */
export function blockRange(block: PageBlock, start: number, end: number): Range | null {
  const a = runAt(block.runs, start, false);
  const b = runAt(block.runs, end, true);
  if (!a || !b || !fresh(a) || !fresh(b)) return null;
  const so = rawOffset(a.node.data, Math.max(0, start - a.start), a.dropLead);
  const eo = rawOffset(b.node.data, Math.min(b.end, end) - b.start, b.dropLead);
  const range = document.createRange();
  try {
    range.setStart(a.node, so);
    range.setEnd(b.node, eo);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}
