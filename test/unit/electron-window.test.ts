/**
 * The Electron shell's security decisions, proved under plain Node (no Electron binary here).
 * The pure parts (window options, protocol path guard, IPC sender check, argv, native binding)
 * are imported as they are; the Electron-facing wiring (ipc.ts, security.ts, preload.ts) is
 * imported with a stand-in for the 'electron' module that records what it is asked to do.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Envelope } from '../../electron/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';
import { channelFor, METHOD_NAMES } from '../../electron/shared/methods';
import { APP_ENTRY_URL, isAppUrl, isExternalWebUrl } from '../../electron/main/app-url';
import { parseMainArgs } from '../../electron/main/args';
import { electronNativeBindingPath, resolveNativeBinding } from '../../electron/main/native';
import {
  mimeTypeFor,
  resolveAppRequest,
  resolveRendererPath,
  securityHeaders,
} from '../../electron/main/protocol-path';
import { isTrustedSender } from '../../electron/main/sender';
import { windowOptions, windowWebPreferences } from '../../electron/main/window-options';
import type { PreloadEnvelope } from '../../electron/preload/preload';

// ── A recording stand-in for the 'electron' module ─────────────────────────────────────────
type Listener = (...args: unknown[]) => unknown;
const electronMock = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  return {
    appListeners,
    exposeInMainWorld: vi.fn(),
    invoke: vi.fn(),
    rendererOn: vi.fn(),
    rendererRemoveListener: vi.fn(),
    ipcHandle: vi.fn(),
    ipcRemoveHandler: vi.fn(),
    openExternal: vi.fn(() => Promise.resolve()),
    enableSandbox: vi.fn(),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electronMock.exposeInMainWorld },
  ipcRenderer: {
    invoke: electronMock.invoke,
    on: electronMock.rendererOn,
    removeListener: electronMock.rendererRemoveListener,
  },
  ipcMain: { handle: electronMock.ipcHandle, removeHandler: electronMock.ipcRemoveHandler },
  shell: { openExternal: electronMock.openExternal },
  session: { defaultSession: {} },
  app: {
    enableSandbox: electronMock.enableSandbox,
    on: (event: string, listener: Listener) => electronMock.appListeners.set(event, listener),
  },
}));

// ── Window options ─────────────────────────────────────────────────────────────────────────
describe('window factory options', () => {
  const prefs = windowWebPreferences('/app/dist/electron/preload.cjs');

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
  });

  it('sets nothing that widens what a page may do', () => {
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures', 'partition', 'session']) {
      expect(prefs).not.toHaveProperty(key);
    }
  });

  it('makes the one window: title, minimum size, theme background, shown when ready', () => {
    const light = windowOptions({ preloadPath: '/p.cjs', dark: false });
    const dark = windowOptions({ preloadPath: '/p.cjs', dark: true });
    expect(light.title).toBe('Raadsmap');
    expect(light.show).toBe(false);
    expect(light.minWidth).toBeGreaterThanOrEqual(640);
    expect(light.minHeight).toBeGreaterThanOrEqual(400);
    expect(light.backgroundColor).not.toBe(dark.backgroundColor);
    expect(dark.webPreferences).toEqual(windowWebPreferences('/p.cjs'));
    expect(APP_ENTRY_URL).toBe('app://raadsmap/index.html');
  });
});

// ── app:// protocol path guard ─────────────────────────────────────────────────────────────
describe('app:// protocol', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'raadsmap-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Raadsmap</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
    // The file an attacker would want: right next to the renderer folder.
    writeFileSync(join(base, 'secret.txt'), 'geheim');
    writeFileSync(join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('resolves files below the renderer folder', () => {
    expect(resolveRendererPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveRendererPath(root, '/assets/./app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    ['plain ../', '/../secret.txt'],
    ['nested ../', '/assets/../../secret.txt'],
    ['encoded %2e%2e', '/%2e%2e/secret.txt'],
    ['upper-case %2E%2E', '/%2E%2E/secret.txt'],
    ['encoded slash', '/..%2fsecret.txt'],
    ['encoded slash deeper', '/assets/..%2F..%2Fsecret.txt'],
    ['backslash', '/..%5csecret.txt'],
    ['sibling with shared prefix', '/../renderer-evil.txt'],
    ['absolute POSIX path', '//etc/passwd'],
    ['encoded absolute POSIX path', '/%2Fetc%2Fpasswd'],
    ['Windows drive', '/C:/Windows/win.ini'],
    ['encoded Windows drive', '/C:%5CWindows%5Cwin.ini'],
    ['UNC share', '/%5C%5Cserver%5Cshare'],
    ['NUL byte', '/index.html%00.js'],
    ['malformed escape', '/%E0%A4%A'],
  ])('refuses %s', (_label, pathname) => {
    expect(resolveRendererPath(root, pathname)).toBeNull();
  });

  it('serves the app shell, assets with their MIME type, and the SPA fallback', () => {
    expect(resolveAppRequest(root, 'app://raadsmap/')).toEqual({
      status: 200,
      file: join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest(root, 'app://raadsmap/assets/app.js')).toMatchObject({
      status: 200,
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest(root, 'app://raadsmap/assets/app.css')).toMatchObject({
      mimeType: 'text/css; charset=utf-8',
    });
    // A client-side route has no extension: index.html. A missing asset is a 404, never the shell.
    expect(resolveAppRequest(root, 'app://raadsmap/library/doc-1')).toMatchObject({
      status: 200,
      file: join(root, 'index.html'),
    });
    expect(resolveAppRequest(root, 'app://raadsmap/assets/missing.js')).toMatchObject({ status: 404 });
  });

  it.each([
    ['a foreign host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['traversal in the URL', 'app://raadsmap/%2e%2e/secret.txt'],
    ['encoded traversal', 'app://raadsmap/..%2Fsecret.txt'],
    ['credentials', 'app://user@raadsmap/index.html'],
    ['a port', 'app://raadsmap:8080/index.html'],
  ])('answers 404 for %s', (_label, url) => {
    const resolution = resolveAppRequest(root, url);
    expect(resolution.status).toBe(404);
  });

  it('accepts GET and HEAD only', () => {
    expect(resolveAppRequest(root, 'app://raadsmap/index.html', 'HEAD').status).toBe(200);
    expect(resolveAppRequest(root, 'app://raadsmap/index.html', 'POST').status).toBe(405);
  });

  it('sends the CSP and nosniff on every response', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
    expect(mimeTypeFor('X.SVG')).toBe('image/svg+xml');
  });
});

// ── IPC sender check ───────────────────────────────────────────────────────────────────────
describe('IPC sender check', () => {
  const trusted = { url: 'app://raadsmap/index.html', isMainFrame: true, isOurWindow: true };

  it('accepts the main frame of our window on app://raadsmap', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, url: 'app://raadsmap/index.html#/document/abc' })).toBe(true);
  });

  it.each([
    ['a foreign https origin', 'https://evil.example/index.html'],
    ['a lookalike host', 'app://raadsmap.evil/index.html'],
    ['another app host', 'app://other/index.html'],
    ['file://', 'file:///opt/Raadsmap/resources/app.asar/dist/renderer/index.html'],
    ['the loopback bridge', 'http://127.0.0.1:4321/'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['credentials in the URL', 'app://x@raadsmap/index.html'],
    ['an empty URL', ''],
    ['a frame that is gone', undefined],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSender({ ...trusted, url })).toBe(false);
  });

  it('refuses a subframe and a window we did not create', () => {
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, isOurWindow: false })).toBe(false);
  });
});

describe('IPC wiring (ipc.ts)', () => {
  type Handler = (event: unknown, payload: unknown) => Envelope<unknown>;
  const handlersByChannel = new Map<string, Handler>();
  const appInfo = vi.fn(() => ({ name: 'Raadsmap', version: 't', dataDir: '/d', transport: 'ipc' as const }));

  beforeAll(async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    electronMock.ipcHandle.mockImplementation((channel: string, handler: Handler) => {
      handlersByChannel.set(channel, handler);
    });
    const { registerIpc } = await import('../../electron/main/ipc');
    const handlers = { 'app.info': appInfo } as unknown as Parameters<typeof registerIpc>[0];
    registerIpc(handlers, (id) => id === 7);
  });

  const event = (url: string | undefined, options: { parent?: unknown; senderId?: number } = {}) => ({
    sender: { id: options.senderId ?? 7 },
    senderFrame: url === undefined ? null : { url, parent: options.parent ?? null },
  });

  it('registers exactly one handler per contract method', () => {
    expect([...handlersByChannel.keys()].sort()).toEqual(METHOD_NAMES.map(channelFor).sort());
  });

  it('answers a trusted sender through dispatch', () => {
    appInfo.mockClear();
    const result = handlersByChannel.get(channelFor('app.info'))!(event('app://raadsmap/index.html'), {});
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ name: 'Raadsmap' }) });
    expect(appInfo).toHaveBeenCalledOnce();
  });

  it('validates the payload before a handler runs', () => {
    appInfo.mockClear();
    const result = handlersByChannel.get(channelFor('app.info'))!(event('app://raadsmap/index.html'), { extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(appInfo).not.toHaveBeenCalled();
  });

  it.each([
    ['a foreign origin', event('https://evil.example/')],
    ['a subframe', event('app://raadsmap/index.html', { parent: {} })],
    ['another webContents', event('app://raadsmap/index.html', { senderId: 8 })],
    ['a destroyed frame', event(undefined)],
  ])('refuses %s without running the handler', (_label, ev) => {
    appInfo.mockClear();
    const result = handlersByChannel.get(channelFor('app.info'))!(ev, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(appInfo).not.toHaveBeenCalled();
  });
});

// ── Navigation and permission guards (security.ts) ────────────────────────────────────────
describe('security region (security.ts)', () => {
  interface FakeEvent {
    url: string;
    preventDefault: () => void;
    prevented: boolean;
  }
  const fakeEvent = (url: string): FakeEvent => {
    const e = { url, prevented: false, preventDefault: () => (e.prevented = true) };
    return e;
  };
  const contentsListeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  beforeAll(async () => {
    const { hardenBeforeReady } = await import('../../electron/main/security');
    hardenBeforeReady();
    const contents = {
      on: (name: string, listener: Listener) => contentsListeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof windowOpenHandler) => (windowOpenHandler = handler),
    };
    electronMock.appListeners.get('web-contents-created')!({}, contents);
  });
  beforeEach(() => electronMock.openExternal.mockClear());

  it('sandboxes every renderer', () => {
    expect(electronMock.enableSandbox).toHaveBeenCalled();
  });

  it('allows navigation within app://raadsmap only', () => {
    const inside = fakeEvent('app://raadsmap/index.html');
    contentsListeners.get('will-navigate')!(inside);
    expect(inside.prevented).toBe(false);
    for (const url of ['file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)']) {
      const outside = fakeEvent(url);
      contentsListeners.get('will-navigate')!(outside);
      expect(outside.prevented).toBe(true);
    }
    expect(electronMock.openExternal).not.toHaveBeenCalled();
  });

  it('sends a clicked https link to the OS browser instead of navigating', () => {
    const link = fakeEvent('https://www.vng.nl/');
    contentsListeners.get('will-navigate')!(link);
    expect(link.prevented).toBe(true);
    expect(electronMock.openExternal).toHaveBeenCalledWith('https://www.vng.nl/');
  });

  it('cancels redirects and frame navigations away from the app, and every <webview>', () => {
    for (const name of ['will-redirect', 'will-frame-navigate', 'will-attach-webview']) {
      const e = fakeEvent('https://evil.example/');
      contentsListeners.get(name)!(e);
      expect(e.prevented, name).toBe(true);
    }
  });

  it('denies every new window; only http(s) goes to the OS browser', () => {
    expect(windowOpenHandler!({ url: 'https://www.vng.nl/' })).toEqual({ action: 'deny' });
    expect(electronMock.openExternal).toHaveBeenCalledWith('https://www.vng.nl/');
    electronMock.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'app://raadsmap/index.html', 'smb://server/share', 'javascript:1']) {
      expect(windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(electronMock.openExternal).not.toHaveBeenCalled();
  });

  it('denies every permission request and check, and cancels remote requests', async () => {
    const { guardSession } = await import('../../electron/main/security');
    let requestHandler: Listener | undefined;
    let checkHandler: Listener | undefined;
    let deviceHandler: Listener | undefined;
    let beforeRequest: { filter: { urls: string[] }; listener: Listener } | undefined;
    const session = {
      setPermissionRequestHandler: (h: Listener) => (requestHandler = h),
      setPermissionCheckHandler: (h: Listener) => (checkHandler = h),
      setDevicePermissionHandler: (h: Listener) => (deviceHandler = h),
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => (beforeRequest = { filter, listener }),
      },
    };
    guardSession(session as unknown as Parameters<typeof guardSession>[0]);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler!({}, permission)).toBe(false);
    }
    expect(deviceHandler!({})).toBe(false);
    expect(beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    const callback = vi.fn();
    beforeRequest!.listener({ url: 'https://tracker.example/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('classifies URLs', () => {
    expect(isAppUrl('app://raadsmap/index.html')).toBe(true);
    expect(isExternalWebUrl('https://www.vng.nl/')).toBe(true);
    expect(isExternalWebUrl('http://example.org/')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl(42)).toBe(false);
  });
});

// ── Preload ────────────────────────────────────────────────────────────────────────────────
describe('preload', () => {
  let exposed: Record<string, unknown>;

  beforeAll(async () => {
    await import('../../electron/preload/preload');
    expect(electronMock.exposeInMainWorld).toHaveBeenCalledTimes(2);
    const [name, api] = electronMock.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(name).toBe('raadsmap');
    exposed = api;
  });

  it('exposes one shell event, a double-clicked pack file, as plain data with an unsubscribe', () => {
    const [name, shell] = electronMock.exposeInMainWorld.mock.calls[1] as [
      string,
      { onOpenFile: (cb: (f: unknown) => void) => () => void },
    ];
    expect(name).toBe('raadsmapShell');
    expect(Object.keys(shell)).toEqual(['onOpenFile']);
    expect(Object.isFrozen(shell)).toBe(true);
    const received: unknown[] = [];
    const off = shell.onOpenFile((f) => received.push(f));
    const [channel, listener] = electronMock.rendererOn.mock.calls[0] as [string, (e: unknown, f: unknown) => void];
    expect(channel).toBe('raadsmap:event:open-file');
    listener({ sender: 'secret' }, { fileName: 'a.raadsmap', dataBase64: 'UEs=' });
    listener({}, { fileName: 42 }); // malformed: dropped
    expect(received).toEqual([{ fileName: 'a.raadsmap', dataBase64: 'UEs=' }]);
    off();
    expect(electronMock.rendererRemoveListener).toHaveBeenCalledWith('raadsmap:event:open-file', listener);
  });

  it('exposes exactly the contract methods, frozen, and nothing of ipcRenderer', () => {
    expect(Object.keys(exposed).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) expect(typeof exposed[method]).toBe('function');
    expect(Object.isFrozen(exposed)).toBe(true);
  });

  it('invokes the method channel and resolves to the envelope unchanged', async () => {
    const envelope = { ok: false, error: { code: 'document-not-found', nl: 'Niet gevonden', en: 'Not found' } };
    electronMock.invoke.mockResolvedValueOnce(envelope);
    const call = exposed['documents.get'] as (args: unknown) => Promise<unknown>;
    await expect(call({ id: 'x' })).resolves.toEqual(envelope);
    expect(electronMock.invoke).toHaveBeenCalledWith('raadsmap:documents.get', { id: 'x' });
  });

  it('mirrors the contract envelope type', () => {
    expectTypeOf<PreloadEnvelope>().toEqualTypeOf<Envelope<unknown>>();
  });
});

// ── Command line and native binding ────────────────────────────────────────────────────────
describe('main argv', () => {
  it('reads --data and .raadsmap files, ignoring Chromium switches', () => {
    expect(parseMainArgs(['dist/electron/main.cjs', '--data', '/tmp/d', '--no-sandbox', 'Gemeenten.RAADSMAP'])).toEqual(
      {
        dataDir: '/tmp/d',
        packFiles: ['Gemeenten.RAADSMAP'],
      },
    );
    expect(parseMainArgs(['--data=/x'])).toEqual({ dataDir: '/x', packFiles: [] });
    expect(parseMainArgs(['--data', '--inspect'])).toEqual({ dataDir: undefined, packFiles: [] });
  });
});

describe('native binding', () => {
  it('uses the packaged default, else the Electron-ABI build in .cache', () => {
    expect(resolveNativeBinding({ isPackaged: true, electronVersion: '45.5.0', appRoot: '/r' })).toEqual({
      kind: 'default',
    });
    const path = electronNativeBindingPath('/r', '45.5.0');
    expect(path).toBe(join('/r', '.cache', 'electron-native', '45.5.0', 'better_sqlite3.node'));
    expect(
      resolveNativeBinding({ isPackaged: false, electronVersion: '45.5.0', appRoot: '/r', exists: () => true }),
    ).toEqual({ kind: 'binding', path });
    const missing = resolveNativeBinding({
      isPackaged: false,
      electronVersion: '45.5.0',
      appRoot: '/r',
      exists: () => false,
    });
    expect(missing).toMatchObject({ kind: 'missing', path });
    if (missing.kind === 'missing') {
      expect(missing.nl).toContain('electron-native.mjs');
      expect(missing.en).toContain('electron-native.mjs');
    }
  });
});
