/**
 * Shared helpers for the workflow specs (popup, report, cases, settings, check text).
 * Pages are served by Playwright routes on made-up hosts so each has its own domain
 * (case names are suggested from the domain) without touching the demo pages.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, serviceWorkerOf } from './fixtures';

// The service worker's own global, inside sw.evaluate() callbacks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

export const FORUM_URL = 'http://forum.peptidelens-workflow.test/t/lr3-cycle';
export const SHOP_URL = 'http://shop.peptidelens-workflow.test/products/igf-1-lr3';

const html = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;

/** An https page (a secure context, so it may read the clipboard in tests). */
export const SECURE_URL = 'https://blank.peptidelens-workflow.test/';

export const PAGES: Record<string, string> = {
  [SECURE_URL]: html('Blank', '<p>Nothing here.</p>'),
  [FORUM_URL]: html(
    'LR3 cycle log | Forum',
    `<h1>My first LR3 cycle</h1>
     <article><p>Run 40 mcg of IGF-1 LR3 ED post-workout.</p>
     <p>Honestly IGF-1 LR3 has no side effects if you keep bloodwork.</p>
     <p>The weather was nice and I trained legs twice this week.</p></article>`,
  ),
  [SHOP_URL]: html(
    'IGF-1 LR3 1mg | Research Shop',
    `<h1>IGF-1 LR3 1mg vial</h1>
     <p>Our IGF-1 LR3 is FDA approved and lab tested.</p>
     <p>Free shipping over $100.</p>`,
  ),
};

/** The quotes the integrator's rules flag on these pages (see the brief's examples). */
export const FORUM_QUOTES = { dosing: /40 mcg/, safety: /no side effects/ };
export const SHOP_QUOTES = { regulatory: /FDA approved/ };

const routed = new WeakSet<BrowserContext>();
export async function routePages(context: BrowserContext): Promise<void> {
  if (routed.has(context)) return;
  routed.add(context);
  await context.route(/^https?:\/\/[a-z]+\.peptidelens-workflow\.test\//, (route) => {
    const url = route.request().url();
    const body = PAGES[url];
    return body === undefined ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ contentType: 'text/html; charset=utf-8', body });
  });
}

/** The id of the tab showing `page` (no "tabs" permission: query the active tab after focusing it). */
export async function tabIdOf(sw: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id: unknown = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

export function badgeText(sw: Worker, tabId: number): Promise<string> {
  return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }) as Promise<string>, tabId);
}

/** Open a page in a new tab and wait until the content script has painted `flags` flags. */
export async function openFlaggedPage(context: BrowserContext, url: string, flags: number): Promise<{ page: Page; tabId: number; sw: Worker }> {
  await routePages(context);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('peptide-lens')).toHaveAttribute('data-flags', String(flags));
  const sw = await serviceWorkerOf(context);
  const tabId = await tabIdOf(sw, page);
  // The report reaches the background a moment after painting; wait for it to be there.
  await expect.poll(() => badgeText(sw, tabId)).toBe(String(flags));
  return { page, tabId, sw };
}

export function extUrl(extensionId: string, path: string): string {
  return `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
}

/** Click something that downloads a file; return the file's name and text. */
export async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** axe: no serious or critical violations (listed in the failure message when there are). */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Minimal RFC 4180 CSV reader for checking exports. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
