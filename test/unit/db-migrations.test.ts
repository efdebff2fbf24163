import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_APPLICATION_ID, contentMigrations } from '../../electron/core/db/content-migrations';
import { NOTES_APPLICATION_ID, notesMigrations } from '../../electron/core/db/notes-migrations';
import { latestVersion, openDatabase, type Migration } from '../../electron/core/db/open';
import { RaadsmapError } from '../../electron/core/errors';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir();

const stores = [
  {
    label: 'content.db',
    migrations: contentMigrations,
    applicationId: CONTENT_APPLICATION_ID,
    synchronous: 'NORMAL' as const,
    sync: 1,
  },
  {
    label: 'notes.db',
    migrations: notesMigrations,
    applicationId: NOTES_APPLICATION_ID,
    synchronous: 'FULL' as const,
    sync: 2,
  },
];

function schema(db: Database.Database): string[] {
  return db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').pluck().all() as string[];
}

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  ).map((r) => r.name);
}

describe.each(stores)('$label', (store) => {
  it('migrations are numbered 1..n without gaps', () => {
    expect(store.migrations.map((m) => m.version)).toEqual(store.migrations.map((_, i) => i + 1));
  });

  it('opens a new file at the latest version, with WAL, foreign keys and the right synchronous mode', () => {
    const file = join(tmp(), store.label);
    const db = openDatabase(file, store);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(store.migrations));
    expect(db.pragma('application_id', { simple: true })).toBe(store.applicationId);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(store.sync);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it.each(store.migrations.map((m) => [m.version, m] as const))(
    'migration %i applies on its predecessor in one transaction',
    (version, migration) => {
      const file = join(tmp(), store.label);
      const earlier = store.migrations.filter((m) => m.version < version);
      openDatabase(file, { ...store, migrations: earlier.length ? earlier : [] }).close();
      const before = new Database(file);
      const schemaBefore = schema(before);
      before.close();
      const db = openDatabase(file, { ...store, migrations: [...earlier, migration] });
      expect(db.pragma('user_version', { simple: true })).toBe(version);
      // Every migration changes the schema (adds tables, or makes one again with new columns).
      expect(schema(db)).not.toEqual(schemaBefore);
      db.close();
    },
  );

  it('reopening is idempotent and keeps data', () => {
    const file = join(tmp(), store.label);
    const first = openDatabase(file, store);
    const name = tables(first)[0]!;
    first.close();
    const again = openDatabase(file, store);
    expect(tables(again)).toContain(name);
    expect(again.pragma('user_version', { simple: true })).toBe(latestVersion(store.migrations));
    again.close();
  });

  it('refuses a database written by a newer version, and changes nothing', () => {
    const file = join(tmp(), store.label);
    openDatabase(file, store).close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    let error: unknown;
    try {
      openDatabase(file, store);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RaadsmapError);
    expect((error as RaadsmapError).code).toBe('database-from-future');
    expect((error as RaadsmapError).nl).toMatch(/nieuwere versie van Raadsmap/);
    expect((error as RaadsmapError).en).toMatch(/newer version of Raadsmap/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('refuses a foreign SQLite file and a file that is not a database', () => {
    const foreign = join(tmp(), 'foreign.db');
    const raw = new Database(foreign);
    raw.pragma('application_id = 12345');
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(() => openDatabase(foreign, store)).toThrowError(RaadsmapError);
    const garbage = join(tmp(), 'garbage.db');
    writeFileSync(garbage, 'this is not a database at all, just text '.repeat(200));
    expect(() => openDatabase(garbage, store)).toThrowError(/cannot be opened|not a Raadsmap/);
  });
});

describe('a failing migration', () => {
  it('rolls back completely: the database stays at the previous version', () => {
    const file = join(tmp(), 'x.db');
    const ok: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE a (x TEXT) STRICT') };
    const bad: Migration = {
      version: 2,
      name: 'two',
      up: (db) => {
        db.exec('CREATE TABLE b (x)');
        throw new Error('boom');
      },
    };
    const options = { label: 'x.db', applicationId: 1, synchronous: 'FULL' as const };
    openDatabase(file, { ...options, migrations: [ok] }).close();
    expect(() => openDatabase(file, { ...options, migrations: [ok, bad] })).toThrow(/boom/);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('b');
    db.close();
  });
});
