/**
 * The one element we add to a page: <peptide-lens>, fixed, zero-sized (no layout shift), with an
 * open shadow root that holds everything we draw. Page CSS reaches it only through inheritance,
 * which the root container resets; our CSS lives in the shadow root and cannot leak out.
 * Test hooks on the host: data-state (scanning | idle), data-flags, data-disabled.
 * Until there is something to show it is display:none, and then it goes in the top layer (see
 * createHost): a fixed, top-z-index box makes the browser redo compositing inputs for the whole
 * page (~14-25 ms on a 5,000-post page), which a page with nothing to flag should not pay.
 */
import { SHADOW_CSS } from '../ui/styles';

export interface Host {
  el: HTMLElement;
  shadow: ShadowRoot;
  /** Fallback highlight boxes (no Highlight API). */
  overlay: HTMLElement;
  /** Where the Preact UI renders. */
  ui: HTMLElement;
  setState(state: 'scanning' | 'idle', flags?: number): void;
  /** Display the host (something to show) or not. */
  show(visible: boolean): void;
  remove(): void;
}

// Inline !important beats any page rule, even `peptide-lens { display: none !important }`.
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  margin: '0',
  padding: '0',
  border: '0',
  'z-index': '2147483646',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  contain: 'none',
  'pointer-events': 'none',
};

function adoptStyles(shadow: ShadowRoot): void {
  // A constructed sheet is not an inline <style>, so strict-CSP pages (style-src 'self') apply it.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SHADOW_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = SHADOW_CSS;
    shadow.append(style);
  }
}

/** The inline style of the host: every property !important, `display` as asked. */
function hostStyle(display: string): string {
  return Object.entries({ ...HOST_STYLE, display })
    .map(([k, v]) => `${k}:${v} !important`)
    .join(';');
}

/**
 * The bare host, hidden, with its test hooks: what the page gate (src/page/gate.ts) puts on every
 * page. The shadow root and everything in it come only with the lens (createHost).
 */
export function createHostElement(): HTMLElement {
  const el = document.createElement('peptide-lens');
  // CSSOM, not a style attribute: a strict CSP (no 'unsafe-inline') blocks the latter. Hidden, it
  // needs nothing else: the full reset (`all: initial` and the rest, a few hundred declarations
  // to parse) comes with the first thing to show.
  el.style.setProperty('display', 'none', 'important');
  el.dataset.state = 'scanning';
  el.dataset.flags = '0';
  // On <html>, not <body>: body styles and SPA body swaps cannot touch it.
  document.documentElement.append(el);
  return el;
}

/** The lens's host: the gate's element (or a new one) with an open shadow root for our UI. */
export function createHost(existing?: HTMLElement): Host {
  const el = existing?.isConnected ? existing : createHostElement();
  let visible = false;
  let styled = false;
  // Shown in the top layer (a manual popover: no light dismiss, no Escape) where the browser has
  // one. A fixed box above the page makes the browser redo compositing inputs for the whole page
  // each time it appears or its content changes (~20-25 ms a frame on the 5,000-post forum); a
  // top-layer element is laid out and composited on its own (~0 ms). Elsewhere: fixed, as before.
  const topLayer = typeof el.showPopover === 'function';
  if (topLayer) el.popover = 'manual';
  const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  const overlay = document.createElement('div');
  overlay.className = 'pl-overlay';
  overlay.setAttribute('aria-hidden', 'true');
  const ui = document.createElement('div');
  ui.className = 'pl-root';
  shadow.replaceChildren(overlay, ui);
  el.dataset.state = 'scanning';
  return {
    el,
    shadow,
    overlay,
    ui,
    setState(state, flags) {
      if (el.dataset.state !== state) el.dataset.state = state;
      if (flags !== undefined && el.dataset.flags !== String(flags)) el.dataset.flags = String(flags);
    },
    show(v) {
      if (v === visible) return;
      visible = v;
      // Our sheet is parsed the first time there is something to draw.
      if (v && !styled) {
        styled = true;
        adoptStyles(shadow);
      }
      el.style.cssText = hostStyle(v ? HOST_STYLE.display : 'none');
      if (topLayer) {
        try {
          if (v !== el.matches(':popover-open')) {
            if (v) el.showPopover();
            else el.hidePopover();
          }
        } catch {
          // Not connected (the page removed it), or the popover state was changed meanwhile: stay fixed.
        }
      }
    },
    remove: () => el.remove(),
  };
}
