/**
 * How the page is read, as the reader of a forum thread would expect: a quote box is the quoted
 * member's words, judged against the reply around it, the thread title repeated over every post
 * is one question, not a claim per post, and a post's tags label it without claiming anything. (The HTML reader behind the CLI reads the same
 * markup the same way: tests/unit/extract-html.test.ts.)
 */
import { test, expect } from './fixtures';
import { flaggedTexts, host, settled } from './helpers';

const post = (n: number, body: string) => `
  <li class="postcontainer" id="post_${n}">
    <div class="posthead">#${n}</div>
    <h2 class="posttitle">Re: IGF-1 LR3 - bilat or sub-q?</h2>
    <blockquote class="postcontent restore">${body}</blockquote>
  </li>`;

const THREAD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>IGF-1 LR3 - bilat or sub-q? - IronHaven</title></head>
<body><h1>Thread: IGF-1 LR3 - bilat or sub-q?</h1><ol id="posts">
${post(21, 'Bilat into the worked muscle is the only way, 60mcg straight after training.<div class="post-tags"><a rel="tag">anti-aging</a> <a rel="tag">muscle growth</a></div>')}
${post(22, `<div class="bbcode_container"><div class="bbcode_quote"><div class="quote_container">
    <div class="bbcode_postedby">Originally Posted by <strong>gymrat_88</strong></div>
    <div class="message">LR3 is totally safe as long as you eat, no side effects whatsoever</div>
  </div></div></div>
  Neither of these is evidence.<br>There is no human trial of LR3 at any dose.`)}
${post(23, 'Sorry if this is a dumb question but is bilat actually better than just sub-q in the belly?')}
</ol></body></html>`;

test('a vBulletin thread: quoted claims answered by the reply, the repeated title and the tags are not flagged; the own protocol is', async ({ page, serverUrl }) => {
  await page.route(serverUrl('vb-thread.html'), (route) => route.fulfill({ contentType: 'text/html', body: THREAD }));
  await page.goto(serverUrl('vb-thread.html'));
  await settled(page);
  const texts = await flaggedTexts(page);
  expect(texts.filter((t) => t.includes('60mcg'))).toHaveLength(1);
  expect(texts.filter((t) => /totally safe|no side effects|bilat or sub-q|dumb question|better than just|anti-aging|muscle growth/i.test(t))).toEqual([]);
  await expect(host(page)).toHaveAttribute('data-flags', String(texts.length));
});
