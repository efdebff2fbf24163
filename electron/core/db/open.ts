/**
 * Opening Raadsmap's SQLite databases: pragmas, migrations stamped in `PRAGMA user_version`,
 * one transaction per upgrade, and a clear refusal of a database written by a newer version.
 */
import Database from 'better-sqlite3';
import { RaadsmapError } from '../errors';

export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

export interface OpenOptions {
  /** A label for messages: "content.db". */
  label: string;
  /** `PRAGMA application_id`, so a foreign SQLite file is recognised as such. */
  applicationId: number;
  migrations: readonly Migration[];
  synchronous: 'FULL' | 'NORMAL';
  /** Path to a better_sqlite3.node built for this runtime (Electron's ABI in `npm start`). */
  nativeBinding?: string;
  readonly?: boolean;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

export function openDatabase(file: string, options: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
    });
  } catch (cause) {
    throw invalid(options.label, file, cause);
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('busy_timeout = 5000');
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== 0 && appId !== options.applicationId) {
      throw new RaadsmapError(
        'database-invalid',
        `${file} is geen ${options.label} van Raadsmap.`,
        `${file} is not a Raadsmap ${options.label}.`,
      );
    }
    migrate(db, options);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof RaadsmapError) throw error;
    throw invalid(options.label, file, error);
  }
}

function invalid(label: string, file: string, cause: unknown): RaadsmapError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new RaadsmapError(
    'database-invalid',
    `${label} kan niet worden geopend (${file}): ${detail}`,
    `${label} cannot be opened (${file}): ${detail}`,
    { cause },
  );
}

export function migrate(
  db: Db,
  options: Pick<OpenOptions, 'label' | 'migrations' | 'applicationId' | 'readonly'>,
): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(options.migrations);
  if (current > latest) {
    throw new RaadsmapError(
      'database-from-future',
      `${options.label} is gemaakt door een nieuwere versie van Raadsmap (schema ${current}, deze versie kent ${latest}). Werk Raadsmap bij; er is niets gewijzigd.`,
      `${options.label} was written by a newer version of Raadsmap (schema ${current}, this version knows ${latest}). Update Raadsmap; nothing was changed.`,
    );
  }
  if (options.readonly) return;
  const pending = [...options.migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      if (migration.version === 1) db.pragma(`application_id = ${options.applicationId}`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
