/**
 * The only way the page side (content script), the background and the extension pages talk.
 * Every message is a plain JSON object with a `type`; every response is typed below.
 */
import type { DocumentInput, Finding, ScanResult } from '../engine/types';

/**
 * What the page needs of a finding to mark it and list it. The rest (title, explanation, evidence,
 * FDA/WADA status, sources) is the same for many findings, so a scan response carries it once per
 * distinct value in `details` and each finding points at its entry.
 */
export interface PageFinding {
  /** Background's key for the full finding (page reports name findings by it). */
  id: number;
  ruleId: string;
  kind: Finding['kind'];
  severity: Finding['severity'];
  text: string;
  /** Block index in the scanned document (the page maps it to its unit's own), and offsets local to that block. */
  block: number;
  blockStart: number;
  blockEnd: number;
  sentence: string;
  /** Index into the response's `details`. */
  detail: number;
}

export type FindingDetail = Pick<Finding, 'title' | 'substance' | 'substanceName' | 'evidence' | 'fda' | 'wada' | 'explanation' | 'sources'>;

/** A page finding made whole again (popover, wrong-flag record, report fallback). */
export function wholeFinding(f: PageFinding, d: FindingDetail): Finding {
  return {
    ruleId: f.ruleId,
    kind: f.kind,
    severity: f.severity,
    title: d.title,
    text: f.text,
    start: f.blockStart,
    end: f.blockEnd,
    block: f.block,
    blockStart: f.blockStart,
    blockEnd: f.blockEnd,
    sentence: f.sentence,
    substance: d.substance,
    substanceName: d.substanceName,
    evidence: d.evidence,
    fda: d.fda,
    wada: d.wada,
    explanation: d.explanation,
    sources: d.sources,
  };
}

/**
 * content → background: which findings are shown now, by the ids the background gave them (the
 * background kept the full findings). `findings` is sent only when the background asked for it
 * (it was restarted and lost what it computed).
 */
export interface PageReportRef {
  url: string;
  title: string;
  scannedAt: string;
  extensionVersion: string;
  rulesVersion: string;
  shown: number[];
  findings?: Finding[];
}

/** A scan of one page, as the content script saw it; what popup/report/cases read. */
export interface PageReport {
  url: string;
  title: string;
  /** ISO time of the scan. */
  scannedAt: string;
  extensionVersion: string;
  rulesVersion: string;
  findings: Finding[];
}

export type Message =
  /** content → background: run the engine (compromise lives in the background only). `page` names
   *  the content script instance, so the background drops findings of a page that is gone. */
  | { type: 'scan'; doc: DocumentInput; page?: string }
  /** content → background: the findings now shown on this tab (badge, popup, report). */
  | { type: 'page-report'; report: PageReportRef; page?: string }
  /** popup/report → background: the latest report for a tab. */
  | { type: 'get-page-report'; tabId: number }
  /** popup/report → content (tabs.sendMessage): scroll to finding N and open its popover. */
  | { type: 'show-finding'; index: number }
  /** extension page → background: scan pasted text (check-text page). */
  | { type: 'scan-text'; text: string; title?: string }
  /** popover/report → background: "this flag is wrong", recorded locally only. */
  | { type: 'wrong-flag'; record: WrongFlagRecord };

export interface WrongFlagRecord {
  ruleId: string;
  kind: string;
  quote: string;
  sentence: string;
  url: string;
  rulesVersion: string;
  /** ISO time. */
  at: string;
  note?: string;
}

export type ScanResponse = { ok: true; result: ScanResult } | { ok: false; error: string };
/** Answer to 'scan' from a page: compact findings plus one entry per distinct detail. */
export type PageScanResponse =
  | { ok: true; rulesVersion: string; findings: PageFinding[]; details: FindingDetail[] }
  | { ok: false; error: string };
/** Answer to 'page-report': `resend` = the background no longer has these findings; send them whole. */
export type PageReportAck = { ok: true } | { ok: false; resend?: boolean; error?: string };
export type PageReportResponse = { ok: true; report: PageReport | null } | { ok: false; error: string };
