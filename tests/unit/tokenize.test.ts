/**
 * The matcher calls compromise's tokenizer step by step (src/engine/nlp.ts tokenize) instead of
 * nlp.tokenize(), and sets the normal form of plain ASCII words itself. The terms it makes must be
 * the ones nlp.tokenize() makes (contraction expansion off, as the matcher always ran it; compared
 * as JSON, where the `machine` field it leaves undefined reads as absent, as it does to compromise's
 * matcher): checked on every sentence of every corpus set, page and rule example, and on edited
 * copies of them that reach the tokenizer's edge cases (case, curly quotes, dashes, ranges,
 * acronyms, accents, symbols).
 */
import { describe, expect, it } from 'vitest';
import nlp from 'compromise/one';
import { loadEngine } from '../../src/node/engine';
import { tokenize, type Term } from '../../src/engine/nlp';
import { splitSentences } from '../../src/engine/sentences';
import { corpusTexts } from './corpus-texts';

const engine = loadEngine();

const texts = () => corpusTexts(engine);

const EDITS: ((s: string) => string)[] = [
  (s) => s.toUpperCase(),
  (s) => s.replace(/'/g, '’'),
  (s) => s.replace(/-/g, '–'),
  (s) => s.replace(/(\d+)/g, '$1-$1'),
  (s) => s.replace(/(\d+)/g, '($1)'),
  (s) => s.replace(/ (\w+)/g, ' "$1"'),
  (s) => s.replace(/\./g, '...'),
  (s) => s.replace(/e/g, 'é'),
  (s) => s.replace(/ /g, '/'),
  (s) => s.replace(/ (\w)/g, ' #$1'),
  (s) => s.replace(/\b([a-z])([a-z])([a-z]*)\b/gi, '$1.$2.$3'),
  (s) => s.replace(/\b(\w+)\b/g, "$1's"),
  (s) => `> ${s} :) <3`,
];

const view = (docs: Term[][]) =>
  JSON.stringify(docs.map((terms) => terms.map((t) => ({ ...t, tags: [...t.tags] }))));

function reference(text: string): Term[][] {
  const world = (nlp as unknown as { _world: { compute: Record<string, unknown> } })._world;
  const saved = world.compute.contractions;
  world.compute.contractions = undefined;
  try {
    const doc = nlp.tokenize(text);
    doc.compute(['machine', 'offset']);
    return doc.docs as unknown as Term[][];
  } finally {
    world.compute.contractions = saved;
  }
}

describe('tokenize', () => {
  it("makes the terms nlp.tokenize() makes", () => {
    const sentences = texts().flatMap((t) => splitSentences(t).map((sp) => t.slice(sp.start, sp.end)));
    const all = [...new Set([...sentences, ...sentences.flatMap((s) => EDITS.map((e) => e(s)))])];
    expect(sentences.length).toBeGreaterThan(1000);
    const differ = all.filter((s) => view(tokenize(s)) !== view(reference(s)));
    expect(differ).toEqual([]);
  });
});
