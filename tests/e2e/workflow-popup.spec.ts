import { expect, test } from './fixtures';
import { badgeText, expectAccessible, extUrl, FORUM_QUOTES, FORUM_URL, openFlaggedPage } from './workflow-support';

test('badge counts the flags; the popup lists them and shows one on the page', async ({ context, extensionId }) => {
  const { page, tabId, sw } = await openFlaggedPage(context, FORUM_URL, 2);
  expect(await badgeText(sw, tabId)).toBe('2');

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(extUrl(extensionId, `popup.html?tab=${tabId}`));
  await expect(popup.getByTestId('flag-count')).toHaveText('2');
  const counts = popup.getByRole('list', { name: 'Findings by kind' });
  await expect(counts).toContainText('Dosing: 1');
  await expect(counts).toContainText('Safety claim: 1');
  const items = popup.getByRole('list', { name: 'Findings on this page' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(FORUM_QUOTES.dosing);
  await expect(items.nth(0)).toContainText('Evidence:');
  await expect(items.nth(1)).toContainText(FORUM_QUOTES.safety);
  await expect(popup.getByText(/Not medical advice/)).toBeVisible();
  await popup.screenshot({ path: 'artifacts/screens/popup.png', fullPage: true });
  await expectAccessible(popup);
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: 'artifacts/screens/popup-dark.png', fullPage: true });
  await expectAccessible(popup);
  await popup.emulateMedia({ colorScheme: 'light' });

  // "Show on page" by keyboard: the page opens that finding's popover.
  await items.nth(1).getByRole('button', { name: /Show on page/ }).focus();
  await popup.keyboard.press('Enter');
  const pop = page.locator('.pl-pop');
  await expect(pop).toBeVisible();
  await expect(pop).toContainText(FORUM_QUOTES.safety);

  await popup.close();
  await page.close();
});

test('pause on this site turns PeptideLens off there, and resume turns it back on', async ({ context, extensionId }) => {
  const { page, tabId } = await openFlaggedPage(context, FORUM_URL, 2);
  const popup = await context.newPage();
  await popup.goto(extUrl(extensionId, `popup.html?tab=${tabId}`));
  await popup.getByRole('button', { name: 'Pause on this site' }).click();
  await expect(popup.getByText('Paused on forum.peptidelens-workflow.test.')).toBeVisible();

  // The page drops its highlights at once, and a reload does not read it again.
  await expect(page.locator('peptide-lens')).toHaveAttribute('data-disabled', 'true');
  await page.reload();
  await expect(page.getByText('Run 40 mcg')).toBeVisible();
  await expect(page.locator('peptide-lens')).toHaveAttribute('data-disabled', 'true');
  await expect(page.locator('peptide-lens')).toHaveAttribute('data-flags', '0');

  // The settings page lists it; the popup's resume removes it.
  const options = await context.newPage();
  await options.goto(extUrl(extensionId, 'options.html'));
  await expect(options.getByRole('list', { name: 'Sites where it never runs' })).toContainText('forum.peptidelens-workflow.test');
  await popup.getByRole('button', { name: 'Resume on this site' }).click();
  await expect(options.getByRole('list', { name: 'Sites where it never runs' })).toHaveCount(0);
  await expect(page.locator('peptide-lens')).toHaveAttribute('data-flags', '2');

  await options.close();
  await popup.close();
  await page.close();
});
