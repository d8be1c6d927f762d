/**
 * Meta-test over rules/: every rule compiles, carries examples, sources and a reviewed date, and
 * flags exactly its marked examples (one generated test per rule).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index';
import { loadRuleSetFromDisk, readRuleFiles } from '../../src/rules/load-node';
import { compileRuleSet, RuleSetError } from '../../src/rules/compile';
import { checkRuleExamples } from '../../src/rules/examples';

const set = loadRuleSetFromDisk();
const engine = createEngine(set);

describe('rule set', () => {
  it('has rules for every claim kind', () => {
    const kinds = new Set(set.rules.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['dosing', 'efficacy-claim', 'regulatory-claim', 'safety-claim']);
  });

  it('every rule has flag and pass examples, sources and a reviewed date', () => {
    for (const r of set.rules) {
      expect(r.examples.flag.length, r.id).toBeGreaterThan(0);
      expect(r.examples.pass.length, r.id).toBeGreaterThan(0);
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(r.reviewed, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('every FDA and WADA status cites a source with an as-of date', () => {
    for (const s of set.substances) {
      for (const st of [s.fda, s.wada]) {
        expect(st.source.url, s.id).toMatch(/^https:\/\//);
        expect(st.asOf, s.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(st.lastChecked, s.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (const [area, e] of Object.entries(s.evidence)) expect(e.references.length, `${s.id} ${area}`).toBeGreaterThan(0);
    }
  });

  it('rejects a rule without examples, sources or reviewed date, naming the file', () => {
    const files = readRuleFiles();
    const victim = files.rules[0]!;
    const broken = { ...(victim.data as object), examples: { flag: [], pass: [] }, sources: [], reviewed: 'soon' };
    try {
      compileRuleSet({ ...files, rules: [{ path: victim.path, data: broken }] });
      expect.unreachable('compile should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleSetError);
      const msg = (e as Error).message;
      expect(msg).toContain(`${victim.path}: examples.flag needs at least one example`);
      expect(msg).toContain(`${victim.path}: sources: needs a non-empty list`);
      expect(msg).toContain(`${victim.path}: reviewed must be a YYYY-MM-DD date`);
    }
  });

  it('rejects a pattern that never matches its own example', () => {
    const rule = { ...set.rules.find((r) => r.id.endsWith('/hyperplasia'))!, patterns: ['#Compound #Compound #Compound'] };
    const broken = createEngine({ ...set, rules: set.rules.map((r) => (r.id === rule.id ? rule : r)) });
    expect(checkRuleExamples(broken, rule).length).toBeGreaterThan(0);
  });
});

describe.each(set.rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  it('flags exactly its marked examples and none of its pass examples', () => {
    expect(checkRuleExamples(engine, rule)).toEqual([]);
  });
});
