/** Runtime schemas for the document model: packs are untrusted input and must match exactly. */
import { z } from 'zod';
import type { LetterDocument, Section } from './model';

const id = z.string().min(1).max(200);

export const textMarkSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  type: z.enum(['em', 'strong']),
});

export const paragraphSchema = z.object({
  id,
  kind: z.enum(['paragraph', 'list-item', 'numbered-item', 'decision', 'salutation', 'closing', 'signature']),
  text: z.string().max(1_000_000),
  marker: z.string().max(20).optional(),
  depth: z.number().int().min(0).max(10).optional(),
  decisionLabel: z.string().max(20).optional(),
  decisionStem: z.boolean().optional(),
  marks: z.array(textMarkSchema).max(10_000).optional(),
});

export const sectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id,
    title: z.string().max(2000).nullable(),
    level: z.number().int().min(0).max(6),
    paragraphs: z.array(paragraphSchema),
    sections: z.array(sectionSchema),
  }),
);

export const decisionSchema = z.object({
  label: z.string().min(1).max(20),
  text: z.string().max(100_000),
  stem: z.string().max(100_000).optional(),
  hash: z.string().regex(/^[0-9a-f]{16}$/),
  paragraphIds: z.array(id),
});

export const metadataFieldSchema = z.object({
  key: z.string().max(40),
  label: z.string().max(100),
  value: z.string().max(2000),
});

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const letterDocumentSchema: z.ZodType<LetterDocument> = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,127}$/),
  title: z.string().min(1).max(2000),
  date: isoDateSchema.nullable(),
  reference: z.string().max(100).nullable(),
  kenmerk: z.string().max(200).nullable(),
  subject: z.string().max(2000).nullable(),
  addressee: z.string().max(2000).nullable(),
  attachments: z.string().max(2000).nullable(),
  signatory: z.string().max(2000),
  metadata: z.array(metadataFieldSchema).max(100),
  sections: z.array(sectionSchema),
  decisions: z.array(decisionSchema).max(1000),
  source: z.object({
    fileName: z.string().max(500),
    format: z.enum(['text', 'markdown', 'pdf', 'html', 'docx']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

export const documentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  reference: z.string().nullable(),
  subject: z.string().nullable(),
  decisionCount: z.number().int(),
  packId: z.string(),
  packTitle: z.string(),
  /** The meeting this letter's pack prepares, from the pack's manifest. */
  meeting: z.object({ date: isoDateSchema.nullable(), amendmentDeadline: isoDateSchema.nullable() }).nullable(),
  /** The themes the pack's publisher gave this letter (pack.json `tags`), read-only. */
  themes: z.array(z.string()),
});
