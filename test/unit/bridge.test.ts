import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { openServices, type Services } from '../../electron/core/services';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';
import { RESOURCES, ROOT, useTempDir } from '../helpers/tmp';

const tmp = useTempDir();
let bridge: Bridge | null = null;
let services: Services | null = null;

afterEach(async () => {
  await bridge?.close();
  services?.close();
  bridge = null;
  services = null;
});

async function start(): Promise<Bridge> {
  services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
  // The renderer folder only needs to exist for these checks; the tests folder stands in for it.
  bridge = await startBridge({ services, rendererDir: join(ROOT, 'test'), version: 'test' });
  return bridge;
}

function call(
  b: Bridge,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: b.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('loopback bridge', () => {
  it('binds to 127.0.0.1 and prints a URL with a long random token', async () => {
    const b = await start();
    expect(b.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const other = await startBridge({ services: services!, rendererDir: join(ROOT, 'test'), version: 'test' });
    expect(other.token).not.toBe(b.token);
    await other.close();
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const b = await start();
    const res = await call(b, { path: `/?token=${b.token}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const withCookie = await call(b, {
      method: 'POST',
      path: '/api/library.list',
      headers: { 'Content-Type': 'application/json', Cookie: cookie.split(';')[0]! },
      body: '{}',
    });
    expect(withCookie.status).toBe(200);
    expect(JSON.parse(withCookie.body)).toMatchObject({ ok: true, value: [{ id: 'lbr-19-030' }] });
  });

  it('refuses no token, a wrong token, a foreign Host and a foreign Origin', async () => {
    const b = await start();
    const json = { 'Content-Type': 'application/json' };
    const auth = { ...json, Authorization: `Bearer ${b.token}` };
    const listStatus = async (headers: Record<string, string>) =>
      (await call(b, { method: 'POST', path: '/api/library.list', headers, body: '{}' })).status;

    expect(await listStatus(json)).toBe(401);
    expect(await listStatus({ ...json, Authorization: 'Bearer nope' })).toBe(401);
    expect((await call(b, { path: '/?token=nope' })).status).toBe(401);
    expect(await listStatus({ ...auth, Host: 'attacker.example' })).toBe(403);
    expect(await listStatus({ ...auth, Host: `127.0.0.1:${b.port + 1}` })).toBe(403);
    expect(await listStatus({ ...auth, Origin: 'https://attacker.example' })).toBe(403);
    expect(await listStatus(auth)).toBe(200);
    expect(await listStatus({ ...auth, Origin: b.origin })).toBe(200);
  });

  it('sends the strict CSP and hardening headers on every response, refusals included', async () => {
    const b = await start();
    for (const res of [
      await call(b, { path: '/' }),
      await call(b, { path: '/', headers: { Authorization: `Bearer ${b.token}` } }),
    ]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('answers invalid JSON and GET on the API with a refusal, never a crash', async () => {
    const b = await start();
    const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${b.token}` };
    const bad = await call(b, { method: 'POST', path: '/api/library.list', headers: auth, body: '{not json' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await call(b, { path: '/api/library.list', headers: auth })).status).toBe(405);
    const traversal = await call(b, { path: '/..%2f..%2fpackage.json', headers: auth });
    expect(traversal.body).not.toContain('devDependencies');
  });
});
