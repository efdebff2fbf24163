/** A plain SQLite database for the baselines (b) and (c): WAL and synchronous NORMAL, like content.db. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fileBytes } from './child';

export function openPlain(dir: string, name: string): { db: Database.Database; file: string } {
  const file = join(dir, name);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return { db, file };
}

/** Database file size (+ -wal) after a truncating checkpoint. */
export function closeAndMeasure(db: Database.Database, file: string): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return fileBytes(file, `${file}-wal`);
}
