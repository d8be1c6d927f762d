/** PeptideLens reads pages locally: the extension itself never talks to the network. */
import { test, expect, serviceWorkerOf, PAGES_ORIGIN } from './fixtures';
import { settled } from './helpers';

const PAGES = ['shop.html', 'forum.html', 'blog.html', 'offtopic.html', 'spa.html', 'hostile.html', 'editable.html'];

test('no request leaves the machine while pages are read and flags are explained', async ({ context, page, serverUrl }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const sw = await serviceWorkerOf(context);
  // Anything the background asks the network for would show up here.
  await sw.evaluate(() => {
    const log: string[] = ((globalThis as unknown as { __plRequests: string[] }).__plRequests = []);
    const origFetch = globalThis.fetch;
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      log.push(String(input instanceof Request ? input.url : input));
      return origFetch(input, init);
    };
  });

  for (const path of PAGES) {
    await page.goto(serverUrl(path));
    await settled(page);
  }
  await page.goto(serverUrl('forum.html'));
  await settled(page);
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(page.locator('peptide-lens [data-finding][data-kind="dosing"]').first()).toBeAttached();
  await page.keyboard.press('Alt+Shift+L');
  await page.locator('peptide-lens .pl-item').first().press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await settled(page);

  const outside = requests.filter((u) => !u.startsWith(PAGES_ORIGIN + '/') && !u.startsWith('chrome-extension://'));
  expect(outside).toEqual([]);
  expect(await sw.evaluate(() => (globalThis as unknown as { __plRequests: string[] }).__plRequests)).toEqual([]);
});
