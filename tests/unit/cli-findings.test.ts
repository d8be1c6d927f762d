/**
 * What the CLI reports once the engine and the bundled rules flag claims.
 * Every test here depends on engine: src/engine/scan.ts and rules/ must flag
 * "Run 40 mcg of IGF-1 LR3 ED post-workout." as dosing. Shapes and error handling that hold
 * without the engine are in cli.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentText, htmlToDocument } from '../../src/extract/html';

const ROOT = join(__dirname, '../..');
const FIX = 'tests/fixtures/cli';
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLAIM = 'Run 40 mcg of IGF-1 LR3 ED post-workout.';

interface F {
  ruleId: string;
  kind: string;
  severity: string;
  text: string;
  start: number;
  end: number;
  sentence: string;
  substance: string;
  evidence: { grade: string; reason: string };
  fda: { status: string; code: string; asOf: string };
  wada: { status: string; code: string; asOf: string };
  sources: { id: string; url: string }[];
}

function cli(args: string[]) {
  const r = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', input: '', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dosing = (fs: F[]) => fs.filter((f) => f.kind === 'dosing' && f.severity === 'flag' && f.sentence.includes('40 mcg'));

function checkDosing(f: F, docText: string) {
  expect(f.ruleId).toMatch(/^igf-1-lr3\/dosing\//);
  expect(f.substance).toBe('IGF-1 LR3');
  expect(docText.slice(f.start, f.end)).toBe(f.text);
  expect(f.text).toMatch(/40/);
  expect(f.sentence).toBe(CLAIM);
  expect(f.evidence.grade).toBeTruthy();
  expect(f.evidence.reason).toBeTruthy();
  expect(f.fda.code).toBe('not-approved');
  expect(f.fda.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(f.wada.code).toBe('prohibited-at-all-times');
  expect(f.wada.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(f.sources.length).toBeGreaterThan(0);
}

describe('CLI findings (depends on engine)', () => {
  it('flags the dosing claim in a .txt file, offsets into the file text', () => {
    // depends on engine
    const r = cli([`${FIX}/notes.txt`]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    const found = dosing(doc.findings);
    expect(found.length).toBeGreaterThanOrEqual(1);
    checkDosing(found[0]!, readFileSync(join(ROOT, FIX, 'notes.txt'), 'utf8'));
  });

  it('flags the visible dosing claim in a page, offsets into the extracted text, nothing from hidden copy', () => {
    // depends on engine
    const r = cli([`${FIX}/page.html`]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    const text = documentText(htmlToDocument(readFileSync(join(ROOT, FIX, 'page.html'), 'utf8')));
    const found = dosing(doc.findings);
    expect(found).toHaveLength(1);
    checkDosing(found[0]!, text);
    for (const f of doc.findings as F[]) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('flags JSONL text records with offsets into the record text', () => {
    // depends on engine
    const r = cli([`${FIX}/records.jsonl`]);
    expect(r.code).toBe(2); // the fixture has two bad lines
    const docs = JSON.parse(r.stdout).documents as { source: string; findings: F[] }[];
    const r1 = docs.find((d) => d.source === 'r1')!;
    checkDosing(dosing(r1.findings)[0]!, CLAIM);
    expect(dosing(docs.find((d) => d.source === 'r2')!.findings)).toHaveLength(0);
  });

  it('jsonl: one line per finding with source', () => {
    // depends on engine
    const r = cli(['--format', 'jsonl', `${FIX}/notes.txt`]);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as F & { source: string });
    expect(lines.some((l) => l.kind === 'dosing' && l.source === `${FIX}/notes.txt`)).toBe(true);
  });

  it('csv: a row per finding, formula-like cells guarded', () => {
    // depends on engine
    const r = cli(['--format', 'csv', `${FIX}/records.jsonl`]);
    const rows = r.stdout.split('\r\n').filter(Boolean);
    expect(rows.length).toBeGreaterThan(1);
    const cmdRows = rows.filter((l) => l.includes('cmd|'));
    expect(cmdRows.length).toBeGreaterThan(0);
    for (const l of cmdRows) expect(l.startsWith("'=cmd|' /C calc'!A0,")).toBe(true);
    expect(rows.some((l) => l.startsWith('r1,') && l.includes(',dosing,flag,'))).toBe(true);
  });

  it('md: the flag with its kind, rule, evidence and statuses', () => {
    // depends on engine
    const r = cli(['--format', 'md', `${FIX}/notes.txt`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\*\*\d+ flags?:\*\*.*dosing instructions/);
    expect(r.stdout).toMatch(/- \*\*Dosing instructions:\*\* “[^”]*40[^”]*”/);
    expect(r.stdout).toMatch(/Rule: .*`igf-1-lr3\/dosing\//);
    expect(r.stdout).toMatch(/Evidence: /);
    expect(r.stdout).toMatch(/FDA: .*\(as of \d{4}-\d{2}-\d{2}\)/);
    expect(r.stdout).toMatch(/WADA: .*\(as of \d{4}-\d{2}-\d{2}\)/);
    expect(r.stdout).toMatch(/References:/);
  });
});
