/**
 * How an `app://raadsmap/…` request maps to a file under dist/renderer. No Electron import, so
 * the path-traversal guard is unit-tested under plain Node. Actual taught us this: a custom
 * protocol with a guard instead of `file://`, which would expose the whole disk to the page.
 */
import { statSync } from 'node:fs';
import { extname, posix, resolve, sep, win32 } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { isAppUrl } from './app-url';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app:// response, the same policy the loopback bridge sends. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/** True when `file` is `root` itself or lies below it (both already resolved). */
export function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The file a URL pathname names below `root`, or null when the pathname is refused: undecodable
 * escapes, NUL bytes, `..` segments (also encoded as %2e%2e or hidden behind %2f / %5c),
 * absolute paths (`//etc/passwd`, `C:\…`, `\\server\share`), or anything that resolves outside.
 */
export function resolveRendererPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  if (posix.isAbsolute(relative) || win32.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  if (relative.split(/[\\/]/).some((segment) => segment === '..')) return null;
  const rootResolved = resolve(root);
  const file = resolve(rootResolved, relative);
  return isInside(rootResolved, file) ? file : null;
}

export type FileKind = 'file' | 'directory' | null;
export type StatFn = (file: string) => FileKind;

export const statKind: StatFn = (file) => {
  try {
    const stat = statSync(file);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : null;
  } catch {
    return null;
  }
};

export type AppRequestResolution =
  { status: 200; file: string; mimeType: string } | { status: 404 | 405; reason: string };

/**
 * Resolves one request to the app protocol. Only GET/HEAD on `app://raadsmap/…`; a missing path
 * without an extension is a client-side route and gets index.html; a missing asset is a 404.
 */
export function resolveAppRequest(
  root: string,
  requestUrl: string,
  method = 'GET',
  stat: StatFn = statKind,
): AppRequestResolution {
  if (!isAppUrl(requestUrl)) return { status: 404, reason: 'foreign host' };
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: 'GET only' };
  const pathname = new URL(requestUrl).pathname;
  const file = resolveRendererPath(root, pathname);
  if (file === null) return { status: 404, reason: 'refused path' };
  const kind = stat(file);
  if (kind === 'file') return { status: 200, file, mimeType: mimeTypeFor(file) };
  if (extname(file) !== '') return { status: 404, reason: 'not found' };
  const index = resolve(root, 'index.html');
  if (stat(index) === 'file') return { status: 200, file: index, mimeType: mimeTypeFor(index) };
  return { status: 404, reason: 'renderer not built (run `npm run build`)' };
}
