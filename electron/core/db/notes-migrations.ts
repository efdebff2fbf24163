import { createFtsTable } from '../search/fts';
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
  {
    version: 2,
    name: "search index over the user's notes, annotations and positions",
    up: (db) => {
      db.exec(`
        -- What the search shows for a note; kept in step with the notes by NotesSearchIndex, in the
        -- same transaction as the note itself.
        CREATE TABLE note_search_units (
          id INTEGER PRIMARY KEY,
          note_key TEXT NOT NULL UNIQUE,
          note_kind TEXT NOT NULL,
          document_id TEXT NOT NULL,
          paragraph_id TEXT,
          section_id TEXT,
          decision_label TEXT,
          title TEXT,
          text TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX note_search_units_by_document ON note_search_units(document_id);

        CREATE TABLE note_search_tags (
          unit INTEGER NOT NULL REFERENCES note_search_units(id) ON DELETE CASCADE,
          tag TEXT NOT NULL COLLATE NOCASE,
          PRIMARY KEY (unit, tag)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX note_search_tags_by_tag ON note_search_tags(tag);

        CREATE TABLE note_search_meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE note_search_vocab (
          word TEXT PRIMARY KEY,
          display TEXT NOT NULL,
          units INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
      `);
      createFtsTable(db, 'note_search_fts');
    },
  },
];
