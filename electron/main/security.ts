/**
 * ─── SECURITY REGION ────────────────────────────────────────────────────────────────────────
 * Everything that limits what a page inside Raadsmap can do lives here, in one place to review.
 *
 *   - every renderer is OS-sandboxed (`app.enableSandbox()`, before ready);
 *   - a page may navigate only within app://raadsmap; redirects elsewhere are cancelled;
 *   - `<webview>` is never attached; `window.open` is always denied, and an http(s) link opens
 *     in the user's own browser instead (other schemes: file:, javascript:, smb: … are dropped);
 *   - every permission (camera, notifications, clipboard-read, geolocation, HID, serial …) is denied;
 *   - no remote content: http(s)/ws(s) requests from any page are cancelled (the CSP says the same).
 *
 * The window's own webPreferences (contextIsolation, sandbox, no Node) are in window-options.ts,
 * the IPC sender check in sender.ts, the protocol path guard in protocol-path.ts.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl } from './app-url';

/** Before `ready`: sandbox every renderer whatever its webPreferences say, and guard every webContents. */
export function hardenBeforeReady(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

function refuse(what: string, url: string): void {
  process.stderr.write(`raadsmap: security: refused ${what} to ${url.slice(0, 200)}\n`);
}

function openInBrowser(url: string): void {
  if (!isExternalWebUrl(url)) {
    refuse('opening', url);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => refuse(`opening (${String(error)})`, url));
}

function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain link click on an https URL is the user's intent to read it: show it in their browser.
    if (isExternalWebUrl(event.url)) openInBrowser(event.url);
    else refuse('navigation', event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refuse('frame navigation', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refuse('redirect', event.url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refuse('webview', '<webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
}

export function guardSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    refuse(`permission ${permission}`, 'request');
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (details, callback) => {
      refuse('remote request', details.url);
      callback({ cancel: true });
    },
  );
}

/** After `ready`: guard the default session (the only one Raadsmap uses). */
export function guardDefaultSession(): void {
  guardSession(session.defaultSession);
}
// ─── END SECURITY REGION ────────────────────────────────────────────────────────────────────
