/**
 * Raadsmap annotations as W3C Web Annotations (JSON-LD) and back.
 *
 * Mapping: `id` urn:uuid:<id>; `motivation` commenting (with a note) or highlighting; bodies:
 * the note (TextualBody, purpose commenting), each tag (purpose tagging), the highlight colour
 * (purpose classifying, value = colour id); `target.source` urn:raadsmap:document:<documentId>
 * with a TextQuoteSelector and a TextPositionSelector over the letter's canonical text.
 */
import type { Annotation, HighlightColor, HighlightColorId } from '../../shared/notes';
import { HIGHLIGHT_COLOR_IDS } from '../../shared/notes';
import { RaadsmapError } from '../errors';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const DOCUMENT_URN = 'urn:raadsmap:document:';

export interface WebAnnotation {
  '@context'?: unknown;
  id: string;
  type: string | string[];
  motivation?: string | string[];
  created?: string;
  modified?: string;
  creator?: unknown;
  body?: unknown;
  bodyValue?: unknown;
  target: unknown;
  [key: string]: unknown;
}

export function annotationIri(id: string): string {
  return /^[0-9a-f-]{36}$/i.test(id) ? `urn:uuid:${id}` : id;
}

export function toWebAnnotation(a: Annotation, colors: HighlightColor[], creator?: string): WebAnnotation {
  const color = colors.find((c) => c.id === a.color);
  const body: Array<Record<string, unknown>> = [];
  if (a.note.trim()) {
    body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', language: 'nl', purpose: 'commenting' });
  }
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push({
    type: 'TextualBody',
    value: a.color,
    purpose: 'classifying',
    ...(color ? { label: color.label } : {}),
  });
  return {
    '@context': ANNO_CONTEXT,
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: a.note.trim() ? 'commenting' : 'highlighting',
    created: a.createdAt,
    modified: a.updatedAt,
    ...(creator ? { creator: { type: 'Person', name: creator } } : {}),
    body,
    target: {
      source: `${DOCUMENT_URN}${a.documentId}`,
      selector: [
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ],
    },
  };
}

/** An annotation read from JSON-LD, before anchoring. */
export interface ImportedAnnotation {
  id: string;
  documentId: string;
  note: string;
  tags: string[];
  color: HighlightColorId;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number } | null;
  created: string | null;
  modified: string | null;
  creator: string | null;
}

export interface ParsedImport {
  annotations: ImportedAnnotation[];
  /** Items that are not usable annotations, with the reason (bilingual). */
  skipped: Array<{ index: number; nl: string; en: string }>;
}

function invalid(nl: string, en: string): RaadsmapError {
  return new RaadsmapError('annotations-invalid', nl, en);
}

const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The annotations in a file: one annotation, an array, or an AnnotationCollection / AnnotationPage. */
export function parseWebAnnotations(json: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw invalid(
      'Dit bestand is geen geldige JSON. Kies een W3C Web Annotation-bestand (.json of .jsonld).',
      'This file is not valid JSON. Choose a W3C Web Annotation file (.json or .jsonld).',
    );
  }
  let items: unknown[];
  if (Array.isArray(data)) items = data;
  else if (isObject(data) && asArray(data.type).some((t) => t === 'AnnotationCollection' || t === 'AnnotationPage')) {
    const first = isObject(data.first) ? data.first : null;
    items = asArray(data.items ?? first?.items);
  } else if (isObject(data)) items = [data];
  else items = [];
  if (items.length === 0) {
    throw invalid(
      'Dit bestand bevat geen annotaties (W3C Web Annotation).',
      'This file holds no annotations (W3C Web Annotation).',
    );
  }
  const annotations: ImportedAnnotation[] = [];
  const skipped: ParsedImport['skipped'] = [];
  items.forEach((item, index) => {
    try {
      annotations.push(readOne(item));
    } catch (error) {
      const e = error instanceof RaadsmapError ? error : invalid('onleesbaar', 'unreadable');
      skipped.push({ index, nl: e.nl, en: e.en });
    }
  });
  if (annotations.length === 0) {
    const first = skipped[0]!;
    throw invalid(
      `Geen bruikbare annotaties in dit bestand: ${first.nl}`,
      `No usable annotations in this file: ${first.en}`,
    );
  }
  return { annotations, skipped };
}

function readOne(item: unknown): ImportedAnnotation {
  if (!isObject(item) || !asArray(item.type).includes('Annotation')) {
    throw invalid('Geen annotatie (type "Annotation" ontbreekt).', 'Not an annotation (type "Annotation" missing).');
  }
  if (typeof item.id !== 'string' || !item.id.trim())
    throw invalid('Annotatie zonder id.', 'Annotation without an id.');
  const id = item.id.startsWith('urn:uuid:') ? item.id.slice('urn:uuid:'.length) : item.id;
  const target = asArray(item.target).find((t) => isObject(t) && typeof t.source === 'string') as
    Record<string, unknown> | undefined;
  if (!target) throw invalid('Annotatie zonder doel (target.source).', 'Annotation without a target (target.source).');
  const source = target.source as string;
  const documentId = source.startsWith(DOCUMENT_URN)
    ? source.slice(DOCUMENT_URN.length)
    : (source.split(/[#/:]/).filter(Boolean).pop() ?? source);
  const selectors = asArray(target.selector).filter(isObject);
  const quoteSel = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quoteSel || typeof quoteSel.exact !== 'string' || !quoteSel.exact) {
    throw invalid(
      'Annotatie zonder geciteerde tekst (TextQuoteSelector).',
      'Annotation without a quoted text (TextQuoteSelector).',
    );
  }
  const posSel = selectors.find((s) => s.type === 'TextPositionSelector');
  const position =
    posSel &&
    Number.isInteger(posSel.start) &&
    Number.isInteger(posSel.end) &&
    (posSel.end as number) >= (posSel.start as number)
      ? { start: posSel.start as number, end: posSel.end as number }
      : null;
  const notes: string[] = [];
  const tags: string[] = [];
  let color: HighlightColorId = 'geel';
  const bodies = [...asArray(item.body), ...(typeof item.bodyValue === 'string' ? [{ value: item.bodyValue }] : [])];
  for (const b of bodies) {
    if (typeof b === 'string') continue; // an IRI body: nothing to show
    if (!isObject(b) || typeof b.value !== 'string') continue;
    const purposes = asArray(b.purpose);
    if (purposes.includes('tagging')) tags.push(b.value.slice(0, 60));
    else if (purposes.includes('classifying') || purposes.includes('highlighting')) {
      if ((HIGHLIGHT_COLOR_IDS as readonly string[]).includes(b.value)) color = b.value as HighlightColorId;
    } else notes.push(b.value);
  }
  const creator = asArray(item.creator)
    .map((c) => (typeof c === 'string' ? c : isObject(c) && typeof c.name === 'string' ? c.name : null))
    .find((c): c is string => Boolean(c));
  return {
    id,
    documentId,
    note: notes.join('\n\n'),
    tags: tags.filter((t) => t.trim()),
    color,
    quote: {
      exact: quoteSel.exact,
      prefix: typeof quoteSel.prefix === 'string' ? quoteSel.prefix : '',
      suffix: typeof quoteSel.suffix === 'string' ? quoteSel.suffix : '',
    },
    position,
    created: typeof item.created === 'string' ? item.created : null,
    modified: typeof item.modified === 'string' ? item.modified : null,
    creator: creator ?? null,
  };
}
