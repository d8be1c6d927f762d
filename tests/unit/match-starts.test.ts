/**
 * The matcher runs compromise's matcher only from the terms that can match a pattern's first
 * token (src/engine/nlp.ts sweep). It must find exactly what running every pattern from every
 * term finds: checked on every sentence of every corpus set, page and rule example, with and
 * without the sentence's substance spans, and on edited copies of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/node/engine';
import { createMatcher } from '../../src/engine/nlp';
import { splitSentences } from '../../src/engine/sentences';
import { htmlToDocument } from '../../src/extract/html';
import { parseMarked } from '../../src/rules/examples';

const engine = loadEngine();
const pruned = createMatcher(engine.rules);
const full = createMatcher(engine.rules, { everyStart: true });
const dir = join(import.meta.dirname, '../corpus');

function texts(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean)) {
      const item = JSON.parse(line) as { text: string; context?: { before?: string } };
      out.push(item.text, item.context?.before ?? '');
    }
  }
  for (const d of ['pages', 'holdout-pages', 'blind-pages']) {
    for (const f of readdirSync(join(dir, d)).filter((n) => n.endsWith('.html'))) {
      out.push(...htmlToDocument(readFileSync(join(dir, d, f), 'utf8')).blocks.map((b) => b.text));
    }
  }
  for (const r of engine.rules.rules) for (const ex of [...r.examples.flag, ...r.examples.pass]) out.push(parseMarked(ex.text).text);
  return out.filter(Boolean);
}

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
