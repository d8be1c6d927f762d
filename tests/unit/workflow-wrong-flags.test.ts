import { describe, expect, it } from 'vitest';
import { addWrongFlag, checkWrongFlag, isFlaggedWrong, makeWrongFlag, MAX_WRONG_FLAGS, normaliseWrongFlags, removeWrongFlag, wrongFlagsToJson } from '../../src/workflow/wrong-flags';

const f = { ruleId: 'r/safety/x', kind: 'safety-claim' as const, text: 'no side effects', sentence: 'It has no side effects.' };

describe('wrong-flag records', () => {
  it('records quote, rule and URL', () => {
    const r = makeWrongFlag(f, 'https://a.test/', '1', '2026-11-25T10:00:00.000Z', '  it is a rebuttal ');
    expect(r).toEqual({ ruleId: 'r/safety/x', kind: 'safety-claim', quote: 'no side effects', sentence: 'It has no side effects.', url: 'https://a.test/', rulesVersion: '1', at: '2026-11-25T10:00:00.000Z', note: 'it is a rebuttal' });
  });

  it('keeps one record per flag, newest first, and caps the list', () => {
    const a = makeWrongFlag(f, 'https://a.test/', '1', 't1');
    const b = makeWrongFlag({ ...f, text: 'safe' }, 'https://a.test/', '1', 't2');
    let list = addWrongFlag(addWrongFlag([], a), b);
    list = addWrongFlag(list, { ...a, at: 't3' });
    expect(list.map((r) => r.at)).toEqual(['t3', 't2']);
    expect(isFlaggedWrong(list, f, 'https://a.test/')).toBe(true);
    expect(removeWrongFlag(list, a)).toHaveLength(1);
    let many: ReturnType<typeof addWrongFlag> = [];
    for (let i = 0; i < MAX_WRONG_FLAGS + 5; i++) many = addWrongFlag(many, { ...a, quote: String(i) });
    expect(many).toHaveLength(MAX_WRONG_FLAGS);
    expect(many[0].quote).toBe(String(MAX_WRONG_FLAGS + 4));
  });

  it('accepts only well-formed records from messages', () => {
    expect(checkWrongFlag({ ruleId: 'x' })).toBeNull();
    expect(checkWrongFlag('x')).toBeNull();
    const rec = checkWrongFlag({ ...makeWrongFlag(f, 'u', '1', 't'), extra: 'dropped' });
    expect(rec && 'extra' in rec).toBe(false);
    expect(normaliseWrongFlags([1, null, makeWrongFlag(f, 'u', '1', 't')])).toHaveLength(1);
  });

  it('exports JSON with a format header', () => {
    const j = JSON.parse(wrongFlagsToJson([makeWrongFlag(f, 'u', '1', 't')], '0.1.0', 'now'));
    expect(j).toMatchObject({ format: 'peptidelens-wrong-flags', version: 1, extensionVersion: '0.1.0', exportedAt: 'now' });
    expect(j.records).toHaveLength(1);
  });
});

describe('storage verification', () => {
  it('compares stored values whatever order the browser gives their keys', async () => {
    const { canonicalJson } = await import('../../src/workflow/storage');
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: [2, { x: 2, y: 1 }] }, b: 1 }));
  });
});
