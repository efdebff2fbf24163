/**
 * Annotations, tags and positions in notes.db, on real SQLite files, through the same services the
 * app uses (openServices). The bundled strategy letter is the content.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTES_APPLICATION_ID, notesMigrations } from '../../electron/core/db/notes-migrations';
import { parseWebAnnotations, toWebAnnotation } from '../../electron/core/notes/w3c';
import { openServices, type Services } from '../../electron/core/services';
import { documentText } from '../../electron/shared/text';
import { RESOURCES, useTempDir } from '../helpers/tmp';

const tmp = useTempDir();
const DOC = 'lbr-19-030';

function withServices<T>(fn: (s: Services) => T, dataDir = tmp()): T {
  const services = openServices({ dataDir, resourcesDir: RESOURCES });
  try {
    return fn(services);
  } finally {
    services.close();
  }
}

/** The canonical range of the first occurrence of `phrase` in the letter. */
function rangeOf(s: Services, phrase: string, from = 0): { start: number; end: number } {
  const { text } = documentText(s.content.getDocument(DOC));
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`not in the letter: ${phrase}`);
  return { start, end: start + phrase.length };
}

describe('annotations', () => {
  it('a selection becomes an annotation with W3C quote and position selectors and the paragraph id', () => {
    withServices((s) => {
      const r = rangeOf(s, 'Uitbreiding van het gemeentelijk belastinggebied');
      const a = s.notes.createAnnotation({
        documentId: DOC,
        ...r,
        color: 'geel',
        note: 'Kernpunt',
        tags: ['financiën'],
      });
      expect(a.quote.exact).toBe('Uitbreiding van het gemeentelijk belastinggebied');
      expect(a.quote.prefix).toHaveLength(32);
      expect(a.quote.suffix).toHaveLength(32);
      const { text, blocks } = documentText(s.content.getDocument(DOC));
      expect(text.slice(a.position.start, a.position.end)).toBe(a.quote.exact);
      expect(text.slice(a.position.start - 32, a.position.start)).toBe(a.quote.prefix);
      const block = blocks.find((b) => b.id === a.paragraphId)!;
      expect(block.kind).toBe('paragraph');
      expect(block.start).toBeLessThanOrEqual(a.position.start);
      expect(a).toMatchObject({
        documentId: DOC,
        color: 'geel',
        note: 'Kernpunt',
        tags: ['financiën'],
        anchor: 'anchored',
      });
      expect(s.notes.listAnnotations({ documentId: DOC }).map((x) => x.id)).toEqual([a.id]);
    });
  });

  it('white space around a selection is trimmed; an empty or out-of-letter selection is refused in both languages', () => {
    withServices((s) => {
      const r = rangeOf(s, 'belastinggebied');
      const a = s.notes.createAnnotation({ documentId: DOC, start: r.start - 1, end: r.end + 1, color: 'blauw' });
      // The letter has a space either side of the word: the selection is trimmed to the word.
      expect(a.quote.exact).toBe('belastinggebied');
      expect(a.position.end - a.position.start).toBe('belastinggebied'.length);
      for (const bad of [
        { start: 0, end: 10_000_000 },
        { start: 5, end: 5 },
      ]) {
        expect(() => s.notes.createAnnotation({ documentId: DOC, ...bad, color: 'geel' })).toThrow(
          expect.objectContaining({ code: 'invalid-range', nl: expect.stringContaining('selectie') }),
        );
      }
      expect(() => s.notes.createAnnotation({ documentId: 'bestaat-niet', start: 0, end: 3, color: 'geel' })).toThrow(
        expect.objectContaining({ code: 'document-not-found' }),
      );
    });
  });

  it('edit, delete and undo: a deleted note leaves list and search, undo brings both back', () => {
    withServices((s) => {
      const a = s.notes.createAnnotation({ documentId: DOC, ...rangeOf(s, 'Raad van State'), color: 'rood' });
      const edited = s.notes.updateAnnotation({ id: a.id, note: 'Wat adviseert de Raad precies over zwembaden?' });
      expect(edited.note).toContain('zwembaden');
      expect(edited.updatedAt >= a.updatedAt).toBe(true);
      expect(s.search.search({ text: 'zwembad', onlyNotes: true }).hits.map((h) => h.noteId)).toEqual([
        `annotation:${a.id}`,
      ]);
      expect(s.notes.deleteAnnotation(a.id)).toEqual({ id: a.id, linkedDecisions: [] });
      expect(s.notes.listAnnotations()).toEqual([]);
      expect(s.search.search({ text: 'zwembad' }).total).toBe(0);
      expect(() => s.notes.getAnnotation(a.id)).toThrow(expect.objectContaining({ code: 'annotation-not-found' }));
      const back = s.notes.restoreAnnotation(a.id);
      expect(back.note).toBe(edited.note);
      expect(s.search.search({ text: 'zwembad' }).total).toBe(1);
    });
  });

  it('very long notes, emoji, right-to-left text and HTML are stored exactly as typed', () => {
    withServices((s) => {
      const long = 'Lange notitie. '.repeat(7000).slice(0, 100_000);
      const odd = '👩🏽‍⚖️ stemmen ✔️ — مرحبا بالعالم — <script>alert(1)</script><img src=x onerror=alert(2)>';
      const r = rangeOf(s, 'solidariteit');
      const a = s.notes.createAnnotation({ documentId: DOC, ...r, color: 'groen', note: long });
      const b = s.notes.createAnnotation({ documentId: DOC, ...r, color: 'paars', note: odd, tags: ['😀 vraag'] });
      expect(s.notes.getAnnotation(a.id).note).toBe(long);
      expect(s.notes.getAnnotation(a.id).note).toHaveLength(100_000);
      expect(s.notes.getAnnotation(b.id)).toMatchObject({ note: odd, tags: ['😀 vraag'] });
      // Two annotations on the same passage are both kept.
      expect(s.notes.listAnnotations({ documentId: DOC })).toHaveLength(2);
      expect(s.search.search({ text: 'مرحبا' }).hits[0]?.noteId).toBe(`annotation:${b.id}`);
    });
  });

  it('notes.db is written with synchronous=FULL and survives a reopen', () => {
    const dataDir = tmp();
    const id = withServices((s) => {
      expect(s.notesDb.pragma('synchronous', { simple: true })).toBe(2);
      return s.notes.createAnnotation({ documentId: DOC, ...rangeOf(s, 'energietransitie'), color: 'geel', note: 'x' })
        .id;
    }, dataDir);
    withServices((s) => expect(s.notes.getAnnotation(id).note).toBe('x'), dataDir);
  });
});

describe('tags', () => {
  it('rename, refuse a rename onto another tag, merge, delete with counts and undo', () => {
    withServices((s) => {
      const a = s.notes.createAnnotation({
        documentId: DOC,
        ...rangeOf(s, 'belastinggebied'),
        color: 'geel',
        tags: ['financien'],
      });
      const b = s.notes.createAnnotation({
        documentId: DOC,
        ...rangeOf(s, 'solidariteit'),
        color: 'geel',
        tags: ['Geld'],
      });
      // The same tag whatever the case or accents.
      s.notes.updateAnnotation({ id: b.id, tags: ['Geld', 'FINANCIËN'] });
      expect(s.notes.setDocumentTags(DOC, ['strategie', 'financien'])).toEqual(['financien', 'strategie']);
      let tags = s.notes.listTags();
      expect(tags.map((t) => [t.name, t.annotationCount, t.documentCount])).toEqual([
        ['financien', 2, 1],
        ['Geld', 1, 0],
        ['strategie', 0, 1],
      ]);
      const id = (name: string) => s.notes.listTags().find((t) => t.name === name)!.id;

      tags = s.notes.renameTag(id('financien'), 'Financiën');
      expect(tags.map((t) => t.name)).toContain('Financiën');
      expect(s.notes.getAnnotation(a.id).tags).toEqual(['Financiën']);
      expect(() => s.notes.renameTag(id('Geld'), 'financiën')).toThrow(expect.objectContaining({ code: 'tag-exists' }));

      tags = s.notes.mergeTags([id('Geld')], id('Financiën'));
      expect(tags.map((t) => t.name)).toEqual(['Financiën', 'strategie']);
      expect(s.notes.getAnnotation(b.id).tags).toEqual(['Financiën']);

      const deleted = s.notes.deleteTag(id('Financiën'));
      expect(deleted.annotationIds.sort()).toEqual([a.id, b.id].sort());
      expect(deleted.documentIds).toEqual([DOC]);
      expect(s.notes.getAnnotation(a.id).tags).toEqual([]);
      // The annotations themselves stay.
      expect(s.notes.listAnnotations()).toHaveLength(2);
      expect(s.search.search({ text: 'belasting', tags: ['financien'] }).total).toBe(0);
      s.notes.restoreTag(deleted);
      expect(s.notes.getAnnotation(a.id).tags).toEqual(['Financiën']);
      expect(s.notes.documentTags(DOC)).toEqual(['Financiën', 'strategie']);
      expect(s.search.search({ text: 'belastinggebied', tags: ['financien'] }).total).toBe(1);
    });
  });

  it('refuses empty and over-long tags', () => {
    withServices((s) => {
      expect(() => s.notes.setDocumentTags(DOC, ['  '])).toThrow(expect.objectContaining({ code: 'invalid-tag' }));
      expect(() => s.notes.setDocumentTags(DOC, ['x'.repeat(61)])).toThrow(
        expect.objectContaining({ code: 'invalid-tag' }),
      );
      expect(s.notes.listTags()).toEqual([]);
    });
  });
});

describe('positions', () => {
  it('every requested decision starts as "nog bepalen"; a stance with reasoning, links and a draft is kept', () => {
    withServices((s) => {
      const start = s.notes.listPositions(DOC);
      expect(start.map((p) => p.decisionLabel)).toEqual(['1a', '1b', '1c', '1d', '1e']);
      expect(start.every((p) => p.stance === 'nog-bepalen' && p.status === 'concept' && p.updatedAt === null)).toBe(
        true,
      );

      const passage = s.notes.createAnnotation({ documentId: DOC, ...rangeOf(s, 'belastinggebied'), color: 'geel' });
      s.notes.savePosition(DOC, '1c', { stance: 'voor-met-amendement', reasoning: 'Eerst de lasten voor inwoners.' });
      s.notes.savePosition(DOC, '1c', {
        amendmentText: 'Uitbreiding van het belastinggebied, met compensatie voor inwoners;',
        questions: 'Wat betekent dit voor de OZB?',
        inbreng: 'Voorzitter, wij steunen 1c met een amendement.',
      });
      const linked = s.notes.linkAnnotation(DOC, '1c', passage.id, true);
      expect(linked).toMatchObject({
        stance: 'voor-met-amendement',
        reasoning: 'Eerst de lasten voor inwoners.',
        questions: 'Wat betekent dit voor de OZB?',
        linkedAnnotationIds: [passage.id],
        decisionChanged: false,
      });
      expect(linked.decisionText).toContain('belastinggebied');
      expect(s.notes.getAnnotation(passage.id).linkedDecisions).toEqual(['1c']);

      s.notes.savePosition(DOC, '1a', {
        stance: 'motie',
        motion: { findings: 'dat gemeenten…', requests: 'het bestuur…' },
      });
      const final = s.notes.savePosition(DOC, '1a', { status: 'definitief', motion: { considerations: 'dat…' } });
      expect(final.motion).toEqual({ findings: 'dat gemeenten…', considerations: 'dat…', requests: 'het bestuur…' });
      expect(final.status).toBe('definitief');
      expect(s.notes.listAllPositions().map((p) => p.decisionLabel)).toEqual(['1a', '1c']);
      // Position texts are searchable as notes.
      expect(s.search.search({ text: 'OZB' }).hits.map((h) => [h.kind, h.decisionLabel])).toEqual([['note', '1c']]);
      expect(() => s.notes.savePosition(DOC, '9z', { stance: 'voor' })).toThrow(
        expect.objectContaining({ code: 'decision-not-found' }),
      );
    });
  });

  it('deleting an annotation a position rests on leaves the position intact; undo restores the link', () => {
    withServices((s) => {
      const passage = s.notes.createAnnotation({ documentId: DOC, ...rangeOf(s, 'solidariteit'), color: 'geel' });
      s.notes.savePosition(DOC, '1b', { stance: 'voor', reasoning: 'Solidariteit is de kern.' });
      s.notes.linkAnnotation(DOC, '1b', passage.id, true);
      expect(s.notes.deleteAnnotation(passage.id).linkedDecisions).toEqual(['1b']);
      const after = s.notes.listPositions(DOC).find((p) => p.decisionLabel === '1b')!;
      expect(after).toMatchObject({ stance: 'voor', reasoning: 'Solidariteit is de kern.', linkedAnnotationIds: [] });
      s.notes.restoreAnnotation(passage.id);
      expect(s.notes.listPositions(DOC).find((p) => p.decisionLabel === '1b')!.linkedAnnotationIds).toEqual([
        passage.id,
      ]);
    });
  });

  it('notices when the decision text changed since the position was written', () => {
    withServices((s) => {
      s.notes.savePosition(DOC, '1a', { stance: 'voor' });
      const letter = readFileSync(join(RESOURCES, 'default-content', 'gemeenten-2024.txt'), 'utf8');
      const changed = letter.replaceAll(
        "ontwikkelen scenario's voor de toekomst van het lokaal bestuur",
        'schrijven een nieuwe tekst voor 1a',
      );
      expect(changed).not.toBe(letter);
      s.importLetter(Buffer.from(changed), 'gemeenten-2024.txt');
      const p = s.notes.listPositions(DOC).find((x) => x.decisionLabel === '1a')!;
      expect(p.stance).toBe('voor');
      expect(p.decisionChanged).toBe(true);
    });
  });
});

describe('notes.db migration', () => {
  it('a version 1 notes.db (settings only) is upgraded in place, keeping the settings', () => {
    const dataDir = tmp();
    const db = new Database(join(dataDir, 'notes.db'));
    db.pragma(`application_id = ${NOTES_APPLICATION_ID}`);
    db.transaction(() => notesMigrations.find((m) => m.version === 1)!.up(db))();
    db.pragma('user_version = 1');
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('theme', '"dark"', '2026-01-01')`).run();
    db.close();
    withServices((s) => {
      expect(s.notesDb.pragma('user_version', { simple: true })).toBe(
        Math.max(...notesMigrations.map((m) => m.version)),
      );
      expect(s.settings.get().theme).toBe('dark');
      expect(s.notes.colors().map((c) => c.label)).toEqual(['Belangrijk', 'Vraag', 'Oneens', 'Eens', 'Uitzoeken']);
    }, dataDir);
  });
});

describe("a colleague's annotations (W3C Web Annotation)", () => {
  it('round-trips through JSON-LD into another laptop, merged by id, marked with where they came from', () => {
    const exported = withServices((s) => {
      const a = s.notes.createAnnotation({
        documentId: DOC,
        ...rangeOf(s, 'belastinggebied'),
        color: 'rood',
        note: 'Niet mee eens',
        tags: ['financiën'],
      });
      return JSON.stringify([toWebAnnotation(a, s.notes.colors(), 'Anouk')]);
    });
    withServices((s) => {
      const parsed = parseWebAnnotations(exported);
      const report = s.notes.importAnnotations(parsed.annotations, 'anouk.jsonld');
      expect(report).toMatchObject({
        added: 1,
        updated: 0,
        kept: 0,
        anchors: { anchored: 1, moved: 0, changed: 0, orphan: 0 },
      });
      const [a] = s.notes.listAnnotations();
      expect(a).toMatchObject({ note: 'Niet mee eens', color: 'rood', tags: ['financiën'], anchor: 'anchored' });
      expect(a!.origin).toMatchObject({ creator: 'Anouk', source: 'anouk.jsonld' });
      const { text } = documentText(s.content.getDocument(DOC));
      expect(text.slice(a!.position.start, a!.position.end)).toBe('belastinggebied');
      // Importing the same file again changes nothing; a newer copy updates.
      expect(s.notes.importAnnotations(parsed.annotations, 'anouk.jsonld')).toMatchObject({ added: 0, kept: 1 });
      const newer = parsed.annotations.map((x) => ({
        ...x,
        note: 'Toch mee eens',
        modified: '2999-01-01T00:00:00.000Z',
      }));
      expect(s.notes.importAnnotations(newer, 'anouk.jsonld')).toMatchObject({ updated: 1 });
      expect(s.notes.listAnnotations()[0]!.note).toBe('Toch mee eens');
    });
  });

  it('keeps unanchorable annotations as orphans with their quote; a bad file changes nothing', () => {
    withServices((s) => {
      const mine = s.notes.createAnnotation({ documentId: DOC, ...rangeOf(s, 'Raad van State'), color: 'geel' });
      const orphan = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'urn:uuid:6f0c2a9e-1a52-4c59-9d52-5f0a3e0f5a11',
        type: 'Annotation',
        body: { type: 'TextualBody', value: 'Deze zin staat niet meer in de brief', purpose: 'commenting' },
        target: {
          source: `urn:raadsmap:document:${DOC}`,
          selector: { type: 'TextQuoteSelector', exact: 'een passage die nooit in deze brief heeft gestaan' },
        },
      };
      const report = s.notes.importAnnotations(parseWebAnnotations(JSON.stringify(orphan)).annotations, 'x.json');
      expect(report.anchors.orphan).toBe(1);
      const kept = s.notes.getAnnotation('6f0c2a9e-1a52-4c59-9d52-5f0a3e0f5a11');
      expect(kept).toMatchObject({
        anchor: 'orphan',
        quote: { exact: 'een passage die nooit in deze brief heeft gestaan' },
      });

      for (const bad of [
        '{',
        '[]',
        '{"type":"Nothing"}',
        JSON.stringify({ type: 'AnnotationCollection', items: [] }),
      ]) {
        expect(() => parseWebAnnotations(bad)).toThrow(expect.objectContaining({ code: 'annotations-invalid' }));
      }
      const partly = parseWebAnnotations(JSON.stringify([orphan, { type: 'Annotation', id: 'x' }]));
      expect(partly.skipped).toEqual([
        { index: 1, nl: expect.stringContaining('doel'), en: expect.stringContaining('target') },
      ]);
      expect(
        s.notes
          .listAnnotations()
          .map((a) => a.id)
          .sort(),
      ).toEqual([mine.id, kept.id].sort());
    });
  });
});
