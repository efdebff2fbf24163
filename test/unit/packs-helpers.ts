/**
 * Real packs for the pack tests, built by the project's own builder from the bundled letter and
 * edited copies of it ("v2": a corrected letter), signed with freshly generated keys.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { buildPack } from '../../electron/core/packs/build';
import { generateKeys, loadPrivateKey, signPackBytes } from '../../electron/core/packs/sign';
import { RESOURCES } from '../helpers/tmp';

export const DEFAULT_FOLDER = join(RESOURCES, 'default-content');
export const LETTER_FILE = 'gemeenten-2024.txt';
export const DOC = 'lbr-19-030';
export const STRATEGY = readFileSync(join(DEFAULT_FOLDER, LETTER_FILE), 'utf8');

/** Sentences of the bundled letter the tests annotate and edit. */
export const SENTENCES = {
  fragmented: 'De politiek raakt, zowel landelijk als lokaal, steeds verder gefragmenteerd.',
  redThread: 'De eerste rode draad is regionale verscheidenheid.',
  decision1c:
    "We gaan -op basis van wederkerigheid- de condities aanscherpen waaronder we met het Rijk en andere overheden samenwerkingsprogramma's uitvoeren",
  twelve: 'Na twaalf provinciale bijeenkomsten en gesprekken met de netwerken',
} as const;

export interface PackSpec {
  id?: string;
  title?: string;
  version?: number;
  publisher?: string;
  meeting?: { date: string | null; amendmentDeadline: string | null };
  /** Edits the letter text (all occurrences are the caller's business). */
  edit?: (text: string) => string;
  /** More letters: file name → text. */
  extra?: Record<string, string>;
  /** Leave the strategy letter out. */
  withoutStrategy?: boolean;
}

/** A pack folder (letters + pack.json) in `dir`, then built into bytes. */
export function buildSpec(dir: string, spec: PackSpec = {}): Uint8Array {
  cpSync(DEFAULT_FOLDER, dir, { recursive: true });
  const docs: Array<{ file: string; id?: string; tags?: string[] }> = [];
  if (spec.withoutStrategy) {
    writeFileSync(join(dir, LETTER_FILE), '');
  } else {
    writeFileSync(join(dir, LETTER_FILE), spec.edit ? spec.edit(STRATEGY) : STRATEGY);
    docs.push({ file: LETTER_FILE, id: DOC, tags: ['strategie'] });
  }
  for (const [name, text] of Object.entries(spec.extra ?? {})) {
    writeFileSync(join(dir, name), text);
    docs.push({ file: name });
  }
  const packJson = {
    id: spec.id ?? 'griffie-alv',
    title: spec.title ?? 'ALV juni 2019',
    version: spec.version ?? 1,
    publisher: spec.publisher ?? 'Griffie Testdorp',
    issued: '2019-05-20',
    ...(spec.meeting ? { meeting: spec.meeting } : {}),
    documents: docs,
  };
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(packJson));
  const files = docs.map((d) => join(dir, d.file));
  return buildPack([join(dir, 'pack.json'), ...files]).bytes;
}

export interface TestKey {
  privatePem: string;
  publicPem: string;
  fingerprint: string;
  sign: (bytes: Uint8Array) => Uint8Array;
}

export function newKey(): TestKey {
  const keys = generateKeys();
  const key = loadPrivateKey(keys.privatePem);
  return { ...keys, sign: (bytes) => signPackBytes(bytes, key).bytes };
}

/** A second letter, for packs with more than one. */
export const LETTER_B = `Aan de leden

Datum: 3 maart 2021
Onderwerp: Proef met digitale stemming
Ledenbrief nummer: Lbr. 21/007

Geacht college en gemeenteraad,

Met deze brief informeren wij u over de proef met digitaal stemmen in de raadzaal.

Gevraagde besluiten

1. In te stemmen met de proef met digitaal stemmen;
2. De evaluatie van de proef te agenderen voor de ALV van 2022.

Met vriendelijke groet,

J. Jansen
`;

/**
 * A digest of everything a database holds (every table, every row), to prove that a refused
 * pack changed nothing: equal digests before and after.
 */
export function digest(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`\n#${table}\n`);
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().all()) {
      hash.update(
        JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)),
      );
    }
  }
  return hash.digest('hex');
}
