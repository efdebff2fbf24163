/** `raadsmap pack build`: letters (+ optional pack.json) → a `.raadsmap` pack. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { LetterDocument } from '../../shared/model';
import { isoDateSchema } from '../../shared/schemas';
import { RaadsmapError } from '../errors';
import { formatFromFileName } from '../letters/decode';
import { parseLetterFile } from '../letters/extract';
import { parseLetter } from '../letters/parse';
import { writePack, type PackDocumentInput, type PackInput } from './format';

/** Letter files a folder contributes to a pack (other files, such as notes to self, are skipped). */
const LETTER_FILE = /\.(txt|text|md|markdown|pdf|html?|docx)$/i;

/** pack.json, written by a griffier by hand: every field optional but id/title/version in the end. */
export const packJsonSchema = z
  .object({
    id: z.string().optional(),
    title: z.string().optional(),
    version: z.number().int().min(1).optional(),
    publisher: z.string().optional(),
    issued: isoDateSchema.optional(),
    meeting: z
      .object({ date: isoDateSchema.nullable().optional(), amendmentDeadline: isoDateSchema.nullable().optional() })
      .optional(),
    changelog: z.string().optional(),
    documents: z
      .array(z.object({ file: z.string(), id: z.string().optional(), tags: z.array(z.string()).optional() }))
      .optional(),
  })
  .strict();

export type PackJson = z.infer<typeof packJsonSchema>;

export interface BuildOptions {
  id?: string;
  title?: string;
  version?: number;
  onProgress?: (done: number, total: number, fileName: string) => void;
}

export interface BuiltPack {
  input: PackInput;
  bytes: Uint8Array;
}

function readPackJson(file: string): PackJson {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new RaadsmapError('pack-invalid', `${file} is geen geldige JSON.`, `${file} is not valid JSON.`, { cause });
  }
  const parsed = packJsonSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : '';
    throw new RaadsmapError(
      'pack-invalid',
      `${file} klopt niet (${where}).`,
      `${file} is not a valid pack.json (${where}).`,
    );
  }
  return parsed.data;
}

/** Expands folders; finds pack.json; returns letter files in pack.json's order, then by name. */
export function collectInputs(paths: string[]): {
  packJson: PackJson | null;
  packJsonDir: string | null;
  files: string[];
} {
  let packJson: PackJson | null = null;
  let packJsonDir: string | null = null;
  const files: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let stat;
    try {
      stat = statSync(full);
    } catch (cause) {
      throw new RaadsmapError(
        'file-not-found',
        `Bestand of map niet gevonden: ${p}`,
        `File or folder not found: ${p}`,
        { cause },
      );
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) {
        if (name === 'pack.json') {
          packJson = readPackJson(join(full, name));
          packJsonDir = full;
        } else if (LETTER_FILE.test(name)) {
          files.push(join(full, name));
        }
      }
    } else if (basename(full) === 'pack.json') {
      packJson = readPackJson(full);
      packJsonDir = dirname(full);
    } else {
      formatFromFileName(full);
      files.push(full);
    }
  }
  if (packJson?.documents && packJsonDir) {
    const listed = packJson.documents.map((d) => resolve(packJsonDir!, d.file));
    const rest = files.filter((f) => !listed.includes(f));
    return { packJson, packJsonDir, files: [...new Set([...listed, ...rest])] };
  }
  return { packJson, packJsonDir, files };
}

function packIdentity(packJson: PackJson | null, options: BuildOptions) {
  const id = options.id ?? packJson?.id;
  const title = options.title ?? packJson?.title;
  const version = options.version ?? packJson?.version ?? 1;
  if (!id || !title) {
    throw new RaadsmapError(
      'usage',
      'Een pakket heeft een id en een titel nodig: geef --id en --title, of zet ze in pack.json.',
      'A pack needs an id and a title: pass --id and --title, or put them in pack.json.',
    );
  }
  return { id, title, version };
}

function noLetters(): RaadsmapError {
  return new RaadsmapError(
    'usage',
    'Geen brieven gevonden om in het pakket te zetten (.txt, .md, .pdf, .html of .docx).',
    'No letters found to put in the pack (.txt, .md, .pdf, .html or .docx).',
  );
}

function readLetterFile(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (cause) {
    throw new RaadsmapError('file-not-found', `Bestand niet gevonden: ${file}`, `File not found: ${file}`, { cause });
  }
}

/** The pack's input from pack.json (overridden by options) and the parsed letters. */
function assemble(packJson: PackJson | null, options: BuildOptions, documents: PackDocumentInput[]): PackInput {
  const { id, title, version } = packIdentity(packJson, options);
  return {
    id,
    title,
    version,
    issued: packJson?.issued ?? null,
    publisher: packJson?.publisher ?? null,
    ...(packJson?.meeting
      ? {
          meeting: {
            date: packJson.meeting.date ?? null,
            amendmentDeadline: packJson.meeting.amendmentDeadline ?? null,
          },
        }
      : {}),
    ...(packJson?.changelog ? { changelog: packJson.changelog } : {}),
    documents,
  };
}

function entryFor(packJson: PackJson | null, packJsonDir: string | null, file: string) {
  return packJson?.documents?.find((d) => packJsonDir && resolve(packJsonDir, d.file) === file);
}

/** Builds a pack from plain-text and Markdown letters, synchronously (the bundled default content). */
export function buildPack(paths: string[], options: BuildOptions = {}): BuiltPack {
  const { packJson, packJsonDir, files } = collectInputs(paths);
  if (!files.length) throw noLetters();
  packIdentity(packJson, options);
  const documents: PackDocumentInput[] = files.map((file, i) => {
    options.onProgress?.(i, files.length, basename(file));
    const entry = entryFor(packJson, packJsonDir, file);
    const bytes = readLetterFile(file);
    const model: LetterDocument = parseLetter(bytes, basename(file), entry?.id ? { id: entry.id } : {});
    return { model, original: { name: basename(file), bytes }, ...(entry?.tags ? { tags: entry.tags } : {}) };
  });
  options.onProgress?.(files.length, files.length, '');
  const input = assemble(packJson, options, documents);
  return { input, bytes: writePack(input) };
}

/** Builds a pack from letters in any supported format (.txt, .md, .pdf, .html, .docx). */
export async function buildPackFromFiles(paths: string[], options: BuildOptions = {}): Promise<BuiltPack> {
  const { packJson, packJsonDir, files } = collectInputs(paths);
  if (!files.length) throw noLetters();
  packIdentity(packJson, options);
  const documents: PackDocumentInput[] = [];
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i, files.length, basename(file));
    const entry = entryFor(packJson, packJsonDir, file);
    const bytes = readLetterFile(file);
    const model = await parseLetterFile(bytes, basename(file), entry?.id ? { id: entry.id } : {});
    documents.push({ model, original: { name: basename(file), bytes }, ...(entry?.tags ? { tags: entry.tags } : {}) });
  }
  options.onProgress?.(files.length, files.length, '');
  const input = assemble(packJson, options, documents);
  return { input, bytes: writePack(input) };
}

/** The griffie screen's build: letters as bytes, the pack's facts from the form. */
export async function buildPackFromUploads(
  meta: Omit<PackInput, 'documents'>,
  files: Array<{ fileName: string; bytes: Uint8Array; id?: string; tags?: string[] }>,
): Promise<Uint8Array> {
  if (!files.length) throw noLetters();
  const documents: PackDocumentInput[] = [];
  for (const f of files) {
    const model = await parseLetterFile(f.bytes, f.fileName, f.id ? { id: f.id } : {});
    documents.push({
      model,
      original: { name: safeOriginalName(f.fileName), bytes: f.bytes },
      ...(f.tags?.length ? { tags: f.tags } : {}),
    });
  }
  return writePack({ ...meta, documents });
}

/** A file name as it may appear inside a pack (no folders, no reserved characters). */
export function safeOriginalName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? 'brief';
  const clean = base.replace(/[:*?"<>|\0]/g, '_').slice(-200);
  return clean || 'brief';
}
