/**
 * How an `app://raadsmap/…` request maps to a file under dist/renderer. No Electron import, so
 * the path-traversal guard is unit-tested under plain Node. Actual taught us this: a custom
 * protocol with a guard instead of `file://`, which would expose the whole disk to the page.
 */
import { extname, resolve } from 'node:path';
import {
  isInside,
  MIME_TYPES,
  mimeTypeFor,
  resolveRendererPath,
  statKind,
  type FileKind,
  type StatFn,
} from '../core/renderer-files';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { isAppUrl } from './app-url';

export { isInside, MIME_TYPES, mimeTypeFor, resolveRendererPath, statKind, type FileKind, type StatFn };

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
