/**
 * The contract's shapes for content packs: installing, inspecting, updates ("Wat is er veranderd"),
 * the per-note report, trusted publisher keys, and the griffie's pack builder.
 * Imported by main and renderer: zod and types only.
 */
import { z } from 'zod';
import { ANCHOR_STATES, STANCES } from './notes-constants';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const docId = z.string().min(1).max(200);

/** Largest pack the app opens through the contract (the CLI reads up to the format's 200 MB). */
export const MAX_PACK_BYTES = 100 * 1024 * 1024;
const MAX_PACK_BASE64 = Math.ceil(MAX_PACK_BYTES / 3) * 4 + 4;
/** Largest single letter file for the griffie screen (as for letter import). */
const MAX_LETTER_BASE64 = Math.ceil((50 * 1024 * 1024 + 1) / 3) * 4 + 4;

export const meetingSchema = z.object({
  /** The general members' meeting (ALV) or council meeting the pack prepares. */
  date: isoDate.nullable(),
  /** Last day to submit amendments and motions. */
  amendmentDeadline: isoDate.nullable(),
});

export const packSourceSchema = z.enum(['bundled', 'file', 'local']);

export const installedPackSchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.number().int(),
  publisher: z.string().nullable(),
  issued: isoDate.nullable(),
  source: packSourceSchema,
  installedAt: z.string(),
  documentCount: z.number().int(),
  meeting: meetingSchema.nullable(),
  /** The publisher key that signed the installed version; null for bundled, local or unsigned packs. */
  fingerprint: z.string().nullable(),
});

export const signatureInfoSchema = z.object({
  state: z.enum(['unsigned', 'valid', 'invalid']),
  /** SHA-256 of the signer's public key (hex), when signed. */
  fingerprint: z.string().nullable(),
  /** Whether this computer already trusts that key. */
  trusted: z.boolean(),
});

const docRef = z.object({ id: z.string(), title: z.string() });

export const packDocumentPreviewSchema = z.object({
  id: z.string(),
  title: z.string(),
  reference: z.string().nullable(),
  date: z.string().nullable(),
  sections: z.array(z.object({ title: z.string(), level: z.number().int() })),
  decisions: z.array(z.object({ label: z.string(), text: z.string() })),
  paragraphCount: z.number().int(),
  originalName: z.string(),
  tags: z.array(z.string()),
});

/** What a pack file holds and what installing it would do, before anything is written. */
export const packPreviewSchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.number().int(),
  issued: z.string().nullable(),
  publisher: z.string().nullable(),
  meeting: meetingSchema.nullable(),
  changelog: z.string().nullable(),
  documents: z.array(packDocumentPreviewSchema),
  signature: signatureInfoSchema,
  installedVersion: z.number().int().nullable(),
  /** new: not installed; update: newer than installed; same/older: would be refused. */
  verdict: z.enum(['new', 'update', 'same', 'older']),
  /** Compared with what is shown now (by document id). */
  changes: z.object({ added: z.array(docRef), changed: z.array(docRef), removed: z.array(docRef) }),
  /** Why this pack cannot be installed whatever the user confirms (e.g. unsigned over the default content). */
  blocked: z.object({ nl: z.string(), en: z.string() }).nullable(),
});

export const anchorCountsSchema = z.record(z.enum(ANCHOR_STATES), z.number().int());

/** One install, update or removal, as listed under "Wat is er veranderd". */
export const packUpdateSummarySchema = z.object({
  id: z.number().int(),
  packId: z.string(),
  packTitle: z.string(),
  kind: z.enum(['install', 'update', 'remove']),
  fromVersion: z.number().int().nullable(),
  toVersion: z.number().int().nullable(),
  at: z.string(),
  added: z.array(docRef),
  changed: z.array(docRef),
  removed: z.array(docRef),
  /** What happened to the user's notes on the changed letters (notes on untouched letters count as anchored). */
  notes: anchorCountsSchema,
  /** Positions whose decision text changed or disappeared in this update. */
  positionsToReview: z.number().int(),
});

export const wordOpSchema = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });

/** A letter's paragraph-level diff; runs of unchanged paragraphs are collapsed to a count. */
export const blockDiffSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('same'), count: z.number().int() }),
  z.object({ op: z.literal('added'), text: z.string() }),
  z.object({ op: z.literal('removed'), text: z.string() }),
  z.object({ op: z.literal('moved'), text: z.string() }),
  z.object({ op: z.literal('changed'), words: z.array(wordOpSchema) }),
]);

export const noteReportEntrySchema = z.object({
  annotationId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  /** ongewijzigd / verplaatst / controleren / verweesd. */
  state: z.enum(ANCHOR_STATES),
  /** The note's state now (the user may have re-attached or accepted it since). */
  current: z.enum(ANCHOR_STATES).nullable(),
  quote: z.string(),
  note: z.string(),
  deleted: z.boolean(),
});

export const positionReviewSchema = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  decisionLabel: z.string(),
  stance: z.enum(STANCES),
  reason: z.enum(['changed', 'removed']),
  oldText: z.string().nullable(),
  newText: z.string().nullable(),
});

export const packUpdateDetailSchema = packUpdateSummarySchema.extend({
  documents: z.array(z.object({ id: z.string(), title: z.string(), blocks: z.array(blockDiffSchema) })),
  report: z.array(noteReportEntrySchema),
  positions: z.array(positionReviewSchema),
});

export const trustedKeySchema = z.object({
  fingerprint: z.string(),
  label: z.string(),
  addedAt: z.string(),
});

export const installProgressSchema = z
  .object({
    phase: z.enum(['verify', 'read', 'install', 'reanchor', 'done']),
    done: z.number().int(),
    total: z.number().int(),
  })
  .nullable();

const packFileArgs = {
  fileName: z.string().min(1).max(500),
  dataBase64: z.string().min(1).max(MAX_PACK_BASE64),
};

const letterFileSchema = z
  .object({ fileName: z.string().min(1).max(500), dataBase64: z.string().min(1).max(MAX_LETTER_BASE64) })
  .strict();

export const griffieMetaSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    title: z.string().min(1).max(300),
    version: z.number().int().min(1).max(1_000_000),
    publisher: z.string().max(300).nullable(),
    issued: isoDate.nullable(),
    meetingDate: isoDate.nullable(),
    amendmentDeadline: isoDate.nullable(),
    changelog: z.string().max(100_000),
  })
  .strict();

export const griffieDocumentSchema = z
  .object({
    fileName: z.string().min(1).max(500),
    id: docId.optional(),
    tags: z.array(z.string().min(1).max(100)).max(100),
  })
  .strict();

export const griffieParsedSchema = z.object({
  fileName: z.string(),
  document: packDocumentPreviewSchema.omit({ tags: true }).nullable(),
  error: z.object({ code: z.string(), nl: z.string(), en: z.string() }).nullable(),
});

export const packMethods = {
  /** What a pack file holds, its signature and what installing it would change. Writes nothing. */
  'packs.inspect': { args: z.object(packFileArgs).strict(), result: packPreviewSchema },
  /**
   * Installs a pack: signature checked first, then one transaction, then every note re-anchored.
   * `trustFingerprint` trusts a new publisher key the user confirmed; `allowUnsigned` after the warning.
   */
  'packs.install': {
    args: z
      .object({
        ...packFileArgs,
        trustFingerprint: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
        allowUnsigned: z.boolean().optional(),
      })
      .strict(),
    result: packUpdateSummarySchema,
  },
  /** The running install's phase (for the progress bar), or null. */
  'packs.progress': { args: z.object({}).strict(), result: installProgressSchema },
  'packs.list': { args: z.object({}).strict(), result: z.array(installedPackSchema) },
  /** Removes a pack: its letters go, the notes on them stay and return with the pack. */
  'packs.remove': {
    args: z.object({ id: z.string().min(1).max(64) }).strict(),
    result: packUpdateSummarySchema,
  },
  'packs.updates': { args: z.object({}).strict(), result: z.array(packUpdateSummarySchema) },
  'packs.update': { args: z.object({ id: z.number().int().min(1) }).strict(), result: packUpdateDetailSchema },
  'packs.keys': { args: z.object({}).strict(), result: z.array(trustedKeySchema) },
  'packs.untrustKey': {
    args: z.object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    result: z.array(trustedKeySchema),
  },
  /** A letter's original file as its pack carried it (PDF, Word, text), for "open original"; null when none. */
  'documents.original': {
    args: z.object({ id: docId }).strict(),
    result: z.object({ fileName: z.string(), mediaType: z.string(), dataBase64: z.string() }).nullable(),
  },
  /** The griffie screen: parse letter files and show their structure before building. */
  'griffie.preview': {
    args: z.object({ files: z.array(letterFileSchema).min(1).max(200) }).strict(),
    result: z.array(griffieParsedSchema),
  },
  /** Builds (and with a private key, signs) a pack; the renderer saves the bytes. */
  'griffie.build': {
    args: z
      .object({
        files: z.array(letterFileSchema).min(1).max(200),
        meta: griffieMetaSchema,
        documents: z.array(griffieDocumentSchema).max(200),
        privateKeyPem: z.string().min(1).max(10_000).optional(),
      })
      .strict(),
    result: z.object({
      fileName: z.string(),
      dataBase64: z.string(),
      fingerprint: z.string().nullable(),
      documentCount: z.number().int(),
      bytes: z.number().int(),
    }),
  },
} as const;

export type InstalledPackInfo = z.output<typeof installedPackSchema>;
export type PackPreview = z.output<typeof packPreviewSchema>;
export type PackUpdateSummary = z.output<typeof packUpdateSummarySchema>;
export type PackUpdateDetail = z.output<typeof packUpdateDetailSchema>;
export type BlockDiff = z.output<typeof blockDiffSchema>;
export type NoteReportEntry = z.output<typeof noteReportEntrySchema>;
export type PositionReview = z.output<typeof positionReviewSchema>;
export type TrustedKey = z.output<typeof trustedKeySchema>;
export type InstallProgress = z.output<typeof installProgressSchema>;
export type GriffieMeta = z.output<typeof griffieMetaSchema>;
export type GriffieParsed = z.output<typeof griffieParsedSchema>;
