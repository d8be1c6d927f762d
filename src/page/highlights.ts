/**
 * Marks findings on the page without touching its text: one CSS Custom Highlight per kind and
 * severity, styled by highlights.css (::highlight rules only, so it cannot move anything). The
 * sheet is adopted by the document only once there is something to mark: as manifest CSS it
 * cost ~100 ms of style matching on every large page, peptide or not. A constructed sheet is not
 * an inline style, so strict-CSP pages accept it. Where the Highlight API is missing, boxes drawn from range.getClientRects() inside
 * our own shadow root stand in; page text is never wrapped.
 */
import type { HighlightStyle } from '../shared/settings';
import HIGHLIGHT_CSS from './highlights.css?inline';

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

let sheet: CSSStyleSheet | null = null;

/** Adopt the ::highlight sheet into the document (again, if the page replaced its sheet list). */
function ensureStyles(): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
    }
    if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    if (document.getElementById('peptide-lens-highlights')) return;
    const style = document.createElement('style');
    style.id = 'peptide-lens-highlights';
    style.textContent = HIGHLIGHT_CSS;
    (document.head ?? document.documentElement).append(style);
  }
}

export function createHighlighter(overlayLayer: HTMLElement): Highlighter {
  const api = registry();
  const names = new Set<string>();

  if (api) {
    const clear = () => {
      for (const n of names) api.reg.delete(n);
      names.clear();
    };
    return {
      native: true,
      clear,
      set(marks, style, active) {
        clear();
        if (marks.length) ensureStyles();
        const byName = new Map<string, Range[]>();
        for (const m of marks) {
          const name = `pl-${style}-${m.kind}`;
          let list = byName.get(name);
          if (!list) byName.set(name, (list = []));
          list.push(m.range);
        }
        if (active) byName.set('pl-active', [active]);
        for (const [name, ranges] of byName) {
          api.reg.set(name, new api.ctor(...ranges));
          names.add(name);
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
