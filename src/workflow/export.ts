/**
 * A page report or a case file → Markdown (a ready moderation note), CSV, JSON.
 * Every export carries, for each page: URL, title, time of the scan, extension version and
 * rule-set version. Page text is escaped: it never becomes markup or a spreadsheet formula.
 * Pure functions; no DOM, no browser API.
 */
import type { Finding } from '../engine/types';
import type { PageReport } from '../shared/messages';
import { csvDocument, escapeMarkdown, markdownAutolink, markdownLink, oneLine, safeFileName } from './escape';
import { countByKind, gradeLabel, kindLabel, NOT_MEDICAL_ADVICE, severityLabel, siteOf } from './labels';
import { caseToFile, type Case } from './cases';

export type ExportFormat = 'markdown' | 'csv' | 'json';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

export interface ExportOptions {
  /** Version of the extension doing the export (a report keeps the version that scanned it). */
  extensionVersion: string;
  /** ISO time of the export; defaults to now. */
  exportedAt?: string;
}

const MIME: Record<ExportFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};
const EXT: Record<ExportFormat, string> = { markdown: 'md', csv: 'csv', json: 'json' };

/** "2026-11-25 14:03 UTC" — unambiguous for a note that travels between time zones. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function pluralKind(kind: string, n: number): string {
  const label = kindLabel(kind).toLowerCase();
  return `${n} ${label}${n === 1 ? '' : label.endsWith('s') ? '' : 's'}`;
}

/** One line summary: "3 findings: 1 dosing, 2 safety claims". */
export function summaryLine(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No claims flagged.';
  const parts = countByKind(findings).map((c) => (c.kind === 'dosing' ? `${c.count} dosing` : pluralKind(c.kind, c.count)));
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

// ---------------------------------------------------------------- Markdown

function findingMarkdown(f: Finding, n: number, h: string): string[] {
  const lines = [
    `${h} ${n}. ${escapeMarkdown(kindLabel(f.kind))}: ${escapeMarkdown(f.title)}`,
    '',
    `- **Quote:** “${escapeMarkdown(f.text)}”`,
  ];
  if (f.sentence && oneLine(f.sentence) !== oneLine(f.text)) lines.push(`- **In context:** “${escapeMarkdown(f.sentence)}”`);
  lines.push(
    `- **Why it matters:** ${escapeMarkdown(f.explanation)}`,
    `- **Evidence:** ${escapeMarkdown(gradeLabel(f.evidence.grade))}. ${escapeMarkdown(f.evidence.reason)}`,
    `- **FDA:** ${escapeMarkdown(f.fda.summary)} (as of ${escapeMarkdown(f.fda.asOf)})`,
    `- **WADA:** ${escapeMarkdown(f.wada.summary)} (as of ${escapeMarkdown(f.wada.asOf)})`,
    `- **Severity:** ${escapeMarkdown(severityLabel(f.severity))} · **Rule:** ${escapeMarkdown(f.ruleId)}`,
  );
  const refs = dedupeSources(f);
  if (refs.length) {
    lines.push('- **References:**');
    for (const s of refs) lines.push(`  - ${markdownLink(s.title, s.url)} (as of ${escapeMarkdown(s.asOf)})`);
  }
  lines.push('');
  return lines;
}

function dedupeSources(f: Finding) {
  const seen = new Set<string>();
  return [...f.sources, f.fda.source, f.wada.source].filter((s) => s && !seen.has(s.url) && seen.add(s.url));
}

function pageHeaderMarkdown(r: PageReport): string[] {
  const link = markdownAutolink(r.url) ?? escapeMarkdown(r.url);
  return [
    `- **Page:** ${escapeMarkdown(r.title || '(untitled)')}`,
    `- **URL:** ${link}`,
    `- **Scanned:** ${escapeMarkdown(formatTime(r.scannedAt))}`,
    `- **Extension version:** ${escapeMarkdown(r.extensionVersion)} · **Rule set:** ${escapeMarkdown(r.rulesVersion)}`,
    `- **Summary:** ${escapeMarkdown(summaryLine(r.findings))}`,
  ];
}

export function reportToMarkdown(r: PageReport, opts: ExportOptions): string {
  const lines = [
    '# PeptideLens moderation note',
    '',
    ...pageHeaderMarkdown(r),
    `- **Exported:** ${escapeMarkdown(formatTime(opts.exportedAt ?? new Date().toISOString()))} with PeptideLens ${escapeMarkdown(opts.extensionVersion)}`,
    '',
    `> ${NOT_MEDICAL_ADVICE}`,
    '',
    '## Findings',
    '',
  ];
  if (r.findings.length === 0) lines.push('No claims flagged on this page.', '');
  r.findings.forEach((f, i) => lines.push(...findingMarkdown(f, i + 1, '###')));
  return lines.join('\n');
}

export function caseToMarkdown(c: Case, opts: ExportOptions): string {
  const total = c.pages.reduce((n, p) => n + p.findings.length, 0);
  const lines = [
    `# PeptideLens case file: ${escapeMarkdown(c.name)}`,
    '',
    `- **Pages:** ${c.pages.length} · **Findings:** ${total}`,
    `- **Created:** ${escapeMarkdown(formatTime(c.createdAt))} · **Updated:** ${escapeMarkdown(formatTime(c.updatedAt))}`,
    `- **Exported:** ${escapeMarkdown(formatTime(opts.exportedAt ?? new Date().toISOString()))} with PeptideLens ${escapeMarkdown(opts.extensionVersion)}`,
    '',
    `> ${NOT_MEDICAL_ADVICE}`,
    '',
  ];
  c.pages.forEach((p, i) => {
    lines.push(`## Page ${i + 1}: ${escapeMarkdown(p.title || siteOf(p.url) || '(untitled)')}`, '', ...pageHeaderMarkdown(p));
    lines.push(`- **Saved to case:** ${escapeMarkdown(formatTime(p.savedAt))}`, '');
    if (p.findings.length === 0) lines.push('No claims flagged on this page.', '');
    p.findings.forEach((f, j) => lines.push(...findingMarkdown(f, j + 1, '###')));
  });
  return lines.join('\n');
}

// ---------------------------------------------------------------- CSV

export const CSV_HEADER = [
  'page_url',
  'page_title',
  'scanned_at',
  'extension_version',
  'rules_version',
  'finding',
  'kind',
  'severity',
  'rule',
  'title',
  'quote',
  'sentence',
  'evidence_grade',
  'evidence_reason',
  'fda_status',
  'fda_as_of',
  'wada_status',
  'wada_as_of',
  'references',
] as const;

function csvRows(r: PageReport): unknown[][] {
  const page = [r.url, r.title, r.scannedAt, r.extensionVersion, r.rulesVersion];
  if (r.findings.length === 0) return [[...page, 0, '', '', '', 'No claims flagged', '', '', '', '', '', '', '', '', '']];
  return r.findings.map((f, i) => [
    ...page,
    i + 1,
    kindLabel(f.kind),
    severityLabel(f.severity),
    f.ruleId,
    f.title,
    oneLine(f.text),
    oneLine(f.sentence),
    gradeLabel(f.evidence.grade),
    f.evidence.reason,
    f.fda.summary,
    f.fda.asOf,
    f.wada.summary,
    f.wada.asOf,
    dedupeSources(f)
      .map((s) => `${s.title} <${s.url}>`)
      .join('; '),
  ]);
}

export function reportToCsv(r: PageReport): string {
  return csvDocument(CSV_HEADER, csvRows(r));
}

export function caseToCsv(c: Case): string {
  return csvDocument(['case', ...CSV_HEADER], c.pages.flatMap((p) => csvRows(p).map((row) => [c.name, ...row])));
}

// ---------------------------------------------------------------- JSON

export const REPORT_FORMAT = 'peptidelens-report';

export function reportToJson(r: PageReport, opts: ExportOptions): string {
  return JSON.stringify(
    {
      format: REPORT_FORMAT,
      version: 1,
      exportedAt: opts.exportedAt ?? new Date().toISOString(),
      exportedBy: { extensionVersion: opts.extensionVersion },
      url: r.url,
      title: r.title,
      scannedAt: r.scannedAt,
      extensionVersion: r.extensionVersion,
      rulesVersion: r.rulesVersion,
      findings: r.findings,
    },
    null,
    2,
  );
}

export function caseToJson(c: Case, opts: ExportOptions): string {
  return JSON.stringify(caseToFile(c, opts.extensionVersion, opts.exportedAt), null, 2);
}

// ---------------------------------------------------------------- files

function stamp(iso: string): string {
  return iso.slice(0, 10);
}

export function exportReport(r: PageReport, format: ExportFormat, opts: ExportOptions): ExportedFile {
  const text = format === 'markdown' ? reportToMarkdown(r, opts) : format === 'csv' ? reportToCsv(r) : reportToJson(r, opts);
  return {
    fileName: `peptidelens-${safeFileName(siteOf(r.url) || 'page')}-${stamp(r.scannedAt)}.${EXT[format]}`,
    mimeType: MIME[format],
    text,
  };
}

export function exportCase(c: Case, format: ExportFormat, opts: ExportOptions): ExportedFile {
  const text = format === 'markdown' ? caseToMarkdown(c, opts) : format === 'csv' ? caseToCsv(c) : caseToJson(c, opts);
  return {
    fileName: `peptidelens-case-${safeFileName(c.name, 'case')}.${EXT[format]}`,
    mimeType: MIME[format],
    text,
  };
}
