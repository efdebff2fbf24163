/**
 * The one contract between renderer and main. Every call the renderer may make is listed here
 * with the schema of its argument and of its result. Main validates every payload against it
 * (Electron IPC and the loopback bridge alike); the renderer's client is typed by it.
 *
 * This file is imported by main, preload, bridge and renderer: it may import zod and types only.
 */
import { z } from 'zod';
import type { MethodName } from './methods';
import {
  annotationCreateSchema,
  annotationSchema,
  annotationUpdateSchema,
  HIGHLIGHT_COLOR_IDS,
  highlightColorSchema,
  positionPatchSchema,
  positionSchema,
  tagInfoSchema,
  tagNameSchema,
  ANCHOR_STATES,
} from './notes';
import {
  backupInfoSchema,
  backupStatusSchema,
  exportRequestSchema,
  exportResultSchema,
  restoreReportSchema,
} from './export';
import { packMethods } from './packs';
import { documentSummarySchema, letterDocumentSchema } from './schemas';

export const localeSchema = z.enum(['nl', 'en']);
export const themeSchema = z.enum(['system', 'light', 'dark']);

export const settingsSchema = z.object({
  locale: localeSchema,
  /** Reading text size in percent of the default (100). */
  fontScale: z.number().int().min(80).max(200),
  theme: themeSchema,
  /**
   * A second folder for the automatic daily backups (a USB stick, a network share), as an absolute
   * path. Absent while none is chosen (the app then shows a reminder); `null` in an update clears it.
   */
  backupFolder: z
    .string()
    .min(1)
    .max(4096)
    .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'absolute path')
    .nullable()
    .optional(),
});

export const settingsPatchSchema = settingsSchema.partial().strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const bilingual = z.object({ nl: z.string(), en: z.string() });
const searchText = z.string().max(1000);

export const searchTermSchema = z.object({ folded: z.string(), stem: z.string(), prefix: z.boolean() });

export const searchHitSchema = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  reference: z.string().nullable(),
  date: z.string().nullable(),
  section: z.string().nullable(),
  sectionId: z.string().nullable(),
  paragraphId: z.string().nullable(),
  decisionLabel: z.string().nullable(),
  noteId: z.string().nullable(),
  kind: z.enum(['text', 'heading', 'decision', 'note']),
  /** Plain text with matched words in `<mark>…</mark>`; every other `<`, `>`, `&` escaped. */
  snippet: z.string(),
  score: z.number(),
});

export const searchResponseSchema = z.object({
  query: z.string(),
  total: z.number().int().min(0),
  hits: z.array(searchHitSchema),
  documents: z.array(z.object({ documentId: z.string(), title: z.string(), count: z.number().int() })),
  terms: z.array(searchTermSchema),
  mode: z.enum(['normal', 'derivation']),
  didYouMean: z.string().nullable(),
  message: bilingual.nullable(),
});

export const suggestionSchema = z.object({
  text: z.string(),
  kind: z.enum(['word', 'heading', 'title']),
  documentId: z.string().nullable(),
  sectionId: z.string().nullable(),
  count: z.number().int(),
});

/** A match inside one letter: a paragraph's text, a section title or the letter title (UTF-16 offsets). */
export const documentMatchSchema = z.object({
  target: z.enum(['paragraph', 'section-title', 'title']),
  /** Paragraph id for `paragraph`, section id for `section-title`, null for `title`. */
  id: z.string().nullable(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

const docId = z.string().min(1).max(200);
const annotationId = z.string().min(1).max(200);
const decisionLabel = z.string().min(1).max(20);
const tagId = z.number().int().min(1);
const deletedTagSchema = z
  .object({
    name: z.string().min(1).max(200),
    annotationIds: z.array(annotationId).max(100_000),
    documentIds: z.array(docId).max(100_000),
  })
  .strict();

export const importReportSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  kept: z.number().int(),
  anchors: z.record(z.enum(ANCHOR_STATES), z.number().int()),
  ids: z.array(z.string()),
  skipped: z.array(z.object({ index: z.number().int(), nl: z.string(), en: z.string() })),
});

/** Largest annotation file the app accepts (base64 of 20 MB). */
const MAX_NOTES_IMPORT_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4;

/** Largest letter the app accepts, base64 inflates by 4/3. */
const MAX_IMPORT_BASE64 = Math.ceil((50 * 1024 * 1024 + 1) / 3) * 4 + 4;

/** Largest backup the app restores through the contract (50 MB; the CLI takes any size). */
const MAX_BACKUP_BASE64 = Math.ceil((50 * 1024 * 1024) / 3) * 4 + 4;

export const contract = {
  'app.info': {
    args: z.object({}).strict(),
    result: z.object({
      name: z.string(),
      version: z.string(),
      dataDir: z.string(),
      transport: z.enum(['ipc', 'bridge']),
    }),
  },
  'settings.get': {
    args: z.object({}).strict(),
    result: settingsSchema,
  },
  'settings.update': {
    args: settingsPatchSchema,
    result: settingsSchema,
  },
  'library.list': {
    args: z.object({}).strict(),
    result: z.array(documentSummarySchema),
  },
  'documents.get': {
    args: z.object({ id: z.string().min(1).max(200) }).strict(),
    result: letterDocumentSchema,
  },
  'letters.import': {
    args: z
      .object({
        fileName: z.string().min(1).max(500),
        /** The file's bytes, base64. */
        dataBase64: z.string().max(MAX_IMPORT_BASE64),
      })
      .strict(),
    result: z.object({ documentId: z.string(), title: z.string(), decisionCount: z.number().int() }),
  },
  'search.query': {
    args: z
      .object({
        text: searchText,
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).max(10_000).optional(),
        documentIds: z.array(z.string().min(1).max(200)).max(500).optional(),
        sectionId: z.string().min(1).max(200).optional(),
        dateFrom: isoDate.optional(),
        dateTo: isoDate.optional(),
        tags: z.array(z.string().min(1).max(200)).max(50).optional(),
        onlyNotes: z.boolean().optional(),
        /** Also count hits per letter over all matches (`documents`). */
        facets: z.boolean().optional(),
      })
      .strict(),
    result: searchResponseSchema,
  },
  'search.suggest': {
    args: z.object({ text: searchText, limit: z.number().int().min(1).max(20).optional() }).strict(),
    result: z.array(suggestionSchema),
  },
  'search.inDocument': {
    args: z.object({ documentId: z.string().min(1).max(200), text: searchText }).strict(),
    result: z.object({
      terms: z.array(searchTermSchema),
      matches: z.array(documentMatchSchema),
      message: bilingual.nullable(),
    }),
  },
  'notes.colors': { args: z.object({}).strict(), result: z.array(highlightColorSchema) },
  'notes.renameColor': {
    args: z.object({ id: z.enum(HIGHLIGHT_COLOR_IDS), label: z.string().min(1).max(40) }).strict(),
    result: z.array(highlightColorSchema),
  },
  'notes.overview': {
    args: z.object({}).strict(),
    result: z.object({
      annotations: z.array(annotationSchema.extend({ documentTitle: z.string() })),
      positions: z.array(positionSchema.extend({ documentTitle: z.string() })),
      documentTags: z.record(z.string(), z.array(z.string())),
    }),
  },
  'notes.import': {
    args: z
      .object({ fileName: z.string().min(1).max(500), dataBase64: z.string().max(MAX_NOTES_IMPORT_BASE64) })
      .strict(),
    result: importReportSchema,
  },
  'annotations.list': { args: z.object({ documentId: docId.optional() }).strict(), result: z.array(annotationSchema) },
  'annotations.create': { args: annotationCreateSchema, result: annotationSchema },
  'annotations.update': { args: annotationUpdateSchema, result: annotationSchema },
  'annotations.delete': {
    args: z.object({ id: annotationId }).strict(),
    result: z.object({ id: z.string(), linkedDecisions: z.array(z.string()) }),
  },
  'annotations.restore': { args: z.object({ id: annotationId }).strict(), result: annotationSchema },
  'tags.list': { args: z.object({}).strict(), result: z.array(tagInfoSchema) },
  'tags.rename': { args: z.object({ id: tagId, name: tagNameSchema }).strict(), result: z.array(tagInfoSchema) },
  'tags.merge': {
    args: z.object({ sourceIds: z.array(tagId).min(1).max(1000), targetId: tagId }).strict(),
    result: z.array(tagInfoSchema),
  },
  'tags.delete': { args: z.object({ id: tagId }).strict(), result: deletedTagSchema },
  'tags.restore': { args: deletedTagSchema, result: z.array(tagInfoSchema) },
  'documents.setTags': {
    args: z.object({ documentId: docId, tags: z.array(tagNameSchema).max(50) }).strict(),
    result: z.array(z.string()),
  },
  'documents.allTags': { args: z.object({}).strict(), result: z.record(z.string(), z.array(z.string())) },
  'positions.list': { args: z.object({ documentId: docId }).strict(), result: z.array(positionSchema) },
  'positions.save': {
    args: z.object({ documentId: docId, decisionLabel, patch: positionPatchSchema }).strict(),
    result: positionSchema,
  },
  'positions.link': {
    args: z.object({ documentId: docId, decisionLabel, annotationId, linked: z.boolean() }).strict(),
    result: positionSchema,
  },
  /** An export of the chosen letters, tags and parts; the renderer saves the bytes. */
  'export.create': { args: exportRequestSchema, result: exportResultSchema },
  /** A backup of everything the user wrote, as one file for the renderer to save. */
  'backup.create': {
    args: z.object({}).strict(),
    result: z.object({ fileName: z.string(), dataBase64: z.string(), info: backupInfoSchema }),
  },
  'backup.status': { args: z.object({}).strict(), result: backupStatusSchema },
  /** Restores a backup file the user chose (merged by id; see core/backup/restore.ts). */
  'backup.restore': {
    args: z
      .object({ fileName: z.string().min(1).max(500), dataBase64: z.string().min(1).max(MAX_BACKUP_BASE64) })
      .strict(),
    result: restoreReportSchema,
  },
  ...packMethods,
} as const satisfies Record<MethodName, { args: z.ZodType; result: z.ZodType }>;

// Every method name has a schema and every schema a name.
type _Exact = [keyof typeof contract] extends [MethodName]
  ? [MethodName] extends [keyof typeof contract]
    ? true
    : never
  : never;
const _exact: _Exact = true;
void _exact;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Args<M extends Method> = z.input<Contract[M]['args']>;
export type Result<M extends Method> = z.output<Contract[M]['result']>;
export type Settings = z.output<typeof settingsSchema>;
export type SearchResponse = z.output<typeof searchResponseSchema>;
export type SearchHit = z.output<typeof searchHitSchema>;
export type Suggestion = z.output<typeof suggestionSchema>;
export type DocumentMatch = z.output<typeof documentMatchSchema>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What crosses a transport: a value or a user-facing error in both languages. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; nl: string; en: string } };

/** The API object the renderer sees, over IPC (`window.raadsmap`) or over the bridge. */
export type RaadsmapApi = {
  [M in Method]: (args: Args<M>) => Promise<Result<M>>;
};
