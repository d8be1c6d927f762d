/**
 * Every piece of text the project has: each corpus set's sentences (with their context lines),
 * the blocks and titles of every labelled page, and every rule example. The completeness tests
 * (pre-check, match starts, tokenizer, gate clues) run over all of it, so a new corpus set or
 * page directory is covered without touching them.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/engine/index';
import { htmlToDocument } from '../../src/extract/html';
import { parseMarked } from '../../src/rules/examples';

const CORPUS = join(import.meta.dirname, '../corpus');

export function corpusTexts(engine: Engine): string[] {
  const out: string[] = [];
  for (const name of readdirSync(CORPUS)) {
    const path = join(CORPUS, name);
    if (name.endsWith('.jsonl')) {
      for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
        const item = JSON.parse(line) as { text: string; context?: { before?: string; title?: string } };
        out.push(item.text, item.context?.before ?? '', item.context?.title ?? '');
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
