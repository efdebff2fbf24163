/**
 * Every bad pack a member or griffie may meet, against real data folders: each is refused with a
 * message naming the problem in Dutch and English, and neither content.db nor notes.db changes.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack, buildPackFromFiles } from '../../electron/core/packs/build';
import { PACK_LIMITS } from '../../electron/core/packs/format';
import { openServices, type Services } from '../../electron/core/services';
import { sha256Hex } from '../../electron/core/letters/parse';
import { documentText } from '../../electron/shared/text';
import { RESOURCES, useTempDir } from '../helpers/tmp';
import { buildSpec, digest, DOC, DEFAULT_FOLDER, newKey, SENTENCES } from './packs-helpers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const tmp = useTempDir();
const KEY = newKey();

let dataDir: string;
let s: Services;
let before: string[];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'raadsmap-bad-'));
  s = openServices({ dataDir, resourcesDir: RESOURCES });
  // A user with a note and a trusted griffie pack already installed.
  const { text } = documentText(s.content.getDocument(DOC));
  const start = text.indexOf(SENTENCES.redThread);
  s.notes.createAnnotation({
    documentId: DOC,
    start,
    end: start + SENTENCES.redThread.length,
    color: 'geel',
    note: 'mijn notitie',
  });
  s.packs.install(KEY.sign(buildSpec(mkdtempSync(join(tmpdir(), 'raadsmap-bad-pack-')), { version: 1 })), {
    trustFingerprint: KEY.fingerprint,
  });
  before = [digest(s.contentDb), digest(s.notesDb)];
});

afterAll(() => {
  s.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function expectRefused(bytes: Uint8Array, code: string | RegExp, words: { nl: RegExp; en: RegExp }, options = {}) {
  let error: unknown;
  try {
    s.packs.install(bytes, options);
  } catch (e) {
    error = e;
  }
  expect(error, 'the pack was installed').toBeDefined();
  expect(error).toMatchObject({
    code: expect.stringMatching(code),
    nl: expect.stringMatching(words.nl),
    en: expect.stringMatching(words.en),
  });
  expect([digest(s.contentDb), digest(s.notesDb)]).toEqual(before);
}

/** A ZIP made by hand, for packs our builder would never write. */
function rawPack(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 6 });
}

function manifestFor(docs: Array<{ id: string; model: Uint8Array; original: Uint8Array }>, extra: object = {}) {
  return strToU8(
    JSON.stringify({
      format: 'raadsmap-pack',
      formatVersion: 1,
      id: 'griffie-alv',
      title: 'ALV',
      version: 5,
      issued: null,
      publisher: null,
      documents: docs.map((d) => ({
        id: d.id,
        title: 'Gemeenten 2024',
        sha256: sha256Hex(d.model),
        original: { name: 'brief.txt', sha256: sha256Hex(d.original) },
      })),
      ...extra,
    }),
  );
}

describe('tampered and forged packs', () => {
  it('any single flipped byte — manifest, document, original, ZIP directory or signature — is refused', () => {
    const signed = KEY.sign(buildSpec(tmp(), { version: 2 }));
    const failures: string[] = [];
    for (let i = 0; i < signed.byteLength; i++) {
      const copy = new Uint8Array(signed);
      copy[i] = copy[i]! ^ 0x01;
      try {
        s.packs.install(copy);
        failures.push(`byte ${i} flipped: installed`);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== 'pack-signature-invalid' && code !== 'pack-invalid') failures.push(`byte ${i}: ${code}`);
      }
    }
    expect(failures).toEqual([]);
    expect([digest(s.contentDb), digest(s.notesDb)]).toEqual(before);
  });

  it('a pack signed by another key than the trusted one (--trust) is refused', () => {
    const other = newKey();
    expectRefused(
      other.sign(buildSpec(tmp(), { version: 2 })),
      'pack-wrong-key',
      { nl: /andere sleutel/, en: /another key/ },
      {
        trustKeyPem: KEY.publicPem,
      },
    );
  });

  it('a pack signed by an unknown key is refused until trusted, naming the fingerprint', () => {
    const other = newKey();
    expectRefused(other.sign(buildSpec(tmp(), { version: 2 })), 'pack-untrusted-key', {
      nl: new RegExp(other.fingerprint.slice(0, 4), 'i'),
      en: /does not trust/,
    });
  });

  it('an unsigned pack where a signature is required is refused', () => {
    expectRefused(buildSpec(tmp(), { version: 2 }), 'pack-unsigned', { nl: /niet ondertekend/, en: /not signed/ });
  });
});

describe('broken files', () => {
  it('a truncated pack is refused at any cut', () => {
    const signed = KEY.sign(buildSpec(tmp(), { version: 2 }));
    for (const cut of [10, 100, Math.floor(signed.byteLength / 2), signed.byteLength - 200, signed.byteLength - 1]) {
      expectRefused(signed.subarray(0, cut), /pack-invalid|pack-signature-invalid/, {
        nl: /afgebroken|beschadigd|Raadsmap-pakket|handtekening/,
        en: /truncated|damaged|Raadsmap pack|signature/,
      });
    }
  });

  it('a file that is not a pack is refused', () => {
    expectRefused(strToU8('Dit is een brief, geen pakket.'), 'pack-invalid', {
      nl: /geen Raadsmap-pakket/,
      en: /not a Raadsmap pack/,
    });
    expectRefused(
      rawPack({ 'readme.txt': strToU8('hallo') }),
      'pack-invalid',
      { nl: /ongeldige naam|manifest/, en: /unsafe entry name|manifest/ },
      { allowUnsigned: true },
    );
  });

  it('oversized input is refused before it is unpacked', () => {
    const huge = Buffer.alloc(PACK_LIMITS.fileBytes + 1);
    huge[0] = 0x50;
    huge[1] = 0x4b;
    expectRefused(
      huge,
      'pack-invalid',
      { nl: /groter dan 200 MB|afgebroken/, en: /larger than 200 MB|truncated/ },
      { allowUnsigned: true },
    );
  });

  it('a zip bomb (an entry that unpacks to far more than it weighs) is refused', () => {
    const model = strToU8('{}');
    const bomb = new Uint8Array(20 * 1024 * 1024); // 20 MB of zeros compresses ~1000:1
    const bytes = rawPack({
      'manifest.json': manifestFor([{ id: 'bom', model, original: bomb }]),
      'documents/bom.json': model,
      'originals/bom/brief.txt': bomb,
    });
    expectRefused(
      bytes,
      'pack-invalid',
      { nl: /compressieverhouding/, en: /compression ratio/ },
      { allowUnsigned: true },
    );
  });

  it('a path that escapes the pack is refused', () => {
    for (const name of ['../evil.txt', 'originals/x/../../../evil.txt', '/etc/passwd', 'documents\\..\\evil.json']) {
      const bytes = rawPack({ 'manifest.json': manifestFor([]), [name]: strToU8('x') });
      expectRefused(bytes, 'pack-invalid', { nl: /ongeldige naam/, en: /unsafe entry name/ }, { allowUnsigned: true });
    }
  });

  it('duplicate document ids are refused', () => {
    const built = buildPack([DEFAULT_FOLDER]);
    const model = strToU8(JSON.stringify(built.input.documents[0]!.model));
    const original = built.input.documents[0]!.original.bytes;
    const bytes = rawPack({
      'manifest.json': manifestFor([
        { id: DOC, model, original },
        { id: DOC, model, original },
      ]),
      [`documents/${DOC}.json`]: model,
      [`originals/${DOC}/brief.txt`]: original,
    });
    expectRefused(bytes, 'pack-invalid', { nl: /komt twee keer voor/, en: /occurs twice/ }, { allowUnsigned: true });
  });

  it('an empty pack is refused', () => {
    expectRefused(
      rawPack({ 'manifest.json': manifestFor([]) }),
      'pack-invalid',
      { nl: /geen brieven/, en: /no letters/ },
      {
        allowUnsigned: true,
      },
    );
  });

  it('a manifest that does not match its schema names the field', () => {
    const bytes = rawPack({
      'manifest.json': strToU8(JSON.stringify({ format: 'raadsmap-pack', formatVersion: 1, id: 'X Y' })),
    });
    expectRefused(
      bytes,
      'pack-invalid',
      { nl: /manifest\.json klopt niet \(id/, en: /manifest\.json does not match/ },
      {
        allowUnsigned: true,
      },
    );
  });
});

describe('bad input when building a pack', () => {
  it('a malformed pack.json names the file and the field', () => {
    const dir = tmp();
    cpSync(DEFAULT_FOLDER, dir, { recursive: true });
    writeFileSync(join(dir, 'pack.json'), '{"id": "x", "version": "twee"}');
    expect(() => buildPack([dir])).toThrow(
      expect.objectContaining({
        code: 'pack-invalid',
        nl: expect.stringContaining('version'),
        en: expect.stringContaining('pack.json'),
      }),
    );
    writeFileSync(join(dir, 'pack.json'), '{"id": ');
    expect(() => buildPack([dir])).toThrow(
      expect.objectContaining({ nl: expect.stringContaining('geen geldige JSON') }),
    );
  });

  it('an unreadable PDF and a scanned PDF without text are refused with what to do', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'kapot.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 7)]));
    await expect(buildPackFromFiles([join(dir, 'in')], { id: 'x', title: 'X' })).rejects.toMatchObject({
      code: 'pdf-unreadable',
      nl: expect.stringContaining('kapot.pdf'),
    });
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    const page = pdf.addPage([595, 842]);
    page.drawImage(await pdf.embedPng(png), { x: 0, y: 0, width: 595, height: 842 });
    writeFileSync(join(dir, 'in', 'kapot.pdf'), await pdf.save());
    await expect(buildPackFromFiles([join(dir, 'in')], { id: 'x', title: 'X' })).rejects.toMatchObject({
      code: 'pdf-no-text',
      nl: expect.stringMatching(/OCR/),
      en: expect.stringMatching(/OCR/),
    });
    expect(existsSync(join(dir, 'out.raadsmap'))).toBe(false);
  });
});
