import { request } from '@playwright/test';
import { expect, test } from './fixtures';

test('the bridge refuses requests without the token or with a foreign Host or Origin', async ({ serve }) => {
  const api = `${serve.origin}/api/library.list`;
  const anonymous = await request.newContext();
  try {
    // No token at all.
    expect((await anonymous.get(`${serve.origin}/`)).status()).toBe(401);
    expect((await anonymous.post(api, { data: {} })).status()).toBe(401);
    // A wrong token.
    expect((await anonymous.get(`${serve.origin}/?token=wrong`)).status()).toBe(401);
    expect((await anonymous.post(api, { data: {}, headers: { Authorization: 'Bearer wrong' } })).status()).toBe(401);
    // The right token works.
    const ok = await anonymous.post(api, { data: {}, headers: { Authorization: `Bearer ${serve.token}` } });
    expect(ok.status()).toBe(200);
    const body = (await ok.json()) as { ok: boolean; value: Array<{ id: string }> };
    expect(body.ok).toBe(true);
    expect(body.value.map((d) => d.id)).toEqual(['lbr-19-030']);
    // Right token, foreign Host (DNS rebinding) or foreign Origin (another site): refused.
    const auth = { Authorization: `Bearer ${serve.token}` };
    expect((await anonymous.post(api, { data: {}, headers: { ...auth, Host: 'evil.example:80' } })).status()).toBe(403);
    expect(
      (await anonymous.post(api, { data: {}, headers: { ...auth, Origin: 'http://evil.example' } })).status(),
    ).toBe(403);
    expect((await anonymous.post(api, { data: {}, headers: { ...auth, Origin: 'null' } })).status()).toBe(403);
    // Not JSON: refused (no form posts from elsewhere).
    expect(
      (
        await anonymous.post(api, {
          data: 'x=1',
          headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
        })
      ).status(),
    ).toBe(415);
    // Payloads are validated in main.
    const bad = await anonymous.post(`${serve.origin}/api/documents.get`, { data: { id: 42 }, headers: auth });
    const badBody = (await bad.json()) as { ok: boolean; error: { code: string } };
    expect(badBody).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await anonymous.post(`${serve.origin}/api/fs.readFile`, { data: {}, headers: auth });
    expect(((await unknown.json()) as { ok: boolean }).ok).toBe(false);
    // Path traversal stays inside the renderer folder.
    const traversal = await anonymous.get(`${serve.origin}/..%2f..%2fpackage.json`, { headers: auth });
    expect(await traversal.text()).not.toContain('"devDependencies"');
  } finally {
    await anonymous.dispose();
  }
});

test('the page carries a strict CSP that blocks inline script', async ({ app: page, serve }) => {
  const response = await page.request.get(`${serve.origin}/`);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("object-src 'none'");

  const violation = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      }),
  );
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.appendChild(script);
  });
  expect(await violation).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  // A script from a data: URL (a common injection route) is blocked as well.
  const dataViolation = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.blockedURI), { once: true });
      }),
  );
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.src = 'data:text/javascript,window.__dataRan=true';
    document.body.appendChild(script);
  });
  expect(await dataViolation).toMatch(/^data/);
  expect(await page.evaluate(() => (window as unknown as { __dataRan?: boolean }).__dataRan)).toBeUndefined();
  // The renderer has no Node.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
});

test('the bridge listens on 127.0.0.1 only', async ({ serve }) => {
  expect(new URL(serve.url).hostname).toBe('127.0.0.1');
  expect(serve.token.length).toBeGreaterThanOrEqual(40);
});
