import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/browser';

// The real renderer in a real Chromium against `raadsmap serve` (fresh data folder per test).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    trace: 'off',
  },
});
