import { defineConfig } from '@playwright/test';

const port = Number(process.env.PL_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  // 2 cores: one browser at a time keeps timings honest and tests independent of load.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  webServer: {
    command: `npx tsx tests/e2e/server.ts`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/shop.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
