/**
 * What the user writes: annotations (highlights with notes), tags and positions on requested
 * decisions. Plain data shared by the core, the contract and the renderer.
 */
import { z } from 'zod';

import {
  ANCHOR_STATES,
  HIGHLIGHT_COLOR_IDS,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  POSITION_STATUSES,
  STANCES,
} from './notes-constants';

export * from './notes-constants';

const text = (max: number) => z.string().max(max);
const tagName = z
  .string()
  .max(MAX_TAG_LENGTH)
  .refine((t) => t.trim().length > 0, 'empty tag');
const iso = z.string();

export const highlightColorSchema = z.object({
  id: z.enum(HIGHLIGHT_COLOR_IDS),
  label: z.string(),
});
export type HighlightColor = z.output<typeof highlightColorSchema>;

export const textQuoteSchema = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() });

export const annotationOriginSchema = z.object({
  creator: z.string().nullable(),
  source: z.string().nullable(),
  importedAt: iso,
  originalId: z.string().nullable(),
});

export const annotationSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  paragraphId: z.string().nullable(),
  color: z.enum(HIGHLIGHT_COLOR_IDS),
  note: z.string(),
  quote: textQuoteSchema,
  position: z.object({ start: z.number().int(), end: z.number().int() }),
  tags: z.array(z.string()),
  anchor: z.enum(ANCHOR_STATES),
  origin: annotationOriginSchema.nullable(),
  /** Labels of the decisions whose position rests on this passage. */
  linkedDecisions: z.array(z.string()),
  createdAt: iso,
  updatedAt: iso,
});
export type Annotation = z.output<typeof annotationSchema>;

export const motionSchema = z.object({
  /** "constaterende dat …" */
  findings: z.string(),
  /** "overwegende dat …" */
  considerations: z.string(),
  /** "verzoekt het college …" */
  requests: z.string(),
});

export const positionSchema = z.object({
  documentId: z.string(),
  decisionLabel: z.string(),
  stance: z.enum(STANCES),
  status: z.enum(POSITION_STATUSES),
  reasoning: z.string(),
  questions: z.string(),
  inbreng: z.string(),
  amendmentText: z.string(),
  motion: motionSchema,
  linkedAnnotationIds: z.array(z.string()),
  /** The decision text when the position was last saved, and whether the letter now says otherwise. */
  decisionText: z.string().nullable(),
  decisionChanged: z.boolean(),
  /** Null while nothing was saved for this decision. */
  updatedAt: iso.nullable(),
});
export type Position = z.output<typeof positionSchema>;

export const positionPatchSchema = z
  .object({
    stance: z.enum(STANCES),
    status: z.enum(POSITION_STATUSES),
    reasoning: text(MAX_NOTE_LENGTH),
    questions: text(MAX_NOTE_LENGTH),
    inbreng: text(MAX_NOTE_LENGTH),
    amendmentText: text(MAX_NOTE_LENGTH),
    motion: z
      .object({
        findings: text(MAX_NOTE_LENGTH),
        considerations: text(MAX_NOTE_LENGTH),
        requests: text(MAX_NOTE_LENGTH),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type PositionPatch = z.input<typeof positionPatchSchema>;

export const tagInfoSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  annotationCount: z.number().int(),
  documentCount: z.number().int(),
});
export type TagInfo = z.output<typeof tagInfoSchema>;

export const annotationCreateSchema = z
  .object({
    documentId: z.string().min(1).max(200),
    /** Offsets in the letter's canonical text (shared/text.ts). */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    color: z.enum(HIGHLIGHT_COLOR_IDS),
    note: text(MAX_NOTE_LENGTH).optional(),
    tags: z.array(tagName).max(50).optional(),
  })
  .strict()
  .refine((a) => a.end > a.start, 'end must be after start');

export const annotationUpdateSchema = z
  .object({
    id: z.string().min(1).max(200),
    note: text(MAX_NOTE_LENGTH).optional(),
    color: z.enum(HIGHLIGHT_COLOR_IDS).optional(),
    tags: z.array(tagName).max(50).optional(),
    /** Re-attach (an orphan or a changed passage) to a new range of the current letter. */
    range: z
      .object({ start: z.number().int().min(0), end: z.number().int().min(1) })
      .strict()
      .optional(),
  })
  .strict();

export { tagName as tagNameSchema };
