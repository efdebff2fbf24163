/**
 * Backups and restores on real SQLite files, with real notes written through the app's services:
 * the backup file identifies itself, a backup restored into an empty profile gives identical notes
 * (a hash of a canonical dump), merging follows the rules (stable ids, newer edit wins, deletions
 * count as edits, tags by folded name, colour meanings, letters not installed), bad files are
 * refused in Dutch and English with nothing changed, and a backup taken while another process is
 * writing notes is consistent.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackup, createBackupAsync } from '../../electron/core/backup/backup';
import { readBackup, restoreBackup } from '../../electron/core/backup/restore';
import { NOTES_APPLICATION_ID, notesMigrations } from '../../electron/core/db/notes-migrations';
import { openServices, type Services } from '../../electron/core/services';
import { documentText } from '../../electron/shared/text';
import { buildWriter } from '../crash/harness';
import { RESOURCES, ROOT, useTempDir } from '../helpers/tmp';
import { at, canonicalDump, DOC, rangeOf, seedNotes } from './export-helpers';

const NOTES_SCHEMA = notesMigrations.length;

const tmp = useTempDir();
const VERSION = '0.1.0-test';

function open(dataDir = tmp()): Services {
  return openServices({ dataDir, resourcesDir: RESOURCES });
}

function withServices<T>(fn: (s: Services) => T, dataDir = tmp()): T {
  const s = open(dataDir);
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

/** A seeded profile and a backup of it. */
function seededBackup(): { dataDir: string; file: string; hash: string } {
  const dataDir = tmp();
  const file = join(tmp(), 'notities.rmbackup');
  const hash = withServices((s) => {
    seedNotes(s);
    createBackup(s.notesDb, file, { version: VERSION, now: at(30) });
    return canonicalDump(s.notesDb).hash;
  }, dataDir);
  return { dataDir, file, hash };
}

describe('the backup file', () => {
  it('is an SQLite snapshot that names itself: application_id RSMN, schema version, metadata, rollback journal', () => {
    const { file } = seededBackup();
    const header = readFileSync(file).subarray(0, 100);
    expect(header.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect([header[18], header[19]]).toEqual([1, 1]); // not WAL: complete on its own
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(NOTES_APPLICATION_ID);
      expect(Buffer.from((NOTES_APPLICATION_ID >>> 0).toString(16), 'hex').toString('latin1')).toBe('RSMN');
      expect(db.pragma('user_version', { simple: true })).toBe(NOTES_SCHEMA);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const meta = Object.fromEntries(
        (db.prepare('SELECT key, value FROM raadsmap_backup').all() as Array<{ key: string; value: string }>).map(
          (r) => [r.key, r.value],
        ),
      );
      expect(meta).toEqual({
        format: '1',
        appVersion: VERSION,
        createdAt: at(30).toISOString(),
        schemaVersion: String(NOTES_SCHEMA),
        counts: JSON.stringify({ annotations: 5, positions: 2, tags: 5 }),
      });
    } finally {
      db.close();
    }
  });

  it('restored into an empty profile gives identical notes (hash of a canonical dump), findable again', async () => {
    const { file, hash, dataDir } = seededBackup();
    const asyncFile = join(tmp(), 'async.rmbackup');
    await (async () => {
      const s = open(dataDir);
      try {
        await createBackupAsync(s.notesDb, asyncFile, { version: VERSION });
      } finally {
        s.close();
      }
    })();
    for (const backup of [file, asyncFile]) {
      withServices((s) => {
        const report = restoreBackup(s, backup, { version: VERSION });
        expect(report).toMatchObject({
          annotations: { added: 5, deleted: 1, updated: 0, kept: 0 },
          positions: { added: 2 },
          colors: { updated: 1 },
          keptNewer: [],
          waitingForLetters: [],
          safetyBackup: null,
        });
        expect(canonicalDump(s.notesDb).hash).toBe(hash);
        // The search index is rebuilt for what arrived; the deleted note stays out of it.
        expect(s.search.search({ text: 'verkiezingsprogramma', onlyNotes: true }).total).toBe(1);
        expect(s.search.search({ text: 'Kernpunt', onlyNotes: true }).total).toBe(1);
        expect(s.search.search({ text: 'Weggegooid', onlyNotes: true }).total).toBe(0);
        // Restoring again changes nothing and duplicates nothing.
        const again = restoreBackup(s, backup, { version: VERSION });
        expect(again.annotations).toEqual({ added: 0, updated: 0, kept: 0, deleted: 0, unchanged: 6 });
        expect(again.positions).toEqual({ added: 0, updated: 0, kept: 0, unchanged: 2 });
        expect(again.safetyBackup).toMatch(/raadsmap-voor-herstel-.*\.rmbackup$/);
        expect(canonicalDump(s.notesDb).hash).toBe(hash);
      });
    }
  });
});

describe('merging a backup into a profile with its own notes', () => {
  it('newer edits win, a deletion is an edit, newer local edits are kept and reported, nothing duplicates', () => {
    const a = seededBackup();
    // Laptop B: restored from the first backup, then edited further.
    const bDir = tmp();
    const ids = withServices((s) => {
      restoreBackup(s, a.file, { version: VERSION });
      const list = s.notes.listAnnotations();
      const byQuote = (q: string) => list.find((x) => x.quote.exact === q)!.id;
      const belasting = byQuote('Uitbreiding van het gemeentelijk belastinggebied');
      s.notes.updateAnnotation({ id: belasting, note: 'Op laptop B later aangepast' }, at(200));
      s.notes.updateAnnotation({ id: byQuote('Raad van State'), note: 'Op B, maar vroeg' }, at(40));
      s.notes.savePosition(DOC, '1c', { reasoning: 'B denkt er later anders over' }, at(210));
      s.notes.renameColor('blauw', 'Navragen');
      return { belasting, raad: byQuote('Raad van State'), solidariteit: byQuote('solidariteit') };
    }, bDir);

    // Laptop A goes on: edits the same notes at other moments, deletes one, writes a new one.
    const second = join(tmp(), 'tweede.rmbackup');
    let fresh = '';
    withServices((s) => {
      s.notes.updateAnnotation({ id: ids.belasting, note: 'Op A, eerder dan B' }, at(100));
      s.notes.updateAnnotation({ id: ids.raad, note: 'Op A, later dan B', tags: ['Financien'] }, at(120));
      s.notes.deleteAnnotation(ids.solidariteit, at(130));
      fresh = s.notes.createAnnotation(
        { documentId: DOC, ...rangeOf(s, 'energietransitie'), color: 'groen', note: 'Nieuw op A', tags: ['Energie'] },
        at(140),
      ).id;
      s.notes.savePosition(DOC, '1a', { stance: 'tegen', reasoning: 'Toch tegen' }, at(150));
      s.notes.savePosition(DOC, '1c', { reasoning: 'A denkt er eerder anders over' }, at(160));
      s.notes.linkAnnotation(DOC, '1a', ids.raad, true, at(161));
      s.notes.renameColor('blauw', 'Vraag aan griffie');
      createBackup(s.notesDb, second, { version: VERSION });
    }, a.dataDir);

    withServices((s) => {
      const report = restoreBackup(s, second, { version: VERSION });
      expect(report.annotations).toEqual({ added: 1, updated: 1, kept: 1, deleted: 1, unchanged: 3 });
      expect(report.positions).toEqual({ added: 0, updated: 1, kept: 1, unchanged: 0 });
      expect(report.keptNewer).toEqual([
        { kind: 'color', id: 'blauw', documentId: null, local: 'Navragen', backup: 'Vraag aan griffie' },
        {
          kind: 'annotation',
          id: ids.belasting,
          documentId: DOC,
          local: at(200).toISOString(),
          backup: at(100).toISOString(),
        },
        {
          kind: 'position',
          id: `${DOC}/1c`,
          documentId: DOC,
          local: at(210).toISOString(),
          backup: at(160).toISOString(),
        },
      ]);
      expect(report.safetyBackup).not.toBeNull();
      expect(existsSync(report.safetyBackup!)).toBe(true);
      const get = (id: string) => s.notes.listAnnotations().find((x) => x.id === id);
      expect(get(ids.belasting)!.note).toBe('Op laptop B later aangepast');
      expect(get(ids.raad)).toMatchObject({ note: 'Op A, later dan B', tags: ['financiën'] });
      expect(get(ids.solidariteit)).toBeUndefined(); // deleted on A after B's copy: stays deleted
      expect(get(fresh)).toMatchObject({ note: 'Nieuw op A', tags: ['Energie'], anchor: 'anchored' });
      const positions = s.notes.listPositions(DOC);
      expect(positions.find((p) => p.decisionLabel === '1a')).toMatchObject({
        stance: 'tegen',
        reasoning: 'Toch tegen',
        linkedAnnotationIds: [ids.raad],
      });
      expect(positions.find((p) => p.decisionLabel === '1c')!.reasoning).toBe('B denkt er later anders over');
      // Tags by folded name: "Financien" is the existing "financiën"; no duplicate tags or notes.
      const tags = s.notes.listTags().map((t) => t.name);
      expect(tags.filter((t) => t.toLowerCase().startsWith('financ'))).toEqual(['financiën']);
      expect(new Set(tags).size).toBe(tags.length);
      expect(s.notesDb.prepare('SELECT COUNT(*) FROM annotations').pluck().get()).toBe(7);
      expect(s.notes.colors().find((c) => c.id === 'blauw')!.label).toBe('Navragen');
    }, bDir);
  });

  it('a deleted annotation in the backup stays deleted unless the local copy was edited after the deletion', () => {
    const { file, dataDir } = seededBackup();
    const otherDir = tmp();
    const id = withServices((s) => {
      restoreBackup(s, file, { version: VERSION });
      return s.notes.listAnnotations().find((a) => a.quote.exact === 'Raad van State')!.id;
    }, otherDir);
    const deletedBackup = join(tmp(), 'verwijderd.rmbackup');
    withServices((s) => {
      s.notes.deleteAnnotation(id, at(300));
      createBackup(s.notesDb, deletedBackup, { version: VERSION });
    }, dataDir);
    // Edited locally after the deletion: kept, alive.
    withServices((s) => {
      s.notes.updateAnnotation({ id, note: 'Na het verwijderen op de andere laptop nog aangepast' }, at(400));
      const report = restoreBackup(s, deletedBackup, { version: VERSION });
      expect(report.annotations.kept).toBe(1);
      expect(s.notes.getAnnotation(id).note).toMatch(/nog aangepast/);
    }, otherDir);
    // Not edited since: the deletion arrives, and undo still works.
    const thirdDir = tmp();
    withServices((s) => {
      restoreBackup(s, file, { version: VERSION });
      const report = restoreBackup(s, deletedBackup, { version: VERSION });
      expect(report.annotations.deleted).toBe(1);
      expect(() => s.notes.getAnnotation(id)).toThrow(expect.objectContaining({ code: 'annotation-not-found' }));
      expect(s.search.search({ text: 'advies', onlyNotes: true }).total).toBe(0);
      expect(s.notes.restoreAnnotation(id).quote.exact).toBe('Raad van State');
    }, thirdDir);
  });

  it('notes on a letter that is not installed are kept and appear when the letter arrives', () => {
    const letter = readFileSync(join(ROOT, 'test', 'fixtures', 'letters', 'voorstellen-contributie.txt'));
    const file = join(tmp(), 'met-eigen-brief.rmbackup');
    const source = withServices((s) => {
      const imported = s.importLetter(letter, 'voorstellen-contributie.txt');
      const doc = s.content.getDocument(imported.documentId);
      const { text } = documentText(doc);
      const start = text.indexOf('contributie');
      const note = s.notes.createAnnotation(
        { documentId: doc.id, start, end: start + 'contributie'.length, color: 'geel', note: 'Hoeveel voor ons?' },
        at(1),
      );
      s.notes.savePosition(doc.id, doc.decisions[0]!.label, { stance: 'tegen', reasoning: 'Te duur' }, at(2));
      createBackup(s.notesDb, file, { version: VERSION });
      return { documentId: doc.id, id: note.id, label: doc.decisions[0]!.label };
    });
    const dataDir = tmp();
    withServices((s) => {
      expect(s.content.hasDocument(source.documentId)).toBe(false);
      const report = restoreBackup(s, file, { version: VERSION });
      expect(report.waitingForLetters).toEqual([source.documentId]);
      const waiting = s.notes.getAnnotation(source.id);
      expect(waiting).toMatchObject({ note: 'Hoeveel voor ons?', quote: { exact: 'contributie' }, anchor: 'anchored' });
      expect(s.notes.listAllPositions().map((p) => [p.documentId, p.decisionLabel, p.stance])).toEqual([
        [source.documentId, source.label, 'tegen'],
      ]);
      // The letter arrives: the note and the position are there, on their passage and decision.
      s.importLetter(letter, 'voorstellen-contributie.txt');
      const here = s.notes.listAnnotations({ documentId: source.documentId });
      expect(here.map((a) => a.id)).toEqual([source.id]);
      const { text } = documentText(s.content.getDocument(source.documentId));
      expect(text.slice(here[0]!.position.start, here[0]!.position.end)).toBe('contributie');
      expect(s.notes.listPositions(source.documentId).find((p) => p.decisionLabel === source.label)).toMatchObject({
        stance: 'tegen',
        decisionChanged: false,
      });
    }, dataDir);
  });
});

describe('bad backups are refused in Dutch and English, and nothing changes', () => {
  function expectRefused(file: string, code: string, nl: RegExp, en: RegExp): void {
    const dataDir = tmp();
    withServices((s) => {
      s.notes.createAnnotation({ documentId: DOC, ...rangeOf(s, 'Raad van State'), color: 'geel', note: 'eigen' });
      const before = canonicalDump(s.notesDb).hash;
      let error: unknown;
      try {
        restoreBackup(s, file, { version: VERSION });
      } catch (e) {
        error = e;
      }
      expect(error, file).toMatchObject({ code, nl: expect.stringMatching(nl), en: expect.stringMatching(en) });
      expect((error as { nl: string }).nl).toContain('Er is niets gewijzigd');
      expect((error as { en: string }).en).toContain('Nothing was changed');
      expect(canonicalDump(s.notesDb).hash).toBe(before);
      expect(existsSync(join(dataDir, 'backups'))).toBe(false); // not even a safety backup
      // The connection is left as it was (nothing attached).
      expect(s.notesDb.prepare('PRAGMA database_list').all()).toHaveLength(1);
    }, dataDir);
  }

  it('empty, not SQLite, a content pack, truncated, corrupted, foreign SQLite', () => {
    const { file } = seededBackup();
    const dir = tmp();
    const empty = join(dir, 'leeg.rmbackup');
    writeFileSync(empty, '');
    expectRefused(empty, 'backup-invalid', /leeg/, /empty/);
    const text = join(dir, 'tekst.rmbackup');
    writeFileSync(text, 'Dit is geen back-up maar een briefje.\n'.repeat(100));
    expectRefused(text, 'backup-invalid', /geen back-up van Raadsmap/, /not a Raadsmap backup/);
    const pack = join(dir, 'pakket.rmbackup');
    writeFileSync(pack, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 1)]));
    expectRefused(pack, 'backup-invalid', /geen SQLite/, /not an SQLite file/);

    const size = statSync(file).size;
    const truncated = join(dir, 'afgebroken.rmbackup');
    copyFileSync(file, truncated);
    truncateSync(truncated, Math.floor(size / 2));
    expectRefused(truncated, 'backup-invalid', /onvolledig|beschadigd/, /incomplete|damaged/);
    const ragged = join(dir, 'scheef.rmbackup');
    copyFileSync(file, ragged);
    truncateSync(ragged, size - 1000);
    expectRefused(ragged, 'backup-invalid', /onvolledig/, /incomplete/);

    const corrupted = join(dir, 'beschadigd.rmbackup');
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let page = 2; page * pageSize < bytes.length; page += 2)
      bytes.fill(0xa5, page * pageSize + 8, page * pageSize + 200);
    writeFileSync(corrupted, bytes);
    expectRefused(corrupted, 'backup-invalid', /beschadigd/, /damaged/);

    const foreign = join(dir, 'vreemd.rmbackup');
    const db = new Database(foreign);
    db.exec('CREATE TABLE annotations (id TEXT); INSERT INTO annotations VALUES (1)');
    db.close();
    expectRefused(foreign, 'backup-invalid', /geen back-up van Raadsmap/, /not a Raadsmap backup/);
    const content = join(dir, 'content.rmbackup');
    withServices((s) => s.contentDb.prepare('VACUUM INTO ?').run(content));
    expectRefused(content, 'backup-invalid', /ander soort database/, /another kind of database/);
  });

  it('a backup from a newer Raadsmap (schema or backup format)', () => {
    const { file } = seededBackup();
    const schema = join(tmp(), 'schema-99.rmbackup');
    copyFileSync(file, schema);
    const a = new Database(schema);
    a.pragma('user_version = 99');
    a.prepare(`UPDATE raadsmap_backup SET value = '9.0.0' WHERE key = 'appVersion'`).run();
    a.close();
    expectRefused(schema, 'backup-from-future', /nieuwere versie van Raadsmap \(9\.0\.0, schema 99/, /newer version/);
    const format = join(tmp(), 'formaat-2.rmbackup');
    copyFileSync(file, format);
    const b = new Database(format);
    b.prepare(`UPDATE raadsmap_backup SET value = '2' WHERE key = 'format'`).run();
    b.close();
    expectRefused(format, 'backup-from-future', /Werk Raadsmap bij/, /Update Raadsmap/);
  });

  it('the user’s file is only read: restoring never writes to it', () => {
    const { file } = seededBackup();
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    withServices((s) => restoreBackup(s, file, { version: VERSION }));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(join(file, '..')).filter((f) => /-journal|-wal|-shm/.test(f))).toEqual([]);
  });

  it('reading a backup reports what it holds', () => {
    const { file } = seededBackup();
    withServices((s) => {
      const contents = readBackup(s.notesDb, file);
      expect(contents.info).toMatchObject({ format: 1, schemaVersion: NOTES_SCHEMA, appVersion: VERSION });
      expect(contents.annotations).toHaveLength(6); // five live, one deleted
      expect(contents.positions).toHaveLength(2);
    });
  });
});

describe('a backup taken while another process writes notes', () => {
  let writer = '';
  beforeAll(async () => {
    writer = await buildWriter(ROOT);
  });

  it('is a consistent snapshot every time: integrity ok, restorable, never fewer notes than the one before', async () => {
    const dataDir = tmp();
    const child = spawn(process.execPath, [writer, dataDir, RESOURCES], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
    let acked = 0;
    let ready: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      if (text.includes('ready')) ready();
      acked += (text.match(/^ack /gm) ?? []).length;
    });
    const files: string[] = [];
    try {
      await isReady;
      const s = open(dataDir);
      try {
        const out = tmp();
        for (let i = 0; i < 16; i++) {
          await new Promise((r) => setTimeout(r, 40));
          const file = join(out, `b${String(i).padStart(2, '0')}.rmbackup`);
          if (i % 2 === 0) createBackup(s.notesDb, file, { version: VERSION });
          else await createBackupAsync(s.notesDb, file, { version: VERSION });
          files.push(file);
        }
      } finally {
        s.close();
      }
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    expect(acked).toBeGreaterThan(20); // the writer really was writing all along
    let previous = -1;
    for (const file of files) {
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), file).toBe('ok');
        expect(db.pragma('application_id', { simple: true })).toBe(NOTES_APPLICATION_ID);
        const count = db.prepare('SELECT COUNT(*) FROM annotations').pluck().get() as number;
        const tagged = db.prepare('SELECT COUNT(DISTINCT annotation_id) FROM annotation_tags').pluck().get() as number;
        expect(tagged).toBe(count); // every note with its tag: no half-written note
        expect(count).toBeGreaterThanOrEqual(previous);
        previous = count;
      } finally {
        db.close();
      }
    }
    withServices((s) => {
      const report = restoreBackup(s, files.at(-1)!, { version: VERSION });
      expect(report.annotations.added).toBe(previous);
      expect(s.notes.listAnnotations()).toHaveLength(previous);
    });
  }, 120_000);
});
