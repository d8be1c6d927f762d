/**
 * The in-page lens: highlights, the findings list and the popover (src/page/controller.ts).
 * Loaded by the page gate (entrypoints/gate.ts) only on pages that name a covered substance; it
 * carries the prefilter's alias data, never the rules or compromise (those live in the background).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import prefilterData from 'virtual:peptidelens/prefilter';
import gateData from 'virtual:peptidelens/gate';
import { createPrefilter } from '../src/engine/prefilter';
import { LENS_START_KEY, createGateMatcher, type LensBoot } from '../src/page/gate';
import { startPageLens } from '../src/page/controller';

export default defineUnlistedScript(() => {
  const covered = new Set(prefilterData.substances.filter((s) => s.covered).map((s) => s.id));
  // The gate calls this once it knows the site is on (it holds the host and the settings).
  (globalThis as Record<string, unknown>)[LENS_START_KEY] = (boot: LensBoot) =>
    startPageLens({
      prefilter: createPrefilter(prefilterData),
      coveredIds: covered,
      rulesVersion: prefilterData.version,
      gate: createGateMatcher(gateData),
      ...boot,
    });
});
