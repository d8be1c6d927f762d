/**
 * The workflow's part of the background: the "Check with PeptideLens" context-menu item and the
 * local record of "this flag is wrong". Called once, synchronously, from entrypoints/background.ts
 * so the listeners exist before any event is dispatched.
 */
import { browser } from 'wxt/browser';
import type { Message } from '../shared/messages';
import { recordWrongFlag, setCheckPrefill } from './storage';
import { checkWrongFlag } from './wrong-flags';

export const CHECK_MENU_ID = 'peptidelens-check-selection';
/** Longest selection carried to the check page (a long post, not a whole book). */
export const MAX_CHECK_TEXT = 200_000;

function createMenu(): void {
  // removeAll first: creating an id that already exists is an error (Chrome keeps menus across
  // restarts; Firefox event pages do not), so both startup paths can run this safely.
  void browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({ id: CHECK_MENU_ID, title: 'Check with PeptideLens', contexts: ['selection'] });
    })
    .catch((e: unknown) => console.warn('PeptideLens: context menu', e));
}

/** Open the check-text page with `text` waiting for it in session storage (not in the URL). */
export async function openCheckPage(text: string): Promise<void> {
  await setCheckPrefill(text.slice(0, MAX_CHECK_TEXT));
  await browser.tabs.create({ url: browser.runtime.getURL('/check.html') });
}

export function registerWorkflow(): void {
  browser.runtime.onInstalled.addListener(createMenu);
  browser.runtime.onStartup.addListener(createMenu);

  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== CHECK_MENU_ID) return;
    void openCheckPage(info.selectionText ?? '').catch((e: unknown) => console.warn('PeptideLens: check page', e));
  });

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const msg = raw as Message;
    // Only answer our own message; returning undefined leaves others to their listeners.
    if (msg?.type !== 'wrong-flag') return undefined;
    const rec = checkWrongFlag(msg.record);
    if (!rec) return Promise.resolve({ ok: false, error: 'Not a wrong-flag record.' });
    return recordWrongFlag(rec).then(
      () => ({ ok: true }),
      (e: unknown) => ({ ok: false, error: String((e as Error)?.message ?? e) }),
    );
  });
}
