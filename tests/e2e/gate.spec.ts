/**
 * The page gate: every page runs only it; the lens (highlights, list, popover) loads where a covered
 * substance is named — at load, later, or only inside a shadow root.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { DEMO_PAGES_DIR } from './server';
import { flags, host, settled } from './helpers';

/** The lens gives the host its shadow root; the gate alone never does. */
const lensLoaded = (page: import('@playwright/test').Page) => host(page).evaluate((el) => el.shadowRoot !== null);

test('a page that names no covered substance gets no lens, no flag and no change', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('quiet.html'));
  await settled(page);
  await expect(host(page)).toHaveAttribute('data-flags', '0');
  expect(await lensLoaded(page)).toBe(false);
  // "3 sets", "long rest", "Strong day": the gate's clues, but no alias.
  await page.waitForTimeout(300);
  expect(await lensLoaded(page)).toBe(false);
});

test('a quiet page that later gets a post naming IGF-1 LR3 is read and flagged', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('quiet.html'));
  await settled(page);
  await page.evaluate(() => {
    const post = document.createElement('article');
    post.className = 'post';
    post.innerHTML = '<p class="meta">newbie_22 · just now</p><p>Started Long R3 IGF-1 at 40 mcg ED post-workout, split bilat.</p>';
    document.querySelector('main')!.append(post);
  });
  await expect(page.locator('peptide-lens [data-finding][data-kind="dosing"][data-text*="40 mcg"]')).toHaveCount(1);
  expect(await lensLoaded(page)).toBe(true);
  await settled(page);
  await expect(host(page)).toHaveAttribute('data-flags', /^[1-9]/);
});

test('a page whose only mention is inside a web component\'s shadow root is flagged', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('shadow-only.html'));
  await settled(page);
  await expect(page.locator('peptide-lens [data-finding][data-kind="regulatory-claim"][data-text*="FDA approved"]')).toHaveCount(1);
  await expect(flags(page).first()).toBeAttached();
});

test('a single-page app whose new route names IGF-1 LR3 only in its title and text is read', async ({ page, serverUrl }) => {
  await page.goto(serverUrl('quiet.html'));
  await settled(page);
  await page.evaluate(() => {
    history.pushState({}, '', '?route=lr3');
    document.title = 'IGF-1 LR3 questions – IronTalk';
    document.querySelector('main')!.innerHTML = '<h1>Questions</h1><article class="post"><p>Been told to pin 50 mcg twice a day.</p></article>';
  });
  await expect(page.locator('peptide-lens [data-finding][data-kind="dosing"][data-text*="50 mcg"]')).toHaveCount(1);
});

test('on a long thread, a claim deep in the list is read', async ({ page, serverUrl }) => {
  // 300 posts; the only mention is in post 257.
  await page.goto(serverUrl('long-thread.html'));
  await settled(page);
  await expect(page.locator('peptide-lens [data-finding][data-kind="dosing"][data-text*="40 mcg"]')).toHaveCount(1);
});

test('on a long thread, a mention only in loose text between the posts is read', async ({ page, serverUrl }) => {
  // The same thread with post 257 made plain and the only mention in loose text directly inside
  // the wide <main>, not in any post (page chrome to the lens).
  const html = readFileSync(join(DEMO_PAGES_DIR, 'long-thread.html'), 'utf8');
  const note = html
    .replace(/(id="p257">.*?<\/p><p>)[^<]*/, '$1Session 257: squats, rows and a long walk. Slept eight hours, ate well.')
    .replace('</main>', 'Moderator note: a member asked whether Long R3 IGF-1 is FDA approved; it is not.\n</main>');
  expect(note).not.toContain('IGF-1 LR3:');
  await page.route(serverUrl('long-thread-note.html'), (route) => route.fulfill({ contentType: 'text/html', body: note }));
  await page.goto(serverUrl('long-thread-note.html'));
  await settled(page);
  await expect(page.locator('peptide-lens [data-finding][data-kind="mention"][data-text="Long R3 IGF-1"]')).toHaveCount(1);
});
