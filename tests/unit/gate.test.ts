/**
 * The page gate reads only the Text nodes that hold a substance's gate clues (src/rules/gate.ts,
 * src/page/gate.ts). A clue set that misses an alias spelling would hide that page from the lens
 * for good, so every alias match the prefilter makes — in every corpus set and page, every rule
 * example and the spellings the issue lists — must hold its substance's clues.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/node/engine';
import { corpusTexts } from './corpus-texts';
import { caseForms, gateData, passesClues } from '../../src/rules/gate';
import { compileRuleSet, RuleSetError } from '../../src/rules/compile';
import { readRuleFiles } from '../../src/rules/load-node';

const engine = loadEngine();
const SPELLINGS = [
  'IGF-1 LR3', 'IGF1-LR3', 'IGF1 LR3', 'IGF-I LR3', 'Long R3 IGF-1', 'LR3 IGF-1', 'IGF-1 Long R3', 'igf lr3',
  'Long(R3)-IGF-I', 'IFG-1 LR3', 'Long [Arg3] IGF-I', 'LongR3', 'long arginine 3 IGF', 'lr-3', 'LR 3', 'IGF‑1 LR3',
];

const texts = () => [...SPELLINGS, ...corpusTexts(engine)];

describe('page gate clues', () => {
  const covered = engine.rules.substances.filter((s) => s.covered);

  it('every alias match of a covered substance holds that substance\'s clues', () => {
    const missed: string[] = [];
    let mentions = 0;
    for (const t of texts()) {
      for (const m of engine.prefilter.mentions(t)) {
        const s = covered.find((c) => c.id === m.substance);
        if (!s) continue;
        mentions++;
        if (!passesClues(t.slice(m.start, m.end), s.gate!)) missed.push(t.slice(m.start, m.end));
      }
    }
    expect(mentions).toBeGreaterThan(500);
    expect(missed).toEqual([]);
  });

  it('turns away ordinary text', () => {
    const lr3 = covered.find((s) => s.id === 'igf-1-lr3')!.gate!;
    expect(passesClues('Meal prep Sunday: rice, chicken, broccoli, repeat.', lr3)).toBe(false);
    expect(passesClues('Post #1234 by member_3', lr3)).toBe(false);
  });

  it('asks the page for each clue in lower, UPPER and Capitalized case', () => {
    expect(caseForms('lr').sort()).toEqual(['LR', 'Lr', 'lr']);
    expect(caseForms('r3').sort()).toEqual(['R3', 'r3']);
    const q = gateData(engine.rules).query;
    for (const v of ['lr', 'LR', 'Lr', 'ong', 'ONG', 'Ong', 'R3', 'r3']) expect(q).toContain(`contains(string(),'${v}')`);
    expect(q.startsWith('.//text()[')).toBe(true);
    const lr3 = covered.find((s) => s.id === 'igf-1-lr3')!.gate!;
    for (const t of ['Long R3 IGF-1', 'LONG [ARG3] IGF-I', 'Igf-1 Lr3', 'long arginine 3']) expect(passesClues(t, lr3)).toBe(true);
  });

  it('a covered substance without gate clues does not compile', () => {
    const files = readRuleFiles();
    const victim = files.substances.find((f) => (f.data as { covered?: boolean }).covered)!;
    const data = victim.data as { aliases: Record<string, unknown> };
    const broken = { ...data, aliases: { ...data.aliases, gate: undefined } };
    expect(() => compileRuleSet({ ...files, substances: files.substances.map((f) => (f === victim ? { ...f, data: broken } : f)) })).toThrow(RuleSetError);
  });
});
