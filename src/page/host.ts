/**
 * The one element we add to a page: <peptide-lens>, fixed, zero-sized (no layout shift), with an
 * open shadow root that holds everything we draw. Page CSS reaches it only through inheritance,
 * which the root container resets; our CSS lives in the shadow root and cannot leak out.
 * Test hooks on the host: data-state (scanning | idle), data-flags, data-disabled.
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

export function createHost(): Host {
  const el = document.createElement('peptide-lens');
  for (const [k, v] of Object.entries(HOST_STYLE)) el.style.setProperty(k, v, 'important');
  const shadow = el.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  const overlay = document.createElement('div');
  overlay.className = 'pl-overlay';
  overlay.setAttribute('aria-hidden', 'true');
  const ui = document.createElement('div');
  ui.className = 'pl-root';
  shadow.append(overlay, ui);
  el.dataset.state = 'scanning';
  el.dataset.flags = '0';
  // On <html>, not <body>: body styles and SPA body swaps cannot touch it.
  document.documentElement.append(el);
  return {
    el,
    shadow,
    overlay,
    ui,
    setState(state, flags) {
      if (el.dataset.state !== state) el.dataset.state = state;
      if (flags !== undefined && el.dataset.flags !== String(flags)) el.dataset.flags = String(flags);
    },
    remove: () => el.remove(),
  };
}
