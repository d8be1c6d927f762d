/**
 * Playwright fixtures for the real built extension (.output/chrome-mv3) in Debian Chromium.
 * Generic on purpose; every e2e spec imports `test` and `expect` from here:
 *   context      persistent context with the extension loaded (fresh profile per test file;
 *                also as the worker fixture `extensionContext`)
 *   extensionId  from the service worker's URL
 *   serverUrl    serverUrl('shop.html') → http://127.0.0.1:<port>/shop.html
 */
import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(process.cwd(), '.output/chrome-mv3');
export const PAGES_ORIGIN = `http://127.0.0.1:${process.env.PL_PORT ?? 4173}`;

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' }).toString().trim();
  } catch {
    throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  }
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A persistent context with the built extension loaded (or without it: `withExtension: false`). */
export async function launchWithExtension(userDataDir: string, withExtension = true, extensionDir = EXTENSION_DIR): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // --headless=new below: the headless mode that runs extensions
    viewport: { width: 1280, height: 800 },
    args: [...CHROMIUM_ARGS, ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [])],
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export const test = base.extend<
  { serverUrl: (path: string) => string },
  { extensionContext: BrowserContext; extensionId: string }
>({
  // One browser profile per test file (worker scope), thrown away afterwards.
  extensionContext: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'peptidelens-e2e-'));
      const context = await launchWithExtension(dir);
      await use(context);
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ extensionContext }, use) => {
      await use(new URL((await serviceWorkerOf(extensionContext)).url()).host);
    },
    { scope: 'worker' },
  ],
  // `context` is the extension's context, shared by the tests of a file.
  context: async ({ extensionContext }, use) => {
    await use(extensionContext);
  },
  // A fresh tab per test in the shared context (Playwright's default `page` would be a new browser).
  page: async ({ context }, use) => {
    const page = await context.newPage();
    await use(page);
    await page.close();
  },
  serverUrl: async ({}, use) => {
    await use((path: string) => `${PAGES_ORIGIN}/${path.replace(/^\//, '')}`);
  },
});

export const expect = test.expect;
