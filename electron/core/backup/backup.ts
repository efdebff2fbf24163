/**
 * One-file backups of everything the user wrote (notes.db: annotations, tags, positions, links,
 * highlight colours, settings).
 *
 * Format: an SQLite database — a consistent snapshot of notes.db made by SQLite itself (`VACUUM
 * INTO`, or the online backup API through better-sqlite3's asynchronous `db.backup()`, never a
 * copy of the live file) — that identifies itself: `PRAGMA application_id` 'RSMN' (Raadsmap notes),
 * `PRAGMA user_version` the notes schema version, and a table `raadsmap_backup` (key, value) with
 * `format` (1), `appVersion`, `createdAt` (ISO), `schemaVersion` and `counts` (JSON). Rollback
 * journal mode, so the file is complete on its own. Written beside the target and renamed into
 * place: a failed backup leaves no partial file.
 *
 * The snapshot is stamped through the same connection (ATTACH), so the core never opens a second
 * native database handle (Electron's better-sqlite3 build is loaded once, by openServices).
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from '../db/open';
import { latestVersion } from '../db/open';
import { NOTES_APPLICATION_ID, notesMigrations } from '../db/notes-migrations';
import { tempNameFor, writeFailed } from '../export/write';
import type { BackupInfo } from '../../shared/export';

export const BACKUP_FORMAT = 1;
export const BACKUP_META_TABLE = 'raadsmap_backup';

export interface BackupOptions {
  /** Raadsmap's version, recorded in the backup. */
  version: string;
  now?: Date;
}

export interface BackupResult {
  path: string;
  size: number;
  info: BackupInfo;
}

function countsOf(db: Db, schema: string): BackupInfo['counts'] {
  const count = (sql: string) => {
    try {
      return Number(
        db
          .prepare(sql.replaceAll('$.', `${schema}.`))
          .pluck()
          .get() ?? 0,
      );
    } catch {
      return 0; // a table this schema version does not have yet
    }
  };
  return {
    annotations: count('SELECT COUNT(*) FROM $.annotations WHERE deleted_at IS NULL'),
    positions: count('SELECT COUNT(*) FROM $.positions'),
    tags: count('SELECT COUNT(*) FROM $.tags'),
  };
}

/** Adds the metadata table to a fresh snapshot and makes it a self-contained rollback-journal file. */
function stamp(db: Db, file: string, options: BackupOptions): BackupInfo {
  const info: BackupInfo = {
    format: BACKUP_FORMAT,
    schemaVersion: latestVersion(notesMigrations),
    appVersion: options.version,
    createdAt: (options.now ?? new Date()).toISOString(),
    counts: { annotations: 0, positions: 0, tags: 0 },
  };
  db.prepare('ATTACH DATABASE ? AS raadsmap_bk').run(file);
  try {
    db.pragma('raadsmap_bk.journal_mode = DELETE');
    info.schemaVersion = db.pragma('raadsmap_bk.user_version', { simple: true }) as number;
    info.counts = countsOf(db, 'raadsmap_bk');
    db.exec(`CREATE TABLE raadsmap_bk.${BACKUP_META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`);
    const insert = db.prepare(`INSERT INTO raadsmap_bk.${BACKUP_META_TABLE} (key, value) VALUES (?, ?)`);
    insert.run('format', String(info.format));
    insert.run('appVersion', info.appVersion);
    insert.run('createdAt', info.createdAt);
    insert.run('schemaVersion', String(info.schemaVersion));
    insert.run('counts', JSON.stringify(info.counts));
    db.pragma(`raadsmap_bk.application_id = ${NOTES_APPLICATION_ID}`);
  } finally {
    db.exec('DETACH DATABASE raadsmap_bk');
  }
  return info;
}

function prepareTarget(file: string): { target: string; temp: string } {
  const target = resolve(file);
  try {
    if (statSync(target).isDirectory()) {
      throw writeFailed(target, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'write-failed') throw error;
  }
  let folder = false;
  try {
    folder = statSync(dirname(target)).isDirectory();
  } catch {
    folder = false;
  }
  if (!folder) throw writeFailed(target, Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
  return { target, temp: tempNameFor(target) };
}

function cleanup(temp: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
}

function sqliteWriteError(error: unknown): unknown {
  // SQLite names the problem in its own words; give the file system's code where it is clear.
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? '';
  if (/SQLITE_FULL|disk is full/i.test(`${code} ${message}`))
    return Object.assign(new Error(message), { code: 'ENOSPC' });
  if (/SQLITE_CANTOPEN|unable to open/i.test(`${code} ${message}`))
    return Object.assign(new Error(message), { code: 'EACCES' });
  if (/SQLITE_READONLY|readonly/i.test(`${code} ${message}`))
    return Object.assign(new Error(message), { code: 'EROFS' });
  return error;
}

function finish(db: Db, temp: string, target: string, options: BackupOptions): BackupResult {
  const info = stamp(db, temp, options);
  renameSync(temp, target);
  return { path: target, size: statSync(target).size, info };
}

/** A backup made with `VACUUM INTO` (synchronous; fast for a notes database). */
export function createBackup(db: Db, file: string, options: BackupOptions): BackupResult {
  const { target, temp } = prepareTarget(file);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    return finish(db, temp, target, options);
  } catch (error) {
    cleanup(temp);
    if ((error as { code?: string }).code === 'write-failed') throw error;
    throw writeFailed(target, sqliteWriteError(error));
  }
}

/**
 * A backup made with SQLite's online backup API (better-sqlite3 `db.backup()`): copied a few pages
 * at a time between turns of the event loop, so the app stays responsive. Writes through the same
 * connection during the copy are carried into the snapshot; the result is consistent.
 */
export async function createBackupAsync(db: Db, file: string, options: BackupOptions): Promise<BackupResult> {
  const { target, temp } = prepareTarget(file);
  try {
    await db.backup(temp);
    return finish(db, temp, target, options);
  } catch (error) {
    cleanup(temp);
    if ((error as { code?: string }).code === 'write-failed') throw error;
    throw writeFailed(target, sqliteWriteError(error));
  }
}

/** `raadsmap-backup-2026-11-12.rmbackup` (local date): the daily backup's name. */
export function dailyBackupName(date: Date): string {
  return `raadsmap-backup-${localDay(date)}.rmbackup`;
}

export const DAILY_BACKUP_PATTERN = /^raadsmap-backup-(\d{4}-\d{2}-\d{2})\.rmbackup$/;

export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2026-11-12-093015` (local time), for backups made on request. */
export function localStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(date)}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}
