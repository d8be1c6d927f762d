/**
 * Content script: wiring only. It carries the prefilter's alias data, never the rules or
 * compromise (those live in the background), so every page pays a few kilobytes, not 130.
 * The ::highlight sheet is manifest CSS (injected before the page is styled: no recalc later).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import prefilterData from 'virtual:peptidelens/prefilter';
import { createPrefilter } from '../src/engine/prefilter';
import { startPageLens } from '../src/page/controller';
import '../src/page/highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    const covered = prefilterData.substances.filter((s) => s.covered);
    // The page-wide gate: any alias of a covered substance (the prefilter's test() also carries the
    // uncovered ones, a bigger regex to run over a whole page's text). No `u` flag: ~50x slower.
    const gate = new RegExp(covered.flatMap((s) => [...s.strong, ...s.weak]).map((x) => `(?:${x})`).join('|') || '(?!)', 'i');
    startPageLens(createPrefilter(prefilterData), new Set(covered.map((s) => s.id)), prefilterData.version, ctx.signal, gate);
  },
});
