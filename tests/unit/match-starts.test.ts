/**
 * The matcher runs compromise's matcher only from the terms that can match a pattern's first
 * token (src/engine/nlp.ts sweep). It must find exactly what running every pattern from every
 * term finds: checked on every sentence of every corpus set, page and rule example, with and
 * without the sentence's substance spans, and on edited copies of them.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/node/engine';
import { createMatcher } from '../../src/engine/nlp';
import { splitSentences } from '../../src/engine/sentences';
import { corpusTexts } from './corpus-texts';

const engine = loadEngine();
const pruned = createMatcher(engine.rules);
const full = createMatcher(engine.rules, { everyStart: true });

const texts = () => corpusTexts(engine);

const EDITS: ((s: string) => string)[] = [
  (s) => s.toUpperCase(),
  (s) => s.replace(/-/g, ' - '),
  (s) => s.replace(/(\d+)/g, '$1-$1'),
  (s) => s.replace(/(\d+) ?(mcg|mg|ml|iu|units?)\b/gi, '$1 $2 $1 $2'),
];

describe('match starts', () => {
  it('finds what running every pattern from every term finds', () => {
    const sentences = texts().flatMap((t) => splitSentences(t).map((sp) => t.slice(sp.start, sp.end)));
    const all = [...new Set([...sentences, ...sentences.flatMap((s) => EDITS.map((e) => e(s)))])];
    expect(sentences.length).toBeGreaterThan(1000);
    const differ: string[] = [];
    for (const s of all) {
      const spans = engine.prefilter.mentions(s).map((m) => ({ start: m.start, end: m.end }));
      for (const sub of spans.length ? [spans, []] : [spans]) {
        if (JSON.stringify(pruned.match(s, sub)) !== JSON.stringify(full.match(s, sub))) differ.push(s);
      }
    }
    expect(differ).toEqual([]);
  });
});
