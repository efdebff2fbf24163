import { createFtsTable } from '../search/fts';
import type { Migration } from './open';

/** 'RSMC': Raadsmap content. */
export const CONTENT_APPLICATION_ID = 0x52534d43;

/** content.db: read-mostly, replaced by packs. Never holds anything the user wrote. */
export const contentMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'packs, documents, sections, paragraphs, decisions',
    up: (db) => {
      db.exec(`
        CREATE TABLE packs (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          version INTEGER NOT NULL,
          publisher TEXT,
          issued TEXT,
          source TEXT NOT NULL CHECK (source IN ('bundled', 'file', 'local')),
          installed_at TEXT NOT NULL,
          manifest_json TEXT NOT NULL
        ) STRICT;

        CREATE TABLE documents (
          pk INTEGER PRIMARY KEY,
          pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
          doc_id TEXT NOT NULL,
          ord INTEGER NOT NULL,
          title TEXT NOT NULL,
          date TEXT,
          reference TEXT,
          kenmerk TEXT,
          subject TEXT,
          addressee TEXT,
          attachments TEXT,
          signatory TEXT NOT NULL,
          metadata_json TEXT NOT NULL,
          source_json TEXT NOT NULL,
          installed_seq INTEGER NOT NULL,
          UNIQUE (pack_id, doc_id)
        ) STRICT;
        CREATE INDEX documents_by_doc_id ON documents(doc_id, installed_seq);

        CREATE TABLE sections (
          pk INTEGER PRIMARY KEY,
          document INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
          section_id TEXT NOT NULL,
          parent INTEGER REFERENCES sections(pk) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          title TEXT,
          level INTEGER NOT NULL,
          UNIQUE (document, section_id)
        ) STRICT;

        CREATE TABLE paragraphs (
          pk INTEGER PRIMARY KEY,
          document INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
          section INTEGER NOT NULL REFERENCES sections(pk) ON DELETE CASCADE,
          paragraph_id TEXT NOT NULL,
          ord INTEGER NOT NULL,
          kind TEXT NOT NULL,
          text TEXT NOT NULL,
          marker TEXT,
          depth INTEGER,
          decision_label TEXT,
          decision_stem INTEGER NOT NULL DEFAULT 0,
          marks_json TEXT,
          UNIQUE (document, paragraph_id)
        ) STRICT;
        CREATE INDEX paragraphs_by_section ON paragraphs(section, ord);

        CREATE TABLE decisions (
          document INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
          label TEXT NOT NULL,
          ord INTEGER NOT NULL,
          text TEXT NOT NULL,
          stem TEXT,
          hash TEXT NOT NULL,
          paragraph_ids_json TEXT NOT NULL,
          PRIMARY KEY (document, label)
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'search index over the current copy of each document',
    up: (db) => {
      db.exec(`
        -- One row per searchable unit. The id is also the FTS rowid and encodes where the unit sits
        -- in the index's static order (see search/rowid.ts): headings and decisions first, then the
        -- most recently indexed letters first, then reading order.
        CREATE TABLE search_units (
          id INTEGER PRIMARY KEY,
          document INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('text', 'heading', 'decision')),
          ord INTEGER NOT NULL,
          section_id TEXT,
          section_title TEXT,
          paragraph_id TEXT,
          decision_label TEXT,
          -- Headings and titles only; paragraph text is read from paragraphs.
          text TEXT
        ) STRICT;
        CREATE INDEX search_units_by_document ON search_units(document);

        -- Which installed copy of each document id the index holds (the current one), and its
        -- sequence number in the index order.
        CREATE TABLE search_indexed (
          doc_id TEXT PRIMARY KEY,
          document INTEGER NOT NULL,
          seq INTEGER NOT NULL UNIQUE,
          doc_date TEXT
        ) STRICT;

        -- The analysis version the index was written with (search/fts.ts ANALYSIS_VERSION).
        CREATE TABLE search_meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        -- Distinct words as written (folded), for suggestions and "did you mean".
        CREATE TABLE search_vocab (
          word TEXT PRIMARY KEY,
          display TEXT NOT NULL,
          units INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
      `);
      createFtsTable(db, 'search_fts', 'v1');
    },
  },
  {
    version: 3,
    name: 'search index with common grams (faster phrases)',
    up: (db) => {
      // The index is derived data: the table is made again and filled by the next sync.
      db.exec(`
        DROP TABLE search_fts;
        DELETE FROM search_units; DELETE FROM search_indexed; DELETE FROM search_vocab; DELETE FROM search_meta;
      `);
      createFtsTable(db, 'search_fts');
    },
  },
  {
    version: 4,
    name: 'pack updates and the letters as they were shown before each update',
    up: (db) => {
      db.exec(`
        -- This database's identity: notes.db remembers which updates of which content.db it re-anchored.
        CREATE TABLE content_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        INSERT INTO content_meta (key, value) VALUES ('instance', lower(hex(randomblob(16))));

        -- Every install, update and removal of a pack ("Wat is er veranderd").
        CREATE TABLE pack_updates (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          pack_id TEXT NOT NULL,
          pack_title TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('install', 'update', 'remove')),
          from_version INTEGER,
          to_version INTEGER,
          at TEXT NOT NULL,
          -- {added, changed, removed}: [{id, title}] by document id, as the library shows them
          summary_json TEXT NOT NULL
        ) STRICT;

        -- A letter whose shown text changed or that is no longer shown, with its text before and
        -- after (LetterDocument JSON; after is null when it is gone). Re-anchoring maps notes from
        -- before to after; "Wat is er veranderd" shows the diff.
        CREATE TABLE text_changes (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          update_id INTEGER NOT NULL REFERENCES pack_updates(id) ON DELETE CASCADE,
          doc_id TEXT NOT NULL,
          before_json TEXT NOT NULL,
          after_json TEXT
        ) STRICT;
        CREATE INDEX text_changes_by_doc ON text_changes(doc_id, id);
        CREATE INDEX text_changes_by_update ON text_changes(update_id);

        -- The publisher key that signed the installed version (null: bundled, local or unsigned).
        ALTER TABLE packs ADD COLUMN fingerprint TEXT;

        -- Removing a pack cascades from each section to its subsections: without this index every
        -- deleted section scanned the whole table (15 s for a 2,000-letter pack, 30 ms with it).
        CREATE INDEX sections_by_parent ON sections(parent);

        -- Each letter's original file as the pack carried it (PDF, Word, …), for "open original".
        CREATE TABLE originals (
          document INTEGER PRIMARY KEY REFERENCES documents(pk) ON DELETE CASCADE,
          name TEXT NOT NULL,
          bytes BLOB NOT NULL
        ) STRICT;
      `);
    },
  },
];
