/**
 * The command-line scanner: pure formatters (hand-made findings, no engine), and the CLI process
 * itself on fixtures (shapes, errors and exit codes; what the engine flags is in cli-findings).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, mdEscape, toCsv, toJson, toJsonl, toMarkdown, type ScanReport } from '../../src/cli/formats';
import { parseJsonl, fromStdin, readPath } from '../../src/cli/inputs';
import type { Finding } from '../../src/engine/types';

const ROOT = join(__dirname, '../..');
const FIX = 'tests/fixtures/cli';
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, input: input ?? '', encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, errLines: r.stderr.split('\n').filter(Boolean) };
}

function finding(over: Partial<Finding> = {}): Finding {
  const source = { id: 'wada-prohibited-list-2026', title: 'WADA Prohibited List 2026', url: 'https://www.wada-ama.org/en/prohibited-list', asOf: '2026-01-01' };
  return {
    ruleId: 'igf-1-lr3/dosing/dose-amount',
    kind: 'dosing',
    severity: 'flag',
    title: 'A human dose for an unapproved peptide',
    text: '40 mcg',
    start: 4,
    end: 10,
    block: 0,
    blockStart: 4,
    blockEnd: 10,
    sentence: 'Run 40 mcg of IGF-1 LR3 ED post-workout.',
    substance: 'igf-1-lr3',
    substanceName: 'IGF-1 LR3',
    evidence: { grade: 'unsupported', reason: 'No approved dose exists.' },
    fda: {
      code: 'not-approved',
      summary: 'Not FDA-approved as a medicine.',
      asOf: '2026-11-25',
      lastChecked: '2026-11-25',
      source: { id: 'drugs-at-fda', title: 'Drugs@FDA', url: 'https://www.accessdata.fda.gov/scripts/cder/daf/', asOf: '2026-11-25' },
    },
    wada: { code: 'prohibited-at-all-times', summary: 'Prohibited at all times (S2.3).', asOf: '2026-01-01', lastChecked: '2026-11-25', source },
    explanation: 'No dose of IGF-1 LR3 has been tested in people.',
    sources: [source],
    ...over,
  };
}

function report(findings: Finding[], source = 'page.html'): ScanReport {
  return { rulesVersion: '2026-11-25+abcd1234', scannedAt: '2026-11-25T10:00:00.000Z', documents: [{ source, title: 'A page', findings }], errors: [] };
}

describe('formatters (hand-made findings)', () => {
  it('toJson: documents with mapped findings, and errors', () => {
    const r = report([finding()]);
    r.errors.push({ source: 'data.jsonl', line: 3, message: 'invalid JSON' });
    const out = JSON.parse(toJson(r));
    expect(out.rulesVersion).toBe('2026-11-25+abcd1234');
    expect(out.documents).toHaveLength(1);
    expect(out.documents[0].source).toBe('page.html');
    const f = out.documents[0].findings[0];
    expect(f).toMatchObject({
      ruleId: 'igf-1-lr3/dosing/dose-amount',
      kind: 'dosing',
      severity: 'flag',
      title: 'A human dose for an unapproved peptide',
      text: '40 mcg',
      start: 4,
      end: 10,
      sentence: 'Run 40 mcg of IGF-1 LR3 ED post-workout.',
      substance: 'IGF-1 LR3',
      evidence: { grade: 'unsupported', reason: 'No approved dose exists.' },
      fda: { status: 'Not FDA-approved as a medicine.', code: 'not-approved', asOf: '2026-11-25', source: { title: 'Drugs@FDA', url: 'https://www.accessdata.fda.gov/scripts/cder/daf/' } },
      wada: { status: 'Prohibited at all times (S2.3).', code: 'prohibited-at-all-times', asOf: '2026-01-01' },
      sources: [{ id: 'wada-prohibited-list-2026', title: 'WADA Prohibited List 2026', url: 'https://www.wada-ama.org/en/prohibited-list', asOf: '2026-01-01' }],
    });
    expect(out.errors).toEqual([{ source: 'data.jsonl', line: 3, message: 'invalid JSON' }]);
  });

  it('toJsonl: one finding per line with its source', () => {
    const r = report([finding(), finding({ text: 'ED', kind: 'dosing' })]);
    const lines = toJsonl(r).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(JSON.parse(l)).toMatchObject({ source: 'page.html', ruleId: 'igf-1-lr3/dosing/dose-amount' });
    expect(toJsonl(report([]))).toBe('');
  });

  it('toCsv: RFC 4180 quoting and formula-injection guard', () => {
    const csv = toCsv(report([finding({ text: '=cmd|\' /C calc\'!A0', sentence: 'He said "run it", then\nleft' })], '+evil.html'));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('source,ruleId,kind,severity,text,start,end,sentence,substance,evidenceGrade,fdaStatus,fdaAsOf,wadaStatus,wadaAsOf,sources');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[1]!.startsWith("'+evil.html,igf-1-lr3/dosing/dose-amount,dosing,flag,'=cmd|' /C calc'!A0,4,10,")).toBe(true);
    expect(csv).toContain('"He said ""run it"", then\nleft"');
    expect(csv).not.toMatch(/(^|,)=cmd/m);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=a,"b"')).toBe('"\'=a,""b"""');
    expect(csvCell(7)).toBe('7');
    expect(toCsv(report([])).split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('toMarkdown: readable note, page text escaped so it never becomes links or HTML', () => {
    const md = toMarkdown(
      report([
        finding({ text: '[link](http://x) <img src=x onerror=alert(1)> *bold* _it_ `code` | # www.example.com me@x.io' }),
        finding({ kind: 'mention', severity: 'info', ruleId: 'igf-1-lr3/mention', text: 'IGF-1 LR3', title: 'Status' }),
      ], '[src](http://evil)'),
    );
    expect(md).toContain('# PeptideLens scan');
    expect(md).toContain('2026-11-25+abcd1234');
    expect(md).toContain('2026-11-25T10');
    expect(md).not.toContain('[link](http://x)');
    expect(md).toContain('\\[link\\](http\\://x)');
    expect(md).not.toMatch(/[^\\]<img/);
    expect(md).toContain('\\<img');
    expect(md).not.toContain('[src](http://evil)');
    expect(md).toMatch(/\\\*bold\\\*/);
    expect(md).toContain('\\`code\\`');
    expect(md).not.toMatch(/[^\\]www\.example/);
    expect(md).toContain('Dosing');
    expect(md).toContain('igf-1-lr3/dosing/dose-amount');
    expect(md).toContain('No approved dose exists.');
    expect(md).toMatch(/FDA: Not FDA-approved as a medicine\. \(as of 2026-11-25\)/);
    expect(md).toMatch(/WADA: Prohibited at all times \(S2\.3\)\. \(as of 2026-01-01\)/);
    expect(md).toContain('<https://www.wada-ama.org/en/prohibited-list>');
    expect(md).toMatch(/Info \(not flagged, 1\)/);
    expect(md.trimEnd().endsWith('Not medical advice. Generated locally by PeptideLens.')).toBe(true);
    // Exactly one flag bullet: the info finding is listed apart.
    expect(md.match(/^- \*\*/gm)).toHaveLength(1);
    expect(toMarkdown(report([]))).toContain('No flags.');
  });

  it('mdEscape keeps text on one line', () => {
    expect(mdEscape('a\n\n# b\n- c')).toBe('a \\# b - c');
    expect(mdEscape('- item')).toBe('\\- item');
    expect(mdEscape('![img](x) see https://a.b/c and www.x.org')).toBe('\\!\\[img\\](x) see https\\://a.b/c and www\\.x.org');
    expect(mdEscape('x'.repeat(50), 10)).toHaveLength(10);
  });
});

describe('inputs (no engine)', () => {
  it('parseJsonl: one document per record, errors with line numbers', () => {
    const r = parseJsonl('d.jsonl', '{"id":"a","text":"hello"}\n\n{bad\n[1]\n{"id":"b"}\r\n{"id":7,"html":"<p>x</p>"}\n{"text":"no id"}');
    expect(r.documents.map((d) => d.source)).toEqual(['a', '7', 'd.jsonl:7']);
    expect(r.errors.map((e) => [e.line, e.message.split(' (')[0]])).toEqual([
      [3, 'invalid JSON'],
      [4, 'record must be a JSON object like {"id": "...", "text": "..."}'],
      [5, 'record needs "text" or "html" string'],
    ]);
    expect(r.documents[0]!.doc.blocks[0]).toMatchObject({ text: 'hello', offset: 0 });
  });

  it('text offsets index into the file text', () => {
    const r = readPath(`${ROOT}/${FIX}/notes.txt`);
    expect(r.errors).toEqual([]);
    const b = r.documents[0]!.doc.blocks[1]!;
    expect(b.text).toBe('Run 40 mcg of IGF-1 LR3 ED post-workout.');
    expect(b.offset).toBe('Forum notes\n\n'.length);
  });

  it('stdin is HTML when it starts with "<"', () => {
    expect(fromStdin(Buffer.from('  <p>a</p><script>b</script>')).documents[0]!.doc.blocks.map((b) => b.text)).toEqual(['a']);
    expect(fromStdin(Buffer.from('a <p> b')).documents[0]!.doc.blocks.map((b) => b.text)).toEqual(['a <p> b']);
  });
});

describe('the CLI process', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'peptidelens-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('--help and --version', () => {
    const h = cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--format');
    expect(h.stdout).toContain('Exit codes');
    const v = cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^peptidelens \d+\.\d+\.\d+/);
  });

  it('usage errors exit 1 with a one-line message', () => {
    const a = cli([]);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^peptidelens: no input/);
    const b = cli(['--format', 'xml', `${FIX}/notes.txt`]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('unknown format "xml"');
    const c = cli(['--bogus', `${FIX}/notes.txt`]);
    expect(c.code).toBe(1);
    expect(c.stderr).not.toMatch(/\n\s+at /);
  });

  it('scans good inputs (exit 0, JSON only on stdout)', () => {
    const r = cli([`${FIX}/page.html`, `${FIX}/notes.txt`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(typeof out.rulesVersion).toBe('string');
    expect(out.errors).toEqual([]);
    expect(out.documents.map((d: { source: string }) => d.source)).toEqual([`${FIX}/page.html`, `${FIX}/notes.txt`]);
    expect(out.documents[0].title).toBe('Growth Peptides & You');
    for (const d of out.documents) {
      expect(Array.isArray(d.findings)).toBe(true);
      for (const f of d.findings) {
        for (const k of ['ruleId', 'kind', 'severity', 'title', 'text', 'start', 'end', 'sentence', 'substance', 'evidence', 'fda', 'wada', 'sources']) expect(f).toHaveProperty(k);
        expect(typeof f.fda.status).toBe('string');
        expect(typeof f.wada.asOf).toBe('string');
      }
    }
    // Nothing from script, style, hidden elements, textareas or comments.
    const page = out.documents[0].findings as { text: string; sentence: string }[];
    for (const f of page) expect(f.sentence).not.toMatch(/cures everything|Typed reply|note in a comment|FDA approved/);
  });

  it('bad inputs: one line each on stderr, others still scanned, exit 2, stdout still JSON', () => {
    const r = cli([`${FIX}/records.jsonl`, `${FIX}/binary.txt`, `${FIX}/missing.html`, `${FIX}/notes.rtf`, FIX, `${FIX}/notes.txt`]);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([
      expect.stringMatching(/^peptidelens: tests\/fixtures\/cli\/records\.jsonl:3: invalid JSON \(.+\)$/),
      'peptidelens: tests/fixtures/cli/records.jsonl:7: record needs "text" or "html" string',
      'peptidelens: tests/fixtures/cli/binary.txt: looks like a binary file, skipped',
      'peptidelens: tests/fixtures/cli/missing.html: no such file',
      expect.stringMatching(/^peptidelens: tests\/fixtures\/cli\/notes\.rtf: unknown file type "\.rtf"/),
      'peptidelens: tests/fixtures/cli: is a directory, not a file',
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.documents.map((d: { source: string }) => d.source)).toEqual(['r1', 'r2', '[link](http://x)', "=cmd|' /C calc'!A0", `${FIX}/notes.txt`]);
    expect(out.errors).toHaveLength(6);
    expect(out.errors[0]).toMatchObject({ source: `${FIX}/records.jsonl`, line: 3 });
    expect(out.errors[2]).toEqual({ source: `${FIX}/binary.txt`, message: 'looks like a binary file, skipped' });
  });

  it('refuses files over 50 MB and JSONL lines over 5 MB without reading them whole', () => {
    const big = join(tmp, 'huge.txt');
    writeFileSync(big, '');
    truncateSync(big, 51 * 1024 * 1024);
    const jl = join(tmp, 'long.jsonl');
    writeFileSync(jl, `{"id":"ok","text":"fine"}\n{"id":"long","text":"${'a'.repeat(5 * 1024 * 1024 + 10)}"}\n{"id":"ok2","text":"fine"}\n`);
    const r = cli([big, jl]);
    expect(r.code).toBe(2);
    expect(r.errLines[0]).toBe(`peptidelens: ${big}: too large (51 MB > 50 MB)`);
    expect(r.errLines[1]).toMatch(new RegExp(`^peptidelens: ${jl.replace(/[.\\]/g, '\\$&')}:2: line too large`));
    expect(JSON.parse(r.stdout).documents.map((d: { source: string }) => d.source)).toEqual(['ok', 'ok2']);
  });

  it('reads stdin with -', () => {
    const r = cli(['-'], '<html><body><p>Plain <b>page</b></p></body></html>');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].source).toBe('<stdin>');
    const bin = cli(['-'], Buffer.from([0x41, 0, 0, 1]));
    expect(bin.code).toBe(2);
    expect(bin.stderr).toMatch(/^peptidelens: <stdin>: looks like binary data/);
  });

  it('a rule set that cannot be loaded: exit 1, stdout still valid JSON', () => {
    const r = cli(['--rules', join(tmp, 'no-rules-here'), `${FIX}/notes.txt`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^peptidelens: rule set .* not found/);
    const out = JSON.parse(r.stdout);
    expect(out.rulesVersion).toBeNull();
    expect(out.documents).toEqual([]);
  });

  it('--format md escapes page-controlled text (record ids, quotes)', () => {
    const r = cli(['--format', 'md', `${FIX}/records.jsonl`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('# PeptideLens scan');
    expect(r.stdout).not.toContain('[link](http://x)');
    expect(r.stdout).toContain('## \\[link\\](http\\://x)');
    expect(r.stdout).toContain('Not medical advice. Generated locally by PeptideLens.');
  });

  it('--format csv and jsonl', () => {
    const c = cli(['--format', 'csv', `${FIX}/records.jsonl`]);
    expect(c.stdout.split('\r\n')[0]).toBe('source,ruleId,kind,severity,text,start,end,sentence,substance,evidenceGrade,fdaStatus,fdaAsOf,wadaStatus,wadaAsOf,sources');
    // Any row for the "=cmd…" record must be guarded.
    expect(c.stdout).not.toMatch(/(^|\r\n)=cmd/);
    const j = cli(['--format=jsonl', `${FIX}/notes.txt`]);
    expect(j.code).toBe(0);
    for (const line of j.stdout.split('\n').filter(Boolean)) expect(JSON.parse(line).source).toBe(`${FIX}/notes.txt`);
  });
});
