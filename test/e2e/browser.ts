import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Playwright's own Chromium when it is installed; otherwise the system's (Debian's chromium),
 * since browsers cannot be downloaded on every machine. `CHROMIUM_PATH` overrides both.
 */
export function chromiumLaunchOptions() {
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
  const override = process.env.CHROMIUM_PATH;
  if (override) return { executablePath: override, args };
  let bundled: string | null = null;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = null;
  }
  if (bundled && existsSync(bundled)) return { args };
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  return system ? { executablePath: system, args } : { args };
}
