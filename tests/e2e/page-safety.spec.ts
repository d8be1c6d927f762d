/**
 * Never break the page: hostile CSS and a strict CSP do not hide us, page scripts keep running,
 * page text and layout stay as they were, editable fields are never read or touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, launchWithExtension } from './fixtures';
import { flags, host, pointOfText, popover, settled } from './helpers';

test('hostile CSS and a strict CSP: flags, list and popover still work, page script still runs', async ({ page, serverUrl }) => {
  const response = await page.goto(serverUrl('hostile.html'));
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  await settled(page);
  await expect(page.locator('#page-script-status')).toHaveText('page script ran');
  expect(await flags(page).count()).toBeGreaterThanOrEqual(2);
  // The toggle is drawn at the corner with our own styles, despite `* { all: unset !important }`.
  const toggle = page.locator('peptide-lens .pl-toggle');
  await expect(toggle).toBeVisible();
  const style = await toggle.evaluate((el) => ({ color: getComputedStyle(el).color, size: getComputedStyle(el).fontSize }));
  expect(style.size).toBe('14px');
  expect(style.color).not.toBe('rgb(255, 0, 0)');
  // Highlights registered; their styles are a constructed sheet, which the CSP does not block.
  const counts = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size);
  expect(counts).toBeGreaterThan(0);

  const at = await pointOfText(page, 'main', 'FDA approved');
  await page.mouse.click(at.x, at.y);
  await expect(popover(page)).toBeVisible();
  await expect(popover(page)).toContainText('Not medical advice.');
  const fontSize = await popover(page).evaluate((el) => getComputedStyle(el).fontSize);
  expect(fontSize).toBe('14px');
});

test('our list button stays on top of a page overlay at the highest z-index, and the page\'s own popover stays open', async ({ page, serverUrl }) => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>IGF-1 LR3 shop</title>
    <style>#bar{position:fixed;left:0;right:0;bottom:0;height:120px;background:#123;z-index:2147483647}</style></head>
    <body><main><p>IGF-1 LR3 is FDA approved and builds lean muscle fast.</p></main>
    <div id="bar">Cookie and chat bar, always on top</div>
    <div id="tip" popover>Page tip</div><script>document.getElementById('tip').showPopover();</script></body></html>`;
  await page.route(serverUrl('overlay.html'), (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(serverUrl('overlay.html'));
  await settled(page);
  const toggle = page.locator('peptide-lens .pl-toggle');
  await expect(toggle).toBeVisible();
  const box = (await toggle.boundingBox())!;
  // What a click at the button's centre reaches: our host (the button is in its shadow root), not the page's bar.
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  expect(hit).toBe('peptide-lens');
  // Showing our UI did not close the page's popover (a click anywhere outside it would, by design).
  expect(await page.evaluate(() => document.getElementById('tip')!.matches(':popover-open'))).toBe(true);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
});

test('page text and layout are untouched', async ({ page, serverUrl }) => {
  // The same page in a browser without the extension is the reference.
  const dir = mkdtempSync(join(tmpdir(), 'peptidelens-plain-'));
  const plain = await launchWithExtension(dir, false);
  const reference = await plain.newPage();
  await reference.goto(serverUrl('shop.html'));
  await reference.waitForLoadState('load');
  const before = await reference.evaluate(snapshot);
  await plain.close();
  rmSync(dir, { recursive: true, force: true });

  await page.goto(serverUrl('shop.html'));
  await page.waitForLoadState('load');
  await settled(page);
  expect(await flags(page).count()).toBeGreaterThan(0);
  const after = await page.evaluate(snapshot);
  expect(after.html).toBe(before.html);
  expect(after.rects).toEqual(before.rects);
  expect(after.scroll).toEqual(before.scroll);
  // Our single element sits on <html>, fixed and zero-sized.
  await expect(page.locator('peptide-lens')).toHaveCount(1);
  const box = await host(page).evaluate((el) => ({ pos: getComputedStyle(el).position, w: el.getBoundingClientRect().width, h: el.getBoundingClientRect().height, parent: el.parentElement?.localName }));
  expect(box).toEqual({ pos: 'fixed', w: 0, h: 0, parent: 'html' });
});

/** The page's markup, the box of every element in <main> and the document's scroll size. */
function snapshot() {
  return {
    html: document.body.innerHTML,
    rects: [...document.querySelectorAll('main *')].map((e) => {
      const r = e.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height];
    }),
    scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
  };
}

test('editable fields are never flagged, changed or disturbed', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('editable.html'));
  const original = await page.evaluate(() => ({
    textarea: (document.getElementById('reply') as HTMLTextAreaElement).value,
    rich: document.getElementById('rich')!.innerHTML,
    input: (document.getElementById('title') as HTMLInputElement).value,
  }));
  await settled(page);
  await expect(host(page)).toHaveAttribute('data-flags', '0');
  const inFields = await page.evaluate(() => {
    let n = 0;
    (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h) =>
      h.forEach((r) => {
        if ((r.startContainer.parentElement as Element | null)?.closest('textarea,input,[contenteditable]')) n++;
      }),
    );
    return n;
  });
  expect(inFields).toBe(0);
  expect(
    await page.evaluate(() => ({
      textarea: (document.getElementById('reply') as HTMLTextAreaElement).value,
      rich: document.getElementById('rich')!.innerHTML,
      input: (document.getElementById('title') as HTMLInputElement).value,
    })),
  ).toEqual(original);

  // Typing works as usual: the caret stays where the person put it.
  const reply = page.locator('#reply');
  await reply.click();
  await reply.press('End');
  await page.keyboard.type(' Thanks!');
  await expect(reply).toHaveValue(original.textarea + ' Thanks!');
  await page.locator('#rich p').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Source?');
  await expect(page.locator('#rich')).toContainText('FDA approved. Source?');
  await expect(host(page)).toHaveAttribute('data-flags', '0');
});
