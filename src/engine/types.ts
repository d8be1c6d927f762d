/**
 * The engine's public contract. Pure data: no DOM, no browser API.
 * The page side, the UI, the CLI and the tests all speak these types.
 */

export type ClaimKind = 'efficacy-claim' | 'dosing' | 'safety-claim' | 'regulatory-claim' | 'mention';
export type Severity = 'flag' | 'info';
export type EvidenceGrade = 'approved-label' | 'clinical' | 'early-human' | 'preclinical' | 'unsupported';

export const CLAIM_KINDS: readonly ClaimKind[] = [
  'efficacy-claim',
  'dosing',
  'safety-claim',
  'regulatory-claim',
  'mention',
];

/** What a block of text is, as the page (or the HTML/text reader) saw it. */
export type BlockRole = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'post' | 'quote' | 'caption' | 'other';

export interface Block {
  /** The visible text of the block, as a person reads it. */
  text: string;
  role?: BlockRole;
  /**
   * The post / section / article the block belongs to (any stable string).
   * Blocks sharing a section are read together for context ("a claim sentence
   * that names no substance is in scope when its post is about one").
   */
  section?: string;
  /** Offset of this block's text in the whole document text (CLI offsets). */
  offset?: number;
}

export interface DocumentInput {
  title?: string;
  url?: string;
  blocks: Block[];
}

/** A cited source: every status or evidence statement carries one. */
export interface SourceRef {
  id: string;
  title: string;
  url: string;
  /** Date the cited fact was true as of (YYYY-MM-DD). */
  asOf: string;
}

export interface RegulatoryStatus {
  /** Short machine code, e.g. "not-approved", "approved", "prohibited-at-all-times". */
  code: string;
  /** One plain-language line, e.g. "Not FDA-approved; no approval found." */
  summary: string;
  asOf: string;
  lastChecked: string;
  source: SourceRef;
}

export interface Evidence {
  grade: EvidenceGrade;
  /** One line: why this grade, for this substance and claim. */
  reason: string;
}

export interface Finding {
  ruleId: string;
  kind: ClaimKind;
  severity: Severity;
  /** Rule title in plain words ("A human dose for an unapproved peptide"). */
  title: string;
  /** The exact flagged text: block.text.slice(start - blockStart, end - blockStart). */
  text: string;
  /** Offsets into the document text (block.offset + local offset). */
  start: number;
  end: number;
  /** Index of the block in DocumentInput.blocks, and offsets local to that block. */
  block: number;
  blockStart: number;
  blockEnd: number;
  sentence: string;
  /** Substance id (e.g. "igf-1-lr3") and its display name. */
  substance: string;
  substanceName: string;
  evidence: Evidence;
  fda: RegulatoryStatus;
  wada: RegulatoryStatus;
  explanation: string;
  sources: SourceRef[];
}

export interface ScanResult {
  rulesVersion: string;
  findings: Finding[];
}
