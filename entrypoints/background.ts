/**
 * The background owns the engine: compromise and the full rule set live here only, so pages pay
 * nothing for them. It also keeps the latest page report per tab (badge, popup, report page).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import rules from 'virtual:peptidelens/rules';
import { createEngine, type Engine } from '../src/engine';
import type { Message, PageReport, PageReportResponse, ScanResponse } from '../src/shared/messages';
import { registerWorkflow } from '../src/workflow/background';

const REPORT_KEY = (tabId: number) => `page-report:${tabId}`;

export default defineBackground(() => {
  // Created on first use: a browser start that never meets a peptide page never builds it.
  let engine: Engine | null = null;
  const getEngine = () => (engine ??= createEngine(rules));

  const reports = new Map<number, PageReport>();
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
          return Promise.resolve<ScanResponse>({ ok: true, result: getEngine().scan(msg.doc) });
        } catch (e) {
          return Promise.resolve<ScanResponse>({ ok: false, error: errorText(e) });
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
        return storeReport(tabId, msg.report).then(() => ({ ok: true }));
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
    void session()?.remove(REPORT_KEY(tabId));
  });

  registerWorkflow();
});
