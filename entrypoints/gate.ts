/**
 * The content script every page loads: the page gate (src/page/gate.ts), a few kilobytes with no
 * rule internals, no UI and no polyfill. It loads the lens (entrypoints/lens.ts) only on a page
 * that names a covered substance. Listed in the manifest by wxt.config.ts, with the ::highlight
 * sheet (public/highlights.css, injected before the page is styled: no recalc later).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import gateData from 'virtual:peptidelens/gate';
import { runGate } from '../src/page/gate';

export default defineUnlistedScript(() => {
  // A module import runs the lens in this same isolated world (Chrome; Firefox since 89, bug
  // 1536094). lens.js is web-accessible, with a per-session URL in Chrome: pages cannot probe for it.
  runGate(gateData, (api) => import(/* @vite-ignore */ api.runtime!.getURL('/lens.js')));
});
