/**
 * The pack and griffie calls through the contract, as the renderer makes them (base64 payloads,
 * validated in main): every result matches its schema; bad payloads are refused before a handler runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatchCall } from '../../electron/api/handlers';
import { openServices } from '../../electron/core/services';
import { contract, type Method } from '../../electron/shared/contract';
import { RESOURCES, useTempDir } from '../helpers/tmp';
import { buildSpec, DEFAULT_FOLDER, newKey, SENTENCES } from './packs-helpers';

const tmp = useTempDir();
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('pack calls over the contract', () => {
  it('inspect → install (trusting the key) → updates → update detail → remove, each matching its schema', async () => {
    const services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    const handlers = createHandlers({ services, transport: 'bridge', version: 'test' });
    const call = async (method: Method, args: unknown) => {
      const envelope = await dispatchCall(handlers, method, args);
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.en}`);
      const parsed = contract[method].result.safeParse(envelope.value);
      expect(parsed.success, `${method} result matches its schema`).toBe(true);
      return envelope.value as never;
    };
    try {
      const key = newKey();
      const v1 = key.sign(buildSpec(tmp(), { version: 1, meeting: { date: '2019-06-26', amendmentDeadline: null } }));
      const v2 = key.sign(buildSpec(tmp(), { version: 2, edit: (t) => t.replace(`${SENTENCES.fragmented} `, '') }));
      const preview: { signature: { trusted: boolean; fingerprint: string } } = await call('packs.inspect', {
        fileName: 'alv.raadsmap',
        dataBase64: b64(v1),
      });
      expect(preview.signature).toEqual({ state: 'valid', fingerprint: key.fingerprint, trusted: false });
      const refused = await dispatchCall(handlers, 'packs.install', { fileName: 'alv.raadsmap', dataBase64: b64(v1) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'pack-untrusted-key' } });
      await call('packs.install', { fileName: 'alv.raadsmap', dataBase64: b64(v1), trustFingerprint: key.fingerprint });
      expect(await call('packs.progress', {})).toBeNull();
      const summary: { id: number } = await call('packs.install', { fileName: 'v2.raadsmap', dataBase64: b64(v2) });
      const updates: Array<{ id: number }> = await call('packs.updates', {});
      expect(updates[0]!.id).toBe(summary.id);
      const detail: { documents: unknown[] } = await call('packs.update', { id: summary.id });
      expect(detail.documents).toHaveLength(1);
      const list: Array<{ id: string }> = await call('packs.list', {});
      expect(list.map((p) => p.id).sort()).toEqual(['griffie-alv', 'raadsmap-standaard']);
      const keys: Array<{ fingerprint: string }> = await call('packs.keys', {});
      expect(keys.map((k) => k.fingerprint)).toEqual([key.fingerprint]);
      await call('packs.remove', { id: 'griffie-alv' });
      expect(await call('packs.untrustKey', { fingerprint: key.fingerprint })).toEqual([]);
    } finally {
      services.close();
    }
  });

  it('the griffie screen previews letters (or says why not) and builds a signed pack that installs', async () => {
    const services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    const handlers = createHandlers({ services, transport: 'bridge', version: 'test' });
    try {
      const letter = readFileSync(join(DEFAULT_FOLDER, 'gemeenten-2024.txt'));
      const files = [
        { fileName: 'gemeenten-2024.txt', dataBase64: b64(letter) },
        { fileName: 'scan.pdf', dataBase64: b64(Buffer.from('%PDF-1.7\nkapot')) },
      ];
      const preview = await dispatchCall(handlers, 'griffie.preview', { files });
      expect(preview.ok).toBe(true);
      if (!preview.ok) return;
      expect(contract['griffie.preview'].result.safeParse(preview.value).success).toBe(true);
      const [good, bad] = preview.value as Array<{
        document: { decisions: unknown[] } | null;
        error: { code: string } | null;
      }>;
      expect(good!.document!.decisions).toHaveLength(5);
      expect(bad!.error!.code).toMatch(/^pdf-/);

      const key = newKey();
      const meta = {
        id: 'griffie-testdorp',
        title: 'Raadsvergadering 2 juli',
        version: 1,
        publisher: 'Griffie Testdorp',
        issued: '2019-06-01',
        meetingDate: '2019-07-02',
        amendmentDeadline: '2019-06-25',
        changelog: 'Eerste versie',
      };
      const built = await dispatchCall(handlers, 'griffie.build', {
        files: files.slice(0, 1),
        meta,
        documents: [{ fileName: 'gemeenten-2024.txt', tags: ['strategie'] }],
        privateKeyPem: key.privatePem,
      });
      expect(built.ok).toBe(true);
      if (!built.ok) return;
      const value = built.value as { fileName: string; dataBase64: string; fingerprint: string };
      expect(value.fileName).toBe('griffie-testdorp-v1.raadsmap');
      expect(value.fingerprint).toBe(key.fingerprint);
      const pack = Buffer.from(value.dataBase64, 'base64');
      const preview2 = services.packs.inspect(pack);
      expect(preview2).toMatchObject({
        meeting: { date: '2019-07-02', amendmentDeadline: '2019-06-25' },
        changelog: 'Eerste versie',
        documents: [expect.objectContaining({ tags: ['strategie'] })],
      });
      services.packs.install(pack, { trustFingerprint: key.fingerprint });
      // "Open original": the letter file as the griffie put it in the pack, byte for byte.
      const original = await dispatchCall(handlers, 'documents.original', { id: 'lbr-19-030' });
      expect(original).toMatchObject({ ok: true, value: { fileName: 'gemeenten-2024.txt', mediaType: 'text/plain' } });
      if (original.ok) {
        const value = original.value as { dataBase64: string };
        expect(Buffer.from(value.dataBase64, 'base64').equals(letter)).toBe(true);
      }
      expect(await dispatchCall(handlers, 'documents.original', { id: 'bestaat-niet' })).toEqual({
        ok: true,
        value: null,
      });

      const wrongKey = await dispatchCall(handlers, 'griffie.build', {
        files: files.slice(0, 1),
        meta: { ...meta, version: 2 },
        documents: [],
        privateKeyPem: key.publicPem,
      });
      expect(wrongKey).toMatchObject({ ok: false, error: { code: 'key-invalid' } });
    } finally {
      services.close();
    }
  });

  it.each([
    ['a fingerprint that is not hex', 'packs.install', { fileName: 'a', dataBase64: 'UEs=', trustFingerprint: 'abc' }],
    ['an extra key', 'packs.inspect', { fileName: 'a', dataBase64: 'UEs=', path: '/etc/passwd' }],
    ['no files', 'griffie.preview', { files: [] }],
    [
      'a pack id with capitals',
      'griffie.build',
      { files: [{ fileName: 'a.txt', dataBase64: 'YQ==' }], meta: { id: 'A B' }, documents: [] },
    ],
    ['a non-integer update id', 'packs.update', { id: 1.5 }],
  ])('refuses %s before any handler runs', async (_name, method, args) => {
    const services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    try {
      const envelope = await dispatchCall(
        createHandlers({ services, transport: 'bridge', version: 'test' }),
        method,
        args,
      );
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    } finally {
      services.close();
    }
  });
});
