/**
 * Real packs for the pack e2e tests, built in Node with the project's own code (buildPack and the
 * Ed25519 signing of electron/core/packs): the bundled default content as a new version with a
 * fixed typo, a deleted sentence and a reworded decision; signed, unsigned or tampered with.
 */
import type { Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPack } from '../../electron/core/packs/build';
import { generateKeys, loadPrivateKey, signPackBytes, type GeneratedKeys } from '../../electron/core/packs/sign';
import { ROOT } from './fixtures';
import { SECOND_LETTER } from './notes-fixtures';

export const DEFAULT_CONTENT = join(ROOT, 'resources', 'default-content');
export const LETTER_FILE = 'gemeenten-2024.txt';

/** The sentence v2 deletes (a note on it becomes verweesd). */
export const DELETED_SENTENCE = 'De politiek raakt, zowel landelijk als lokaal, steeds verder gefragmenteerd.';
/** A passage v2 leaves alone (a note on it stays ongewijzigd). */
export const UNCHANGED_SENTENCE = 'De eerste rode draad is regionale verscheidenheid.';
/** The typo v2 fixes. */
export const TYPO = { before: 'maatschappelijk opgaven', after: 'maatschappelijke opgaven' };
/** Decision 1e, reworded in v2. */
export const DECISION_1E = {
  before: 'We beschouwen het stuk tevens als de VNG-Kadernota 2020.',
  after: 'We beschouwen het stuk tevens als de VNG-Kadernota 2020 en 2021.',
};

/** `YYYY-MM-DD` of today plus `days`, in local time (as the app counts days left). */
export function localIsoDate(days: number, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface PackOptions {
  version: number;
  /** Apply v2's edits to the letter (typo, deleted sentence, reworded decision). */
  edit?: boolean;
  meeting?: { date: string | null; amendmentDeadline: string | null };
  changelog?: string;
  /** Sign with this key (PEM); unsigned otherwise. */
  privateKeyPem?: string;
}

/** The bundled default content as a pack file (bytes), optionally edited and signed. */
export function defaultContentPack(options: PackOptions): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'raadsmap-pack-'));
  try {
    cpSync(DEFAULT_CONTENT, dir, { recursive: true });
    const letterPath = join(dir, LETTER_FILE);
    let text = readFileSync(letterPath, 'utf8');
    if (options.edit) {
      if (!text.includes(TYPO.before) || !text.includes(DELETED_SENTENCE) || !text.includes(DECISION_1E.before)) {
        throw new Error('The default letter no longer has the passages the pack tests edit');
      }
      text = text
        .replace(TYPO.before, TYPO.after)
        .replace(`${DELETED_SENTENCE} `, '')
        .replaceAll(DECISION_1E.before, DECISION_1E.after);
      writeFileSync(letterPath, text);
    }
    const packJson = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as Record<string, unknown>;
    packJson.version = options.version;
    if (options.meeting) packJson.meeting = options.meeting;
    if (options.changelog) packJson.changelog = options.changelog;
    writeFileSync(join(dir, 'pack.json'), JSON.stringify(packJson, null, 2));
    let bytes = buildPack([dir]).bytes;
    if (options.privateKeyPem) bytes = signPackBytes(bytes, loadPrivateKey(options.privateKeyPem)).bytes;
    return Buffer.from(bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A new publisher key pair (the griffie's). */
export function publisherKeys(): GeneratedKeys {
  return generateKeys();
}

/** A signed pack with one byte of a letter changed after signing. */
export function tamper(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  // Flip a byte in the middle of the pack (inside the signed content, not the signature block).
  const at = Math.floor(copy.length / 2);
  copy[at] = copy[at]! ^ 0x20;
  return copy;
}

/** Writes bytes to a temporary .raadsmap file (for the file pickers); returns its path. */
export function writeTempPack(bytes: Buffer, name = 'pakket.raadsmap'): string {
  const dir = mkdtempSync(join(tmpdir(), 'raadsmap-packfile-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Drops a file on the window, as dragging it from the desktop does (DataTransfer with a File). */
export async function dropFile(
  page: Page,
  fileName: string,
  bytes: Buffer,
  whileOver?: () => Promise<void>,
): Promise<void> {
  const data = bytes.toString('base64');
  const transfer = await page.evaluateHandle(
    ({ fileName, data }) => {
      const binary = atob(data);
      const array = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) array[i] = binary.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([array], fileName, { type: 'application/octet-stream' }));
      return dt;
    },
    { fileName, data },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.getByTestId('drop-overlay').waitFor();
  await whileOver?.();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

/** The griffie's own pack "ALV juni 2024" with one letter (Lbr. 21/007, "Proef met digitale stemming"). */
export function griffiePack(
  privateKeyPem: string | null,
  meeting: { date: string | null; amendmentDeadline: string | null },
  version = 1,
): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'raadsmap-griffie-'));
  try {
    writeFileSync(join(dir, 'digitale-stemming.txt'), SECOND_LETTER);
    writeFileSync(
      join(dir, 'pack.json'),
      JSON.stringify({
        id: 'alv-juni-2024',
        title: 'ALV juni 2024',
        version,
        publisher: 'Griffie Voorbeeldstad',
        issued: '2024-05-20',
        meeting,
        documents: [{ file: 'digitale-stemming.txt', tags: ['ALV'] }],
      }),
    );
    let bytes = buildPack([dir]).bytes;
    if (privateKeyPem) bytes = signPackBytes(bytes, loadPrivateKey(privateKeyPem)).bytes;
    return Buffer.from(bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
