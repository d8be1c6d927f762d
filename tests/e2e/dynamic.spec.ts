/** Pages that change after load: infinite scroll, edits, single-page-app navigation. */
import { test, expect } from './fixtures';
import { flaggedTexts, flags, host, settled } from './helpers';

test('single-page app: findings of the old route disappear, the new route is read', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('spa.html'));
  await settled(page);
  await expect(page.locator('peptide-lens [data-finding][data-kind="dosing"][data-text*="40 mcg"]')).toHaveCount(1);

  await page.getByRole('link', { name: 'Recipes' }).click();
  await expect(page).toHaveURL(/route=recipes/);
  await expect(page.getByRole('heading', { name: 'Overnight oats, three ways' })).toBeVisible();
  await expect(flags(page)).toHaveCount(0);
  await settled(page);
  await expect(host(page)).toHaveAttribute('data-flags', '0');

  await page.goBack();
  await expect(page.locator('peptide-lens [data-finding][data-kind="dosing"][data-text*="40 mcg"]')).toHaveCount(1);
});

test('infinite scroll: a post appended later is flagged', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('forum.html'));
  await settled(page);
  await page.evaluate(() => {
    const post = document.createElement('article');
    post.className = 'post';
    post.innerHTML = '<p class="meta">latecomer · just now</p><p>Honestly the best thing about IGF-1 LR3 is that it is FDA approved now.</p>';
    document.querySelector('main')!.append(post);
  });
  await expect(page.locator('peptide-lens [data-finding][data-kind="regulatory-claim"][data-text*="FDA approved"]')).toHaveCount(1);
});

test('an edit that removes flagged text removes its flag and highlight', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('shop.html'));
  await settled(page);
  expect((await flaggedTexts(page)).join('|')).toMatch(/no side effects/i);
  const before = await flags(page).count();
  await page.evaluate(() => {
    const li = [...document.querySelectorAll('li')].find((e) => /side effects/i.test(e.textContent ?? ''))!;
    li.remove();
  });
  await expect(flags(page)).toHaveCount(before - 1);
  expect((await flaggedTexts(page)).join('|')).not.toMatch(/no side effects/i);
  await expect(host(page)).toHaveAttribute('data-flags', String(before - 1));

  // Text edited in place: the efficacy claim turns into something harmless.
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((e) => /builds lean muscle/.test(e.textContent ?? ''))!;
    p.firstChild!.textContent = 'Our vials ship cold in insulated packaging.';
  });
  await expect(page.locator('peptide-lens [data-finding][data-kind="efficacy-claim"][data-text*="builds lean muscle"]')).toHaveCount(0);
});
