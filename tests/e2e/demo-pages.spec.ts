/**
 * What a reader sees on each demo page: the right claims flagged, highlights drawn, and a popover
 * that explains a flag in plain words. Waits on conditions only.
 */
import { test, expect } from './fixtures';
import { findings, flaggedTexts, flags, highlightCounts, host, pointOfText, popover, settled } from './helpers';

test('shop page: efficacy, approval, safety and dosing claims are flagged and highlighted', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('shop.html'));
  await settled(page);
  const kinds = await flags(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(new Set(kinds)).toEqual(new Set(['efficacy-claim', 'regulatory-claim', 'safety-claim', 'dosing']));
  const texts = (await flaggedTexts(page)).join(' | ');
  expect(texts).toMatch(/builds lean muscle/i);
  expect(texts).toMatch(/FDA approved/i);
  expect(texts).toMatch(/no side effects/i);
  expect(texts).toMatch(/mcg/i);
  await expect(host(page)).toHaveAttribute('data-flags', String(kinds.length));
  // One quiet info badge on the first mention of the substance.
  await expect(page.locator('peptide-lens [data-finding][data-severity="info"][data-kind="mention"]').first()).toHaveAttribute('data-text', /IGF-1 LR3|Long R3/i);

  // Highlights: one per kind and severity, holding every shown finding.
  const counts = await highlightCounts(page);
  expect(Object.keys(counts).sort()).toEqual(
    expect.arrayContaining(['pl-underline-flag-dosing', 'pl-underline-flag-efficacy-claim', 'pl-underline-flag-regulatory-claim', 'pl-underline-flag-safety-claim', 'pl-underline-info-mention']),
  );
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(await findings(page).count());
});

test('shop page: clicking flagged text opens a popover with status, evidence and references', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('shop.html'));
  await settled(page);
  const at = await pointOfText(page, 'main', 'FDA approved');
  await page.mouse.click(at.x, at.y);
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeFocused();
  await expect(dialog).toHaveAttribute('data-kind', 'regulatory-claim');
  await expect(dialog).toContainText('Legal / approval claim');
  await expect(dialog).toContainText('“FDA approved”');
  await expect(dialog.locator('dt', { hasText: 'Evidence' })).toBeVisible();
  await expect(dialog).toContainText(/FDA[\s\S]*not FDA-approved|FDA[\s\S]*no .*approval/i);
  await expect(dialog).toContainText(/WADA[\s\S]*prohibited/i);
  await expect(dialog.locator('.pl-asof')).toHaveCount(2);
  await expect(dialog.locator('.pl-asof').first()).toHaveText(/\(as of \d{4}-\d{2}-\d{2}\)/);
  const links = dialog.locator('.pl-refs a');
  expect(await links.count()).toBeGreaterThan(0);
  await expect(links.first()).toHaveAttribute('href', /^https:\/\//);
  await expect(dialog).toContainText('Not medical advice.');
  await expect(dialog.getByRole('button', { name: 'This flag is wrong' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('forum: the hidden post is flagged once "Show more" reveals it', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('forum.html'));
  await settled(page);
  expect((await flaggedTexts(page)).join(' | ')).toMatch(/builds lean muscle/i);
  // Hidden text is not read.
  await expect(page.locator('peptide-lens [data-finding][data-text*="40 mcg"]')).toHaveCount(0);
  const before = await flags(page).count();

  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(page.locator('peptide-lens [data-finding][data-kind="dosing"][data-text*="40 mcg"]')).toHaveCount(1);
  await settled(page);
  expect(await flags(page).count()).toBeGreaterThan(before);
  await expect(host(page)).toHaveAttribute('data-flags', String(await flags(page).count()));
});

test('blog: dosing protocol, table rows and a claim inside a shadow root are flagged; code is not', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('blog.html'));
  await settled(page);
  const dosing = await page.locator('peptide-lens [data-finding][data-kind="dosing"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-text') ?? ''));
  expect(dosing.join(' | ')).toMatch(/20 mcg/);
  expect(dosing.join(' | ')).toMatch(/50 mcg/);
  // The call-out box lives in an open shadow root.
  await expect(page.locator('peptide-lens [data-finding][data-kind="regulatory-claim"][data-text*="FDA approved"]')).toHaveCount(1);
  // No highlight starts inside the <pre><code> block.
  const inCode = await page.evaluate(() => {
    let n = 0;
    (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h) =>
      h.forEach((r) => {
        if ((r.startContainer.parentElement as Element | null)?.closest('pre,code')) n++;
      }),
    );
    return n;
  });
  expect(inCode).toBe(0);
});

test('off-topic page (Land Rover LR3, Internet Governance Forum, creatine loading) gets no flag', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('offtopic.html'));
  await settled(page);
  await expect(host(page)).toHaveAttribute('data-flags', '0');
  await expect(findings(page)).toHaveCount(0);
  expect(await highlightCounts(page)).toEqual({});
  // Nothing of ours is visible on a page with nothing to say.
  await expect(page.locator('peptide-lens .pl-toggle')).toBeHidden();
});
