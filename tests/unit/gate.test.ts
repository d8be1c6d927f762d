/**
 * The page gate reads only the Text nodes that hold a substance's gate clues (src/rules/gate.ts,
 * src/page/gate.ts). A clue set that misses an alias spelling would hide that page from the lens
 * for good, so every alias match the prefilter makes — in every corpus set and page, every rule
 * example and the spellings the issue lists — must hold its substance's clues.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/node/engine';
import { htmlToDocument } from '../../src/extract/html';
import { parseMarked } from '../../src/rules/examples';
import { caseVariants, gateData, passesClues } from '../../src/rules/gate';
import { compileRuleSet, RuleSetError } from '../../src/rules/compile';
import { readRuleFiles } from '../../src/rules/load-node';

const engine = loadEngine();
const dir = join(import.meta.dirname, '../corpus');
const SPELLINGS = [
  'IGF-1 LR3', 'IGF1-LR3', 'IGF1 LR3', 'IGF-I LR3', 'Long R3 IGF-1', 'LR3 IGF-1', 'IGF-1 Long R3', 'igf lr3',
  'Long(R3)-IGF-I', 'IFG-1 LR3', 'Long [Arg3] IGF-I', 'LongR3', 'long arginine 3 IGF', 'lr-3', 'LR 3', 'IGF‑1 LR3',
];

function texts(): string[] {
  const out: string[] = [...SPELLINGS];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.endsWith('.jsonl')) {
      for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
        const item = JSON.parse(line) as { text: string; context?: { title?: string; before?: string } };
        out.push(item.text, item.context?.title ?? '', item.context?.before ?? '');
      }
    } else if (statSync(path).isDirectory()) {
      for (const f of readdirSync(path).filter((n) => n.endsWith('.html'))) {
        const doc = htmlToDocument(readFileSync(join(path, f), 'utf8'));
        out.push(doc.title ?? '', ...doc.blocks.map((b) => b.text));
      }
    }
  }
  for (const r of engine.rules.rules) for (const ex of [...r.examples.flag, ...r.examples.pass]) out.push(parseMarked(ex.text).text, ex.title ?? '');
  return out.filter(Boolean);
}

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

  it('asks the page for every letter case of every clue', () => {
    expect(caseVariants('lr').sort()).toEqual(['LR', 'Lr', 'lR', 'lr']);
    expect(caseVariants('r3').sort()).toEqual(['R3', 'r3']);
    const q = gateData(engine.rules).query;
    for (const v of ['lr', 'LR', 'Lr', 'lR', 'ONG', 'oNg', 'R3', 'r3']) expect(q).toContain(`contains(.,'${v}')`);
    expect(q.startsWith('.//text()[')).toBe(true);
  });

  it('a covered substance without gate clues does not compile', () => {
    const files = readRuleFiles();
    const victim = files.substances.find((f) => (f.data as { covered?: boolean }).covered)!;
    const data = victim.data as { aliases: Record<string, unknown> };
    const broken = { ...data, aliases: { ...data.aliases, gate: undefined } };
    expect(() => compileRuleSet({ ...files, substances: files.substances.map((f) => (f === victim ? { ...f, data: broken } : f)) })).toThrow(RuleSetError);
  });
});
