/**
 * Words shown to people for the engine's codes. Pure data, shared by the extension pages and the
 * exports so a Markdown note and the report say the same thing.
 */
import type { ClaimKind, EvidenceGrade, Finding, Severity } from '../engine/types';

export const KIND_LABEL: Record<ClaimKind, string> = {
  'efficacy-claim': 'Efficacy claim',
  dosing: 'Dosing',
  'safety-claim': 'Safety claim',
  'regulatory-claim': 'Regulatory claim',
  mention: 'Mention',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  flag: 'Flag',
  info: 'Info',
};

export const GRADE_LABEL: Record<EvidenceGrade, string> = {
  'approved-label': 'Approved label',
  clinical: 'Clinical trials',
  'early-human': 'Early human data',
  preclinical: 'Lab and animal studies only',
  unsupported: 'No supporting evidence',
};

export function kindLabel(kind: string): string {
  return (KIND_LABEL as Record<string, string>)[kind] ?? kind;
}

export function gradeLabel(grade: string): string {
  return (GRADE_LABEL as Record<string, string>)[grade] ?? grade;
}

export function severityLabel(severity: string): string {
  return (SEVERITY_LABEL as Record<string, string>)[severity] ?? severity;
}

/** Counts per kind, in the engine's kind order; kinds with no finding are left out. */
export function countByKind(findings: readonly Pick<Finding, 'kind'>[]): { kind: ClaimKind; count: number }[] {
  const order: ClaimKind[] = ['dosing', 'safety-claim', 'regulatory-claim', 'efficacy-claim', 'mention'];
  return order
    .map((kind) => ({ kind, count: findings.filter((f) => f.kind === kind).length }))
    .filter((c) => c.count > 0);
}

/** The hostname of a URL without "www.", or '' when it has none (used to suggest a case name). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export const NOT_MEDICAL_ADVICE =
  'Not medical advice. PeptideLens points at claims and what the cited sources say about them; it does not tell anyone what to take.';
