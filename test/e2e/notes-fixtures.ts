/**
 * Seeding notes for the notes-overview, tags and a11y-notes tests: W3C Web Annotation JSON-LD with
 * real quotes from the bundled letter "Gemeenten 2024", imported through the app's own API from
 * the page (which holds the session cookie), plus positions, links and letter tags.
 */
import type { Page } from '@playwright/test';
import type { LetterDocument } from '../../electron/shared/model';
import { documentText } from '../../electron/shared/text';

export const LETTER = 'lbr-19-030';

/** Quotes from the bundled letter, with the paragraph each stands in. */
export const QUOTES = {
  belastinggebied: {
    exact: 'Door samen met het Rijk uitwerking te geven aan een groter gemeentelijk belastinggebied',
    paragraph: 'p030',
  },
  financien: { exact: 'zijn de financiën beter beheersbaar', paragraph: 'p026' },
  afhankelijkheid: {
    exact: 'Die financiële afhankelijkheid van het Rijk compliceert de samenwerking',
    paragraph: 'p030',
  },
  sociaalDomein: { exact: 'Dat begint bij een adequate financiering van het sociaal domein', paragraph: 'p026' },
  rodeDraad: { exact: 'De eerste rode draad is regionale verscheidenheid.', paragraph: 'p012' },
  energie: { exact: 'is de energietransitie', paragraph: 'p023' },
  politiek: {
    exact: 'De politiek raakt, zowel landelijk als lokaal, steeds verder gefragmenteerd.',
    paragraph: 'p009',
  },
  data: { exact: 'Met de inzet van datagedreven sturing', paragraph: 'p018' },
} as const;

export interface SeedNote {
  id: string;
  exact: string;
  note?: string;
  tags?: string[];
  color?: 'geel' | 'blauw' | 'rood' | 'groen' | 'paars';
  creator?: string;
  /** ISO timestamp (created and modified). */
  at?: string;
  documentId?: string;
}

/** A UUID-like id from a small number, so tests can refer to notes by number. */
export function noteId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function webAnnotation(n: SeedNote): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [];
  if (n.note) body.push({ type: 'TextualBody', value: n.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of n.tags ?? []) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push({ type: 'TextualBody', value: n.color ?? 'geel', purpose: 'classifying' });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${n.id}`,
    type: 'Annotation',
    motivation: n.note ? 'commenting' : 'highlighting',
    created: n.at ?? '2024-05-01T10:00:00.000Z',
    modified: n.at ?? '2024-05-01T10:00:00.000Z',
    ...(n.creator ? { creator: { type: 'Person', name: n.creator } } : {}),
    body,
    target: {
      source: `urn:raadsmap:document:${n.documentId ?? LETTER}`,
      selector: [{ type: 'TextQuoteSelector', exact: n.exact, prefix: '', suffix: '' }],
    },
  };
}

export function annotationFile(notes: SeedNote[]): string {
  return JSON.stringify(
    { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: notes.map(webAnnotation) },
    null,
    2,
  );
}

/** Calls the app's API from the page (same origin, with its cookie); throws on an error envelope. */
export async function callApi<T = unknown>(page: Page, method: string, args: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ method, args }) => {
      const response = await fetch(`api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(args),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; en: string } };
    },
    { method, args },
  );
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.code} ${envelope.error?.en}`);
  return envelope.value as T;
}

export interface ImportReport {
  added: number;
  updated: number;
  kept: number;
  anchors: Record<string, number>;
  ids: string[];
}

export async function importNotes(page: Page, notes: SeedNote[]): Promise<ImportReport> {
  const data = Buffer.from(annotationFile(notes)).toString('base64');
  return callApi<ImportReport>(page, 'notes.import', { fileName: 'collega.jsonld', dataBase64: data });
}

/** Creates a note as the user does in the reader: on the passage's offsets in the canonical text. */
export async function createNote(
  page: Page,
  n: { exact: string; note?: string; tags?: string[]; color?: SeedNote['color'] },
): Promise<{ id: string }> {
  const doc = await callApi<LetterDocument>(page, 'documents.get', { id: LETTER });
  const start = documentText(doc).text.indexOf(n.exact);
  if (start === -1) throw new Error(`quote not in the letter: ${n.exact}`);
  // Distinct creation times, so the date order is well defined.
  await page.waitForTimeout(5);
  return callApi<{ id: string }>(page, 'annotations.create', {
    documentId: LETTER,
    start,
    end: start + n.exact.length,
    color: n.color ?? 'geel',
    note: n.note ?? '',
    tags: n.tags ?? [],
  });
}

/**
 * A realistic set: Anouk's notes on the tax base and finances (newest last), a colleague's
 * (Pieter's) imported note, two positions (1a voor, 1c voor met amendement, with two passages
 * linked) and a tagged letter.
 */
export async function seedAnouk(page: Page): Promise<void> {
  await importNotes(page, [
    {
      id: noteId(5),
      exact: QUOTES.energie.exact,
      note: 'Koppelen aan ons warmteplan.',
      color: 'rood',
      creator: 'Pieter',
      at: '2024-05-05T09:00:00.000Z',
    },
  ]);
  const question = await createNote(page, {
    exact: QUOTES.belastinggebied.exact,
    note: 'Vraag aan de griffie: wat betekent dit voor de OZB?',
    tags: ['financiën', 'belastinggebied'],
    color: 'blauw',
  });
  await createNote(page, {
    exact: QUOTES.financien.exact,
    note: 'Sterk punt voor de Kadernota.',
    tags: ['financiën'],
    color: 'geel',
  });
  const agree = await createNote(page, {
    exact: QUOTES.afhankelijkheid.exact,
    note: 'Eens: minder afhankelijk van het gemeentefonds.',
    tags: ['financien'],
    color: 'groen',
  });
  await createNote(page, { exact: QUOTES.rodeDraad.exact, tags: ['strategie'], color: 'paars' });
  await callApi(page, 'positions.save', {
    documentId: LETTER,
    decisionLabel: '1a',
    patch: { stance: 'voor', status: 'definitief', reasoning: 'Democratie versterken is de kern van ons programma.' },
  });
  await callApi(page, 'positions.save', {
    documentId: LETTER,
    decisionLabel: '1c',
    patch: {
      stance: 'voor-met-amendement',
      reasoning: 'Wel eens met de richting, maar het belastinggebied moet er echt komen: amendement.',
    },
  });
  for (const id of [question.id, agree.id]) {
    await callApi(page, 'positions.link', { documentId: LETTER, decisionLabel: '1c', annotationId: id, linked: true });
  }
  await callApi(page, 'documents.setTags', { documentId: LETTER, tags: ['strategie', 'ALV juni'] });
}

/** A second letter (Lbr. 21/007, decisions 1 and 2), imported through the app's own import. */
export const SECOND_LETTER = `Brief aan de leden

Datum
3 maart 2021

Ons kenmerk
TEST/U202100001
Lbr. 21/007

Onderwerp
Proef met digitale stemming

Geacht college en gemeenteraad,

Aanleiding

Wij stellen een proef voor met digitaal stemmen in de ALV.

Voorstellen

1. In te stemmen met de proef;
2. De evaluatie te agenderen voor de BALV.

Met vriendelijke groet,

Vereniging van Nederlandse Gemeenten

J. Jansen
Voorzitter
`;

/**
 * Imports the second letter and puts one note on it (and, when given, a position on its decision 1).
 * Returns the letter's id.
 */
export async function seedSecondLetter(
  page: Page,
  options: { note: string; tags: string[]; position?: { stance: string; reasoning: string } },
): Promise<string> {
  const { documentId } = await callApi<{ documentId: string }>(page, 'letters.import', {
    fileName: 'digitale-stemming.txt',
    dataBase64: Buffer.from(SECOND_LETTER).toString('base64'),
  });
  const doc = await callApi<LetterDocument>(page, 'documents.get', { id: documentId });
  const exact = 'een proef voor met digitaal stemmen';
  const start = documentText(doc).text.indexOf(exact);
  if (start < 0) throw new Error('The second letter lost its sentence');
  await callApi(page, 'annotations.create', {
    documentId,
    start,
    end: start + exact.length,
    color: 'groen',
    note: options.note,
    tags: options.tags,
  });
  if (options.position) {
    await callApi(page, 'positions.save', { documentId, decisionLabel: '1', patch: options.position });
  }
  return documentId;
}
