/**
 * The search index over what the user writes (notes, annotations, positions) in notes.db.
 * The notes services call `upsert`/`remove` inside the same transaction that saves the note, so a
 * note is searchable the moment it is written and never outlives its deletion in the index.
 */
import type { Db } from '../db/open';
import { fold } from './analyze';
import { applyVocab, countWords, type VocabDelta } from './content-index';
import type { CompoundSplitter } from './compounds';
import { analyseForIndex, ANALYSIS_VERSION, ftsDelete } from './fts';

export interface NoteForIndex {
  /** Stable key of the note, e.g. `annotation:<id>` or `position:<documentId>:<label>`. */
  key: string;
  /** What kind of note: annotation, position, letter-note … (shown as a badge). */
  kind: string;
  documentId: string;
  paragraphId?: string | null;
  sectionId?: string | null;
  decisionLabel?: string | null;
  /** A short title (weighs like a heading), e.g. the tag names or "Standpunt 1c". */
  title?: string | null;
  /** The note's text, and what else should find it (the quoted passage, reasoning …). */
  text: string;
  tags?: string[];
  updatedAt?: string;
}

export class NotesSearchIndex {
  generation = 0;

  constructor(
    private readonly db: Db,
    private readonly splitter: () => CompoundSplitter,
  ) {
    this.checkAnalysis();
  }

  /** An index written with another analysis version is re-analysed from the stored note texts. */
  private checkAnalysis(): void {
    const db = this.db;
    const version = db.prepare(`SELECT value FROM note_search_meta WHERE key = 'analysis'`).pluck().get() as
      string | undefined;
    if (version === String(ANALYSIS_VERSION)) return;
    db.transaction(() => {
      db.exec('DELETE FROM note_search_fts;');
      const rows = db
        .prepare(
          `SELECT u.id, u.title, u.text, (SELECT group_concat(tag, ' ') FROM note_search_tags t WHERE t.unit = u.id) AS tags
           FROM note_search_units u`,
        )
        .all() as Array<{ id: number; title: string | null; text: string; tags: string | null }>;
      for (const row of rows)
        this.insertFts(row.id, [row.title ?? '', row.tags ?? ''].filter(Boolean).join(' '), row.text);
      db.prepare(`INSERT OR REPLACE INTO note_search_meta (key, value) VALUES ('analysis', ?)`).run(
        String(ANALYSIS_VERSION),
      );
    })();
  }

  private insertFts(id: number, head: string, text: string): void {
    const splitter = this.splitter();
    const body = analyseForIndex(text, splitter);
    const headAnalysed = analyseForIndex(head, splitter);
    this.db
      .prepare(`INSERT INTO note_search_fts (rowid, head, body, parts, grams) VALUES (?, ?, ?, ?, ?)`)
      .run(
        id,
        headAnalysed.shadow,
        body.shadow,
        [headAnalysed.parts, body.parts].filter(Boolean).join(' '),
        [headAnalysed.grams, body.grams].filter(Boolean).join(' '),
      );
  }

  /** Adds or replaces a note in the index. */
  upsert(note: NoteForIndex): void {
    const db = this.db;
    const vocab: VocabDelta = new Map();
    db.transaction(() => {
      this.removeInner(note.key, vocab);
      const id = Number(
        db
          .prepare(
            `INSERT INTO note_search_units (note_key, note_kind, document_id, paragraph_id, section_id, decision_label,
               title, text, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            note.key,
            note.kind,
            note.documentId,
            note.paragraphId ?? null,
            note.sectionId ?? null,
            note.decisionLabel ?? null,
            note.title ?? null,
            note.text,
            note.updatedAt ?? new Date().toISOString(),
          ).lastInsertRowid,
      );
      const tags = [...new Set((note.tags ?? []).map((t) => t.trim()).filter(Boolean))];
      const head = [note.title ?? '', ...tags].filter(Boolean).join(' ');
      this.insertFts(id, head, note.text);
      const insertTag = db.prepare('INSERT OR IGNORE INTO note_search_tags (unit, tag) VALUES (?, ?)');
      // Stored folded, so a filter on "FINANCIËN" finds "financiën".
      for (const tag of tags) insertTag.run(id, fold(tag));
      countWords(`${head} ${note.text}`, vocab, +1);
      applyVocab(db, vocab, 'note_search_vocab');
    })();
    this.generation++;
  }

  /** Takes a note out of the index (when the note is deleted). */
  remove(key: string): void {
    const vocab: VocabDelta = new Map();
    this.db.transaction(() => {
      this.removeInner(key, vocab);
      applyVocab(this.db, vocab, 'note_search_vocab');
    })();
    this.generation++;
  }

  /** Drops the whole notes index and indexes `notes` again (after a migration of the analysis). */
  rebuild(notes: Iterable<NoteForIndex>): void {
    this.db.transaction(() => {
      this.db.exec(
        'DELETE FROM note_search_fts; DELETE FROM note_search_tags; DELETE FROM note_search_units; DELETE FROM note_search_vocab;',
      );
      for (const note of notes) this.upsert(note);
    })();
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM note_search_units').pluck().get() as number;
  }

  private removeInner(key: string, vocab: VocabDelta): void {
    const row = this.db
      .prepare(
        `SELECT u.id, u.title, u.text, (SELECT group_concat(tag, ' ') FROM note_search_tags t WHERE t.unit = u.id) AS tags
         FROM note_search_units u WHERE note_key = ?`,
      )
      .get(key) as { id: number; title: string | null; text: string; tags: string | null } | undefined;
    if (!row) return;
    ftsDelete(this.db, 'note_search_fts', row.id);
    countWords(`${[row.title ?? '', row.tags ?? ''].filter(Boolean).join(' ')} ${row.text}`, vocab, -1);
    this.db.prepare('DELETE FROM note_search_units WHERE id = ?').run(row.id);
  }
}
