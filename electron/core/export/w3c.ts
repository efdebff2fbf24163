/**
 * W3C Web Annotation export: one JSON-LD file holding an `AnnotationCollection` whose embedded
 * `first` `AnnotationPage` lists every exported annotation in `items` (all in one page). Each item
 * is a complete annotation (with its own `@context`) made by `toWebAnnotation`, the mapping that
 * `notes import` reads back (notes/w3c.ts): note → TextualBody `commenting`, tags → `tagging`,
 * colour → `classifying`, `target.source` urn:raadsmap:document:<id> with a TextQuoteSelector and a
 * TextPositionSelector. An export without annotations is a collection with `total: 0` and no page.
 *
 * Positions on decisions are not annotations on a passage: they go to the Markdown, Word and PDF
 * exports and to backups.
 */
import { randomUUID } from 'node:crypto';
import { ANNO_CONTEXT, toWebAnnotation, type WebAnnotation } from '../notes/w3c';
import type { ExportData } from './collect';

export interface AnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator?: unknown;
  generated?: string;
  first?: { id: string; type: 'AnnotationPage'; startIndex: number; items: WebAnnotation[] };
}

export function renderW3c(data: ExportData, version = '0.0.0'): AnnotationCollection {
  const items: WebAnnotation[] = [];
  for (const letter of data.letters) {
    for (const a of letter.annotations) {
      // Notes left out of the export leave the highlight alone (motivation highlighting).
      const annotation = toWebAnnotation({ ...a.source, note: a.note }, data.colors, a.creator ?? undefined);
      items.push(annotation);
    }
  }
  const id = `urn:uuid:${randomUUID()}`;
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Raadsmap: notities',
    total: items.length,
    generator: { type: 'Software', name: `Raadsmap ${version}` },
    generated: data.generatedAt.toISOString(),
    ...(items.length
      ? { first: { id: `urn:uuid:${randomUUID()}`, type: 'AnnotationPage' as const, startIndex: 0, items } }
      : {}),
  };
}
