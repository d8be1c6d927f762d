/**
 * The only way the page side (content script), the background and the extension pages talk.
 * Every message is a plain JSON object with a `type`; every response is typed below.
 */
import type { DocumentInput, Finding, ScanResult } from '../engine/types';

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
  /** content → background: run the engine (compromise lives in the background only). */
  | { type: 'scan'; doc: DocumentInput }
  /** content → background: the findings now shown on this tab (badge, popup, report). */
  | { type: 'page-report'; report: PageReport }
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
export type PageReportResponse = { ok: true; report: PageReport | null } | { ok: false; error: string };
