/**
 * Build-time compile of rules/: the extension bundles the compiled, validated rule set as
 * `virtual:peptidelens/rules` (background), the alias data as `virtual:peptidelens/prefilter`
 * (the in-page lens) and only the gate's query and alias regexes as `virtual:peptidelens/gate`
 * (the content script every page loads). A rule-set error fails the build.
 */
import type { Plugin } from 'vite';
import { DEFAULT_RULES_DIR, loadRuleSetFromDisk } from './load-node';
import { prefilterData } from './compile';
import { gateData } from './gate';

const RULES = 'virtual:peptidelens/rules';
const PREFILTER = 'virtual:peptidelens/prefilter';
const GATE = 'virtual:peptidelens/gate';
const IDS = [RULES, PREFILTER, GATE];

export function peptideLensRules(dir = DEFAULT_RULES_DIR): Plugin {
  return {
    name: 'peptidelens-rules',
    resolveId(id) {
      if (IDS.includes(id)) return '\0' + id;
      return null;
    },
    load(id) {
      const which = IDS.find((x) => id === '\0' + x);
      if (!which) return null;
      this.addWatchFile(dir);
      const set = loadRuleSetFromDisk(dir);
      const data = which === RULES ? set : which === PREFILTER ? prefilterData(set) : gateData(set);
      return `export default ${JSON.stringify(data)};`;
    },
  };
}
