import { expect, test } from './fixtures';
import { expectAccessible, extUrl, FORUM_URL, openFlaggedPage } from './workflow-support';

// The service worker's own global, inside evaluate() callbacks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const POST = 'Run 40 mcg of IGF-1 LR3 ED post-workout.\n\nIGF-1 LR3 has no side effects.\n\nOur IGF-1 LR3 is FDA approved.';

test('check text: pasted text gets the same findings as a page', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(extUrl(extensionId, 'check.html'));
  await expect(page.getByText('Nothing checked yet.')).toBeVisible();
  await page.getByLabel('Text to check').fill(POST);
  await page.getByLabel('Text to check').press('Control+Enter');
  const findings = page.getByRole('list', { name: 'Findings', exact: true }).locator(':scope > li');
  for (const kind of ['dosing', 'safety-claim', 'regulatory-claim']) await expect(findings.filter({ has: page.locator(`[data-kind="${kind}"]`) })).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /findings: 1 dosing/ })).toBeVisible();
  await expect(page.getByText(/Not medical advice/)).toBeVisible();
  await expect(findings.filter({ has: page.locator('[data-kind="dosing"]') })).toContainText('40 mcg');
  await page.screenshot({ path: 'artifacts/screens/check.png', fullPage: true });
  await expectAccessible(page);

  // Text with nothing to flag.
  await page.getByLabel('Text to check').fill('Leg day went well. Slept eight hours.');
  await page.getByRole('button', { name: 'Check text' }).click();
  await expect(page.getByText('No claims flagged in this text.')).toBeVisible();
  await page.close();
});

test('context menu "Check with PeptideLens" opens the check page with the selection', async ({ context }) => {
  const { page, sw } = await openFlaggedPage(context, FORUM_URL, 2);
  // The menu item exists (update() rejects for an unknown id)…
  await expect.poll(() => sw.evaluate(() => chrome.contextMenus.update('peptidelens-check-selection', {}).then(() => true, () => false))).toBe(true);

  // …and a click on it (dispatched to the extension's own listener, as Chrome does) carries the
  // selected text to a new check page through session storage, not the URL.
  await page.locator('article p').first().selectText();
  const selection = await page.evaluate(() => getSelection()!.toString());
  const [check] = await Promise.all([
    context.waitForEvent('page', (p) => p.url().endsWith('/check.html')),
    sw.evaluate((text) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'peptidelens-check-selection', selectionText: text, editable: false, pageUrl: location.href }, undefined), selection),
  ]);
  await expect(check.getByLabel('Text to check')).toHaveValue(selection);
  expect(check.url()).not.toContain('40');
  await expect(check.getByRole('list', { name: 'Findings', exact: true }).locator('[data-kind="dosing"]').first()).toBeVisible();
  // The hand-off is taken once.
  expect(await sw.evaluate(() => chrome.storage.session.get('checkPrefill'))).toEqual({});
  await check.close();
  await page.close();
});

test('settings: every control works by keyboard, is saved to sync storage, and passes axe', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(extUrl(extensionId, 'options.html'));
  const dosing = page.getByRole('group', { name: 'What to flag' }).getByRole('checkbox', { name: /Dosing/ });
  await dosing.focus();
  await page.keyboard.press('Space');
  await expect(dosing).not.toBeChecked();
  await page.getByRole('radio', { name: 'Background colour' }).check();
  await page.getByRole('radio', { name: 'Only on sites I choose' }).check();
  await page.getByRole('textbox', { name: 'Add a site to “Sites I choose”' }).fill('https://www.Forum.Example.com/path');
  await page.getByRole('textbox', { name: 'Add a site to “Sites I choose”' }).press('Enter');
  await expect(page.getByRole('list', { name: 'Sites I choose' })).toContainText('forum.example.com');
  await page.getByRole('textbox', { name: 'Add a site to “Sites where it never runs”' }).fill('not a site');
  await page.getByRole('textbox', { name: 'Add a site to “Sites where it never runs”' }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Enter a site such as forum.example.com.');
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expectAccessible(page);

  const stored = await page.evaluate(() => chrome.storage.sync.get('settings'));
  expect(stored.settings).toMatchObject({ kinds: { dosing: false }, highlightStyle: 'background', onlyAllowedSites: true, allowedSites: ['forum.example.com'] });

  // Back to defaults so other tests in this browser see PeptideLens everywhere.
  await page.evaluate(() => chrome.storage.sync.remove('settings'));
  await page.close();
});
