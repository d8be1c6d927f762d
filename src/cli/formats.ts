/**
 * Output formats of the command-line scanner. Pure: a report in, a string out (no I/O, no clock).
 */
import type { ClaimKind, EvidenceGrade, Finding, RegulatoryStatus, SourceRef } from '../engine/types';

export interface InputError {
  /** The path as given, "<stdin>", or the JSONL file. */
  source: string;
  /** 1-based line, for JSONL records. */
  line?: number;
  message: string;
}

export interface DocumentReport {
  /** The path as given, "<stdin>", or the JSONL record id. */
  source: string;
  title?: string;
  findings: Finding[];
}

export interface ScanReport {
  /** null when the rule set could not be loaded. */
  rulesVersion: string | null;
  /** ISO time of the scan. */
  scannedAt: string;
  documents: DocumentReport[];
  errors: InputError[];
}

export interface StatusOut {
  status: string;
  code: string;
  asOf: string;
  source: { title: string; url: string };
}

export interface FindingOut {
  ruleId: string;
  kind: ClaimKind;
  severity: Finding['severity'];
  title: string;
  text: string;
  start: number;
  end: number;
  sentence: string;
  substance: string;
  substanceId: string;
  evidence: { grade: EvidenceGrade; reason: string };
  fda: StatusOut;
  wada: StatusOut;
  explanation: string;
  sources: SourceRef[];
}

const status = (s: RegulatoryStatus | undefined): StatusOut => ({
  status: s?.summary ?? '',
  code: s?.code ?? '',
  asOf: s?.asOf ?? '',
  source: { title: s?.source?.title ?? '', url: s?.source?.url ?? '' },
});

/** The stable public shape of one finding (JSON, JSONL). */
export function findingOut(f: Finding): FindingOut {
  return {
    ruleId: f.ruleId,
    kind: f.kind,
    severity: f.severity,
    title: f.title,
    text: f.text,
    start: f.start,
    end: f.end,
    sentence: f.sentence,
    substance: f.substanceName || f.substance,
    substanceId: f.substance,
    evidence: { grade: f.evidence?.grade, reason: f.evidence?.reason ?? '' },
    fda: status(f.fda),
    wada: status(f.wada),
    explanation: f.explanation ?? '',
    sources: (f.sources ?? []).map((s) => ({ id: s.id, title: s.title, url: s.url, asOf: s.asOf })),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON / JSONL

export function toJson(report: ScanReport): string {
  const out = {
    rulesVersion: report.rulesVersion,
    scannedAt: report.scannedAt,
    documents: report.documents.map((d) => ({
      source: d.source,
      ...(d.title !== undefined ? { title: d.title } : {}),
      findings: d.findings.map(findingOut),
    })),
    errors: report.errors.map((e) => ({ source: e.source, ...(e.line !== undefined ? { line: e.line } : {}), message: e.message })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** One finding per line, each with its document's `source`. Errors go to stderr only. */
export function toJsonl(report: ScanReport): string {
  let s = '';
  for (const d of report.documents) {
    for (const f of d.findings) s += JSON.stringify({ source: d.source, ...findingOut(f) }) + '\n';
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180, CRLF line ends, guarded against spreadsheet formula injection)

export const CSV_HEADER = [
  'source',
  'ruleId',
  'kind',
  'severity',
  'text',
  'start',
  'end',
  'sentence',
  'substance',
  'evidenceGrade',
  'fdaStatus',
  'fdaAsOf',
  'wadaStatus',
  'wadaAsOf',
  'sources',
] as const;

/** One CSV cell: text that a spreadsheet would run as a formula gets a leading "'"; quoted when needed. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function toCsv(report: ScanReport): string {
  const rows: string[] = [CSV_HEADER.join(',')];
  for (const d of report.documents) {
    for (const f of d.findings) {
      const o = findingOut(f);
      rows.push(
        [
          d.source,
          o.ruleId,
          o.kind,
          o.severity,
          o.text,
          o.start,
          o.end,
          o.sentence,
          o.substance,
          o.evidence.grade,
          o.fda.status,
          o.fda.asOf,
          o.wada.status,
          o.wada.asOf,
          o.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join('; '),
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return rows.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown moderation note

export const KIND_WORDS: Record<ClaimKind, string> = {
  'efficacy-claim': 'Efficacy claim',
  dosing: 'Dosing instructions',
  'safety-claim': 'Safety claim',
  'regulatory-claim': 'Regulatory claim',
  mention: 'Mention',
};

const GRADE_WORDS: Record<EvidenceGrade, string> = {
  'approved-label': 'approved label',
  clinical: 'clinical trials',
  'early-human': 'early human data only',
  preclinical: 'preclinical only (cells/animals)',
  unsupported: 'no supporting evidence',
};

/**
 * Page text as inert Markdown: on one line, every character that could open a link or image
 * ([ ]), HTML (< >), emphasis (* _ ~), code (`), a table cell (|), a heading (#), an entity (&) or
 * math ($) backslash-escaped, and bare URLs / e-mail addresses broken ("http\://", "www\.",
 * "\@") so no renderer turns them into links. Parentheses stay: without an unescaped "]" they
 * cannot form a link.
 */
export function mdEscape(text: string, max = Infinity): string {
  let s = text.replace(/\s+/g, ' ').trim();
  if (s.length > max) s = s.slice(0, max - 1).trimEnd() + '…';
  return s
    .replace(/[\\`*_[\]<>#|~&$@]/g, '\\$&')
    .replace(/^([-=+.!])/, '\\$1')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function kindCounts(fs: Finding[]): string {
  const counts = new Map<ClaimKind, number>();
  for (const f of fs) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} × ${KIND_WORDS[k]?.toLowerCase() ?? k}`).join(', ');
}

function mdLink(title: string, url: string): string {
  const t = mdEscape(title || url);
  return /^https?:\/\/[^\s<>]+$/.test(url) ? `${t} <${url}>` : url ? `${t} (${mdEscape(url)})` : t;
}

function statusLine(label: string, s: StatusOut): string {
  if (!s.status && !s.code) return `${label}: unknown`;
  const date = s.asOf ? ` (as of ${s.asOf})` : '';
  return `${label}: ${mdEscape(s.status || s.code)}${date}`;
}

export function toMarkdown(report: ScanReport): string {
  const L: string[] = [];
  const flags = report.documents.reduce((n, d) => n + d.findings.filter((f) => f.severity === 'flag').length, 0);
  L.push('# PeptideLens scan');
  L.push('');
  L.push(
    `Rules version ${report.rulesVersion ? '`' + report.rulesVersion.replace(/`/g, '') + '`' : 'unavailable'} · scanned ${mdEscape(report.scannedAt)} · ` +
      `${plural(report.documents.length, 'document')}, ${plural(flags, 'flag')}`,
  );
  for (const d of report.documents) {
    L.push('');
    L.push(`## ${mdEscape(d.source, 200)}`);
    if (d.title) {
      L.push('');
      L.push(`Page title: ${mdEscape(d.title, 200)}`);
    }
    const flagged = d.findings.filter((f) => f.severity !== 'info');
    const info = d.findings.filter((f) => f.severity === 'info');
    L.push('');
    L.push(flagged.length ? `**${plural(flagged.length, 'flag')}:** ${kindCounts(flagged)}` : 'No flags.');
    if (flagged.length) L.push('');
    for (const f of flagged) {
      const o = findingOut(f);
      L.push(`- **${KIND_WORDS[o.kind] ?? mdEscape(o.kind)}:** “${mdEscape(o.text, 300)}” (characters ${o.start}–${o.end})`);
      if (o.sentence && o.sentence.replace(/\s+/g, ' ').trim() !== o.text.replace(/\s+/g, ' ').trim()) {
        L.push(`  - In context: “${mdEscape(o.sentence, 400)}”`);
      }
      L.push(`  - Rule: ${mdEscape(o.title || o.ruleId)} (\`${o.ruleId.replace(/`/g, '')}\`)`);
      if (o.substance) L.push(`  - Substance: ${mdEscape(o.substance)}`);
      const grade = o.evidence.grade ? `${GRADE_WORDS[o.evidence.grade] ?? mdEscape(o.evidence.grade)}` : 'not graded';
      L.push(`  - Evidence: ${grade}${o.evidence.reason ? ` — ${mdEscape(o.evidence.reason)}` : ''}`);
      L.push(`  - ${statusLine('FDA', o.fda)}`);
      L.push(`  - ${statusLine('WADA', o.wada)}`);
      const refs = o.sources.length ? o.sources : [];
      if (refs.length) {
        L.push('  - References:');
        for (const s of refs) L.push(`    - ${mdLink(s.title, s.url)}${s.asOf ? ` (as of ${s.asOf})` : ''}`);
      }
    }
    if (info.length) {
      L.push('');
      L.push(`Info (not flagged, ${info.length}):`);
      L.push('');
      // Brief: identical notes (same rule, same words) once, with a count.
      const seen = new Map<string, { f: Finding; n: number }>();
      for (const f of info) {
        const key = `${f.ruleId}\u0000${f.text.replace(/\s+/g, ' ').toLowerCase()}`;
        const e = seen.get(key);
        if (e) e.n++;
        else seen.set(key, { f, n: 1 });
      }
      for (const { f, n } of seen.values()) {
        L.push(`- ${KIND_WORDS[f.kind] ?? mdEscape(f.kind)}: “${mdEscape(f.text, 160)}”${n > 1 ? ` ×${n}` : ''} (\`${f.ruleId.replace(/`/g, '')}\`)`);
      }
    }
  }
  if (report.errors.length) {
    L.push('');
    L.push('## Inputs that could not be read');
    L.push('');
    for (const e of report.errors) L.push(`- ${mdEscape(e.source)}${e.line !== undefined ? `, line ${e.line}` : ''}: ${mdEscape(e.message)}`);
  }
  L.push('');
  L.push('---');
  L.push('');
  L.push('Not medical advice. Generated locally by PeptideLens.');
  return L.join('\n') + '\n';
}
