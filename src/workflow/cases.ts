/**
 * Case files: a journalist's named collection of page reports. The model, the versioned export
 * format and strict validation of imported files, plus save/rename/delete/import as pure functions
 * over the stored object. Storage calls live in ./storage.ts.
 *
 * Import never touches an existing case: a file is validated in full first, then added as a new
 * case (renamed if its name is taken).
 */
import { CLAIM_KINDS, type EvidenceGrade, type Finding, type RegulatoryStatus, type SourceRef } from '../engine/types';
import type { PageReport } from '../shared/messages';
import { siteOf } from './labels';

export interface CasePage extends PageReport {
  /** ISO time the page was saved into the case. */
  savedAt: string;
}

export interface Case {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  pages: CasePage[];
}

/** What storage.local holds under CASES_KEY. */
export interface CaseStore {
  version: 1;
  cases: Case[];
}

/** The export/import format of one case. */
export interface CaseFile {
  format: typeof CASE_FORMAT;
  version: 1;
  exportedAt: string;
  exportedBy: { extensionVersion: string };
  name: string;
  createdAt: string;
  updatedAt: string;
  pages: CasePage[];
}

export const CASES_KEY = 'cases';
export const CASE_FORMAT = 'peptidelens-case';
export const CASE_FORMAT_VERSION = 1;
export const MAX_NAME_LENGTH = 120;
/** Larger than any real case; stops a wrong file (a video, a database dump) before parsing. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export class CaseError extends Error {}

export function emptyStore(): CaseStore {
  return { version: 1, cases: [] };
}

/** Read whatever storage held, keeping every case that still has the shape we need. */
export function normaliseStore(raw: unknown): CaseStore {
  if (!isObj(raw) || !Array.isArray(raw.cases)) return emptyStore();
  const cases: Case[] = [];
  for (const c of raw.cases) {
    if (isObj(c) && typeof c.id === 'string' && typeof c.name === 'string' && Array.isArray(c.pages)) {
      cases.push({
        id: c.id,
        name: c.name,
        createdAt: typeof c.createdAt === 'string' ? c.createdAt : '',
        updatedAt: typeof c.updatedAt === 'string' ? c.updatedAt : '',
        pages: c.pages as CasePage[],
      });
    }
  }
  return { version: 1, cases };
}

/** The suggested case name for a page: its site's domain. */
export function suggestCaseName(url: string): string {
  return siteOf(url) || 'Untitled case';
}

export function cleanName(name: string): string {
  const n = name.replace(/\s+/g, ' ').trim();
  if (!n) throw new CaseError('A case needs a name.');
  if (n.length > MAX_NAME_LENGTH) throw new CaseError(`A case name can be at most ${MAX_NAME_LENGTH} characters.`);
  return n;
}

export function findCaseByName(store: CaseStore, name: string): Case | undefined {
  const key = name.replace(/\s+/g, ' ').trim().toLowerCase();
  return store.cases.find((c) => c.name.toLowerCase() === key);
}

/** Cases, most recently updated first. */
export function sortedCases(store: CaseStore): Case[] {
  return [...store.cases].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * Save a page report into the case named `name` (created when no case has that name; names match
 * case-insensitively). A page already in the case (same URL) is replaced by the newer scan.
 */
export function savePageToCase(
  store: CaseStore,
  name: string,
  report: PageReport,
  now: string,
  newId: () => string,
): { store: CaseStore; case: Case; replaced: boolean } {
  const clean = cleanName(name);
  const page: CasePage = { ...copyReport(report), savedAt: now };
  const existing = findCaseByName(store, clean);
  if (existing) {
    const replaced = existing.pages.some((p) => p.url === report.url);
    const pages = replaced ? existing.pages.map((p) => (p.url === report.url ? page : p)) : [...existing.pages, page];
    const updated: Case = { ...existing, pages, updatedAt: now };
    return { store: { version: 1, cases: store.cases.map((c) => (c.id === existing.id ? updated : c)) }, case: updated, replaced };
  }
  const created: Case = { id: newId(), name: clean, createdAt: now, updatedAt: now, pages: [page] };
  return { store: { version: 1, cases: [...store.cases, created] }, case: created, replaced: false };
}

export function renameCase(store: CaseStore, id: string, name: string, now: string): CaseStore {
  const clean = cleanName(name);
  const target = store.cases.find((c) => c.id === id);
  if (!target) throw new CaseError('That case no longer exists.');
  const clash = findCaseByName(store, clean);
  if (clash && clash.id !== id) throw new CaseError(`There is already a case named “${clash.name}”.`);
  return { version: 1, cases: store.cases.map((c) => (c.id === id ? { ...c, name: clean, updatedAt: now } : c)) };
}

export function deleteCase(store: CaseStore, id: string): CaseStore {
  return { version: 1, cases: store.cases.filter((c) => c.id !== id) };
}

export function removePage(store: CaseStore, id: string, url: string, now: string): CaseStore {
  return {
    version: 1,
    cases: store.cases.map((c) => (c.id === id ? { ...c, pages: c.pages.filter((p) => p.url !== url), updatedAt: now } : c)),
  };
}

export function caseToFile(c: Case, extensionVersion: string, exportedAt = new Date().toISOString()): CaseFile {
  return {
    format: CASE_FORMAT,
    version: CASE_FORMAT_VERSION,
    exportedAt,
    exportedBy: { extensionVersion },
    name: c.name,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    pages: c.pages,
  };
}

/**
 * Add a validated case file as a new case. Existing cases are never changed; a taken name gets
 * " (imported)", then " (imported 2)", …
 */
export function importCase(store: CaseStore, file: CaseFile, newId: () => string): { store: CaseStore; case: Case; renamedFrom?: string } {
  let name = file.name;
  let renamedFrom: string | undefined;
  if (findCaseByName(store, name)) {
    renamedFrom = name;
    const base = `${file.name} (imported`.slice(0, MAX_NAME_LENGTH - 6);
    name = `${base})`;
    for (let i = 2; findCaseByName(store, name); i++) name = `${base} ${i})`;
  }
  const created: Case = { id: newId(), name, createdAt: file.createdAt, updatedAt: file.updatedAt, pages: file.pages };
  return { store: { version: 1, cases: [...store.cases, created] }, case: created, renamedFrom };
}

// ---------------------------------------------------------------- validation of imported files

export type ParseResult = { ok: true; file: CaseFile } | { ok: false; error: string };

/** Parse and validate an imported case file. Every problem is reported in words a person can act on. */
export function parseCaseFile(text: string): ParseResult {
  try {
    return { ok: true, file: validateCaseFile(text) };
  } catch (e) {
    if (e instanceof CaseError) return { ok: false, error: e.message };
    throw e;
  }
}

function validateCaseFile(text: string): CaseFile {
  if (text.length > MAX_IMPORT_BYTES) throw new CaseError('This file is too large to be a PeptideLens case file.');
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new CaseError('This file is not valid JSON, so it cannot be a PeptideLens case file. Choose a file exported with “Export case → JSON”.');
  }
  if (!isObj(raw)) throw new CaseError('This file is not a PeptideLens case file (it holds no case).');
  if (raw.format !== CASE_FORMAT) {
    const what = raw.format === 'peptidelens-report' ? ' It is a single page report, not a case.' : '';
    throw new CaseError(`This file is not a PeptideLens case file (its format is ${describe(raw.format)}, expected “${CASE_FORMAT}”).${what}`);
  }
  if (raw.version !== CASE_FORMAT_VERSION) {
    throw new CaseError(
      typeof raw.version === 'number' && raw.version > CASE_FORMAT_VERSION
        ? `This case file was made by a newer PeptideLens (format version ${raw.version}). Update the extension to import it.`
        : `This case file has an unknown format version (${describe(raw.version)}).`,
    );
  }
  const name = (() => {
    try {
      return cleanName(str(raw.name, 'The case name'));
    } catch (e) {
      throw e instanceof CaseError ? new CaseError(`The case file's name is not usable: ${e.message}`) : e;
    }
  })();
  const createdAt = isoDate(raw.createdAt, 'The case creation time');
  const updatedAt = isoDate(raw.updatedAt, 'The case update time');
  if (!Array.isArray(raw.pages)) throw new CaseError('The case file has no list of pages.');
  const pages = raw.pages.map((p, i) => validatePage(p, `Page ${i + 1}`));
  const exportedBy = isObj(raw.exportedBy) && typeof raw.exportedBy.extensionVersion === 'string' ? raw.exportedBy.extensionVersion : '';
  return {
    format: CASE_FORMAT,
    version: 1,
    exportedAt: typeof raw.exportedAt === 'string' ? raw.exportedAt : '',
    exportedBy: { extensionVersion: exportedBy },
    name,
    createdAt,
    updatedAt,
    pages,
  };
}

function validatePage(p: unknown, where: string): CasePage {
  if (!isObj(p)) throw new CaseError(`${where} is not a page record.`);
  if (!Array.isArray(p.findings)) throw new CaseError(`${where} has no list of findings.`);
  return {
    url: str(p.url, `${where}: the URL`, 4096),
    title: str(p.title, `${where}: the title`, 2000, true),
    scannedAt: isoDate(p.scannedAt, `${where}: the scan time`),
    extensionVersion: str(p.extensionVersion, `${where}: the extension version`, 100),
    rulesVersion: str(p.rulesVersion, `${where}: the rule-set version`, 100),
    savedAt: isoDate(p.savedAt, `${where}: the time it was saved`),
    findings: p.findings.map((f, j) => validateFinding(f, `${where}, finding ${j + 1}`)),
  };
}

const SEVERITIES = ['flag', 'info'];
const GRADES: EvidenceGrade[] = ['approved-label', 'clinical', 'early-human', 'preclinical', 'unsupported'];

function validateFinding(f: unknown, where: string): Finding {
  if (!isObj(f)) throw new CaseError(`${where} is not a finding.`);
  const kind = oneOf(f.kind, CLAIM_KINDS as readonly string[], `${where}: the kind`) as Finding['kind'];
  const severity = oneOf(f.severity, SEVERITIES, `${where}: the severity`) as Finding['severity'];
  const ev = f.evidence;
  if (!isObj(ev)) throw new CaseError(`${where}: the evidence is missing.`);
  const sources = f.sources;
  if (!Array.isArray(sources)) throw new CaseError(`${where}: the list of references is missing.`);
  return {
    ruleId: str(f.ruleId, `${where}: the rule`, 300),
    kind,
    severity,
    title: str(f.title, `${where}: the title`, 1000),
    text: str(f.text, `${where}: the quote`, 20000),
    start: num(f.start, `${where}: the start offset`),
    end: num(f.end, `${where}: the end offset`),
    block: num(f.block, `${where}: the block number`),
    blockStart: num(f.blockStart, `${where}: the block start`),
    blockEnd: num(f.blockEnd, `${where}: the block end`),
    sentence: str(f.sentence, `${where}: the sentence`, 50000, true),
    substance: str(f.substance, `${where}: the substance`, 200),
    substanceName: str(f.substanceName, `${where}: the substance name`, 200),
    evidence: {
      grade: oneOf(ev.grade, GRADES, `${where}: the evidence grade`) as EvidenceGrade,
      reason: str(ev.reason, `${where}: the evidence reason`, 5000, true),
    },
    fda: validateStatus(f.fda, `${where}: the FDA status`),
    wada: validateStatus(f.wada, `${where}: the WADA status`),
    explanation: str(f.explanation, `${where}: the explanation`, 10000, true),
    sources: sources.map((s, k) => validateSource(s, `${where}, reference ${k + 1}`)),
  };
}

function validateStatus(s: unknown, where: string): RegulatoryStatus {
  if (!isObj(s)) throw new CaseError(`${where} is missing.`);
  return {
    code: str(s.code, `${where} code`, 200),
    summary: str(s.summary, `${where} summary`, 5000),
    asOf: str(s.asOf, `${where} “as of” date`, 40),
    lastChecked: str(s.lastChecked, `${where} “last checked” date`, 40, true),
    source: validateSource(s.source, `${where} source`),
  };
}

function validateSource(s: unknown, where: string): SourceRef {
  if (!isObj(s)) throw new CaseError(`${where} is missing.`);
  // Any text: the rule set cites some sources by path (the source guide). Only http(s) links are
  // ever made clickable (safeHref, markdownLink), so a "javascript:" value stays inert text.
  const url = str(s.url, `${where}: the link`, 4096, true);
  return { id: str(s.id, `${where}: the id`, 300, true), title: str(s.title, `${where}: the title`, 2000), url, asOf: str(s.asOf, `${where}: the date`, 40, true) };
}

// ---------------------------------------------------------------- helpers

function copyReport(r: PageReport): PageReport {
  return {
    url: r.url,
    title: r.title,
    scannedAt: r.scannedAt,
    extensionVersion: r.extensionVersion,
    rulesVersion: r.rulesVersion,
    findings: r.findings,
  };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (typeof v === 'string') return `“${v.slice(0, 60)}”`;
  return JSON.stringify(v)?.slice(0, 60) ?? String(v);
}

function str(v: unknown, what: string, max = 1000, allowEmpty = false): string {
  if (typeof v !== 'string') throw new CaseError(`${what} is ${v === undefined ? 'missing' : 'not text'}.`);
  if (!allowEmpty && v.trim() === '') throw new CaseError(`${what} is empty.`);
  if (v.length > max) throw new CaseError(`${what} is too long.`);
  return v;
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new CaseError(`${what} is not a number.`);
  return v;
}

function isoDate(v: unknown, what: string): string {
  const s = str(v, what, 40);
  if (Number.isNaN(Date.parse(s))) throw new CaseError(`${what} is not a date.`);
  return s;
}

function oneOf(v: unknown, allowed: readonly string[], what: string): string {
  if (typeof v !== 'string' || !allowed.includes(v)) throw new CaseError(`${what} must be one of ${allowed.join(', ')} (found ${describe(v)}).`);
  return v;
}
