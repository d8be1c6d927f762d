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
    const covered = new Set(prefilterData.substances.filter((s) => s.covered).map((s) => s.id));
    startPageLens(createPrefilter(prefilterData), covered, prefilterData.version, ctx.signal);
  },
});
