/**
 * Exports (Markdown, Word, PDF, W3C Web Annotation) and backups of what the user wrote: the
 * options and reports that cross the contract. Plain data and zod schemas only.
 */
import { z } from 'zod';

export const EXPORT_FORMATS = ['md', 'docx', 'pdf', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * What an export holds: `annotations` (highlighted passages with their reference), `notes` (the
 * text written on them), `positions` (stance, reasoning, inbreng, drafts per decision) and
 * `questions` (the open questions per decision). All four when none are named.
 */
export const EXPORT_PARTS = ['annotations', 'notes', 'positions', 'questions'] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  w3c: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
};

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  md: 'md',
  docx: 'docx',
  pdf: 'pdf',
  w3c: 'jsonld',
};

export const exportRequestSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    documentIds: z.array(z.string().min(1).max(200)).max(500).optional(),
    tags: z.array(z.string().min(1).max(200)).max(50).optional(),
    include: z.array(z.enum(EXPORT_PARTS)).min(1).max(EXPORT_PARTS.length).optional(),
  })
  .strict();
export type ExportRequest = z.output<typeof exportRequestSchema>;

export const exportResultSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  dataBase64: z.string(),
  counts: z.object({ letters: z.number().int(), annotations: z.number().int(), positions: z.number().int() }),
});

/** The file name extension of a backup (an SQLite database with application_id 'RSMN'). */
export const BACKUP_EXTENSION = 'rmbackup';

const count = z.number().int().min(0);

export const backupInfoSchema = z.object({
  /** Backup format (the metadata table), 1 for now. */
  format: z.number().int(),
  /** notes.db schema version (PRAGMA user_version) of the snapshot. */
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: z.string(),
  counts: z.object({ annotations: count, positions: count, tags: count }),
});
export type BackupInfo = z.output<typeof backupInfoSchema>;

export const keptNewerSchema = z.object({
  kind: z.enum(['annotation', 'position', 'color']),
  /** Annotation id, `documentId/decisionLabel`, or the colour id. */
  id: z.string(),
  documentId: z.string().nullable(),
  local: z.string().nullable(),
  backup: z.string().nullable(),
});

export const restoreReportSchema = z.object({
  backup: backupInfoSchema,
  annotations: z.object({ added: count, updated: count, kept: count, deleted: count, unchanged: count }),
  positions: z.object({ added: count, updated: count, kept: count, unchanged: count }),
  tags: z.object({ added: count, matched: count }),
  documentTags: z.object({ added: count }),
  colors: z.object({ updated: count, kept: count }),
  settings: z.object({ added: count }),
  /** Local edits that were newer than (or conflicting with) the backup's copy, kept as they were. */
  keptNewer: z.array(keptNewerSchema),
  /** Letters the restored notes are on that are not installed here: they appear when the pack arrives. */
  waitingForLetters: z.array(z.string()),
  /** Where this profile's notes were saved before merging (null when it had none). */
  safetyBackup: z.string().nullable(),
});
export type RestoreReport = z.output<typeof restoreReportSchema>;

export const backupStatusSchema = z.object({
  /** The newest backup in the data folder's `backups/`, or null. */
  last: z.object({ fileName: z.string(), path: z.string(), createdAt: z.string(), size: z.number().int() }).nullable(),
  /** The second backup folder the user chose (settings.backupFolder), or null. */
  folder: z.string().nullable(),
  /** True while no second folder is chosen: the app reminds the user to choose one. */
  reminder: z.boolean(),
  /** The last automatic backup's problem, in both languages, or null. */
  error: z.object({ nl: z.string(), en: z.string() }).nullable(),
});
export type BackupStatus = z.output<typeof backupStatusSchema>;
