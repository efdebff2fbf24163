/**
 * Installing and updating packs on real SQLite files through the services the app uses: trust,
 * versions, "same letter id in two packs", removal, and every note carried across an update
 * (ongewijzigd / verplaatst / controleren / verweesd), resumable when interrupted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup } from '../../electron/core/backup/backup';
import { restoreBackup } from '../../electron/core/backup/restore';
import { describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/core/services';
import { documentText } from '../../electron/shared/text';
import { RESOURCES, useTempDir } from '../helpers/tmp';
import { buildSpec, digest, DOC, LETTER_B, newKey, SENTENCES } from './packs-helpers';
import { readPack } from '../../electron/core/packs/format';
import { splitPack } from '../../electron/core/packs/sign';

const tmp = useTempDir();

function open(dataDir: string): Services {
  return openServices({ dataDir, resourcesDir: RESOURCES });
}

function position(s: Services, documentId: string, label: string) {
  return s.notes.listPositions(documentId).find((p) => p.decisionLabel === label)!;
}

function annotate(s: Services, phrase: string, note = '') {
  const { text } = documentText(s.content.getDocument(DOC));
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the letter: ${phrase}`);
  return s.notes.createAnnotation({ documentId: DOC, start, end: start + phrase.length, color: 'geel', note });
}

const V2_EDIT = (text: string) =>
  text
    // A sentence the griffie deleted (a note quotes it).
    .replace(`${SENTENCES.fragmented} `, '')
    // Decision 1c reworded (a note and a position are on it).
    .replaceAll(
      "de condities aanscherpen waaronder we met het Rijk en andere overheden samenwerkingsprogramma's uitvoeren",
      "de voorwaarden aanscherpen waaronder we met het Rijk en andere overheden samenwerkingsprogramma's uitvoeren",
    )
    // A typo fix far from any note.
    .replace('Na twaalf provinciale bijeenkomsten', 'Na twaalf provinciale bijeenkomsten,');

describe('installing a signed pack', () => {
  it('refuses a new publisher key until it is trusted explicitly, then installs and remembers the key', () => {
    const key = newKey();
    const bytes = key.sign(
      buildSpec(tmp(), { version: 1, meeting: { date: '2019-06-26', amendmentDeadline: '2019-06-12' } }),
    );
    const s = open(tmp());
    try {
      const before = [digest(s.contentDb), digest(s.notesDb)];
      const preview = s.packs.inspect(bytes);
      expect(preview).toMatchObject({
        id: 'griffie-alv',
        verdict: 'new',
        signature: { state: 'valid', fingerprint: key.fingerprint, trusted: false },
        meeting: { date: '2019-06-26', amendmentDeadline: '2019-06-12' },
      });
      expect(() => s.packs.install(bytes)).toThrow(
        expect.objectContaining({
          code: 'pack-untrusted-key',
          nl: expect.stringContaining(key.fingerprint.slice(0, 4).toUpperCase()),
          en: expect.stringContaining('does not trust'),
        }),
      );
      expect([digest(s.contentDb), digest(s.notesDb)]).toEqual(before);

      const summary = s.packs.install(bytes, { trustFingerprint: key.fingerprint });
      expect(summary).toMatchObject({ packId: 'griffie-alv', kind: 'install', fromVersion: null, toVersion: 1 });
      expect(s.packs.trust.list()).toEqual([
        expect.objectContaining({ fingerprint: key.fingerprint, label: 'Griffie Testdorp' }),
      ]);
      expect(s.packs.list().find((p) => p.id === 'griffie-alv')).toMatchObject({
        fingerprint: key.fingerprint,
        source: 'file',
        meeting: { date: '2019-06-26', amendmentDeadline: '2019-06-12' },
      });
      // The letter shows the meeting facts of the pack it now comes from.
      expect(s.content.listDocuments().find((d) => d.id === DOC)).toMatchObject({
        packId: 'griffie-alv',
        meeting: { date: '2019-06-26', amendmentDeadline: '2019-06-12' },
      });
      // The next version from the same (now trusted) key needs no confirmation.
      const v2 = key.sign(buildSpec(tmp(), { version: 2 }));
      expect(s.packs.install(v2)).toMatchObject({ kind: 'update', fromVersion: 1, toVersion: 2 });
    } finally {
      s.close();
    }
  });

  it('refuses an equal ("al geïnstalleerd") or older ("oudere versie") version and changes nothing', () => {
    const key = newKey();
    const s = open(tmp());
    try {
      s.packs.install(key.sign(buildSpec(tmp(), { version: 3 })), { trustFingerprint: key.fingerprint });
      const before = [digest(s.contentDb), digest(s.notesDb)];
      expect(() => s.packs.install(key.sign(buildSpec(tmp(), { version: 3 })))).toThrow(
        expect.objectContaining({ code: 'pack-already-installed', nl: expect.stringContaining('al geïnstalleerd') }),
      );
      expect(() => s.packs.install(key.sign(buildSpec(tmp(), { version: 2 })))).toThrow(
        expect.objectContaining({ code: 'pack-older-version', nl: expect.stringContaining('oudere versie') }),
      );
      expect(s.packs.inspect(key.sign(buildSpec(tmp(), { version: 2 }))).verdict).toBe('older');
      expect([digest(s.contentDb), digest(s.notesDb)]).toEqual(before);
    } finally {
      s.close();
    }
  });

  it('installs an unsigned pack only with allowUnsigned; never over the bundled default content', () => {
    const s = open(tmp());
    try {
      const bytes = buildSpec(tmp(), { version: 1 });
      expect(() => s.packs.install(bytes)).toThrow(
        expect.objectContaining({ code: 'pack-unsigned', en: expect.stringContaining('not signed') }),
      );
      expect(s.packs.install(bytes, { allowUnsigned: true })).toMatchObject({ kind: 'install' });
      expect(s.packs.list().find((p) => p.id === 'griffie-alv')?.fingerprint).toBeNull();
      const fake = buildSpec(tmp(), { id: 'raadsmap-standaard', version: 9 });
      expect(s.packs.inspect(fake).blocked?.en).toContain('must be signed');
      expect(() => s.packs.install(fake, { allowUnsigned: true })).toThrow(
        expect.objectContaining({ code: 'pack-bundled' }),
      );
    } finally {
      s.close();
    }
  });
});

describe('an update keeps every note', () => {
  it('re-anchors each note, reports it per state, flags the position on a reworded decision, and shows a diff', () => {
    const key = newKey();
    const s = open(tmp());
    try {
      const unchanged = annotate(s, SENTENCES.redThread, 'rode draad');
      const deleted = annotate(s, SENTENCES.fragmented, 'belangrijk voor ons');
      const reworded = annotate(s, 'de condities aanscherpen waaronder we met het Rijk', 'wat betekent dit?');
      s.notes.savePosition(DOC, '1c', { stance: 'voor-met-amendement', reasoning: 'Alleen met belastinggebied.' });
      s.notes.savePosition(DOC, '1a', { stance: 'voor' });

      // v1 of the griffie's pack carries the same letter unchanged: nothing moves.
      const v1 = s.packs.install(key.sign(buildSpec(tmp(), { version: 1 })), { trustFingerprint: key.fingerprint });
      expect(v1.changed).toEqual([]);
      expect(v1.added).toEqual([]); // the letter was already in the library (from the bundled pack)

      const v2 = s.packs.install(key.sign(buildSpec(tmp(), { version: 2, edit: V2_EDIT })));
      expect(v2).toMatchObject({
        kind: 'update',
        changed: [{ id: DOC, title: 'Gemeenten 2024' }],
        notes: { anchored: 1, moved: 0, changed: 1, orphan: 1 },
        positionsToReview: 1,
      });
      const byId = new Map(s.notes.listAnnotations({ documentId: DOC }).map((a) => [a.id, a]));
      expect(byId.size).toBe(3);
      const text = documentText(s.content.getDocument(DOC)).text;
      const u = byId.get(unchanged.id)!;
      expect(u.anchor).toBe('anchored');
      expect(text.slice(u.position.start, u.position.end)).toBe(SENTENCES.redThread);
      const o = byId.get(deleted.id)!;
      expect(o.anchor).toBe('orphan');
      // The orphan keeps its quote and its note.
      expect(o.quote.exact).toBe(SENTENCES.fragmented);
      expect(o.note).toBe('belangrijk voor ons');
      const c = byId.get(reworded.id)!;
      expect(c.anchor).toBe('changed');
      expect(text.slice(c.position.start, c.position.end)).toContain('voorwaarden aanscherpen');

      const detail = s.packs.detail(v2.id);
      expect(detail.report.map((r) => [r.annotationId, r.state]).sort()).toEqual(
        [
          [unchanged.id, 'anchored'],
          [deleted.id, 'orphan'],
          [reworded.id, 'changed'],
        ].sort(),
      );
      expect(detail.positions).toEqual([
        expect.objectContaining({ decisionLabel: '1c', reason: 'changed', stance: 'voor-met-amendement' }),
      ]);
      expect(position(s, DOC, '1c').decisionChanged).toBe(true);
      expect(position(s, DOC, '1a').decisionChanged).toBe(false);
      // "Wat is er veranderd": the letter's diff shows the deleted sentence and the reworded words.
      const blocks = detail.documents[0]!.blocks;
      const words = blocks.flatMap((b) => (b.op === 'changed' ? b.words : []));
      expect(
        words
          .filter((w) => w.op === 'removed')
          .map((w) => w.text)
          .join(' '),
      ).toContain('gefragmenteerd');
      expect(
        words
          .filter((w) => w.op === 'added')
          .map((w) => w.text)
          .join(' '),
      ).toContain('voorwaarden');
      expect(blocks.some((b) => b.op === 'same' && b.count > 10)).toBe(true);
    } finally {
      s.close();
    }
  });

  it('re-anchoring interrupted after the content was installed is finished at the next start, once', () => {
    const key = newKey();
    const dataDir = tmp();
    let deletedId = '';
    {
      const s = open(dataDir);
      deletedId = annotate(s, SENTENCES.fragmented).id;
      annotate(s, SENTENCES.redThread);
      s.packs.trust.trust(splitPack(key.sign(buildSpec(tmp()))).signature!.publicKey, 'test');
      // The content half of an install commits; the process dies before the notes half.
      const pack = readPack(splitPack(key.sign(buildSpec(tmp(), { version: 2, edit: V2_EDIT }))).unsigned);
      s.content.installPack(
        {
          info: { id: 'griffie-alv', title: 'ALV', version: 2, publisher: null, issued: null },
          manifestJson: pack.manifestJson,
          documents: pack.documents,
        },
        'file',
      );
      expect(s.packs.reanchoring.pending()).toHaveLength(1);
      s.close();
    }
    const s = open(dataDir);
    try {
      expect(s.packs.reanchoring.pending()).toHaveLength(0);
      expect(s.notes.getAnnotation(deletedId).anchor).toBe('orphan');
      const after = digest(s.notesDb);
      expect(s.packs.reanchoring.run()).toMatchObject({ updates: 0 });
      expect(digest(s.notesDb)).toBe(after);
    } finally {
      s.close();
    }
  });

  it('removing a pack keeps its notes; they come back with the pack', () => {
    const key = newKey();
    const s = open(tmp());
    try {
      const bytes = key.sign(buildSpec(tmp(), { version: 1, extra: { 'digitaal-stemmen.txt': LETTER_B } }));
      s.packs.install(bytes, { trustFingerprint: key.fingerprint });
      const other = s.content.listDocuments().find((d) => d.title.includes('digitale stemming'))!;
      const { text } = documentText(s.content.getDocument(other.id));
      const start = text.indexOf('digitaal stemmen in de raadzaal');
      const note = s.notes.createAnnotation({
        documentId: other.id,
        start,
        end: start + 31,
        color: 'blauw',
        note: 'vragen',
      });
      s.notes.savePosition(other.id, '1', { stance: 'tegen' });

      const removed = s.packs.remove('griffie-alv');
      expect(removed).toMatchObject({ kind: 'remove', removed: [{ id: other.id }] });
      expect(s.content.listDocuments().map((d) => d.id)).toEqual([DOC]); // the bundled copy shows again
      // The notes overview still names the letter that left.
      expect(s.content.knownTitles().get(other.id)).toBe(other.title);
      expect(s.notes.getAnnotation(note.id)).toMatchObject({ note: 'vragen', anchor: 'anchored' });
      expect(s.notes.listAllPositions().find((p) => p.documentId === other.id)?.stance).toBe('tegen');
      expect(() => s.packs.remove('raadsmap-standaard')).toThrow(expect.objectContaining({ code: 'pack-bundled' }));

      s.packs.install(bytes);
      const back = s.notes.getAnnotation(note.id);
      expect(back.anchor).toBe('anchored');
      expect(documentText(s.content.getDocument(other.id)).text.slice(back.position.start, back.position.end)).toBe(
        'digitaal stemmen in de raadzaal',
      );
    } finally {
      s.close();
    }
  });

  it('with the same letter id in two packs the copy installed last is shown, and notes follow the id', () => {
    const a = newKey();
    const s = open(tmp());
    try {
      const note = annotate(s, SENTENCES.twelve);
      s.packs.install(
        a.sign(buildSpec(tmp(), { id: 'correctie', version: 1, edit: (t) => t.replace('twaalf', '12') })),
        {
          trustFingerprint: a.fingerprint,
        },
      );
      expect(s.content.listDocuments()).toEqual([expect.objectContaining({ id: DOC, packId: 'correctie' })]);
      expect(documentText(s.content.getDocument(DOC)).text).toContain('Na 12 provinciale');
      expect(s.notes.getAnnotation(note.id).anchor).toBe('changed');
    } finally {
      s.close();
    }
  });
});

describe('search after an update', () => {
  it('an unchanged letter keeps its index (not analysed again); a changed one is indexed anew; both are found', () => {
    const key = newKey();
    const s = open(tmp());
    try {
      const extra = { 'digitaal-stemmen.txt': LETTER_B };
      s.packs.install(key.sign(buildSpec(tmp(), { version: 1, extra })), { trustFingerprint: key.fingerprint });
      const other = s.content.listDocuments().find((d) => d.title.includes('digitale stemming'))!;
      const unitsOf = (docId: string) =>
        s.contentDb
          .prepare(
            'SELECT u.id FROM search_units u JOIN search_indexed i ON i.document = u.document WHERE i.doc_id = ? ORDER BY u.id',
          )
          .pluck()
          .all(docId) as number[];
      const before = unitsOf(other.id);
      const strategyBefore = unitsOf(DOC);
      s.packs.install(key.sign(buildSpec(tmp(), { version: 2, extra, edit: V2_EDIT })));
      expect(unitsOf(other.id)).toEqual(before); // same units, same order numbers: not re-indexed
      expect(unitsOf(DOC)).not.toEqual(strategyBefore);
      const hit = (text: string) => s.search.search({ text, limit: 5 }).hits.map((h) => h.documentId);
      expect(hit('raadzaal')).toContain(other.id);
      expect(hit('voorwaarden aanscherpen')).toContain(DOC);
      expect(hit('gefragmenteerd')).not.toContain(DOC);
    } finally {
      s.close();
    }
  });
});

describe('trusted keys in a backup', () => {
  it('a key trusted on the old laptop is trusted after a restore on the new one; a forged row is skipped', () => {
    const key = newKey();
    const old = open(tmp());
    const file = join(tmp(), 'notities.rmbackup');
    try {
      old.packs.install(key.sign(buildSpec(tmp(), { version: 1 })), { trustFingerprint: key.fingerprint });
      old.notesDb
        .prepare('INSERT INTO trusted_keys (fingerprint, public_key, label, added_at) VALUES (?, ?, ?, ?)')
        .run('ab'.repeat(32), Buffer.alloc(32, 7).toString('base64'), 'vervalst', '2026-01-01T00:00:00Z');
      createBackup(old.notesDb, file, { version: 'test' });
    } finally {
      old.close();
    }
    const fresh = open(tmp());
    try {
      restoreBackup(fresh, file, { version: 'test' });
      expect(fresh.packs.trust.list().map((k) => k.fingerprint)).toEqual([key.fingerprint]);
      // The next pack from that griffie installs without asking again.
      expect(fresh.packs.install(key.sign(buildSpec(tmp(), { version: 2 })))).toMatchObject({ kind: 'install' });
    } finally {
      fresh.close();
    }
  });
});

describe('the bundled default content', () => {
  it('is installed without a key: it ships inside the app (no private key in the repository)', () => {
    const s = open(tmp());
    try {
      expect(s.packs.list()).toEqual([
        expect.objectContaining({ id: 'raadsmap-standaard', source: 'bundled', fingerprint: null }),
      ]);
      const repoFiles = readFileSync(`${RESOURCES}/default-content/pack.json`, 'utf8');
      expect(repoFiles).not.toMatch(/PRIVATE KEY/);
    } finally {
      s.close();
    }
  });
});
