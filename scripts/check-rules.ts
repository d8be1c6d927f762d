/** `npm run rules:check`: compile rules/, then run every rule's examples; prints each problem. */
import { createEngine } from '../src/engine/index';
import { loadRuleSetFromDisk } from '../src/rules/load-node';
import { checkRuleExamples } from '../src/rules/examples';

try {
  const set = loadRuleSetFromDisk(process.argv[2]);
  const engine = createEngine(set);
  const problems = set.rules.flatMap((r) => checkRuleExamples(engine, r));
  for (const p of problems) console.log('✗ ' + p);
  console.log(`${set.rules.length} rules, ${set.substances.length} substances, version ${set.version}: ${problems.length ? problems.length + ' example problems' : 'all examples behave'}`);
  process.exit(problems.length ? 1 : 0);
} catch (e) {
  console.error(String((e as Error).message ?? e));
  process.exit(2);
}
