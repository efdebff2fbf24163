/**
 * The loopback bridge behind `npm run serve`: serves the real renderer and the contract over HTTP
 * to a browser on the same machine. 127.0.0.1 only; a per-launch secret token (given once in the
 * printed URL, then kept in an HttpOnly SameSite=Strict cookie); Host and Origin must be our own.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { createHandlers, dispatchCall } from '../api/handlers';
import type { BackupScheduler } from '../core/backup/scheduler';
import { mimeTypeFor, resolveRendererPath, statKind } from '../core/renderer-files';
import type { Services } from '../core/services';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

export interface BridgeOptions {
  services: Services;
  rendererDir: string;
  version: string;
  port?: number;
  /** Fixed token for tests that need one; a fresh random token otherwise. */
  token?: string;
  /** The automatic backups' scheduler `serve` runs (its last problem shows in backup.status). */
  backupScheduler?: BackupScheduler;
}

export interface Bridge {
  url: string;
  origin: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

/** Cookies are not port-bound: the cookie name carries the port so two instances never mix. */
const cookieName = (port: number) => `raadsmap_token_${port}`;
/** Largest API body: a 100 MB content pack (MAX_PACK_BYTES) in base64 plus JSON. */
const MAX_BODY = 140 * 1024 * 1024;

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const handlers = createHandlers({
    services: options.services,
    transport: 'bridge',
    version: options.version,
    ...(options.backupScheduler ? { backupScheduler: options.backupScheduler } : {}),
  });
  const rendererRoot = realpathSync(resolve(options.rendererDir));
  let port = 0;

  const server = createServer((req, res) => {
    securityHeaders(res);
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const allowedOrigins = allowedHosts.map((h) => `http://${h}`);
    if (!req.headers.host || !allowedHosts.includes(req.headers.host)) {
      send(res, 403, 'Onbekende Host geweigerd / Foreign Host refused');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.includes(origin)) {
      send(res, 403, 'Onbekende Origin geweigerd / Foreign Origin refused');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    // The entry URL carries the token once: set the cookie, then drop the token from the address bar.
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null) {
      if (!sameToken(queryToken, token)) {
        send(res, 401, 'Ongeldig token / Invalid token');
        return;
      }
      res.setHeader('Set-Cookie', `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      url.searchParams.delete('token');
      res.statusCode = 303;
      res.setHeader('Location', url.pathname + (url.search || '') + url.hash);
      res.end();
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!sameToken(bearer, token) && !sameToken(cookieToken(req, cookieName(port)), token)) {
      send(
        res,
        401,
        'Geen toegang: open Raadsmap via de link met token die `npm run serve` toont.\n' +
          'Unauthorised: open Raadsmap through the link with the token that `npm run serve` prints.',
      );
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        send(res, 405, 'POST only');
        return;
      }
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        send(res, 415, 'application/json only');
        return;
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      readBody(req)
        .then((body) => {
          let payload: unknown;
          try {
            payload = body ? JSON.parse(body) : {};
          } catch {
            payload = Symbol('invalid json');
          }
          const envelope =
            typeof payload === 'symbol'
              ? { ok: false, error: { code: 'invalid-request', nl: 'Ongeldige JSON.', en: 'Invalid JSON.' } }
              : dispatchCall(handlers, method, payload);
          // Exports answer asynchronously; every other call at once.
          return Promise.resolve(envelope).then((answer) =>
            send(res, 200, JSON.stringify(answer), 'application/json; charset=utf-8'),
          );
        })
        .catch(() => send(res, 413, 'Verzoek te groot / Request too large'));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'GET only');
      return;
    }
    serveStatic(rendererRoot, url.pathname, res);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolvePromise({
        url: `${origin}/?token=${token}`,
        origin,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  let file = resolveRendererPath(root, pathname);
  if (file === null) {
    send(res, 404, 'Not found');
    return;
  }
  if (statKind(file) !== 'file') {
    // Client-side routes fall back to the app shell; missing assets are a 404.
    if (extname(file)) {
      send(res, 404, 'Not found');
      return;
    }
    file = join(root, 'index.html');
    if (statKind(file) !== 'file') {
      send(res, 500, 'Renderer not built: run `npm run build`.');
      return;
    }
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', mimeTypeFor(file));
  res.setHeader(
    'Cache-Control',
    file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store',
  );
  res.end(readFileSync(file));
}
