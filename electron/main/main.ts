/**
 * Electron main: the app's lifecycle and nothing else. The core (databases, content, settings)
 * is plain TypeScript shared with the CLI and `serve`; this file opens it, serves the renderer on
 * app://raadsmap, wires IPC and opens the one window. Electron is imported only in electron/main.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createHandlers } from '../api/handlers';
import { BackupScheduler } from '../core/backup/scheduler';
import { isRaadsmapError } from '../core/errors';
import { resolveDataDir, resolveResourcesDir } from '../core/paths';
import { openServices, type Services } from '../core/services';
import { OPEN_FILE_CHANNEL } from '../shared/methods';
import { MAX_PACK_BYTES } from '../shared/packs';
import { isPackFile, parseMainArgs } from './args';
import { registerIpc } from './ipc';
import { resolveNativeBinding } from './native';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { guardDefaultSession, hardenBeforeReady } from './security';
import { createMainWindow, isOurWebContents } from './window';

declare const __RAADSMAP_VERSION__: string;

/** dist/electron/main.cjs → the checkout (or app.asar) root. */
const APP_ROOT = resolve(__dirname, '..', '..');
const RENDERER_DIR = join(__dirname, '..', 'renderer');
const PRELOAD_PATH = join(__dirname, 'preload.cjs');

let services: Services | undefined;
let backupScheduler: BackupScheduler | undefined;
let mainWindow: BrowserWindow | null = null;

function log(message: string): void {
  process.stderr.write(`raadsmap: ${message}\n`);
}

let failed = false;

/** Shows a fatal error in both languages (once) and quits with exit code 1. */
function fail(nl: string, en: string): void {
  if (failed) return;
  failed = true;
  log(`${nl}\n${en}`);
  if (app.isReady()) dialog.showErrorBox('Raadsmap', `${nl}\n\n${en}`);
  app.exit(1);
}

/**
 * `.raadsmap` packs the OS asked us to open. Recorded only for now: importing a pack (verify,
 * confirm, install) is wired by the packs feature.
 */
const pendingPackFiles: string[] = [];

function recordPackFile(file: string): void {
  pendingPackFiles.push(resolve(file));
  deliverPackFiles();
}

/**
 * Hands double-clicked `.raadsmap` files to the page, which opens its install dialog (signature,
 * trust and version checks happen there, through packs.inspect/packs.install). Files wait until
 * the window has loaded.
 */
function deliverPackFiles(): void {
  const win = mainWindow;
  if (!win || win.isDestroyed() || win.webContents.isLoading()) return;
  while (pendingPackFiles.length > 0) {
    const file = pendingPackFiles.shift()!;
    try {
      if (statSync(file).size > MAX_PACK_BYTES) throw new Error('too large');
      const dataBase64 = readFileSync(file).toString('base64');
      win.webContents.send(OPEN_FILE_CHANNEL, { fileName: basename(file), dataBase64 });
    } catch (error) {
      log(`could not open ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function showWindow(): void {
  if (!app.isReady() || !services) return;
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  const icon = join(resolveResourcesDir(), 'icons', 'raadsmap-512.png');
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, ...(existsSync(icon) ? { icon } : {}) });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  mainWindow.webContents.on('did-finish-load', () => deliverPackFiles());
}

function start(dataDir: string): void {
  const native = resolveNativeBinding({
    isPackaged: app.isPackaged,
    electronVersion: process.versions.electron ?? '',
    appRoot: APP_ROOT,
  });
  if (native.kind === 'missing') return fail(native.nl, native.en);

  let opened: Services;
  try {
    opened = openServices({ dataDir, ...(native.kind === 'binding' ? { nativeBinding: native.path } : {}) });
  } catch (error) {
    if (isRaadsmapError(error)) return fail(error.nl, error.en);
    const detail = error instanceof Error ? error.message : String(error);
    return fail(
      `Raadsmap kon de gegevens in ${dataDir} niet openen: ${detail}`,
      `Raadsmap could not open ${dataDir}: ${detail}`,
    );
  }
  services = opened;

  const version = typeof __RAADSMAP_VERSION__ === 'string' ? __RAADSMAP_VERSION__ : app.getVersion();
  // Daily backups (data folder and the chosen second folder), made asynchronously: the UI never waits.
  backupScheduler = new BackupScheduler({
    notesDb: opened.notesDb,
    dataDir,
    settings: opened.settings,
    version,
    log,
  });
  backupScheduler.start();
  guardDefaultSession();
  handleAppProtocol(RENDERER_DIR);
  registerIpc(createHandlers({ services: opened, transport: 'ipc', version, backupScheduler }), isOurWebContents);
  showWindow();
}

function main(): void {
  const args = parseMainArgs(process.argv.slice(1));
  const dataDir = resolveDataDir(args.dataDir);

  // In development Electron runs dist/electron/main.cjs without our package.json: name the app
  // ourselves. Chromium's profile lives in the data folder, so `--data DIR` isolates a run fully
  // (and the single-instance lock, which is per profile, lets test runs sit side by side).
  app.setName('Raadsmap');
  app.setPath('userData', dataDir);

  if (!app.requestSingleInstanceLock()) {
    // Another Raadsmap has this data folder open; it receives our argv in 'second-instance'.
    app.quit();
    return;
  }

  hardenBeforeReady();
  registerAppScheme();

  for (const file of args.packFiles) recordPackFile(file);
  app.on('second-instance', (_event, argv) => {
    for (const file of parseMainArgs(argv.slice(1)).packFiles) recordPackFile(file);
    showWindow();
  });
  // macOS delivers double-clicked files this way, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (isPackFile(file)) recordPackFile(file);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => showWindow());
  app.on('will-quit', () => {
    // A backup still copying is abandoned (its temporary file is removed); closing ends it.
    void backupScheduler?.stop();
    backupScheduler = undefined;
    services?.close();
    services = undefined;
  });

  app
    .whenReady()
    .then(() => start(dataDir))
    .catch((error: unknown) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      fail(`Raadsmap kon niet starten: ${detail}`, `Raadsmap could not start: ${detail}`);
    });
}

main();
