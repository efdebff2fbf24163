/**
 * The `app://raadsmap/` protocol: the renderer is served from dist/renderer through the guard in
 * protocol-path.ts, never from `file://`, with the CSP on every response.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-url';
import { resolveAppRequest, securityHeaders } from './protocol-path';

/**
 * Must run before `app.whenReady()`. `standard` gives the page a real origin (relative URLs, storage),
 * `secure` makes it a secure context, `supportFetchAPI` lets the page fetch its own assets, and
 * `corsEnabled` lets Chromium load Vite's `<script type="module" crossorigin>` from the scheme.
 * No `bypassCSP`: the CSP header applies to this scheme as to any other.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Serves `rendererDir` on the app scheme (after ready). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolution = resolveAppRequest(rendererDir, request.url, request.method);
    if (resolution.status !== 200) return textResponse(resolution.status, `${resolution.status} ${resolution.reason}`);
    try {
      const body = await readFile(resolution.file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders(), 'Content-Type': resolution.mimeType },
      });
    } catch {
      return textResponse(404, '404 not found');
    }
  });
}
