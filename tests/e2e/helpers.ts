/** Small page helpers shared by the in-page specs: read what PeptideLens shows, the way tests need it. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const host = (page: Page) => page.locator('peptide-lens');
export const findings = (page: Page) => page.locator('peptide-lens [data-finding]');
export const flags = (page: Page) => page.locator('peptide-lens [data-finding][data-severity="flag"]');
export const popover = (page: Page) => page.locator('peptide-lens [role="dialog"]');

/** Wait until the content script has read the page and shown what it found. */
export async function settled(page: Page): Promise<void> {
  await expect(host(page)).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });
}

/** The `data-text` of every flag shown, in page order. */
export async function flaggedTexts(page: Page): Promise<string[]> {
  return flags(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-text') ?? ''));
}

/** Names of the CSS highlights registered in the page and how many ranges each holds. */
export async function highlightCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    // The registry is shared by all worlds of a document, so the page can read ours.
    (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.forEach((h, name) => (out[name] = h.size));
    return out;
  });
}

/** Viewport centre of the first client rect of the text `needle` inside `selector`. */
export async function pointOfText(page: Page, selector: string, needle: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([sel, text]) => {
      const root = document.querySelector(sel)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(text);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + text.length);
        const rect = r.getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`text not found: ${text}`);
    },
    [selector, needle] as const,
  );
}
