/**
 * The background owns the engine: compromise and the full rule set live here only, so pages pay
 * nothing for them. It also keeps the latest page report per tab (badge, popup, report page).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import rules from 'virtual:peptidelens/rules';
import { createEngine, type Engine } from '../src/engine';
import type { Finding } from '../src/engine/types';
import type {
  FindingDetail,
  Message,
  PageFinding,
  PageReport,
  PageReportAck,
  PageReportRef,
  PageReportResponse,
  PageScanResponse,
  ScanResponse,
} from '../src/shared/messages';
import { registerWorkflow } from '../src/workflow/background';

const REPORT_KEY = (tabId: number) => `page-report:${tabId}`;

export default defineBackground(() => {
  // Created on first use: a browser start that never meets a peptide page never builds it.
  let engine: Engine | null = null;
  const getEngine = () => (engine ??= createEngine(rules));

  const reports = new Map<number, PageReport>();
  // Full findings per tab, by the id the page knows them by: pages report ids, not findings.
  const found = new Map<number, { page: string; byId: Map<number, Finding> }>();
  let nextId = 1;

  /** Engine findings → compact page findings + one entry per distinct detail; keeps the full ones. */
  function forPage(tabId: number | undefined, page: string, doc: { blocks: { section?: string }[] }, findings: Finding[]): PageScanResponse {
    let store = tabId === undefined ? undefined : found.get(tabId);
    if (tabId !== undefined && (!store || store.page !== page)) found.set(tabId, (store = { page, byId: new Map() }));
    // Block index local to its section, as the page counts them.
    const local: number[] = [];
    const seen = new Map<string | undefined, number>();
    for (const b of doc.blocks) {
      const n = seen.get(b.section) ?? 0;
      local.push(n);
      seen.set(b.section, n + 1);
    }
    const details: FindingDetail[] = [];
    const detailIndex = new Map<string, number>();
    const out: PageFinding[] = [];
    for (const f of findings) {
      const d: FindingDetail = {
        title: f.title,
        substance: f.substance,
        substanceName: f.substanceName,
        evidence: f.evidence,
        fda: f.fda,
        wada: f.wada,
        explanation: f.explanation,
        sources: f.sources,
      };
      const key = JSON.stringify(d);
      let di = detailIndex.get(key);
      if (di === undefined) {
        detailIndex.set(key, (di = details.length));
        details.push(d);
      }
      const id = nextId++;
      // Kept as the page used to report it: block index local to its section (the page's unit).
      store?.byId.set(id, { ...f, block: local[f.block] ?? f.block });
      out.push({ id, ruleId: f.ruleId, kind: f.kind, severity: f.severity, text: f.text, block: f.block, blockStart: f.blockStart, blockEnd: f.blockEnd, sentence: f.sentence, detail: di });
    }
    return { ok: true, rulesVersion: rules.version, findings: out, details };
  }

  /** The page's list of shown ids → a full report; null when some id is unknown (worker restarted). */
  function resolveReport(tabId: number, ref: PageReportRef, page: string): PageReport | null {
    const { shown, findings: whole, ...meta } = ref;
    if (whole) return { ...meta, findings: whole };
    const store = found.get(tabId);
    if (!store || store.page !== page) return shown.length ? null : { ...meta, findings: [] };
    const list: Finding[] = [];
    for (const id of shown) {
      const f = store.byId.get(id);
      if (!f) return null;
      list.push(f);
    }
    return { ...meta, findings: list };
  }
  const session = () => (browser.storage as { session?: typeof browser.storage.local }).session;
  const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  async function storeReport(tabId: number, report: PageReport): Promise<void> {
    reports.set(tabId, report);
    const flags = report.findings.filter((f) => f.severity === 'flag').length;
    const badge = action();
    await Promise.allSettled([
      session()?.set({ [REPORT_KEY(tabId)]: report }),
      badge?.setBadgeText({ tabId, text: flags ? String(flags) : '' }),
      badge?.setBadgeBackgroundColor({ tabId, color: '#b3261e' }),
    ]);
  }

  async function loadReport(tabId: number): Promise<PageReport | null> {
    const inMemory = reports.get(tabId);
    if (inMemory) return inMemory;
    // The service worker may have been stopped since the page reported; session storage survives.
    const got = await session()?.get(REPORT_KEY(tabId));
    return (got?.[REPORT_KEY(tabId)] as PageReport | undefined) ?? null;
  }

  const errorText = (e: unknown) => String((e as Error)?.message ?? e);

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const msg = raw as Message;
    switch (msg?.type) {
      case 'scan':
        try {
          return Promise.resolve<PageScanResponse>(forPage(sender.tab?.id, msg.page ?? '', msg.doc, getEngine().scan(msg.doc).findings));
        } catch (e) {
          return Promise.resolve<PageScanResponse>({ ok: false, error: errorText(e) });
        }
      case 'scan-text':
        try {
          return Promise.resolve<ScanResponse>({ ok: true, result: getEngine().scanText(msg.text, msg.title) });
        } catch (e) {
          return Promise.resolve<ScanResponse>({ ok: false, error: errorText(e) });
        }
      case 'page-report': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return Promise.resolve({ ok: false, error: 'page-report without a tab' });
        const report = resolveReport(tabId, msg.report, msg.page ?? '');
        if (!report) return Promise.resolve<PageReportAck>({ ok: false, resend: true });
        return storeReport(tabId, report).then((): PageReportAck => ({ ok: true }));
      }
      case 'get-page-report':
        return loadReport(msg.tabId).then(
          (report): PageReportResponse => ({ ok: true, report }),
          (e): PageReportResponse => ({ ok: false, error: errorText(e) }),
        );
      default:
        // Not ours (e.g. 'wrong-flag' belongs to the workflow listener): let others answer.
        return undefined;
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    reports.delete(tabId);
    found.delete(tabId);
    void session()?.remove(REPORT_KEY(tabId));
  });

  registerWorkflow();
});
