import { expect, test } from './fixtures';
import { downloadOf, expectAccessible, extUrl, FORUM_QUOTES, FORUM_URL, openFlaggedPage, parseCsv, SECURE_URL } from './workflow-support';

// The extension page's own global, inside evaluate() callbacks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

test('the report shows every finding, filters by kind and severity, and exports each format', async ({ context, extensionId }) => {
  const { page, tabId } = await openFlaggedPage(context, FORUM_URL, 2);
  const report = await context.newPage();
  await report.goto(extUrl(extensionId, `report.html?tab=${tabId}`));
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('LR3 cycle log | Forum');
  await expect(report.getByText('Not medical advice', { exact: false }).first()).toBeVisible();

  const findings = report.getByRole('list', { name: 'Findings', exact: true }).locator(':scope > li');
  const total = await findings.count();
  expect(total).toBeGreaterThanOrEqual(2);
  const dosing = findings.filter({ has: report.locator('[data-kind="dosing"]') }).first();
  await expect(dosing).toContainText(FORUM_QUOTES.dosing);
  await expect(dosing).toContainText('Run 40 mcg of IGF-1 LR3 ED post-workout.');
  for (const label of ['Why it matters', 'Evidence', 'FDA', 'WADA', 'Rule', 'Sources']) await expect(dosing.getByText(label, { exact: true })).toBeVisible();
  // References open by keyboard.
  await dosing.getByText(/^References \(\d+\)$/).focus();
  await report.keyboard.press('Enter');
  await expect(dosing.locator('.refs a').first()).toBeVisible();
  await expect(dosing).toContainText(/as of \d{4}-\d{2}-\d{2}/);
  await report.screenshot({ path: 'artifacts/screens/report.png', fullPage: true });
  await expectAccessible(report);

  // Filters: kind off, then severity.
  await report.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: /Dosing/ }).uncheck();
  await expect(findings).toHaveCount(total - 1);
  await expect(findings.filter({ has: report.locator('[data-kind="dosing"]') })).toHaveCount(0);
  await report.getByRole('group', { name: 'Severity' }).getByRole('checkbox', { name: /Info/ }).uncheck();
  await expect(findings).toHaveCount(1);
  await expect(findings.first()).toContainText(FORUM_QUOTES.safety);
  await expect(report.getByText('Showing 1 of')).toBeVisible();

  // Exports carry the shown findings plus page URL, title, scan time, extension and rule-set version.
  const md = await downloadOf(report, () => report.getByRole('button', { name: 'Download Markdown' }).click());
  expect(md.name).toMatch(/^peptidelens-forum\.peptidelens-workflow\.test-\d{4}-\d{2}-\d{2}\.md$/);
  expect(md.text).toMatch(/^# PeptideLens moderation note/);
  expect(md.text).toContain(`<${FORUM_URL}>`);
  expect(md.text).toContain('LR3 cycle log \\| Forum');
  expect(md.text).toMatch(/\*\*Scanned:\*\* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  expect(md.text).toMatch(/\*\*Extension version:\*\* 0\.1\.0 · \*\*Rule set:\*\* \S+/);
  // A safety claim is quoted as the sentence that makes it.
  expect(md.text).toMatch(/“[^”]*no side effects[^”]*”/);
  expect(md.text).not.toContain('40 mcg');
  expect(md.text).toContain('Not medical advice');

  const csv = await downloadOf(report, () => report.getByRole('button', { name: 'Download CSV' }).click());
  const rows = parseCsv(csv.text);
  expect(rows[0].slice(0, 5)).toEqual(['page_url', 'page_title', 'scanned_at', 'extension_version', 'rules_version']);
  expect(rows).toHaveLength(2);
  expect(rows[1][0]).toBe(FORUM_URL);
  expect(rows[1][1]).toBe('LR3 cycle log | Forum');
  expect(Date.parse(rows[1][2])).not.toBeNaN();
  expect(rows[1][3]).toBe('0.1.0');
  expect(rows[1][4]).not.toBe('');
  expect(rows[1]).toContain('Safety claim');
  expect(rows[1].some((cell) => cell.includes('no side effects'))).toBe(true);

  // All findings back on, then JSON.
  await report.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: /Dosing/ }).check();
  await report.getByRole('group', { name: 'Severity' }).getByRole('checkbox', { name: /Info/ }).check();
  await expect(findings).toHaveCount(total);
  const json = await downloadOf(report, () => report.getByRole('button', { name: 'Download JSON' }).click());
  const data = JSON.parse(json.text);
  expect(data).toMatchObject({ format: 'peptidelens-report', version: 1, url: FORUM_URL, title: 'LR3 cycle log | Forum', extensionVersion: '0.1.0' });
  expect(Date.parse(data.scannedAt)).not.toBeNaN();
  expect(typeof data.rulesVersion).toBe('string');
  expect(data.findings).toHaveLength(total);
  expect(data.findings.map((f: { text: string }) => f.text).join('|')).toMatch(FORUM_QUOTES.dosing);

  // Copy to clipboard: the moderation note. (Permissions cannot be granted to an extension origin,
  // so the clipboard is read back from an https test page.)
  await report.bringToFront();
  await report.getByRole('button', { name: 'Copy moderation note' }).click();
  await expect(report.getByText('Moderation note copied to the clipboard.')).toBeVisible();
  await context.grantPermissions(['clipboard-read'], { origin: new URL(SECURE_URL).origin });
  const reader = await context.newPage();
  await reader.goto(SECURE_URL);
  const clip = await reader.evaluate(() => navigator.clipboard.readText());
  expect(clip).toMatch(/^# PeptideLens moderation note/);
  expect(clip).toContain(`<${FORUM_URL}>`);
  await reader.close();

  // "Show on page" from a report row opens that popover in the tab.
  await dosing.getByRole('button', { name: 'Show on page' }).click();
  await expect(page.locator('.pl-pop')).toContainText(FORUM_QUOTES.dosing);

  await report.close();
  await page.close();
});

test('"This flag is wrong" from a report row and from a popover is recorded, listed and exportable', async ({ context, extensionId }) => {
  const { page, tabId } = await openFlaggedPage(context, FORUM_URL, 2);
  const report = await context.newPage();
  await report.goto(extUrl(extensionId, `report.html?tab=${tabId}`));
  // This browser may be shared with other spec files: start from an empty list.
  await report.evaluate(() => chrome.storage.local.remove('wrongFlags'));
  const findings = report.getByRole('list', { name: 'Findings', exact: true }).locator(':scope > li');
  const safety = findings.filter({ has: report.locator('[data-kind="safety-claim"]') }).first();
  await safety.getByRole('button', { name: 'This flag is wrong' }).click();
  await expect(safety.getByRole('button', { name: /Marked as wrong/ })).toBeVisible();

  // From the page's popover (the in-page path sends the same message).
  await page.bringToFront();
  await report.evaluate(async (id) => {
    const res = await chrome.runtime.sendMessage({ type: 'get-page-report', tabId: id });
    const index = res.report.findings.findIndex((f: { kind: string }) => f.kind === 'dosing');
    await chrome.tabs.sendMessage(id, { type: 'show-finding', index });
  }, tabId);
  await page.locator('.pl-pop .pl-wrong').click();

  const options = await context.newPage();
  await options.goto(extUrl(extensionId, 'options.html'));
  const table = options.getByRole('table', { name: 'Flags you marked as wrong' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText(/“[^”]*no side effects[^”]*”/);
  await expect(table).toContainText(FORUM_QUOTES.dosing);
  await expect(table).toContainText(FORUM_URL);
  await expect(table).toContainText('igf-1-lr3/');
  await options.screenshot({ path: 'artifacts/screens/settings.png', fullPage: true });
  await expectAccessible(options);

  const file = await downloadOf(options, () => options.getByRole('button', { name: 'Download as JSON' }).click());
  expect(file.name).toBe('peptidelens-wrong-flags.json');
  const data = JSON.parse(file.text);
  expect(data).toMatchObject({ format: 'peptidelens-wrong-flags', version: 1, extensionVersion: '0.1.0' });
  expect(data.records).toHaveLength(2);
  for (const r of data.records) {
    expect(r.url).toBe(FORUM_URL);
    expect(r.ruleId).toMatch(/^igf-1-lr3\//);
    expect(typeof r.quote).toBe('string');
  }

  // Nothing left the machine: the records live in storage.local.
  const stored = await options.evaluate(() => chrome.storage.local.get('wrongFlags'));
  expect(stored.wrongFlags).toHaveLength(2);

  await options.close();
  await report.close();
  await page.close();
});
