/**
 * Marks findings on the page without touching its text: one CSS Custom Highlight per kind and
 * severity, styled by highlights.css (::highlight rules on `html` only, so it cannot move anything
 * and costs no style matching). The sheet is manifest CSS: injected before the page is styled, it
 * never forces a style recalc of a large page, and no CSP can block it. Highlights are updated
 * in place (ranges added and removed), never rebuilt, so a new batch of findings does not
 * repaint every earlier one. Where the Highlight API is missing, boxes drawn from
 * range.getClientRects() inside our own shadow root stand in; page text is never wrapped.
 */
import type { HighlightStyle } from '../shared/settings';

export interface Mark {
  range: Range;
  /** e.g. "flag-dosing", "info-mention". */
  kind: string;
}

export interface Highlighter {
  readonly native: boolean;
  set(marks: Mark[], style: HighlightStyle, active: Range | null): void;
  clear(): void;
}

type HighlightRegistry = Map<string, unknown>;
type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void };

function registry(): { reg: HighlightRegistry; ctor: HighlightCtor } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const ctor = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && typeof ctor === 'function' ? { reg: css.highlights, ctor } : null;
}

export function createHighlighter(overlayLayer: HTMLElement): Highlighter {
  const api = registry();
  const names = new Set<string>();

  if (api) {
    const live = new Map<string, { hl: { add(r: Range): void; delete(r: Range): boolean }; ranges: Set<Range> }>();
    const clear = () => {
      for (const n of live.keys()) api.reg.delete(n);
      live.clear();
    };
    return {
      native: true,
      clear,
      set(marks, style, active) {
        const byName = new Map<string, Set<Range>>();
        for (const m of marks) {
          const name = `pl-${style}-${m.kind}`;
          let set = byName.get(name);
          if (!set) byName.set(name, (set = new Set()));
          set.add(m.range);
        }
        if (active) byName.set('pl-active', new Set([active]));
        for (const name of [...live.keys()]) {
          if (byName.has(name)) continue;
          api.reg.delete(name);
          live.delete(name);
        }
        for (const [name, want] of byName) {
          const cur = live.get(name);
          if (!cur) {
            const hl = new api.ctor(...want) as unknown as { add(r: Range): void; delete(r: Range): boolean };
            api.reg.set(name, hl);
            live.set(name, { hl, ranges: want });
            continue;
          }
          for (const r of cur.ranges) if (!want.has(r)) cur.hl.delete(r);
          for (const r of want) if (!cur.ranges.has(r)) cur.hl.add(r);
          cur.ranges = want;
        }
      },
    };
  }

  // Fallback: positioned boxes in our shadow root, redrawn on scroll/resize, viewport only.
  let current: { marks: Mark[]; style: HighlightStyle; active: Range | null } = { marks: [], style: 'underline', active: null };
  let frame = 0;
  const draw = () => {
    frame = 0;
    overlayLayer.replaceChildren();
    const vh = innerHeight;
    const frag = document.createDocumentFragment();
    const box = (rect: DOMRect, cls: string) => {
      const d = document.createElement('div');
      d.className = cls;
      d.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px`;
      frag.append(d);
    };
    for (const m of current.marks) {
      for (const rect of m.range.getClientRects()) {
        if (rect.bottom < -vh || rect.top > 2 * vh) continue;
        box(rect, `pl-box pl-${current.style} pl-${m.kind}`);
      }
    }
    if (current.active) for (const rect of current.active.getClientRects()) box(rect, 'pl-box pl-active');
    overlayLayer.append(frag);
  };
  const schedule = () => {
    if (!frame && current.marks.length) frame = requestAnimationFrame(draw);
  };
  addEventListener('scroll', schedule, { passive: true, capture: true });
  addEventListener('resize', schedule, { passive: true });
  return {
    native: false,
    set(marks, style, active) {
      current = { marks, style, active };
      if (!marks.length) overlayLayer.replaceChildren();
      schedule();
    },
    clear() {
      current = { marks: [], style: current.style, active: null };
      overlayLayer.replaceChildren();
    },
  };
}
