/**
 * Smoke test of the real desktop app: Electron main, the preload, the app:// protocol and the
 * renderer together, with a fresh data folder per test.
 *
 * Needs the Electron program (node_modules/electron/dist), which cannot be downloaded on every
 * machine: without it these tests are skipped, never failed. Detection mirrors scripts/start.mjs
 * and never triggers a download (`require('electron')` from Node would).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPack } from '../../electron/core/packs/build';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';
import { METHOD_NAMES } from '../../electron/shared/methods';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');

function platformExecutable(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}

/** The Electron executable, or null when it is not installed (no download attempted). */
function findElectron(): string | null {
  const pathTxt = join(ELECTRON_DIR, 'path.txt');
  const named = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, named || platformExecutable())
    : named
      ? join(ELECTRON_DIR, 'dist', named)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

const executablePath = findElectron();

test.skip(
  executablePath === null,
  'Electron binary not installed on this machine (cannot be downloaded here); run on a machine with Electron: ' +
    '`npx install-electron` (or reinstall node_modules/electron), then `npm run test:e2e`.',
);

test.describe('Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(() => {
    expect(existsSync(MAIN), 'dist/electron/main.cjs is missing: run `npm run build` first').toBe(true);
    // SQLite for Electron's ABI (.cache/electron-native/<version>/); built once, like `npm start` does.
    const native = spawnSync(process.execPath, [join(ROOT, 'scripts', 'electron-native.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    test.skip(native.status !== 0, `better-sqlite3 could not be built for Electron here:\n${native.stderr}`);
  });

  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'raadsmap-electron-e2e-'));
    const env = electronEnv();
    // Chromium refuses to start as root with its sandbox on (CI containers). The renderer is still
    // `sandbox: true` in Electron's sense: no Node in the preload or the page.
    const rootOnLinux = process.platform === 'linux' && process.getuid?.() === 0;
    app = await electron.launch({
      executablePath: executablePath!,
      args: [...(rootOnLinux ? ['--no-sandbox'] : []), MAIN, '--data', dataDir],
      env,
    });
    page = await app.firstWindow();
  });

  test.afterEach(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the library on app://raadsmap', async () => {
    await expect(page).toHaveTitle(/Raadsmap/);
    await expect(page.getByRole('heading', { name: 'Bibliotheek' }).first()).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/raadsmap\//);
  });

  test('gives the page window.raadsmap and no Node', async () => {
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      const api = g.raadsmap as Record<string, unknown> | undefined;
      return {
        api: typeof api,
        methods: api ? Object.keys(api).sort() : [],
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        buffer: typeof g.Buffer,
      };
    });
    expect(seen).toEqual({
      api: 'object',
      methods: [...METHOD_NAMES].sort(),
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      buffer: 'undefined',
    });
    const info = await page.evaluate(() => {
      const api = (globalThis as unknown as { raadsmap: Record<string, (args: unknown) => Promise<unknown>> }).raadsmap;
      return api['app.info']!({});
    });
    expect(info).toMatchObject({ ok: true, value: { name: 'Raadsmap', transport: 'ipc', dataDir } });
  });

  test('serves the renderer with the CSP and refuses paths outside it', async () => {
    const seen = await page.evaluate(async () => {
      const shell = await fetch('app://raadsmap/index.html');
      const traversal = await fetch('app://raadsmap/..%2F..%2Fpackage.json');
      const missing = await fetch('app://raadsmap/assets/does-not-exist.js');
      return {
        status: shell.status,
        csp: shell.headers.get('content-security-policy'),
        nosniff: shell.headers.get('x-content-type-options'),
        traversal: traversal.status,
        missing: missing.status,
      };
    });
    expect(seen).toEqual({
      status: 200,
      csp: CONTENT_SECURITY_POLICY,
      nosniff: 'nosniff',
      traversal: 404,
      missing: 404,
    });
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
    );
    expect(windows).toEqual([expect.stringMatching(/^app:\/\/raadsmap\//)]);
  });

  test('refuses navigation away from the app and new windows', async () => {
    const opened = await page.evaluate(() => {
      const g = globalThis as unknown as { open: (url: string) => unknown };
      return g.open('https://example.org/') === null;
    });
    expect(opened).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/^app:\/\/raadsmap\//);
    expect(app.windows()).toHaveLength(1);
  });
});

/** Environment for Electron without the variables that would turn it into Node or pick another data folder. */
function electronEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'RAADSMAP_DATA') env[key] = value;
  }
  return env;
}

test.describe('Electron app opened with a .raadsmap file (double-click)', () => {
  test('the file reaches the install dialog through window.raadsmapShell', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'raadsmap-electron-pack-'));
    const folder = join(dataDir, 'pakket');
    cpSync(join(ROOT, 'resources', 'default-content'), folder, { recursive: true });
    const packJson = JSON.parse(readFileSync(join(folder, 'pack.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(folder, 'pack.json'), JSON.stringify({ ...packJson, id: 'griffie-test', version: 1 }));
    const file = join(dataDir, 'alv.raadsmap');
    writeFileSync(file, buildPack([folder]).bytes);
    const rootOnLinux = process.platform === 'linux' && process.getuid?.() === 0;
    const app = await electron.launch({
      executablePath: executablePath!,
      args: [...(rootOnLinux ? ['--no-sandbox'] : []), MAIN, '--data', join(dataDir, 'data'), file],
      env: electronEnv(),
    });
    try {
      const page = await app.firstWindow();
      const shell = await page.evaluate(() => {
        const g = globalThis as unknown as { raadsmapShell?: Record<string, unknown> };
        return g.raadsmapShell ? Object.keys(g.raadsmapShell) : null;
      });
      expect(shell).toEqual(['onOpenFile']);
      const dialog = page.getByRole('dialog', { name: 'Pakket installeren' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByTestId('pack-preview')).toContainText('Raadsmap standaardinhoud');
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
