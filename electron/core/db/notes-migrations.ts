import type { Migration } from './open';

/** 'RSMN': Raadsmap notes. */
export const NOTES_APPLICATION_ID = 0x52534d4e;

/**
 * notes.db: everything the user writes. Never rebuilt, never replaced by a pack;
 * opened with synchronous=FULL so an acknowledged write survives a crash.
 */
export const notesMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up: (db) => {
      db.exec(`
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];
