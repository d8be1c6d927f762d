/**
 * Rule examples as test cases: "[[ ]]" marks the exact span that must be flagged.
 * Used by the generated per-rule tests and by `npm run rules:check`.
 */
import type { Engine } from '../engine/index';
import type { CompiledRule, Example } from './schema';

export function parseMarked(marked: string): { text: string; spans: { start: number; end: number; text: string }[] } {
  let text = '';
  const spans: { start: number; end: number; text: string }[] = [];
  const re = /\[\[(.+?)\]\]/g;
  let last = 0;
  for (const m of marked.matchAll(re)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[1];
    spans.push({ start, end: text.length, text: m[1]! });
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  return { text, spans };
}

/** Problems with one rule's examples under the engine; empty when the rule behaves as its examples say. */
export function checkRuleExamples(engine: Engine, rule: CompiledRule): string[] {
  const problems: string[] = [];
  const run = (ex: Example) => {
    const { text, spans } = parseMarked(ex.text);
    const findings = engine.scan({ title: ex.title, blocks: [{ text, offset: 0 }] }, { merge: false }).findings.filter((f) => f.ruleId === rule.id && f.severity === rule.severity);
    return { text, spans, findings };
  };
  for (const ex of rule.examples.flag) {
    const { spans, findings } = run(ex);
    for (const sp of spans) {
      if (!findings.some((f) => f.start === sp.start && f.end === sp.end)) {
        const got = findings.map((f) => JSON.stringify(f.text)).join(', ') || 'nothing';
        problems.push(`${rule.id}: should flag exactly ${JSON.stringify(sp.text)} in ${JSON.stringify(ex.text)} — got ${got}`);
      }
    }
  }
  for (const ex of rule.examples.pass) {
    const { findings } = run(ex);
    if (findings.length) problems.push(`${rule.id}: must not flag ${JSON.stringify(ex.text)} — flagged ${findings.map((f) => JSON.stringify(f.text)).join(', ')}`);
  }
  return problems;
}
