/**
 * Every flag is reachable without a mouse and announced to screen readers: Alt+Shift+L opens the
 * findings list, arrows move through it, Enter opens the popover, Escape closes it and focus
 * returns to where it was.
 */
import { test, expect } from './fixtures';
import { flags, popover, settled } from './helpers';

test('keyboard path: list → popover → Escape returns focus', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('shop.html'));
  await settled(page);
  const count = await flags(page).count();
  expect(count).toBeGreaterThan(1);

  // Announced politely once the page has been read.
  await expect(page.locator('peptide-lens [role="status"]')).toHaveText(`PeptideLens found ${count} claims on this page.`);
  const toggle = page.getByRole('button', { name: new RegExp(`^PeptideLens: ${count} flags`) });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Alt+Shift+L');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = page.getByRole('list', { name: 'Claims found on this page' });
  await expect(list).toBeVisible();
  const items = page.locator('peptide-lens .pl-item');
  await expect(items.first()).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  const chosen = await items.nth(1).getAttribute('data-text');

  await page.keyboard.press('Enter');
  const dialog = popover(page);
  await expect(dialog).toBeFocused();
  await expect(dialog.locator('.pl-quote')).toHaveText(`“${chosen}”`);

  // Tab reaches the controls inside the popover.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(items.nth(1)).toBeFocused();
});

test('the popover is a labelled dialog and the list names every finding', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('forum.html'));
  await settled(page);
  await page.keyboard.press('Alt+Shift+L');
  const items = page.locator('peptide-lens .pl-item');
  const n = await items.count();
  for (let i = 0; i < n; i++) await expect(items.nth(i)).toHaveAccessibleName(/\S/);
  await items.first().press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName(/\S/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(items.first()).toBeFocused();
});
