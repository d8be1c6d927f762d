/**
 * Non-negotiable: the product flags dosing language and never writes any. Every user-facing
 * string — rule titles, explanations and evidence reasons, FDA/WADA summaries, UI text in
 * src/ui and entrypoints, exports' fixed text — is scanned two ways: our own engine read as if on
 * an IGF-1 LR3 page (no dosing flag allowed) and a plain pattern for amounts, schedules and
 * injection or mixing steps.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/node/engine';

const engine = loadEngine();
const set = engine.rules;

const AMOUNT = /\b\d+(?:[.,]\d+)?\s*(?:-|–|to)?\s*\d*\s*(?:mcg|µg|ug|mg|iu|ml|cc|units?)\b/i;
const INSTRUCTION =
  /\b(?:inject|pin|reconstitute|mix)\b[^.]{0,40}\b(?:into|with|before|after|daily|twice|every)\b|\b(?:weeks on|weeks off|per day|twice daily|every other day|post-workout)\b|^\s*(?:how (?:often|much|long)|when|where) to (?:take|use|inject|run|dose|pin|mix)\b/i;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.(tsx?|html)$/.test(n) ? [p] : [];
  });
}

/** String literals and JSX text of UI source files: what the extension can show a person. */
function uiStrings(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const file of [...walk('src/ui'), ...walk('entrypoints'), ...walk('src/workflow')]) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/'([^'\n]{12,})'|"([^"\n]{12,})"|`([^`$\n]{12,})`|>\s*([^<>{}\n]{12,}?)\s*</g)) {
      const text = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
      if (/\s/.test(text) && !/^[\w.\-/:#@]+$/.test(text)) out.push({ where: file, text });
    }
  }
  return out;
}

function ruleStrings(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const r of set.rules) {
    out.push({ where: `${r.id} title`, text: r.title }, { where: `${r.id} explanation`, text: r.explanation });
    if (r.evidence.reason) out.push({ where: `${r.id} evidence`, text: r.evidence.reason });
  }
  for (const s of set.substances) {
    out.push({ where: `${s.id} fda`, text: s.fda.summary }, { where: `${s.id} wada`, text: s.wada.summary });
    for (const [area, e] of Object.entries(s.evidence)) out.push({ where: `${s.id} evidence.${area}`, text: e.reason });
  }
  return out;
}

describe('no dosing advice in anything we show', () => {
  const strings = [...ruleStrings(), ...uiStrings()];

  it('finds the strings to check', () => {
    expect(strings.length).toBeGreaterThan(100);
  });

  it('no rule, status or UI text gives an amount, a schedule or an injection/mixing step', () => {
    const bad = strings.filter((s) => AMOUNT.test(s.text) || INSTRUCTION.test(s.text));
    expect(bad).toEqual([]);
  });

  it('our own engine finds no dosing language in them, read as if on an IGF-1 LR3 page', () => {
    const bad = strings.filter(
      (s) => engine.scan({ title: 'IGF-1 LR3', blocks: [{ text: s.text, offset: 0 }] }).findings.some((f) => f.kind === 'dosing' && f.severity === 'flag'),
    );
    expect(bad).toEqual([]);
  });

  it('would catch a dose if one slipped in', () => {
    const planted = 'Most users take 50 mcg daily, post-workout.';
    expect(AMOUNT.test(planted) || INSTRUCTION.test(planted)).toBe(true);
    // A heading that reads as an instruction ("How often to take it") is advice too, even without a number.
    expect(INSTRUCTION.test('How often to take it')).toBe(true);
    expect(engine.scan({ title: 'IGF-1 LR3', blocks: [{ text: planted, offset: 0 }] }).findings.some((f) => f.kind === 'dosing')).toBe(true);
  });
});
