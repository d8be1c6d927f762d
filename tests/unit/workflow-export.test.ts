import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types';
import type { PageReport } from '../../src/shared/messages';
import { csvCell, escapeMarkdown, markdownLink, safeFileName } from '../../src/workflow/escape';
import { caseToCsv, caseToJson, caseToMarkdown, exportReport, reportToCsv, reportToJson, reportToMarkdown, summaryLine } from '../../src/workflow/export';
import { parseCaseFile, savePageToCase, emptyStore } from '../../src/workflow/cases';

const src = (id: string) => ({ id, title: `Source ${id}`, url: `https://example.org/${id}`, asOf: '2026-01-01' });
function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'igf-1-lr3/dosing/dose-amount',
    kind: 'dosing',
    severity: 'flag',
    title: 'A human dose for an unapproved peptide',
    text: '40 mcg of IGF-1 LR3',
    start: 4,
    end: 23,
    block: 0,
    blockStart: 4,
    blockEnd: 23,
    sentence: 'Run 40 mcg of IGF-1 LR3 ED post-workout.',
    substance: 'igf-1-lr3',
    substanceName: 'IGF-1 LR3',
    evidence: { grade: 'preclinical', reason: 'No human dosing studies.' },
    fda: { code: 'not-approved', summary: 'Not FDA-approved.', asOf: '2026-11-25', lastChecked: '2026-11-25', source: src('fda') },
    wada: { code: 'prohibited-at-all-times', summary: 'Prohibited at all times.', asOf: '2026-01-01', lastChecked: '2026-11-25', source: src('wada') },
    explanation: 'Doses for research chemicals are guesses.',
    sources: [src('guide-12')],
    ...over,
  };
}
const report = (findings: Finding[]): PageReport => ({
  url: 'https://forum.example.com/t/1',
  title: 'LR3 cycle log',
  scannedAt: '2026-11-25T10:00:00.000Z',
  extensionVersion: '0.1.0',
  rulesVersion: '2026.11.25',
  findings,
});
const opts = { extensionVersion: '0.1.0', exportedAt: '2026-11-26T08:00:00.000Z' };

describe('escaping', () => {
  it('keeps page text out of Markdown syntax', () => {
    const evil = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** `code` | cell & ~~x~~';
    const out = escapeMarkdown(evil);
    expect(out).not.toMatch(/(^|[^\\])[<>[\]()*`|&~]/);
    expect(out).toContain('\\<img');
  });
  it('collapses line breaks so text cannot start a heading or list', () => {
    expect(escapeMarkdown('a\n# heading\n- item')).toBe('a \\# heading - item');
  });
  it('breaks bare URLs so they are not auto-linked', () => {
    expect(escapeMarkdown('see https://evil.example and www.evil.example')).toBe('see https\\://evil.example and www\\.evil.example');
  });
  it('links only http(s) references', () => {
    expect(markdownLink('A (b)', 'https://x.org/a_(b)')).toBe('[A \\(b\\)](https://x.org/a_%28b%29)');
    expect(markdownLink('x', 'javascript:alert(1)')).not.toContain('](');
    expect(markdownLink('Guide', 'shared/guide.txt')).toBe('Guide (shared/guide.txt)');
  });
  it('quotes CSV cells and defuses formulas', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    for (const lead of ['=', '+', '-', '@', '\t']) expect(csvCell(lead + 'SUM(A1)')).toBe(`"'${lead}SUM(A1)"`);
    expect(csvCell(3)).toBe('"3"');
  });
  it('makes safe file names', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('***')).toBe('peptidelens');
  });
});

describe('page report exports', () => {
  const r = report([finding(), finding({ kind: 'safety-claim', ruleId: 'igf-1-lr3/safety/no-side-effects', text: 'no side effects', sentence: 'It has no side effects.', title: 'A safety promise' })]);

  it('Markdown is a moderation note with every provenance field', () => {
    const md = reportToMarkdown(r, opts);
    expect(md).toMatch(/^# PeptideLens moderation note/);
    for (const s of ['<https://forum.example.com/t/1>', 'LR3 cycle log', '2026-11-25 10:00 UTC', '0.1.0', '2026.11.25', 'Not medical advice']) expect(md).toContain(s);
    expect(md).toContain('### 1. Dosing: A human dose for an unapproved peptide');
    expect(md).toContain('“40 mcg of IGF-1 LR3”');
    expect(md).toContain('**FDA:** Not FDA-approved. (as of 2026-11-25)');
    expect(md).toContain('[Source guide-12](https://example.org/guide-12)');
    expect(md).toContain('### 2. Safety claim');
  });

  it('Markdown escapes a hostile title and quote', () => {
    const md = reportToMarkdown({ ...r, title: '# <script>alert(1)</script>', findings: [finding({ text: '[x](javascript:alert(1))' })] }, opts);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('](javascript');
  });

  it('CSV has a header, one row per finding, provenance on every row', () => {
    const csv = reportToCsv(r);
    expect(csv.startsWith('\uFEFF"page_url"')).toBe(true);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(1)) {
      expect(line).toContain('"https://forum.example.com/t/1","LR3 cycle log","2026-11-25T10:00:00.000Z","0.1.0","2026.11.25"');
    }
    expect(lines[1]).toContain('"Dosing"');
    expect(lines[2]).toContain('"no side effects"');
  });

  it('CSV defuses a quote that looks like a formula', () => {
    const csv = reportToCsv(report([finding({ text: '=HYPERLINK("http://evil","x")' })]));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });

  it('CSV of a page with no findings still says where and when', () => {
    const lines = reportToCsv(report([])).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('No claims flagged');
  });

  it('JSON round-trips the report with format and versions', () => {
    const j = JSON.parse(reportToJson(r, opts));
    expect(j).toMatchObject({ format: 'peptidelens-report', version: 1, url: r.url, title: r.title, scannedAt: r.scannedAt, extensionVersion: '0.1.0', rulesVersion: '2026.11.25' });
    expect(j.findings).toEqual(r.findings);
  });

  it('names files after the site and date', () => {
    expect(exportReport(r, 'markdown', opts).fileName).toBe('peptidelens-forum.example.com-2026-11-25.md');
    expect(exportReport(r, 'csv', opts).mimeType).toMatch(/text\/csv/);
  });

  it('summarises counts by kind', () => {
    expect(summaryLine(r.findings)).toBe('2 findings: 1 dosing, 1 safety claim');
    expect(summaryLine([])).toBe('No claims flagged.');
  });
});

describe('case exports', () => {
  let n = 0;
  const id = () => `id-${++n}`;
  const a = report([finding()]);
  const b = { ...report([finding({ text: 'no side effects', kind: 'safety-claim' })]), url: 'https://shop.example.net/lr3', title: 'Buy LR3' };
  let store = savePageToCase(emptyStore(), 'forum.example.com', a, '2026-11-25T11:00:00.000Z', id).store;
  store = savePageToCase(store, 'forum.example.com', b, '2026-11-25T12:00:00.000Z', id).store;
  const c = store.cases[0];

  it('Markdown lists each page with its provenance', () => {
    const md = caseToMarkdown(c, opts);
    expect(md).toContain('# PeptideLens case file: forum.example.com');
    expect(md).toContain('## Page 1: LR3 cycle log');
    expect(md).toContain('## Page 2: Buy LR3');
    expect(md).toContain('<https://shop.example.net/lr3>');
    expect(md.match(/Rule set:\*\* 2026\.11\.25/g)).toHaveLength(2);
  });

  it('CSV has the case name and page provenance on every row', () => {
    const lines = caseToCsv(c).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0].startsWith('"case","page_url"')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('"forum.example.com","https://shop.example.net/lr3","Buy LR3"');
  });

  it('JSON is a case file that imports back unchanged', () => {
    const parsed = parseCaseFile(caseToJson(c, opts));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.file.name).toBe(c.name);
      expect(parsed.file.pages).toEqual(c.pages);
    }
  });
});
