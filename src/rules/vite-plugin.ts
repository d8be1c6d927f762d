/**
 * Build-time compile of rules/: the extension bundles the compiled, validated rule set as
 * `virtual:peptidelens/rules` (background) and only the alias data as
 * `virtual:peptidelens/prefilter` (content script). A rule-set error fails the build.
 */
import type { Plugin } from 'vite';
import { DEFAULT_RULES_DIR, loadRuleSetFromDisk } from './load-node';
import { prefilterData } from './compile';

const RULES = 'virtual:peptidelens/rules';
const PREFILTER = 'virtual:peptidelens/prefilter';

export function peptideLensRules(dir = DEFAULT_RULES_DIR): Plugin {
  return {
    name: 'peptidelens-rules',
    resolveId(id) {
      if (id === RULES || id === PREFILTER) return '\0' + id;
      return null;
    },
    load(id) {
      if (id !== '\0' + RULES && id !== '\0' + PREFILTER) return null;
      this.addWatchFile(dir);
      const set = loadRuleSetFromDisk(dir);
      const data = id === '\0' + RULES ? set : prefilterData(set);
      return `export default ${JSON.stringify(data)};`;
    },
  };
}
