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
      createFtsTable(db, 'note_search_fts', 'v1');
    },
  },
  {
    version: 3,
    name: 'annotations, highlight colours, tags, positions on decisions',
    up: (db) => {
      db.exec(`
        -- A highlight colour and the meaning the user gives it ("belangrijk", "vraag", "oneens").
        CREATE TABLE highlight_colors (
          id TEXT PRIMARY KEY,
          label TEXT NOT NULL,
          ord INTEGER NOT NULL
        ) STRICT;
        INSERT INTO highlight_colors (id, label, ord) VALUES
          ('geel', 'Belangrijk', 1), ('blauw', 'Vraag', 2), ('rood', 'Oneens', 3),
          ('groen', 'Eens', 4), ('paars', 'Uitzoeken', 5);

        -- Highlights and notes on passages. Anchored by document and paragraph id plus W3C selectors:
        -- TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector hint (pos_start, pos_end)
        -- over the letter's canonical text (shared/text.ts). Deleting only sets deleted_at (undo).
        CREATE TABLE annotations (
          id TEXT PRIMARY KEY,
          document_id TEXT NOT NULL,
          paragraph_id TEXT,
          color TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          exact TEXT NOT NULL,
          prefix TEXT NOT NULL DEFAULT '',
          suffix TEXT NOT NULL DEFAULT '',
          pos_start INTEGER NOT NULL,
          pos_end INTEGER NOT NULL,
          anchor TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor IN ('anchored', 'moved', 'changed', 'orphan')),
          origin_json TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        ) STRICT;
        CREATE INDEX annotations_by_document ON annotations(document_id, pos_start);
        CREATE INDEX annotations_by_updated ON annotations(updated_at);

        CREATE TABLE tags (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          -- Folded name: one tag per spelling, whatever the case or accents.
          key TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE annotation_tags (
          annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
          tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
          PRIMARY KEY (annotation_id, tag_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX annotation_tags_by_tag ON annotation_tags(tag_id);

        CREATE TABLE document_tags (
          document_id TEXT NOT NULL,
          tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
          PRIMARY KEY (document_id, tag_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX document_tags_by_tag ON document_tags(tag_id);

        -- The member's position on a requested decision.
        CREATE TABLE positions (
          document_id TEXT NOT NULL,
          decision_label TEXT NOT NULL,
          stance TEXT NOT NULL DEFAULT 'nog-bepalen' CHECK (stance IN
            ('voor', 'tegen', 'voor-met-amendement', 'motie', 'onthouding', 'nog-bepalen')),
          status TEXT NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'definitief')),
          reasoning TEXT NOT NULL DEFAULT '',
          questions TEXT NOT NULL DEFAULT '',
          inbreng TEXT NOT NULL DEFAULT '',
          amendment_text TEXT NOT NULL DEFAULT '',
          motion_findings TEXT NOT NULL DEFAULT '',
          motion_considerations TEXT NOT NULL DEFAULT '',
          motion_requests TEXT NOT NULL DEFAULT '',
          -- The decision as it read when the position was last edited (to notice a changed text).
          decision_hash TEXT,
          decision_text TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (document_id, decision_label)
        ) STRICT;

        CREATE TABLE position_links (
          document_id TEXT NOT NULL,
          decision_label TEXT NOT NULL,
          annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
          created_at TEXT NOT NULL,
          PRIMARY KEY (document_id, decision_label, annotation_id),
          FOREIGN KEY (document_id, decision_label) REFERENCES positions(document_id, decision_label) ON DELETE CASCADE
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX position_links_by_annotation ON position_links(annotation_id);
      `);
    },
  },
  {
    version: 4,
    name: 'notes search index with common grams',
    up: (db) => {
      // Derived from note_search_units, which stay: NotesSearchIndex re-analyses them on open.
      db.exec(`DROP TABLE note_search_fts; DELETE FROM note_search_meta;`);
      createFtsTable(db, 'note_search_fts');
    },
  },
  {
    version: 5,
    name: 'trusted publisher keys; re-anchoring progress and per-note reports per pack update',
    up: (db) => {
      db.exec(`
        -- Publisher keys this user trusts to sign content packs (Ed25519, raw key base64).
        CREATE TABLE trusted_keys (
          fingerprint TEXT PRIMARY KEY,
          public_key TEXT NOT NULL,
          label TEXT NOT NULL,
          added_at TEXT NOT NULL
        ) STRICT;

        -- Which pack updates of which content.db (its instance id) the notes were re-anchored for.
        -- Written in the same transaction as the re-anchored notes: an interrupted run is redone.
        CREATE TABLE reanchor_progress (
          content_instance TEXT PRIMARY KEY,
          last_update INTEGER NOT NULL
        ) STRICT;

        -- What each update did to each note on a changed letter (ongewijzigd, verplaatst,
        -- controleren, verweesd), for the report the user sees after the update.
        CREATE TABLE reanchor_report (
          content_instance TEXT NOT NULL,
          update_id INTEGER NOT NULL,
          annotation_id TEXT NOT NULL,
          document_id TEXT NOT NULL,
          state_before TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('anchored', 'moved', 'changed', 'orphan')),
          PRIMARY KEY (content_instance, update_id, annotation_id)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
];
