/**
 * The contract methods the app's export and backup dialog uses: `export.create`, `backup.create`,
 * `backup.status`, `backup.restore` — payloads validated, results matching their schemas, errors in
 * both languages, and the asynchronous export answered over the loopback bridge like any call.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch, dispatchCall } from '../../electron/api/handlers';
import { startBridge } from '../../electron/bridge/server';
import { openServices, type Services } from '../../electron/core/services';
import { contract, type Method } from '../../electron/shared/contract';
import { RESOURCES, ROOT, useTempDir } from '../helpers/tmp';
import { canonicalDump, seedNotes } from './export-helpers';

const tmp = useTempDir();

function open(dataDir = tmp()) {
  const services = openServices({ dataDir, resourcesDir: RESOURCES });
  return { services, handlers: createHandlers({ services, transport: 'bridge', version: 'test' }) };
}

async function call(handlers: ReturnType<typeof createHandlers>, method: Method, args: unknown) {
  const envelope = await dispatchCall(handlers, method, args);
  if (envelope.ok) {
    const parsed = contract[method].result.safeParse(envelope.value);
    expect(parsed.success, `${method}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
  }
  return envelope;
}

function closeAll(...list: Services[]) {
  for (const s of list) s.close();
}

describe('export.create', () => {
  it('returns each format as bytes for the renderer to save, with its name, MIME type and counts', async () => {
    const { services, handlers } = open();
    try {
      seedNotes(services);
      const expected = { md: '# Standpuntbepaling', docx: 'PK', pdf: '%PDF-', w3c: '{' } as const;
      for (const format of ['md', 'docx', 'pdf', 'w3c'] as const) {
        const envelope = await call(handlers, 'export.create', { format });
        expect(envelope.ok, format).toBe(true);
        if (!envelope.ok) continue;
        const value = envelope.value as { fileName: string; dataBase64: string; mimeType: string; counts: unknown };
        expect(Buffer.from(value.dataBase64, 'base64').subarray(0, expected[format].length).toString()).toBe(
          expected[format],
        );
        expect(value.counts).toEqual({ letters: 1, annotations: 5, positions: 2 });
      }
      const filtered = await call(handlers, 'export.create', {
        format: 'md',
        documentIds: ['lbr-19-030'],
        tags: ['financiën'],
        include: ['annotations', 'notes'],
      });
      expect(filtered).toMatchObject({ ok: true, value: { counts: { annotations: 2, positions: 0 } } });
    } finally {
      closeAll(services);
    }
  });

  it.each([
    ['an unknown format', { format: 'xlsx' }],
    ['an unknown part', { format: 'md', include: ['everything'] }],
    ['an empty include', { format: 'md', include: [] }],
    ['an extra key', { format: 'md', path: '/etc/passwd' }],
    ['too many letters', { format: 'md', documentIds: Array.from({ length: 501 }, (_, i) => `d${i}`) }],
  ])('refuses %s before anything runs', async (_name, payload) => {
    const { services, handlers } = open();
    try {
      const envelope = await dispatchCall(handlers, 'export.create', payload);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    } finally {
      closeAll(services);
    }
  });

  it('an unknown letter is a bilingual error; the synchronous dispatch refuses an asynchronous call', async () => {
    const { services, handlers } = open();
    try {
      expect(
        await dispatchCall(handlers, 'export.create', { format: 'pdf', documentIds: ['lbr-99-999'] }),
      ).toMatchObject({
        ok: false,
        error: { code: 'document-not-found', nl: expect.any(String), en: expect.any(String) },
      });
      expect(dispatch(handlers, 'export.create', { format: 'md' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', en: expect.stringContaining('asynchronously') },
      });
      // Synchronous calls still answer at once.
      expect(dispatchCall(handlers, 'backup.status', {})).toMatchObject({ ok: true });
    } finally {
      closeAll(services);
    }
  });

  it('answers over the loopback bridge', async () => {
    const services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    const bridge = await startBridge({
      services,
      rendererDir: join(ROOT, 'test'),
      version: 'test',
      token: 'x'.repeat(43),
    });
    try {
      seedNotes(services);
      const post = (path: string, body: string, headers: Record<string, string>) =>
        new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: bridge.port, method: 'POST', path, headers }, (res) => {
            let data = '';
            res.on('data', (d: Buffer) => (data += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
          });
          req.on('error', reject);
          req.end(body);
        });
      const login = await new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port: bridge.port, path: `/?token=${bridge.token}` }, (res) => {
          res.resume();
          resolve(String(res.headers['set-cookie']).split(';')[0]!);
        })
          .on('error', reject)
          .end();
      });
      const res = await post('/api/export.create', JSON.stringify({ format: 'pdf' }), {
        'Content-Type': 'application/json',
        Cookie: login,
      });
      expect(res.status).toBe(200);
      const envelope = JSON.parse(res.body) as { ok: boolean; value: { dataBase64: string; fileName: string } };
      expect(envelope.ok).toBe(true);
      expect(Buffer.from(envelope.value.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await bridge.close();
      services.close();
    }
  });
});

describe('backup.create, backup.status, backup.restore', () => {
  it('a backup made in the app restores through the app into another profile: identical notes', async () => {
    const a = open();
    const b = open();
    try {
      seedNotes(a.services);
      const made = await call(a.handlers, 'backup.create', {});
      expect(made).toMatchObject({
        ok: true,
        value: { fileName: expect.stringMatching(/^raadsmap-backup-.*\.rmbackup$/) },
      });
      if (!made.ok) return;
      const { fileName, dataBase64 } = made.value as { fileName: string; dataBase64: string };
      const restored = await call(b.handlers, 'backup.restore', { fileName, dataBase64 });
      expect(restored).toMatchObject({ ok: true, value: { annotations: { added: 5, deleted: 1 } } });
      expect(canonicalDump(b.services.notesDb).hash).toBe(canonicalDump(a.services.notesDb).hash);
    } finally {
      closeAll(a.services, b.services);
    }
  });

  it('a bad file is refused with its own name in both languages; oversized or empty payloads never run', async () => {
    const { services, handlers } = open();
    try {
      const refused = await call(handlers, 'backup.restore', {
        fileName: 'vakantiefoto.jpg',
        dataBase64: Buffer.from('\xff\xd8\xff\xe0 geen back-up').toString('base64'),
      });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'backup-invalid',
          nl: expect.stringMatching(/^vakantiefoto\.jpg kan niet worden teruggezet/),
          en: expect.stringMatching(/^vakantiefoto\.jpg cannot be restored/),
        },
      });
      for (const payload of [
        { fileName: 'x.rmbackup', dataBase64: '' },
        { fileName: 'x.rmbackup', dataBase64: 'A'.repeat(72 * 1024 * 1024) },
        { fileName: '', dataBase64: 'AAAA' },
        { dataBase64: 'AAAA' },
      ]) {
        expect(await dispatchCall(handlers, 'backup.restore', payload)).toMatchObject({
          ok: false,
          error: { code: 'invalid-request' },
        });
      }
    } finally {
      closeAll(services);
    }
  });

  it('backup.status: no backup yet and a reminder until a second folder is chosen; settings keep that folder', async () => {
    const { services, handlers } = open();
    try {
      expect(await call(handlers, 'backup.status', {})).toEqual({
        ok: true,
        value: { last: null, folder: null, reminder: true, error: null },
      });
      const folder = tmp();
      expect(await call(handlers, 'settings.update', { backupFolder: folder })).toMatchObject({
        ok: true,
        value: { backupFolder: folder },
      });
      expect(await call(handlers, 'backup.status', {})).toMatchObject({ ok: true, value: { folder, reminder: false } });
      expect(await dispatchCall(handlers, 'settings.update', { backupFolder: 'relatief/pad' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
      expect(await call(handlers, 'settings.update', { backupFolder: null })).toMatchObject({ ok: true });
      expect(services.settings.get()).toEqual({ locale: 'nl', fontScale: 100, theme: 'system' });
    } finally {
      closeAll(services);
    }
  });
});
