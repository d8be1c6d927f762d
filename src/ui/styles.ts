/**
 * CSS for everything inside the <peptide-lens> shadow root. `.pl-root` resets what the page could
 * pass down by inheritance (colour, font size, `all: unset` tricks), so hostile page CSS cannot
 * restyle us; nothing here can match page elements.
 */
export const SHADOW_CSS = `
.pl-root, .pl-overlay { all: initial; }
.pl-root {
  position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
}
.pl-root * { box-sizing: border-box; font: inherit; color: inherit; letter-spacing: normal; text-transform: none; }
.pl-overlay { position: fixed; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
.pl-box { position: fixed; pointer-events: none; border-radius: 2px; }
.pl-box.pl-underline, .pl-box.pl-outline { border-bottom: 2px solid #c92a2a; }
.pl-box.pl-background { background: rgba(255,107,107,.28); }
.pl-box[class*="pl-info-"] { border-bottom: 1px dotted #495057; background: none; }
.pl-box.pl-active { background: rgba(255,212,59,.55); }
.sr-only { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

.pl-panel { position: fixed; right: 16px; bottom: 16px; pointer-events: auto; max-width: min(420px, calc(100vw - 32px));
  display: flex; flex-direction: column; align-items: flex-end; gap: 8px; }
.pl-toggle { all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; align-items: center; gap: 8px;
  padding: 8px 14px; border-radius: 999px; background: #fff; color: #1d1d1f; border: 1px solid #d0d4d9;
  box-shadow: 0 2px 10px rgba(0,0,0,.18); font-weight: 600; font-size: 14px; }
.pl-toggle[data-has-flags="true"] { background: #b3261e; color: #fff; border-color: #b3261e; }
.pl-toggle:focus-visible, .pl-item:focus-visible, .pl-pop button:focus-visible, .pl-pop a:focus-visible, .pl-pop:focus-visible {
  outline: 3px solid #1c7ed6; outline-offset: 2px; }
.pl-list { margin: 0; padding: 6px; list-style: none; background: #fff; border: 1px solid #d0d4d9; border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.2); max-height: min(60vh, 480px); overflow: auto; width: min(420px, calc(100vw - 32px)); }
.pl-list[hidden], .pl-panel[hidden] { display: none; }
.pl-item { all: unset; box-sizing: border-box; display: block; width: 100%; cursor: pointer; padding: 6px 8px; border-radius: 6px; }
.pl-item:hover, .pl-item:focus { background: #f1f3f5; }
.pl-item-kind { display: block; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.pl-item[data-severity="flag"] .pl-item-kind { color: #b3261e; }
.pl-item[data-severity="info"] .pl-item-kind { color: #495057; font-weight: 600; }
.pl-item-text { display: block; color: #343a40; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

.pl-pop { position: fixed; pointer-events: auto; width: min(440px, calc(100vw - 16px)); max-height: min(72vh, 600px); overflow: auto;
  background: #fff; color: #1d1d1f; border: 1px solid #c8ccd1; border-radius: 12px; padding: 14px 16px 12px;
  box-shadow: 0 10px 36px rgba(0,0,0,.28); font-size: 14px; line-height: 1.45; text-align: left; }
.pl-pop[data-severity="flag"] { border-top: 5px solid #b3261e; }
.pl-pop[data-severity="info"] { border-top: 5px solid #868e96; }
.pl-pop-head { display: flex; align-items: flex-start; gap: 8px; }
.pl-pop-kind { display: inline-block; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 2px 8px;
  border-radius: 999px; background: #ffe3e3; color: #a51111; }
.pl-pop[data-severity="info"] .pl-pop-kind { background: #f1f3f5; color: #495057; }
.pl-pop h2 { margin: 6px 0 0; font-size: 16px; font-weight: 700; line-height: 1.3; }
.pl-close { all: unset; cursor: pointer; margin-left: auto; width: 28px; height: 28px; text-align: center; line-height: 28px; border-radius: 6px;
  font-size: 20px; color: #495057; }
.pl-close:hover { background: #f1f3f5; }
.pl-quote { margin: 10px 0; padding: 6px 10px; border-left: 3px solid #dee2e6; color: #495057; font-style: italic; }
.pl-pop p { margin: 8px 0; }
.pl-facts { margin: 10px 0; display: grid; grid-template-columns: 64px 1fr; gap: 6px 8px; font-size: 13px; }
.pl-facts dt { font-weight: 700; color: #495057; }
.pl-facts dd { margin: 0; }
.pl-grade { font-weight: 700; }
.pl-asof { color: #6c757d; font-size: 12px; white-space: nowrap; }
.pl-pop h3 { margin: 10px 0 4px; font-size: 13px; font-weight: 700; color: #495057; }
.pl-refs { margin: 0; padding-left: 18px; }
.pl-refs a { color: #1864ab; text-decoration: underline; word-break: break-word; }
.pl-foot { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-top: 10px; padding-top: 8px; border-top: 1px solid #e9ecef; }
.pl-nma { font-size: 12px; color: #6c757d; margin: 0; }
.pl-wrong { all: unset; cursor: pointer; font-size: 12px; padding: 4px 10px; border: 1px solid #ced4da; border-radius: 6px; color: #343a40; white-space: nowrap; }
.pl-wrong:hover { background: #f8f9fa; }
.pl-wrong[disabled] { cursor: default; color: #2b8a3e; border-color: #b2f2bb; }
`;
