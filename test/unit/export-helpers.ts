/**
 * Real notes for the export and backup tests, written through the app's own services (never an
 * empty profile): highlights with notes and tags in several sections, a note full of Markdown,
 * HTML, Word and spreadsheet specials, emoji and right-to-left text, a deleted note, a colleague's
 * imported note (one of them orphaned), positions on 1a and 1c with reasoning, inbreng, questions,
 * amendment and motion drafts and a linked passage, letter tags and a renamed highlight colour.
 * Every write carries a fixed moment, so exports are deterministic.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../electron/core/db/open';
import type { Services } from '../../electron/core/services';
import { documentText } from '../../electron/shared/text';

export const DOC = 'lbr-19-030';
export const T0 = new Date('2026-11-02T19:30:00.000Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** Markdown, HTML, Word fields, spreadsheet formulas, emoji, RTL, control characters. */
export const HOSTILE =
  '=SUM(A1:A9) +31 -2 @griffie *vet* _schuin_ # geen kop\n' +
  '- geen lijst\n1. geen genummerde lijst\n> geen citaat\n' +
  '<script>alert(1)</script> <b>vet</b> &amp; [link](http://evil.example) ![img](x.png) `code` | pipe | ~~doorgehaald~~ $x$\n' +
  'www.example.nl mail@example.nl { MERGEFIELD naam } \\backslash 👩🏽‍⚖️ ✔️ مرحبا \u0007bel';

export function rangeOf(s: Services, phrase: string, from = 0): { start: number; end: number } {
  const { text } = documentText(s.content.getDocument(DOC));
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`not in the letter: ${phrase}`);
  return { start, end: start + phrase.length };
}

export interface Seeded {
  belasting: string;
  raad: string;
  hostile: string;
  deleted: string;
  imported: string;
  orphan: string;
}

export function seedNotes(s: Services): Seeded {
  const belasting = s.notes.createAnnotation(
    {
      documentId: DOC,
      ...rangeOf(s, 'Uitbreiding van het gemeentelijk belastinggebied'),
      color: 'geel',
      note: 'Kernpunt voor onze fractie: meer eigen belastinggebied.\nVraag: hoeveel?',
      tags: ['financiën', 'Belastinggebied'],
    },
    at(1),
  ).id;
  const raad = s.notes.createAnnotation(
    { documentId: DOC, ...rangeOf(s, 'Raad van State'), color: 'blauw', note: 'Welk advies precies?' },
    at(2),
  ).id;
  const hostile = s.notes.createAnnotation(
    { documentId: DOC, ...rangeOf(s, 'solidariteit'), color: 'rood', note: HOSTILE, tags: ['😀 vraag'] },
    at(3),
  ).id;
  const deleted = s.notes.createAnnotation(
    { documentId: DOC, ...rangeOf(s, 'energietransitie'), color: 'groen', note: 'Weggegooid' },
    at(4),
  ).id;
  s.notes.deleteAnnotation(deleted, at(5));
  const report = s.notes.importAnnotations(
    [
      {
        id: '11111111-1111-4111-8111-111111111111',
        documentId: DOC,
        note: 'Van Pieter: eens met deze passage.',
        tags: ['FINANCIEN'],
        color: 'paars',
        quote: { exact: 'democratie', prefix: '', suffix: '' },
        position: null,
        created: at(6).toISOString(),
        modified: at(6).toISOString(),
        creator: 'Pieter',
      },
      {
        id: '22222222-2222-4222-8222-222222222222',
        documentId: DOC,
        note: 'Deze zin stond in een oudere versie.',
        tags: [],
        color: 'geel',
        quote: { exact: 'deze zin bestaat niet in de brief', prefix: 'Oud: ', suffix: '.' },
        position: { start: 10, end: 43 },
        created: at(6).toISOString(),
        modified: at(6).toISOString(),
        creator: 'Pieter',
      },
    ],
    'pieter.jsonld',
    at(6),
  );
  if (report.added !== 2) throw new Error('import failed');

  s.notes.savePosition(
    DOC,
    '1a',
    {
      stance: 'voor',
      status: 'definitief',
      reasoning: 'Past bij ons verkiezingsprogramma.\n\nDe democratie verdient versterking.',
      inbreng: 'Wij steunen dit voorstel van harte.',
    },
    at(10),
  );
  s.notes.savePosition(
    DOC,
    '1c',
    {
      stance: 'voor-met-amendement',
      reasoning: 'Alleen met een amendement over de voorwaarden.',
      questions: 'Wat betekent dit voor de OZB?\nWanneer besluit het Rijk?',
      amendmentText: 'Na "voorwaarde" toe te voegen: "met compensatie voor kleine gemeenten".',
      motion: { findings: 'het belastinggebied klein is;', requests: 'zich in te zetten voor meer ruimte.' },
    },
    at(11),
  );
  s.notes.linkAnnotation(DOC, '1c', belasting, true, at(12));
  s.notes.setDocumentTags(DOC, ['strategie', 'ALV 2019']);
  s.notes.renameColor('geel', 'Heel belangrijk');
  return {
    belasting,
    raad,
    hostile,
    deleted,
    imported: '11111111-1111-4111-8111-111111111111',
    orphan: '22222222-2222-4222-8222-222222222222',
  };
}

/**
 * A canonical dump of everything the user wrote in notes.db — annotations (deleted ones too),
 * tags by name, links, positions, letter tags, colour meanings — and its SHA-256. Tag row ids are
 * left out (they are local numbers); the search index is derived and left out too.
 */
export function canonicalDump(db: Db): { dump: unknown; hash: string } {
  const all = (sql: string) => db.prepare(sql).all();
  const dump = {
    annotations: all(
      `SELECT id, document_id, paragraph_id, color, note, exact, prefix, suffix, pos_start, pos_end, anchor,
         origin_json, created_at, updated_at, deleted_at FROM annotations ORDER BY id`,
    ),
    tags: all('SELECT name, key, created_at FROM tags ORDER BY key'),
    annotationTags: all(
      `SELECT at.annotation_id, t.key FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
       ORDER BY at.annotation_id, t.key`,
    ),
    documentTags: all(
      `SELECT dt.document_id, t.key FROM document_tags dt JOIN tags t ON t.id = dt.tag_id ORDER BY dt.document_id, t.key`,
    ),
    positions: all('SELECT * FROM positions ORDER BY document_id, decision_label'),
    links: all('SELECT * FROM position_links ORDER BY document_id, decision_label, annotation_id'),
    colors: all('SELECT id, label, ord FROM highlight_colors ORDER BY id'),
  };
  return { dump, hash: createHash('sha256').update(JSON.stringify(dump)).digest('hex') };
}
