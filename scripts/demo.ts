/**
 * `npm run demo`: build the extension, serve the demo pages on 127.0.0.1 and open them in
 * Chromium with PeptideLens loaded. With a display: a window to click around in. Without one:
 * headless, one screenshot per page with a popover open (artifacts/demo/), findings printed.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, EXTENSION_DIR, chromiumPath } from '../tests/e2e/fixtures';
import { startServer } from '../tests/e2e/server';

const PAGES: { file: string; name: string; open?: (page: Page) => Promise<void> }[] = [
  { file: 'shop.html', name: 'shop' },
  {
    file: 'forum.html',
    name: 'forum',
    // Reveal the hidden post first: its dosing claim is the one to show.
    open: async (page) => {
      await page.getByRole('button', { name: 'Show more' }).click();
      await page.locator('peptide-lens [data-finding][data-kind="dosing"]').first().waitFor({ state: 'attached' });
    },
  },
  { file: 'blog.html', name: 'blog' },
  { file: 'offtopic.html', name: 'offtopic' },
];

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execSync('npx wxt build', { stdio: 'inherit' });
  const { server, url } = await startServer({ port: Number(process.env.PORT ?? 0) });
  const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');
  const profile = mkdtempSync(join(tmpdir(), 'peptidelens-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: headed ? null : { width: 1280, height: 860 },
    args: [
      ...CHROMIUM_ARGS.filter((a) => headed ? a !== '--headless=new' : true),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });

  if (headed) {
    for (const p of PAGES) await (await context.newPage()).goto(`${url}/${p.file}`);
    console.log(`PeptideLens demo: ${PAGES.length} pages open from ${url}/ (close the browser to stop).`);
    await new Promise<void>((done) => context.on('close', () => done()));
    server.close();
    return;
  }

  const out = resolve('artifacts/demo');
  mkdirSync(out, { recursive: true });
  const page = await context.newPage();
  for (const p of PAGES) {
    await page.goto(`${url}/${p.file}`);
    await page.locator('peptide-lens[data-state="idle"]').waitFor({ state: 'attached', timeout: 20_000 });
    await p.open?.(page);
    await page.locator('peptide-lens[data-state="idle"]').waitFor({ state: 'attached', timeout: 20_000 });
    const found = await page.locator('peptide-lens [data-finding]').evaluateAll((els) =>
      els.map((e) => ({ severity: e.getAttribute('data-severity'), kind: e.getAttribute('data-kind'), rule: e.getAttribute('data-rule'), text: e.getAttribute('data-text') })),
    );
    // Open the popover of the most telling flag (dosing first) the way a reader would: by keyboard.
    const order = ['dosing', 'regulatory-claim', 'safety-claim', 'efficacy-claim'];
    const pick = found
      .map((f, i) => ({ f, i }))
      .filter((x) => x.f.severity === 'flag')
      .sort((a, b) => order.indexOf(a.f.kind ?? '') - order.indexOf(b.f.kind ?? ''))[0];
    if (pick) {
      await page.keyboard.press('Alt+Shift+L');
      await page.locator(`peptide-lens [data-finding="${pick.i}"]`).click();
      await page.getByRole('dialog').waitFor();
      // Close the list so the screenshot shows the flag and its popover, like a click on the text would.
      await page.locator('peptide-lens .pl-toggle').evaluate((b) => b.getAttribute('aria-expanded') === 'true' && (b as HTMLElement).click());
      await page.getByRole('dialog').waitFor();
    }
    const shot = join(out, `${p.name}.png`);
    await page.screenshot({ path: shot });
    const flags = found.filter((f) => f.severity === 'flag').length;
    console.log(`\n${p.file}: ${flags} flag${flags === 1 ? '' : 's'}, ${found.length - flags} info → ${shot}`);
    for (const f of found) console.log(`  ${f.severity === 'flag' ? '⚑' : 'ℹ'} ${f.kind?.padEnd(16)} “${f.text}”  (${f.rule})`);
  }
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
