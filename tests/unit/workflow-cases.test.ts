import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types';
import type { PageReport } from '../../src/shared/messages';
import {
  CaseError,
  caseToFile,
  deleteCase,
  emptyStore,
  importCase,
  normaliseStore,
  parseCaseFile,
  removePage,
  renameCase,
  savePageToCase,
  suggestCaseName,
  type CaseStore,
} from '../../src/workflow/cases';

const src = { id: 's', title: 'S', url: 'https://example.org/s', asOf: '2026-01-01' };
const f: Finding = {
  ruleId: 'r/dosing/x',
  kind: 'dosing',
  severity: 'flag',
  title: 'T',
  text: '40 mcg',
  start: 0,
  end: 6,
  block: 0,
  blockStart: 0,
  blockEnd: 6,
  sentence: 'Run 40 mcg.',
  substance: 'igf-1-lr3',
  substanceName: 'IGF-1 LR3',
  evidence: { grade: 'preclinical', reason: 'r' },
  fda: { code: 'not-approved', summary: 'No', asOf: '2026-11-25', lastChecked: '2026-11-25', source: src },
  wada: { code: 'prohibited', summary: 'No', asOf: '2026-01-01', lastChecked: '2026-11-25', source: src },
  explanation: 'e',
  sources: [src],
};
const page = (url: string, findings = [f]): PageReport => ({ url, title: 'Page ' + url, scannedAt: '2026-11-25T10:00:00.000Z', extensionVersion: '0.1.0', rulesVersion: '1', findings });
let n = 0;
const id = () => `c${++n}`;
const T1 = '2026-11-25T11:00:00.000Z';
const T2 = '2026-11-25T12:00:00.000Z';

describe('case model', () => {
  it('suggests the domain as the name', () => {
    expect(suggestCaseName('https://www.forum.example.com/t/1')).toBe('forum.example.com');
    expect(suggestCaseName('not a url')).toBe('Untitled case');
  });

  it('creates a case, adds a second page, replaces a re-saved page', () => {
    let s = savePageToCase(emptyStore(), 'Story', page('https://a.test/1'), T1, id).store;
    expect(s.cases).toHaveLength(1);
    s = savePageToCase(s, ' story ', page('https://b.test/2'), T2, id).store;
    expect(s.cases).toHaveLength(1);
    expect(s.cases[0].pages.map((p) => p.url)).toEqual(['https://a.test/1', 'https://b.test/2']);
    expect(s.cases[0].updatedAt).toBe(T2);
    const r = savePageToCase(s, 'Story', page('https://a.test/1', []), T2, id);
    expect(r.replaced).toBe(true);
    expect(r.case.pages).toHaveLength(2);
    expect(r.case.pages[0].findings).toEqual([]);
  });

  it('does not mutate the stored object', () => {
    const s = savePageToCase(emptyStore(), 'A', page('https://a.test/1'), T1, id).store;
    const frozen = JSON.stringify(s);
    savePageToCase(s, 'A', page('https://b.test/1'), T2, id);
    renameCase(s, s.cases[0].id, 'B', T2);
    deleteCase(s, s.cases[0].id);
    expect(JSON.stringify(s)).toBe(frozen);
  });

  it('renames, refusing empty and duplicate names', () => {
    let s = savePageToCase(emptyStore(), 'A', page('https://a.test/1'), T1, id).store;
    s = savePageToCase(s, 'B', page('https://a.test/1'), T1, id).store;
    const [a, b] = s.cases;
    expect(renameCase(s, a.id, 'Renamed', T2).cases[0].name).toBe('Renamed');
    expect(() => renameCase(s, a.id, '  ', T2)).toThrow(CaseError);
    expect(() => renameCase(s, a.id, 'b', T2)).toThrow(/already a case named “B”/);
    expect(renameCase(s, b.id, 'b', T2).cases[1].name).toBe('b');
  });

  it('deletes a case and removes a page', () => {
    let s = savePageToCase(emptyStore(), 'A', page('https://a.test/1'), T1, id).store;
    s = savePageToCase(s, 'A', page('https://a.test/2'), T1, id).store;
    expect(removePage(s, s.cases[0].id, 'https://a.test/1', T2).cases[0].pages).toHaveLength(1);
    expect(deleteCase(s, s.cases[0].id).cases).toHaveLength(0);
  });

  it('normalises whatever storage held', () => {
    expect(normaliseStore(undefined)).toEqual(emptyStore());
    expect(normaliseStore({ cases: [{ id: 'x', name: 'n', pages: [] }, 'junk'] }).cases).toHaveLength(1);
  });
});

describe('import', () => {
  const base = savePageToCase(emptyStore(), 'Story', page('https://a.test/1'), T1, id);
  const fileText = JSON.stringify(caseToFile(base.case, '0.1.0', T2));

  it('imports a valid file as a new case next to existing ones', () => {
    const other = savePageToCase(emptyStore(), 'Other', page('https://z.test/1'), T1, id).store;
    const parsed = parseCaseFile(fileText);
    if (!parsed.ok) throw new Error(parsed.error);
    const r = importCase(other, parsed.file, id);
    expect(r.store.cases.map((c) => c.name)).toEqual(['Other', 'Story']);
    expect(r.store.cases[0]).toEqual(other.cases[0]);
    expect(r.renamedFrom).toBeUndefined();
  });

  it('renames an import whose name is taken, never merging into the existing case', () => {
    const parsed = parseCaseFile(fileText);
    if (!parsed.ok) throw new Error(parsed.error);
    let s: CaseStore = base.store;
    const r1 = importCase(s, parsed.file, id);
    expect(r1.case.name).toBe('Story (imported)');
    expect(r1.renamedFrom).toBe('Story');
    s = r1.store;
    expect(importCase(s, parsed.file, id).case.name).toBe('Story (imported 2)');
    expect(s.cases[0]).toEqual(base.store.cases[0]);
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{oops', /not valid JSON/],
    ['an array', '[]', /not a PeptideLens case file/],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 }), /format is “something-else”/],
    ['a page report', JSON.stringify({ format: 'peptidelens-report', version: 1 }), /single page report/],
    ['a newer version', JSON.stringify({ ...JSON.parse(fileText), version: 2 }), /newer PeptideLens/],
    ['no name', JSON.stringify({ ...JSON.parse(fileText), name: '' }), /name is not usable/],
    ['no pages', JSON.stringify({ ...JSON.parse(fileText), pages: 'x' }), /no list of pages/],
  ];
  for (const [what, text, msg] of bad) {
    it(`rejects ${what} with a clear message`, () => {
      const r = parseCaseFile(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(msg);
    });
  }

  it('points at the broken finding', () => {
    const j = JSON.parse(fileText);
    j.pages[0].findings[0].kind = 'miracle';
    const r = parseCaseFile(JSON.stringify(j));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Page 1, finding 1: the kind must be one of/);
  });

  it('keeps a non-web reference as text (never a link) and rejects a missing one', () => {
    const j = JSON.parse(fileText);
    j.pages[0].findings[0].sources[0].url = 'shared/source-guide/igf-1-lr3-guide.txt';
    expect(parseCaseFile(JSON.stringify(j)).ok).toBe(true);
    delete j.pages[0].findings[0].sources[0].url;
    const r = parseCaseFile(JSON.stringify(j));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/reference 1: the link is missing/);
  });

  it('drops unknown fields from imported findings', () => {
    const j = JSON.parse(fileText);
    j.pages[0].findings[0].html = '<b>x</b>';
    const r = parseCaseFile(JSON.stringify(j));
    expect(r.ok && 'html' in r.file.pages[0].findings[0]).toBe(false);
  });
});
