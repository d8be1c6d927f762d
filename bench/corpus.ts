/**
 * Accuracy over the labelled corpus (tests/corpus/): sentence items and whole pages.
 * A flag counts as correct when a finding of the same kind overlaps the labelled span.
 * Used by `npm run bench:accuracy` (prints) and by tests/unit/accuracy.test.ts (asserts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Engine } from '../src/engine/index';
import type { Finding } from '../src/engine/types';
import { htmlToDocument, documentText } from '../src/extract/html';

export const CORPUS_DIR = resolve(import.meta.dirname, '../tests/corpus');
const FLAG_KINDS = ['efficacy-claim', 'dosing', 'safety-claim', 'regulatory-claim'] as const;

interface SentenceItem {
  id: string;
  text: string;
  context?: { title?: string; before?: string };
  labels: { kind: string; span: string }[];
  tags?: string[];
  source: string;
}

interface PageLabels {
  source: string;
  genre: string;
  flags: { kind: string; text: string }[];
  mustNotFlag?: string[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  where: string;
  kind: string;
  type: 'fp' | 'fn';
  text: string;
  detail: string;
}

export interface AccuracyReport {
  overall: Counts;
  perKind: Record<string, Counts>;
  sentences: number;
  pages: number;
  negation: { items: number; correct: number };
  offTopicFlags: number;
  misses: Miss[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function loadSentences(dir = CORPUS_DIR, file = 'sentences.jsonl'): SentenceItem[] {
  if (file === 'none') return [];
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SentenceItem);
}

function score(
  report: AccuracyReport,
  where: string,
  flags: (Finding & { at: { start: number; end: number } })[],
  labels: { kind: string; at: { start: number; end: number }; text: string }[],
  perItem = false,
) {
  const used = new Set<number>();
  for (const l of labels) {
    const i = flags.findIndex((f, k) => !used.has(k) && f.kind === l.kind && overlaps(f.at, l.at));
    const c = (report.perKind[l.kind] ??= { tp: 0, fp: 0, fn: 0 });
    if (i >= 0) {
      used.add(i);
      c.tp++;
      report.overall.tp++;
    } else {
      c.fn++;
      report.overall.fn++;
      report.misses.push({ where, kind: l.kind, type: 'fn', text: l.text, detail: flags.map((f) => `${f.kind}:${f.text}`).join(' | ') || 'no flags' });
    }
  }
  flags.forEach((f, k) => {
    if (used.has(k)) return;
    // A second finding of a labelled kind on the same labelled claim is not a false alarm; nor, for
    // sentence items (labelled at most once per kind), is a second one elsewhere in a matched item.
    if (labels.some((l) => l.kind === f.kind && overlaps(f.at, l.at))) return;
    if (perItem && flags.some((g, k) => used.has(k) && g.kind === f.kind)) return;
    const c = (report.perKind[f.kind] ??= { tp: 0, fp: 0, fn: 0 });
    c.fp++;
    report.overall.fp++;
    report.misses.push({ where, kind: f.kind, type: 'fp', text: f.text, detail: f.ruleId });
  });
}

/**
 * `sentences.jsonl` + pages/ is the corpus the rules were developed against; `dev.jsonl` was
 * written independently afterwards (no look at the rules) to check that they generalise.
 */
export function evaluate(engine: Engine, dir = CORPUS_DIR, opts: { sentences?: string; pages?: boolean | string } = {}): AccuracyReport {
  const report: AccuracyReport = {
    overall: { tp: 0, fp: 0, fn: 0 },
    perKind: Object.fromEntries(FLAG_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])),
    sentences: 0,
    pages: 0,
    negation: { items: 0, correct: 0 },
    offTopicFlags: 0,
    misses: [],
  };

  for (const item of loadSentences(dir, opts.sentences)) {
    report.sentences++;
    const blocks = item.context?.before
      ? [{ text: item.context.before, section: 'post', offset: 0 }, { text: item.text, section: 'post', offset: item.context.before.length + 2 }]
      : [{ text: item.text, section: 'post', offset: 0 }];
    const base = blocks[blocks.length - 1]!.offset;
    const flags = engine
      .scan({ title: item.context?.title, blocks })
      .findings.filter((f) => f.severity === 'flag' && f.block === blocks.length - 1)
      .map((f) => ({ ...f, at: { start: f.start - base, end: f.end - base } }));
    const labels = item.labels.map((l) => {
      const start = item.text.indexOf(l.span);
      return { kind: l.kind, at: { start, end: start + l.span.length }, text: l.span };
    });
    score(report, item.id, flags, labels, true);
    const tags = item.tags ?? [];
    if (tags.includes('negation')) {
      report.negation.items++;
      const labelled = new Set(item.labels.map((l) => l.kind));
      if (flags.every((f) => labelled.has(f.kind))) report.negation.correct++;
    }
    if (tags.includes('offtopic')) report.offTopicFlags += flags.length;
  }

  const pagesDir = join(dir, typeof opts.pages === 'string' ? opts.pages : 'pages');
  for (const name of opts.pages === false ? [] : readdirSync(pagesDir).filter((n) => n.endsWith('.html')).sort()) {
    report.pages++;
    const html = readFileSync(join(pagesDir, name), 'utf8');
    const labels = JSON.parse(readFileSync(join(pagesDir, name.replace(/\.html$/, '.labels.json')), 'utf8')) as PageLabels;
    const doc = htmlToDocument(html);
    const text = documentText(doc);
    const flags = engine
      .scan(doc)
      .findings.filter((f) => f.severity === 'flag')
      .map((f) => ({ ...f, at: { start: f.start, end: f.end } }));
    const expected = labels.flags.map((l) => {
      const start = text.indexOf(l.text);
      return { kind: l.kind, at: { start, end: start < 0 ? -1 : start + l.text.length }, text: l.text };
    });
    score(report, name, flags, expected);
    if (labels.genre === 'offtopic' || name.startsWith('offtopic')) report.offTopicFlags += flags.length;
  }
  return report;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
export const precision = (c: Counts) => ratio(c.tp, c.tp + c.fp);
export const recall = (c: Counts) => ratio(c.tp, c.tp + c.fn);
export const f1 = (c: Counts) => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
