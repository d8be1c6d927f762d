/**
 * Plain text → blocks, keeping offsets into the original text (CLI .txt/.md/.jsonl inputs).
 * A block is a paragraph: text between blank lines. Lines inside a paragraph stay together.
 */
import type { Block, DocumentInput } from './types';

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\n]*\S[^\n]*(?:\n[ \t]*[^\s\n][^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) blocks.push({ text: body, offset: m.index! + lead, role: /^#{1,6}\s/.test(body) ? 'heading' : 'paragraph' });
  }
  return blocks;
}

export function textToDocument(text: string, title?: string): DocumentInput {
  return { title, blocks: textToBlocks(text) };
}

/** Join blocks into one document text ("\n\n" between blocks), filling in each block's offset. */
export function joinBlocks(blocks: Block[]): { text: string; blocks: Block[] } {
  let text = '';
  const out = blocks.map((b) => {
    if (text) text += '\n\n';
    const offset = text.length;
    text += b.text;
    return { ...b, offset };
  });
  return { text, blocks: out };
}
