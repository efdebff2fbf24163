/**
 * The notes side of the search (notes.db), its merge with the letters, the search contract over
 * `dispatch`, and index maintenance across versions of the analysis. Real SQLite files throughout.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/api/handlers';
import { openServices, type Services } from '../../electron/core/services';
import { contract } from '../../electron/shared/contract';
import { RESOURCES, useTempDir } from '../helpers/tmp';

const tmp = useTempDir();

function withServices<T>(fn: (s: Services, dataDir: string) => T, dataDir = tmp()): T {
  const services = openServices({ dataDir, resourcesDir: RESOURCES });
  try {
    return fn(services, dataDir);
  } finally {
    services.close();
  }
}

const NOTE = {
  key: 'annotation:a1',
  kind: 'annotation',
  documentId: 'lbr-19-030',
  paragraphId: 'p015',
  text: 'Navragen bij de griffie: wat kost de verduurzaming van het zwembad?',
  tags: ['vraag', 'financiën'],
};

describe('notes in the search', () => {
  it('a note is found the moment it is written, merged with the letters, and gone when removed', () => {
    withServices((s) => {
      expect(s.search.search({ text: 'griffie zwembad' }).total).toBe(0);
      s.notesIndex.upsert(NOTE);
      const r = s.search.search({ text: 'zwembad' });
      expect(r.total).toBe(1);
      expect(r.hits[0]).toMatchObject({
        kind: 'note',
        noteId: 'annotation:a1',
        documentId: 'lbr-19-030',
        documentTitle: 'Gemeenten 2024',
        paragraphId: 'p015',
      });
      expect(r.hits[0]!.snippet).toContain('<mark>zwembad</mark>');

      // One query, both databases: "verduurzaming" is in the letter and in the note.
      const both = s.search.search({ text: 'verduurzaming' });
      expect(both.hits.map((h) => h.kind)).toContain('note');
      expect(both.hits.some((h) => h.kind === 'text')).toBe(true);
      expect(both.total).toBe(both.hits.length);

      s.notesIndex.remove('annotation:a1');
      expect(s.search.search({ text: 'zwembad' }).total).toBe(0);
      expect(s.notesIndex.count()).toBe(0);
    });
  });

  it('editing a note replaces its words; Dutch analysis applies to notes too', () => {
    withServices((s) => {
      s.notesIndex.upsert(NOTE);
      s.notesIndex.upsert({ ...NOTE, text: 'Eerst de energietransitie bespreken in de fractie.' });
      expect(s.search.search({ text: 'zwembad' }).total).toBe(0);
      // Compound part and inflection: "energie" finds "energietransitie", "fracties" finds "fractie".
      expect(s.search.search({ text: 'energie', onlyNotes: true }).hits.map((h) => h.noteId)).toEqual([
        'annotation:a1',
      ]);
      expect(s.search.search({ text: 'fracties' }).total).toBe(1);
      expect(s.notesIndex.count()).toBe(1);
    });
  });

  it('"alleen mijn notities" and tag filters narrow to the notes; tags are searchable words', () => {
    withServices((s) => {
      s.notesIndex.upsert(NOTE);
      s.notesIndex.upsert({
        key: 'position:lbr-19-030:1c',
        kind: 'position',
        documentId: 'lbr-19-030',
        decisionLabel: '1c',
        title: 'Standpunt 1c',
        text: 'Voor, mits het belastinggebied niet leidt tot hogere lasten voor inwoners.',
        tags: ['financiën'],
      });
      const all = s.search.search({ text: 'belastinggebied' });
      expect(all.hits.map((h) => h.kind).sort()).toEqual(['decision', 'note', 'text']);
      const mine = s.search.search({ text: 'belastinggebied', onlyNotes: true });
      expect(mine.hits.map((h) => h.noteId)).toEqual(['position:lbr-19-030:1c']);
      expect(mine.hits[0]!.decisionLabel).toBe('1c');

      expect(s.search.search({ text: 'griffie', tags: ['vraag'] }).total).toBe(1);
      expect(s.search.search({ text: 'griffie', tags: ['oneens'] }).total).toBe(0);
      // Tag names match case-insensitively in the filter and as words in the search.
      expect(s.search.search({ text: 'inwoners', tags: ['FINANCIËN'] }).hits.map((h) => h.noteId)).toEqual([
        'position:lbr-19-030:1c',
      ]);
      expect(s.search.search({ text: 'financien', onlyNotes: true }).total).toBe(2);
    });
  });

  it('per-letter counts (facets) add up letters and notes', () => {
    withServices((s) => {
      s.notesIndex.upsert({ ...NOTE, text: 'Solidariteit tussen gemeenten: navragen.' });
      const r = s.search.search({ text: 'solidariteit', facets: true });
      expect(r.documents).toEqual([{ documentId: 'lbr-19-030', title: 'Gemeenten 2024', count: r.total }]);
      expect(s.search.search({ text: 'solidariteit' }).documents).toEqual([]);
    });
  });

  it('notes survive a restart, and an index written by another analysis version is rebuilt on open', () => {
    const dataDir = tmp();
    withServices((s) => s.notesIndex.upsert(NOTE), dataDir);
    // Pretend both indexes were written by an older analysis.
    for (const [file, table] of [
      ['notes.db', 'note_search_meta'],
      ['content.db', 'search_meta'],
    ] as const) {
      const db = new Database(join(dataDir, file));
      db.prepare(`UPDATE ${table} SET value = '0' WHERE key = 'analysis'`).run();
      if (file === 'notes.db') db.exec('DELETE FROM note_search_fts');
      else db.exec('DELETE FROM search_fts');
      db.close();
    }
    withServices((s) => {
      expect(s.search.search({ text: 'zwembad' }).total).toBe(1);
      expect(
        s.search
          .search({ text: 'energietransitie' })
          .hits.map((h) => h.paragraphId)
          .sort(),
      ).toEqual(['p023', 'p027']);
    }, dataDir);
  });
});

describe('search over the contract', () => {
  const call = (s: Services, method: string, payload: unknown) =>
    dispatch(createHandlers({ services: s, transport: 'bridge', version: 't' }), method, payload);

  it('search.query, search.suggest and search.inDocument answer with results that match their schemas', () => {
    withServices((s) => {
      const q = call(s, 'search.query', { text: 'energietransitie', limit: 5, facets: true });
      expect(q.ok).toBe(true);
      if (!q.ok) return;
      expect(contract['search.query'].result.safeParse(q.value).success).toBe(true);

      const sug = call(s, 'search.suggest', { text: 'energ' });
      expect(sug.ok).toBe(true);
      if (!sug.ok) return;
      const suggestions = contract['search.suggest'].result.parse(sug.value);
      expect(suggestions.map((x) => x.text)).toContain('energietransitie');

      const find = call(s, 'search.inDocument', { documentId: 'lbr-19-030', text: 'creeren' });
      expect(find.ok).toBe(true);
      if (!find.ok) return;
      const found = contract['search.inDocument'].result.parse(find.value);
      expect(found.matches.length).toBeGreaterThan(0);
      const doc = s.content.getDocument('lbr-19-030');
      const texts = new Map<string, string>();
      const walk = (sections: typeof doc.sections) =>
        sections.forEach((sec) => {
          sec.paragraphs.forEach((p) => texts.set(p.id, p.text));
          walk(sec.sections);
        });
      walk(doc.sections);
      for (const m of found.matches.filter((x) => x.target === 'paragraph')) {
        expect(texts.get(m.id!)!.slice(m.start, m.end).toLowerCase()).toBe('creëren');
      }
    });
  });

  it('refuses malformed search payloads with a bilingual error', () => {
    withServices((s) => {
      for (const payload of [
        { text: 5 },
        { text: 'x'.repeat(1001) },
        { text: 'a', limit: 0 },
        { text: 'a', limit: 201 },
        { text: 'a', dateFrom: '8 mei 2019' },
        { text: 'a', documentIds: 'lbr-19-030' },
        { text: 'a', extra: true },
      ]) {
        const r = call(s, 'search.query', payload);
        expect(r.ok, JSON.stringify(payload)).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('invalid-request');
          expect(r.error.nl).toContain('Ongeldig verzoek');
          expect(r.error.en).toContain('Invalid request');
        }
      }
      const missing = call(s, 'search.inDocument', { documentId: 'bestaat-niet', text: 'gemeente' });
      expect(missing.ok).toBe(false);
      if (!missing.ok) expect(missing.error.code).toBe('document-not-found');
    });
  });
});
