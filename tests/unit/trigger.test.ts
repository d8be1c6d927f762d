/**
 * The cheap pre-check in front of compromise may let too much through, never too little: a
 * sentence it turns away must be one on which the match net finds nothing. Checked on every
 * sentence of every corpus set and page, and on every rule example.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/node/engine';
import { createMatcher } from '../../src/engine/nlp';
import { splitSentences } from '../../src/engine/sentences';
import { corpusTexts } from './corpus-texts';

const engine = loadEngine();
const matcher = createMatcher(engine.rules);

const texts = () => corpusTexts(engine);

describe('pre-check before compromise', () => {
  const sentences = texts().flatMap((t) => splitSentences(t).map((sp) => t.slice(sp.start, sp.end)));

  it('never turns away a sentence the match net would flag', () => {
    const missed: string[] = [];
    for (const s of sentences) {
      const spans = engine.prefilter.mentions(s).map((m) => ({ start: m.start, end: m.end }));
      if (!matcher.mayMatch(s, spans.length > 0) && matcher.match(s, spans).length) missed.push(s);
    }
    expect(sentences.length).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  });

  it('turns away sentences with nothing to match', () => {
    expect(matcher.mayMatch('Meal prep Sunday: rice, chicken, broccoli, repeat.', false)).toBe(false);
    expect(matcher.mayMatch('Thinking about trying IGF-1 LR3 for my next bulk.', true)).toBe(false);
  });
});
