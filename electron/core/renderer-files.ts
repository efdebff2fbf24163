/**
 * Which file under the built renderer a URL path names, and its MIME type. Shared by the
 * Electron `app://` protocol and the loopback bridge, so both transports use one path guard.
 * No Electron import: unit-tested under plain Node.
 */
import { statSync } from 'node:fs';
import { extname, posix, resolve, sep, win32 } from 'node:path';

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
