/**
 * Highlights receive no events, so a click on flagged text is matched by position: the caret
 * position under the pointer, then the ranges that contain it and whose boxes contain the point.
 */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const d = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

const inside = (r: DOMRect, x: number, y: number) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1;

/** Index of the item under the point, or -1; a flag wins over an info badge, then the shortest. */
export function itemAtPoint(items: readonly { range: Range; flag: boolean }[], x: number, y: number): number {
  const caret = caretAt(x, y);
  if (!caret) return -1;
  let best = -1;
  let bestLen = Infinity;
  items.forEach(({ range, flag }, i) => {
    try {
      if (!range.isPointInRange(caret.node, caret.offset)) return;
    } catch {
      return; // a node in another tree (shadow root): not this range
    }
    if (![...range.getClientRects()].some((r) => inside(r, x, y))) return;
    const len = range.toString().length + (flag ? 0 : 1e6);
    if (len < bestLen) {
      best = i;
      bestLen = len;
    }
  });
  return best;
}
