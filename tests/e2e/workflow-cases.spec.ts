import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launchWithExtension, serviceWorkerOf, test } from './fixtures';
import { downloadOf, expectAccessible, extUrl, FORUM_URL, openFlaggedPage, parseCsv, SHOP_URL } from './workflow-support';

/** This file runs its own browser on a fixed profile so it can restart it. */
test.describe.configure({ mode: 'serial' });

async function extensionIdOf(context: BrowserContext): Promise<string> {
  return new URL((await serviceWorkerOf(context)).url()).host;
}

async function saveToCase(context: BrowserContext, id: string, url: string, flags: number, name: string | null): Promise<void> {
  const { page, tabId } = await openFlaggedPage(context, url, flags);
  const report = await context.newPage();
  await report.goto(extUrl(id, `report.html?tab=${tabId}`));
  const field = report.getByLabel('Case name');
  if (name === null) await expect(field).toHaveValue(new URL(url).hostname);
  else await field.fill(name);
  await report.getByRole('button', { name: 'Save to case' }).click();
  await expect(report.getByRole('status').filter({ hasText: /Saved to case/ })).toBeVisible();
  await report.close();
  await page.close();
}

async function openCase(page: Page, id: string, name: string): Promise<void> {
  await page.goto(extUrl(id, 'report.html?cases'));
  await page.getByRole('table', { name: 'Case files' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('a case across two pages survives a browser restart, exports, and re-imports', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'peptidelens-case-'));
  const files = mkdtempSync(join(tmpdir(), 'peptidelens-case-files-'));
  let context = await launchWithExtension(profile);
  try {
    let id = await extensionIdOf(context);

    // Page 1: the suggested name is the domain; rename it; page 2 joins by name.
    await saveToCase(context, id, FORUM_URL, 2, null);
    const casePage = await context.newPage();
    await openCase(casePage, id, 'forum.peptidelens-workflow.test');
    await casePage.getByLabel('Name', { exact: true }).fill('LR3 sellers story');
    await casePage.getByRole('button', { name: 'Rename' }).click();
    await expect(casePage.getByRole('heading', { level: 1 })).toHaveText('LR3 sellers story');
    await saveToCase(context, id, SHOP_URL, 1, 'lr3 sellers story');
    await openCase(casePage, id, 'LR3 sellers story');
    await expect(casePage.getByRole('heading', { level: 3 })).toHaveText(['1. LR3 cycle log | Forum', '2. IGF-1 LR3 1mg | Research Shop']);
    await expect(casePage.getByText(/^2 pages · \d+ findings/)).toBeVisible();
    await expectAccessible(casePage);

    // Restart the browser on the same profile: the case is still there.
    await context.close();
    context = await launchWithExtension(profile);
    id = await extensionIdOf(context);
    const page = await context.newPage();
    await openCase(page, id, 'LR3 sellers story');
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(2);
    await page.screenshot({ path: 'artifacts/screens/case.png', fullPage: true });

    // Export in each format.
    const md = await downloadOf(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
    expect(md.name).toBe('peptidelens-case-LR3-sellers-story.md');
    expect(md.text).toContain('# PeptideLens case file: LR3 sellers story');
    expect(md.text).toContain(`<${FORUM_URL}>`);
    expect(md.text).toContain(`<${SHOP_URL}>`);
    expect(md.text.match(/\*\*Extension version:\*\* 0\.1\.0 · \*\*Rule set:\*\* \S+/g)).toHaveLength(2);
    expect(md.text).toContain('“FDA approved”');
    const csv = parseCsv((await downloadOf(page, () => page.getByRole('button', { name: 'Download CSV' }).click())).text);
    expect(csv[0].slice(0, 6)).toEqual(['case', 'page_url', 'page_title', 'scanned_at', 'extension_version', 'rules_version']);
    expect(new Set(csv.slice(1).map((r) => r[1]))).toEqual(new Set([FORUM_URL, SHOP_URL]));
    expect(csv.slice(1).every((r) => r[0] === 'LR3 sellers story' && r[4] === '0.1.0' && r[5] !== '' && !Number.isNaN(Date.parse(r[3])))).toBe(true);
    const json = await downloadOf(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
    const data = JSON.parse(json.text);
    expect(data).toMatchObject({ format: 'peptidelens-case', version: 1, name: 'LR3 sellers story' });
    expect(data.pages.map((p: { url: string }) => p.url)).toEqual([FORUM_URL, SHOP_URL]);
    const exported = join(files, json.name);
    writeFileSync(exported, json.text);

    // Delete (two steps, keyboard), then import the export back.
    await page.getByRole('button', { name: 'Delete case' }).press('Enter');
    await page.getByRole('button', { name: 'Yes, delete' }).press('Enter');
    await expect(page).toHaveURL(/report\.html\?cases$/);
    await expect(page.getByText('No case files yet.')).toBeVisible();

    await page.getByLabel('Case file (JSON exported from PeptideLens)').setInputFiles(exported);
    await expect(page.getByRole('status')).toHaveText('Imported case “LR3 sellers story” with 2 pages.');
    await openCase(page, id, 'LR3 sellers story');
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(2);

    // A corrupt file and a foreign file are refused; the existing case is untouched.
    await page.goto(extUrl(id, 'report.html?cases'));
    const corrupt = join(files, 'corrupt.json');
    writeFileSync(corrupt, json.text.slice(0, json.text.length / 2));
    await page.getByLabel('Case file (JSON exported from PeptideLens)').setInputFiles(corrupt);
    await expect(page.getByRole('alert')).toContainText('“corrupt.json” was not imported. This file is not valid JSON');
    await expect(page.getByRole('alert')).toContainText('Your existing cases are unchanged.');
    const foreign = join(files, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ format: 'other-tool', version: 1, items: [] }));
    await page.getByLabel('Case file (JSON exported from PeptideLens)').setInputFiles(foreign);
    await expect(page.getByRole('alert')).toContainText('This file is not a PeptideLens case file (its format is “other-tool”');
    const table = page.getByRole('table', { name: 'Case files' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('LR3 sellers story');
    await page.screenshot({ path: 'artifacts/screens/cases.png', fullPage: true });
    await expectAccessible(page);

    // Importing the same file again keeps both, renaming the newcomer.
    await page.getByLabel('Case file (JSON exported from PeptideLens)').setInputFiles(exported);
    await expect(page.getByRole('status')).toContainText('Imported case “LR3 sellers story (imported)”');
    await expect(table.getByRole('row')).toHaveCount(3);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  }
});
