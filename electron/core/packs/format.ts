/**
 * The `.raadsmap` pack container, format 1: a ZIP archive of data, never code.
 *
 *   manifest.json              pack id, title, integer version, issued, publisher, documents
 *                              (id, title, SHA-256 of the model and of the original), meeting facts
 *   documents/<id>.json        the structured document model (LetterDocument)
 *   originals/<id>/<file>      the letter as the griffie received it, for "open original"
 *
 * Reading treats the file as untrusted: limits on total size, entry count, per-entry size and
 * compression ratio; entry paths must be the plain names above; every hash is checked; every
 * JSON file is validated against its schema. The Ed25519 signature sits in the ZIP comment and is
 * split off and checked before this reads anything (see sign.ts); `readPack` gets the signed bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { z } from 'zod';
import type { LetterDocument } from '../../shared/model';
import { isoDateSchema, letterDocumentSchema } from '../../shared/schemas';
import { RaadsmapError } from '../errors';
import { sha256Hex } from '../letters/parse';

export const PACK_FORMAT = 'raadsmap-pack';
export const PACK_FORMAT_VERSION = 1;

export const PACK_LIMITS = {
  fileBytes: 200 * 1024 * 1024,
  entries: 12_000,
  entryBytes: 60 * 1024 * 1024,
  totalUncompressedBytes: 500 * 1024 * 1024,
  compressionRatio: 100,
};

const packIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'pack id: lower-case letters, digits, . _ -');

export const manifestSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    id: packIdSchema,
    title: z.string().min(1).max(300),
    version: z.number().int().min(1).max(1_000_000),
    issued: isoDateSchema.nullable(),
    publisher: z.string().max(300).nullable(),
    meeting: z
      .object({ date: isoDateSchema.nullable(), amendmentDeadline: isoDateSchema.nullable() })
      .strict()
      .optional(),
    changelog: z.string().max(100_000).optional(),
    documents: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,127}$/),
            title: z.string().max(2000),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            original: z
              .object({
                name: z.string().regex(/^[^/\\:*?"<>|\0]{1,200}$/),
                sha256: z.string().regex(/^[0-9a-f]{64}$/),
              })
              .strict(),
            tags: z.array(z.string().min(1).max(100)).max(100).optional(),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();

export type PackManifest = z.infer<typeof manifestSchema>;

export interface PackDocumentInput {
  model: LetterDocument;
  original: { name: string; bytes: Uint8Array };
  tags?: string[];
}

export interface PackInput {
  id: string;
  title: string;
  version: number;
  issued: string | null;
  publisher: string | null;
  meeting?: PackManifest['meeting'];
  changelog?: string;
  documents: PackDocumentInput[];
}

export interface ReadPack {
  manifest: PackManifest;
  manifestJson: string;
  documents: LetterDocument[];
  originals: Map<string, Uint8Array>;
}

function invalidPack(nl: string, en: string, cause?: unknown): RaadsmapError {
  return new RaadsmapError('pack-invalid', `Ongeldig pakket: ${nl}`, `Invalid pack: ${en}`, { cause });
}

export function writePack(input: PackInput): Uint8Array {
  const ids = new Set<string>();
  const files: Record<string, Uint8Array> = {};
  const documents: PackManifest['documents'] = input.documents.map((d) => {
    if (ids.has(d.model.id)) {
      throw invalidPack(
        `het document-id "${d.model.id}" komt twee keer voor.`,
        `document id "${d.model.id}" occurs twice.`,
      );
    }
    ids.add(d.model.id);
    const model = strToU8(JSON.stringify(d.model));
    files[`documents/${d.model.id}.json`] = model;
    files[`originals/${d.model.id}/${d.original.name}`] = d.original.bytes;
    return {
      id: d.model.id,
      title: d.model.title,
      sha256: sha256Hex(model),
      original: { name: d.original.name, sha256: sha256Hex(d.original.bytes) },
      ...(d.tags?.length ? { tags: d.tags } : {}),
    };
  });
  const manifest: PackManifest = manifestSchema.parse({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: input.id,
    title: input.title,
    version: input.version,
    issued: input.issued,
    publisher: input.publisher,
    ...(input.meeting ? { meeting: input.meeting } : {}),
    ...(input.changelog ? { changelog: input.changelog } : {}),
    documents,
  });
  // Fixed timestamps: the same input gives the same bytes.
  const mtime = new Date('2000-01-01T00:00:00Z');
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {
    'manifest.json': [strToU8(JSON.stringify(manifest, null, 2)), { mtime }],
  };
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { mtime }];
  return zipSync(entries, { level: 6 });
}

export function readPack(bytes: Uint8Array): ReadPack {
  if (bytes.byteLength > PACK_LIMITS.fileBytes) {
    throw invalidPack('het bestand is groter dan 200 MB.', 'the file is larger than 200 MB.');
  }
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw invalidPack('dit is geen Raadsmap-pakket (.raadsmap).', 'this is not a Raadsmap pack (.raadsmap).');
  }
  let count = 0;
  let total = 0;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        count++;
        total += file.originalSize;
        if (count > PACK_LIMITS.entries) {
          throw invalidPack('te veel bestanden in het pakket.', 'too many entries in the pack.');
        }
        if (!isSafeEntryName(file.name)) {
          throw invalidPack(
            `ongeldige naam "${file.name}" in het pakket.`,
            `unsafe entry name "${file.name}" in the pack.`,
          );
        }
        if (file.originalSize > PACK_LIMITS.entryBytes || total > PACK_LIMITS.totalUncompressedBytes) {
          throw invalidPack('het pakket is uitgepakt te groot.', 'the pack is too large when unpacked.');
        }
        if (file.size > 0 && file.originalSize / file.size > PACK_LIMITS.compressionRatio) {
          throw invalidPack('verdachte compressieverhouding.', 'suspicious compression ratio.');
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof RaadsmapError) throw error;
    throw invalidPack('het bestand is beschadigd.', 'the file is damaged.', error);
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw invalidPack('manifest.json ontbreekt.', 'manifest.json is missing.');
  const manifestJson = strFromU8(manifestBytes);
  const manifest = parseJson(manifestSchema, manifestJson, 'manifest.json');
  if (manifest.documents.length === 0) {
    throw invalidPack('het pakket bevat geen brieven.', 'the pack holds no letters.');
  }
  const seen = new Set<string>();
  for (const d of manifest.documents) {
    if (seen.has(d.id)) {
      throw invalidPack(`het document-id "${d.id}" komt twee keer voor.`, `document id "${d.id}" occurs twice.`);
    }
    seen.add(d.id);
  }
  const known = new Set(['manifest.json']);
  for (const d of manifest.documents) {
    known.add(`documents/${d.id}.json`);
    known.add(`originals/${d.id}/${d.original.name}`);
  }
  const stray = Object.keys(files).find((name) => !known.has(name));
  if (stray) {
    throw invalidPack(`onbekend bestand "${stray}" in het pakket.`, `unknown entry "${stray}" in the pack.`);
  }
  const documents: LetterDocument[] = [];
  const originals = new Map<string, Uint8Array>();
  for (const entry of manifest.documents) {
    const modelBytes = files[`documents/${entry.id}.json`];
    const original = files[`originals/${entry.id}/${entry.original.name}`];
    if (!modelBytes || !original) {
      throw invalidPack(
        `bestanden van document "${entry.id}" ontbreken.`,
        `files of document "${entry.id}" are missing.`,
      );
    }
    if (sha256Hex(modelBytes) !== entry.sha256 || sha256Hex(original) !== entry.original.sha256) {
      throw invalidPack(
        `de controlesom van document "${entry.id}" klopt niet.`,
        `the checksum of document "${entry.id}" does not match.`,
      );
    }
    const model = parseJson(letterDocumentSchema, strFromU8(modelBytes), `documents/${entry.id}.json`);
    if (model.id !== entry.id) {
      throw invalidPack(`document "${entry.id}" draagt een ander id.`, `document "${entry.id}" carries another id.`);
    }
    documents.push(model);
    originals.set(entry.id, original);
  }
  return { manifest, manifestJson, documents, originals };
}

function isSafeEntryName(name: string): boolean {
  if (name === 'manifest.json') return true;
  return (
    /^documents\/[a-z0-9][a-z0-9._-]{0,127}\.json$/.test(name) ||
    (/^originals\/[a-z0-9][a-z0-9._-]{0,127}\/[^/\\:*?"<>|\0]{1,200}$/.test(name) && !name.includes('..'))
  );
}

function parseJson<T>(schema: z.ZodType<T>, text: string, name: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalidPack(`${name} is geen geldige JSON.`, `${name} is not valid JSON.`, error);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : '';
    throw invalidPack(`${name} klopt niet (${where}).`, `${name} does not match its schema (${where}).`);
  }
  return result.data;
}
