/** Node entry: an engine over the rules/ folder on disk (CLI, tests, benchmarks). */
import { createEngine, type Engine } from '../engine/index';
import { DEFAULT_RULES_DIR, loadRuleSetFromDisk } from '../rules/load-node';

const cache = new Map<string, Engine>();

export function loadEngine(rulesDir = DEFAULT_RULES_DIR): Engine {
  let e = cache.get(rulesDir);
  if (!e) {
    e = createEngine(loadRuleSetFromDisk(rulesDir));
    cache.set(rulesDir, e);
  }
  return e;
}
