/** Playwright fixtures: a fresh data folder and a real `raadsmap serve` per test. */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'bin', 'raadsmap.cjs');

export interface ServeHandle {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function startServe(dataDir: string): Promise<ServeHandle> {
  const child = spawn(process.execPath, [CLI, 'serve', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not print a URL in time. stderr: ${stderr}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ dataDir: string; serve: ServeHandle; app: Page }>({
  // Playwright reads the fixture's dependencies from this destructuring pattern: it must be `{}`.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'raadsmap-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  serve: async ({ dataDir }, use) => {
    const handle = await startServe(dataDir);
    await use(handle);
    await handle.stop();
  },
  app: async ({ page, serve }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(serve.url);
    await expect(page.getByTestId('library-ready')).toBeVisible();
    await use(page);
    expect(errors, 'no uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Screenshots of every screen land in screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ROOT, 'screenshots', `${name}.png`), fullPage: false });
}
