import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch, dispatchCall } from '../../electron/api/handlers';
import { RaadsmapError } from '../../electron/core/errors';
import { LOCAL_PACK_ID, openServices } from '../../electron/core/services';
import { contract } from '../../electron/shared/contract';
import { RESOURCES, useTempDir } from '../helpers/tmp';

const tmp = useTempDir();
const STRATEGY = readFileSync(join(RESOURCES, 'default-content', 'gemeenten-2024.txt'));

const LETTER_B = `Datum: 3 maart 2021
Onderwerp: Proef met digitale stemming
Ledenbrief nummer: Lbr. 21/007

Geacht college,

Voorstellen

1. In te stemmen met de proef;
2. De evaluatie te agenderen.

Met vriendelijke groet,

J. Jansen
`;

describe('first start', () => {
  it('installs the bundled default content into content.db, and notes.db starts empty', () => {
    const dataDir = tmp();
    const services = openServices({ dataDir, resourcesDir: RESOURCES });
    try {
      const packs = services.content.listPacks();
      expect(packs).toEqual([
        expect.objectContaining({ id: 'raadsmap-standaard', version: 1, source: 'bundled', documentCount: 1 }),
      ]);
      expect(services.content.listDocuments()).toEqual([
        {
          id: 'lbr-19-030',
          title: 'Gemeenten 2024',
          date: '2019-05-08',
          reference: 'Lbr. 19/030',
          subject: 'Gemeenten 2024',
          decisionCount: 5,
          packId: 'raadsmap-standaard',
          packTitle: 'Raadsmap standaardinhoud',
          meeting: null,
          themes: ['strategie', 'ALV'],
        },
      ]);
      const count = (db: Database.Database, table: string) =>
        (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count(services.notesDb, 'settings')).toBe(0);
      expect(count(services.contentDb, 'decisions')).toBe(5);
    } finally {
      services.close();
    }
  });

  it('a second start keeps the installed content and does not reinstall it', () => {
    const dataDir = tmp();
    const first = openServices({ dataDir, resourcesDir: RESOURCES });
    const installedAt = first.content.listPacks()[0]!.installedAt;
    first.close();
    const second = openServices({ dataDir, resourcesDir: RESOURCES });
    expect(second.content.listPacks()[0]!.installedAt).toBe(installedAt);
    second.close();
  });

  it('the document read back from SQLite equals the parsed model', async () => {
    const { parseLetter } = await import('../../electron/core/letters/parse');
    const services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    try {
      const parsed = parseLetter(STRATEGY, 'gemeenten-2024.txt', { id: 'lbr-19-030' });
      expect(services.content.getDocument('lbr-19-030')).toEqual(parsed);
    } finally {
      services.close();
    }
  });
});

describe('letter import', () => {
  it('imports into the local pack and shows the letter in the library', () => {
    const services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    try {
      const result = services.importLetter(Buffer.from(LETTER_B), 'proef.txt');
      expect(result).toEqual({ documentId: 'lbr-21-007', title: 'Proef met digitale stemming', decisionCount: 2 });
      expect(services.content.listDocuments().map((d) => d.id)).toEqual(['lbr-21-007', 'lbr-19-030']);
      expect(services.content.getPack(LOCAL_PACK_ID)?.source).toBe('local');
      // Importing again replaces the copy; no duplicate.
      services.importLetter(Buffer.from(LETTER_B.replace('de proef', 'de verlengde proef')), 'proef.txt');
      expect(services.content.listDocuments()).toHaveLength(2);
      expect(services.content.getDocument('lbr-21-007').decisions[0]!.text).toBe(
        'In te stemmen met de verlengde proef',
      );
    } finally {
      services.close();
    }
  });

  it('a failed import leaves existing content untouched', () => {
    const services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    try {
      services.importLetter(Buffer.from(LETTER_B), 'proef.txt');
      const before = JSON.stringify(services.content.listDocuments());
      const bad: Array<[Uint8Array, string]> = [
        [Buffer.alloc(0), 'leeg.txt'],
        [Buffer.from([0, 1, 2, 3, 0, 0]), 'binair.txt'],
        [Buffer.from([0x44, 0xe9, 0x0a]), 'latin1.txt'],
        [Buffer.from('a;b;c\n1;2;3\n'), 'tabel.txt'],
        [Buffer.from(LETTER_B), 'brief.docx'],
      ];
      for (const [bytes, name] of bad) {
        expect(() => services.importLetter(bytes, name)).toThrowError(RaadsmapError);
      }
      expect(JSON.stringify(services.content.listDocuments())).toBe(before);
    } finally {
      services.close();
    }
  });
});

describe('the contract', () => {
  const open = () => {
    const services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    return { services, handlers: createHandlers({ services, transport: 'bridge', version: 'test' }) };
  };

  it('every handler result matches its declared schema', async () => {
    const { services, handlers } = open();
    try {
      const calls: Array<[keyof typeof contract, unknown]> = [
        ['app.info', {}],
        ['settings.get', {}],
        ['settings.update', { locale: 'en', fontScale: 150 }],
        ['library.list', {}],
        ['documents.get', { id: 'lbr-19-030' }],
        ['letters.import', { fileName: 'proef.txt', dataBase64: Buffer.from(LETTER_B).toString('base64') }],
      ];
      for (const [method, args] of calls) {
        const envelope = await dispatchCall(handlers, method, args);
        expect(envelope.ok, method).toBe(true);
        if (envelope.ok) expect(contract[method].result.safeParse(envelope.value).success, method).toBe(true);
      }
      expect(services.settings.get()).toEqual({ locale: 'en', fontScale: 150, theme: 'system' });
    } finally {
      services.close();
    }
  });

  it.each([
    ['unknown method', 'fs.readFile', {}],
    ['prototype key', '__proto__', {}],
    ['non-string method', 42, {}],
    ['missing id', 'documents.get', {}],
    ['wrong type', 'documents.get', { id: 7 }],
    ['extra key', 'documents.get', { id: 'lbr-19-030', sql: 'DROP TABLE documents' }],
    ['empty id', 'documents.get', { id: '' }],
    ['font scale out of range', 'settings.update', { fontScale: 5000 }],
    ['unknown locale', 'settings.update', { locale: 'fr' }],
    ['unknown setting', 'settings.update', { nodeIntegration: true }],
    ['array payload', 'library.list', [1, 2]],
    ['string payload', 'library.list', 'x'],
    ['import without data', 'letters.import', { fileName: 'a.txt' }],
    ['oversized import', 'letters.import', { fileName: 'a.txt', dataBase64: 'A'.repeat(72 * 1024 * 1024) }],
  ])('rejects a malformed payload: %s', (_name, method, payload) => {
    const { services, handlers } = open();
    try {
      const envelope = dispatch(handlers, method, payload);
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) {
        expect(envelope.error.code).toBe('invalid-request');
        expect(envelope.error.nl).toMatch(/Ongeldig verzoek/);
        expect(envelope.error.en).toMatch(/Invalid request/);
      }
      expect(services.settings.get()).toEqual({ locale: 'nl', fontScale: 100, theme: 'system' });
    } finally {
      services.close();
    }
  });

  it('a user-facing error crosses the contract in both languages', () => {
    const { services, handlers } = open();
    try {
      const envelope = dispatch(handlers, 'documents.get', { id: 'lbr-99-999' });
      expect(envelope).toEqual({
        ok: false,
        error: {
          code: 'document-not-found',
          nl: 'Het document "lbr-99-999" is niet geïnstalleerd.',
          en: 'The document "lbr-99-999" is not installed.',
        },
      });
    } finally {
      services.close();
    }
  });
});
