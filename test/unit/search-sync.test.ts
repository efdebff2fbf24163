/**
 * The search index follows content changes: an imported letter is findable at once, a re-import
 * replaces the old words, a pack that supersedes a document id leaves only the current copy, and the
 * totals, per-letter counts and filters (documentIds, sectionId, dateFrom, dateTo) agree with the hits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fold } from '../../electron/core/search/analyze';
import type { SearchRequest, SearchResponse } from '../../electron/core/search/engine';
import { parseLetter } from '../../electron/core/letters/parse';
import { openServices, type Services } from '../../electron/core/services';
import { RESOURCES } from '../helpers/tmp';
import {
  STRATEGY_ID,
  STRATEGY_TEXT,
  allMarks,
  allSections,
  expectValidResponse,
  openTempServices,
  paragraphId,
} from './search-helpers';

let services: Services;
let dispose: () => void;
beforeEach(() => {
  ({ services, dispose } = openTempServices());
});
afterEach(() => dispose());

function letter(date: string, paragraphs: string[]): Buffer {
  return Buffer.from(
    [
      'Datum',
      date,
      '',
      'Ons kenmerk',
      'TST/U202400200',
      '',
      'Lbr. 24/200',
      '',
      'Onderwerp',
      'Zwaluwen in de stad',
      '',
      'Geacht college,',
      '',
      'Nestgelegenheid',
      '',
      ...paragraphs.flatMap((p) => [p, '']),
      'Met vriendelijke groet,',
      '',
      'T. Tester',
    ].join('\n'),
  );
}

const V1 = letter('10 juni 2024', [
  'In de binnenstad komen zwaluwnestkasten aan de gevels van het stadskantoor.',
  'Het kwelderherstel langs de dijk begint in het najaar.',
]);
const V2 = letter('10 juni 2024', [
  'In de binnenstad komen zwaluwnestkasten aan de gevels van het stadskantoor.',
  'Het oeverherstel langs de rivier begint in het voorjaar.',
]);

function search(request: SearchRequest): SearchResponse {
  const r = services.search.search({ limit: 200, ...request });
  expectValidResponse(r, 200, request.facets ?? false);
  return r;
}

function keys(r: SearchResponse): string[] {
  return r.hits.map((h) => `${h.documentId}/${h.paragraphId ?? h.section ?? h.documentTitle}/${h.kind}`);
}

describe('importing and re-importing a letter', () => {
  it('makes its words findable at once, and a changed version replaces the old words', () => {
    const { documentId } = services.importLetter(V1, 'zwaluwen.txt');
    expect(documentId).toBe('lbr-24-200');
    expect(search({ text: 'kwelderherstel' }).hits.map((h) => h.documentId)).toEqual([documentId]);
    expect(search({ text: 'zwaluwnestkast' }).total).toBe(1);
    // The subject is a heading; zwaluwnestkasten has zwaluw as a part.
    expect(search({ text: 'zwaluwen' }).hits.map((h) => h.kind)).toEqual(['heading', 'text']);
    expect(services.suggester.suggest('kwelder').map((s) => s.text)).toContain('kwelderherstel');

    services.importLetter(V2, 'zwaluwen.txt');
    const old = search({ text: 'kwelderherstel', facets: true });
    expect(old.total).toBe(0);
    expect(old.hits).toEqual([]);
    expect(search({ text: 'oeverherstel' }).hits.map((h) => h.documentId)).toEqual([documentId]);
    // The paragraph both versions share is found once, not once per version.
    const shared = search({ text: 'zwaluwnestkasten', facets: true });
    expect(shared.total).toBe(1);
    expect(shared.documents).toEqual([{ documentId, title: 'Zwaluwen in de stad', count: 1 }]);
    // A compound part follows the text too: herstel is now only in oeverherstel.
    expect(allMarks(search({ text: 'herstel' })).map(fold)).toEqual(['oeverherstel']);
    // And so do the suggestions.
    expect(services.suggester.suggest('kwelder').map((s) => s.text)).not.toContain('kwelderherstel');
    expect(services.suggester.suggest('oeverh').map((s) => s.text)).toContain('oeverherstel');
  });

  it('a re-import of the same version changes nothing', () => {
    services.importLetter(V1, 'zwaluwen.txt');
    const before = keys(search({ text: 'zwaluwnestkasten stadskantoor' }));
    services.importLetter(V1, 'zwaluwen.txt');
    expect(keys(search({ text: 'zwaluwnestkasten stadskantoor' }))).toEqual(before);
    expect(before).toHaveLength(1);
  });

  it('keeps the index in line after a reopen of the data folder', () => {
    services.importLetter(V2, 'zwaluwen.txt');
    const dataDir = services.dataDir;
    services.close();
    services = openServices({ dataDir, resourcesDir: RESOURCES });
    expect(search({ text: 'oeverherstel' }).total).toBe(1);
    expect(search({ text: 'kwelderherstel' }).total).toBe(0);
    expect(search({ text: 'solidariteit' }).total).toBe(2);
  });
});

describe('a pack that supersedes a document id', () => {
  function installOverride(version: number, withStrategy: boolean) {
    const changed = STRATEGY_TEXT.replaceAll('Tekortgemeenten', 'Noodfondsgemeenten');
    const documents = withStrategy
      ? [parseLetter(Buffer.from(changed), 'gemeenten-2024.txt', { id: STRATEGY_ID })]
      : [parseLetter(V1, 'zwaluwen.txt')];
    const info = { id: 'griffie-test', title: 'Griffie', version, publisher: null, issued: null };
    services.content.installPack(
      { info, manifestJson: JSON.stringify({ ...info, documents: documents.map((d) => d.id) }), documents },
      'file',
    );
  }

  it('leaves only the current copy in the index: no duplicates, old words gone', () => {
    const before = search({ text: 'solidariteit', facets: true });
    expect(before.total).toBe(2);
    installOverride(1, true);
    const after = search({ text: 'solidariteit', facets: true });
    expect(after.total).toBe(2);
    expect(new Set(keys(after)).size).toBe(after.hits.length);
    expect(keys(after)).toEqual(keys(before));
    expect(after.documents).toEqual([{ documentId: STRATEGY_ID, title: 'Gemeenten 2024', count: 2 }]);
    expect(search({ text: 'Tekortgemeenten' }).total).toBe(0);
    expect(allMarks(search({ text: 'Noodfondsgemeenten' }))).toEqual(['Noodfondsgemeenten']);
    // Every unit of the letter once: a frequent word finds as many hits as before.
    expect(search({ text: 'gemeente' }).total).toBe(search({ text: 'gemeente', documentIds: [STRATEGY_ID] }).total);
  });

  it('when the superseding pack drops the letter, the bundled copy is current again', () => {
    installOverride(1, true);
    expect(search({ text: 'Tekortgemeenten' }).total).toBe(0);
    installOverride(2, false);
    expect(search({ text: 'Tekortgemeenten' }).total).toBe(1);
    expect(search({ text: 'Noodfondsgemeenten' }).total).toBe(0);
    expect(search({ text: 'kwelderherstel' }).total).toBe(1);
    expect(new Set(keys(search({ text: 'solidariteit' }))).size).toBe(2);
  });
});

describe('totals, per-letter counts and filters', () => {
  beforeEach(() => {
    services.importLetter(V1, 'zwaluwen.txt');
  });

  it('the per-letter counts add up to the total and match the hits of each letter', () => {
    for (const text of ['gemeente', 'college', 'binnenstad OR solidariteit', 'stad*', '"Raad van State"']) {
      const r = search({ text, facets: true });
      expect(r.total, text).toBeGreaterThan(0);
      expect(r.total).toBeLessThanOrEqual(200);
      expect(r.hits.length).toBe(r.total);
      for (const d of r.documents) expect(r.hits.filter((h) => h.documentId === d.documentId).length).toBe(d.count);
    }
  });

  it('documentIds keeps only those letters, and its total is that letter’s count', () => {
    const all = search({ text: 'college', facets: true });
    expect(all.documents.map((d) => d.documentId).sort()).toEqual([STRATEGY_ID, 'lbr-24-200'].sort());
    for (const d of all.documents) {
      const only = search({ text: 'college', documentIds: [d.documentId] });
      expect(only.total).toBe(d.count);
      expect(only.hits.every((h) => h.documentId === d.documentId)).toBe(true);
    }
    expect(search({ text: 'college', documentIds: ['bestaat-niet'] }).total).toBe(0);
  });

  it('sectionId keeps only that section', () => {
    const doc = services.content.getDocument(STRATEGY_ID);
    const leaf = allSections(doc).find((s) => s.title === 'Uitvoering')!;
    const r = search({ text: 'gemeente', documentIds: [STRATEGY_ID], sectionId: leaf.id });
    expect(r.hits.every((h) => h.sectionId === leaf.id)).toBe(true);
    expect(r.hits.map((h) => h.paragraphId).sort()).toEqual(
      [paragraphId(doc, 'Gemeenten streven naar passende'), paragraphId(doc, 'Om te waarborgen dat gemeenten')].sort(),
    );
    expect(r.total).toBe(2);
  });

  // Regression: the section filter is a run of reading-order positions, so a section without
  // paragraphs of its own ("Inhoud Gemeenten 2024") must be indexed in reading order, not at the end.
  it('sectionId of a section with subsections keeps that section and its subsections, nothing after them', () => {
    const doc = services.content.getDocument(STRATEGY_ID);
    // "Inhoud Gemeenten 2024" has no paragraphs of its own, only subsections (Rode draden … Democratisch besturen).
    const top = allSections(doc).find((s) => s.title === 'Inhoud Gemeenten 2024')!;
    expect(top.paragraphs).toEqual([]);
    const subtree = new Set([top.id, ...top.sections.map((s) => s.id)]);
    expect(subtree.size).toBeGreaterThan(2);
    const all = search({ text: 'gemeente', documentIds: [STRATEGY_ID] });
    const inSection = search({ text: 'gemeente', documentIds: [STRATEGY_ID], sectionId: top.id });
    const outside = inSection.hits.filter((h) => !subtree.has(h.sectionId!)).map((h) => `${h.sectionId} ${h.section}`);
    expect(outside).toEqual([]);
    expect(keys(inSection).sort()).toEqual(
      keys(all)
        .filter((_, i) => subtree.has(all.hits[i]!.sectionId!))
        .sort(),
    );
  });

  it('dateFrom and dateTo keep letters dated in the range, both ends inclusive', () => {
    const byDate = (dateFrom?: string, dateTo?: string) =>
      [...new Set(search({ text: 'college', dateFrom, dateTo }).hits.map((h) => h.documentId))].sort();
    expect(byDate('2020-01-01')).toEqual(['lbr-24-200']);
    expect(byDate(undefined, '2019-12-31')).toEqual([STRATEGY_ID]);
    expect(byDate('2019-05-08', '2019-05-08')).toEqual([STRATEGY_ID]);
    expect(byDate('2024-06-10', '2024-06-10')).toEqual(['lbr-24-200']);
    expect(byDate('2019-05-09', '2024-06-09')).toEqual([]);
    expect(byDate('2019-01-01', '2025-01-01')).toEqual([STRATEGY_ID, 'lbr-24-200'].sort());
  });

  // Regression: the notes facet query joins two tables; its filter must name the FTS rowid.
  it('per-letter counts are also right with a filter', () => {
    const r = search({ text: 'college', documentIds: [STRATEGY_ID], facets: true });
    expect(r.documents.map((d) => d.documentId)).toEqual([STRATEGY_ID]);
    const dated = search({ text: 'college', dateFrom: '2020-01-01', facets: true });
    expect(dated.documents.map((d) => d.documentId)).toEqual(['lbr-24-200']);
  });
});
