/**
 * The letters' search index in content.db. It always holds exactly the current copy of each
 * document id (the one installed last), and is brought in line by `sync()` inside the same
 * transaction that installs or removes a pack, so content and index never disagree.
 */
import type { Db } from '../db/open';
import { tokenize } from './analyze';
import type { CompoundSplitter } from './compounds';
import { analyseForIndex, ANALYSIS_VERSION, ftsDelete, ftsInsert } from './fts';
import { encodeRowid, MAX_ORD, MAX_SEQ } from './rowid';

export type ContentUnitKind = 'text' | 'heading' | 'decision';

interface UnitToIndex {
  kind: ContentUnitKind;
  sectionId: string | null;
  sectionTitle: string | null;
  paragraphId: string | null;
  decisionLabel: string | null;
  text: string;
}

export interface SyncReport {
  indexed: number;
  removed: number;
  units: number;
}

// 'delete-all' empties a contentless FTS5 table in one step (DELETE FROM visits every row).
const CLEAR_INDEX = `INSERT INTO search_fts(search_fts) VALUES('delete-all');
  DELETE FROM search_units; DELETE FROM search_indexed; DELETE FROM search_vocab;`;

export class ContentSearchIndex {
  /** Goes up whenever the index changed, so in-memory helpers (suggestions) know to rebuild. */
  generation = 0;

  constructor(
    private readonly db: Db,
    private readonly splitter: () => CompoundSplitter,
  ) {}

  /** Indexes documents that became current and drops those that stopped being current. */
  sync(): SyncReport {
    const db = this.db;
    const version = db.prepare(`SELECT value FROM search_meta WHERE key = 'analysis'`).pluck().get() as
      string | undefined;
    if (version !== String(ANALYSIS_VERSION)) {
      // Written by another version of the analysis: its tokens no longer match the queries.
      db.transaction(() => {
        db.exec(CLEAR_INDEX);
        db.prepare(`INSERT OR REPLACE INTO search_meta (key, value) VALUES ('analysis', ?)`).run(
          String(ANALYSIS_VERSION),
        );
      })();
    }
    const current = new Map(
      (
        db
          .prepare(
            `SELECT d.doc_id, d.pk FROM documents d
             WHERE d.pk = (SELECT d2.pk FROM documents d2 WHERE d2.doc_id = d.doc_id
                           ORDER BY d2.installed_seq DESC, d2.pk DESC LIMIT 1)
             ORDER BY d.installed_seq, d.ord`,
          )
          .all() as Array<{ doc_id: string; pk: number }>
      ).map((r) => [r.doc_id, r.pk]),
    );
    const indexed = db.prepare('SELECT doc_id, document FROM search_indexed').all() as Array<{
      doc_id: string;
      document: number;
    }>;
    const vocab: VocabDelta = new Map();
    let removed = 0;
    let added = 0;
    let units = 0;
    db.transaction(() => {
      for (const row of indexed) {
        if (current.get(row.doc_id) === row.document) continue;
        this.removeDocument(row.document, vocab);
        db.prepare('DELETE FROM search_indexed WHERE doc_id = ?').run(row.doc_id);
        removed++;
      }
      const have = new Set(indexed.filter((r) => current.get(r.doc_id) === r.document).map((r) => r.doc_id));
      let seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM search_indexed').get() as { seq: number }).seq;
      if (seq + current.size > MAX_SEQ) {
        // After sixteen million indexings the order numbers start again from a clean index.
        db.exec(CLEAR_INDEX);
        have.clear();
        seq = 0;
      }
      for (const [docId, pk] of current) {
        if (have.has(docId)) continue;
        seq++;
        units += this.indexDocument(pk, docId, seq, vocab);
        added++;
      }
      applyVocab(db, vocab);
    })();
    if (added + removed > 0) this.generation++;
    return { indexed: added, removed, units };
  }

  /**
   * Takes a pack's documents out of the index while their paragraphs still exist (so their words
   * leave the vocabulary too). Call before deleting or replacing the pack; `sync()` afterwards.
   * `keep`: document ids whose indexed copy stays valid (identical in the new version of the pack);
   * move them to their new rows with `retarget` instead of indexing them again.
   */
  release(packId: string, keep: ReadonlySet<string> = new Set()): void {
    const rows = (
      this.db
        .prepare(
          `SELECT i.doc_id, i.document FROM search_indexed i JOIN documents d ON d.pk = i.document WHERE d.pack_id = ?`,
        )
        .all(packId) as Array<{ doc_id: string; document: number }>
    ).filter((r) => !keep.has(r.doc_id));
    if (rows.length === 0) return;
    const vocab: VocabDelta = new Map();
    this.db.transaction(() => {
      for (const row of rows) {
        this.removeDocument(row.document, vocab);
        this.db.prepare('DELETE FROM search_indexed WHERE doc_id = ?').run(row.doc_id);
      }
      applyVocab(this.db, vocab);
    })();
    this.generation++;
  }

  /**
   * Points an indexed document's units at the new row of an identical copy (a pack update that
   * did not change this letter), so the letter is not analysed and indexed again.
   */
  retarget(docId: string, oldPk: number, newPk: number): void {
    const moved = this.db
      .prepare('UPDATE search_indexed SET document = ? WHERE doc_id = ? AND document = ?')
      .run(newPk, docId, oldPk).changes;
    if (moved > 0) this.db.prepare('UPDATE search_units SET document = ? WHERE document = ?').run(newPk, oldPk);
  }

  /** The row each indexed document id points at. */
  indexedRows(): Map<string, number> {
    return new Map(
      (
        this.db.prepare('SELECT doc_id, document FROM search_indexed').all() as Array<{
          doc_id: string;
          document: number;
        }>
      ).map((r) => [r.doc_id, r.document]),
    );
  }

  /** Drops the whole index and builds it again. */
  rebuild(): SyncReport {
    this.db.transaction(() => {
      this.db.exec(CLEAR_INDEX);
    })();
    return this.sync();
  }

  private indexDocument(pk: number, docId: string, seq: number, vocab: VocabDelta): number {
    const db = this.db;
    const doc = db.prepare('SELECT title, subject, date, reference, kenmerk FROM documents WHERE pk = ?').get(pk) as {
      title: string;
      subject: string | null;
      date: string | null;
      reference: string | null;
      kenmerk: string | null;
    };
    db.prepare('INSERT INTO search_indexed (doc_id, document, seq, doc_date) VALUES (?, ?, ?, ?)').run(
      docId,
      pk,
      seq,
      doc.date,
    );
    const insert = db.prepare(
      `INSERT INTO search_units (id, document, kind, ord, section_id, section_title, paragraph_id, decision_label, text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const splitter = this.splitter();
    let ord = 0;
    for (const unit of documentUnits(db, pk, doc)) {
      const head = unit.kind !== 'text';
      const id = encodeRowid(head ? 0 : 1, seq, Math.min(ord++, MAX_ORD));
      insert.run(
        id,
        pk,
        unit.kind,
        ord - 1,
        unit.sectionId,
        unit.sectionTitle,
        unit.paragraphId,
        unit.decisionLabel,
        unit.kind === 'text' ? null : unit.text,
      );
      const analysed = analyseForIndex(unit.text, splitter);
      ftsInsert(db, 'search_fts', id, head ? 'head' : 'body', analysed);
      countWords(unit.text, vocab, +1, analysed.words);
    }
    return ord;
  }

  private removeDocument(pk: number, vocab: VocabDelta): void {
    const rows = this.db
      .prepare(
        `SELECT u.id, COALESCE(u.text, p.text) AS text FROM search_units u
         LEFT JOIN paragraphs p ON p.document = u.document AND p.paragraph_id = u.paragraph_id
         WHERE u.document = ?`,
      )
      .all(pk) as Array<{ id: number; text: string | null }>;
    for (const row of rows) {
      ftsDelete(this.db, 'search_fts', row.id);
      if (row.text) countWords(row.text, vocab, -1);
    }
    this.db.prepare('DELETE FROM search_units WHERE document = ?').run(pk);
  }
}

/**
 * What of a document is searchable: its title, the section headings, and every paragraph once.
 * Decisions are repeated in a letter (summary and end): an identical decision text is indexed once,
 * at its first place.
 */
function documentUnits(
  db: Db,
  pk: number,
  doc: { title: string; subject: string | null; reference: string | null; kenmerk: string | null },
): UnitToIndex[] {
  const units: UnitToIndex[] = [];
  const heading = (text: string, sectionId: string | null, sectionTitle: string | null): UnitToIndex => ({
    kind: 'heading',
    sectionId,
    sectionTitle,
    paragraphId: null,
    decisionLabel: null,
    text,
  });
  units.push(heading(doc.title, null, null));
  if (doc.subject && doc.subject.trim() && doc.subject.trim() !== doc.title.trim())
    units.push(heading(doc.subject, null, null));
  // The Lbr.-nummer and kenmerk, so "19/030" finds the letter.
  const ids = [doc.reference, doc.kenmerk].filter((x): x is string => Boolean(x && x.trim()));
  if (ids.length > 0) units.push(heading(ids.join(' · '), null, null));

  const sections = db
    .prepare('SELECT pk, section_id, parent, title FROM sections WHERE document = ? ORDER BY parent, ord')
    .all(pk) as Array<{ pk: number; section_id: string; parent: number | null; title: string | null }>;
  const paragraphs = db
    .prepare(`SELECT section, paragraph_id, kind, text, decision_label FROM paragraphs WHERE document = ? ORDER BY ord`)
    .all(pk) as Array<{
    section: number;
    paragraph_id: string;
    kind: string;
    text: string;
    decision_label: string | null;
  }>;
  const children = new Map<number | null, typeof sections>();
  for (const s of sections) {
    const list = children.get(s.parent) ?? [];
    list.push(s);
    children.set(s.parent, list);
  }
  const bySection = new Map<number, typeof paragraphs>();
  for (const p of paragraphs) {
    const list = bySection.get(p.section) ?? [];
    list.push(p);
    bySection.set(p.section, list);
  }
  const decisionsSeen = new Set<string>();
  // Reading order, as the reader shows it: a section's heading, its paragraphs, then its subsections.
  const walk = (parent: number | null, inherited: string | null) => {
    for (const section of children.get(parent) ?? []) {
      const title = section.title ?? inherited;
      if (section.title) units.push(heading(section.title, section.section_id, section.title));
      for (const p of bySection.get(section.pk) ?? []) {
        if (!p.text.trim()) continue;
        const isDecision = p.kind === 'decision' || p.decision_label !== null;
        if (isDecision) {
          const key = p.text.replace(/\s+/g, ' ').trim().toLowerCase();
          if (decisionsSeen.has(key)) continue;
          decisionsSeen.add(key);
        }
        units.push({
          kind: isDecision ? 'decision' : 'text',
          sectionId: section.section_id,
          sectionTitle: title,
          paragraphId: p.paragraph_id,
          decisionLabel: p.decision_label,
          text: p.text,
        });
      }
      walk(section.pk, title);
    }
  };
  walk(null, null);
  return units;
}

const DIGITS_ONLY = /^\p{N}+$/u;

export type VocabDelta = Map<string, { display: string; delta: number }>;

/** Counts each distinct word of a text once (+1 when indexed, -1 when removed). */
export function countWords(
  text: string,
  vocab: VocabDelta,
  sign: 1 | -1,
  words: Array<{ folded: string; display: string }> = tokenize(text).map((t) => ({
    folded: t.folded,
    display: text.slice(t.start, t.end),
  })),
): void {
  const seen = new Set<string>();
  for (const { folded, display } of words) {
    if (seen.has(folded) || folded.length < 2 || DIGITS_ONLY.test(folded)) continue;
    seen.add(folded);
    const entry = vocab.get(folded);
    if (!entry) vocab.set(folded, { display, delta: sign });
    else {
      entry.delta += sign;
      // Shown in lower case once it is seen in lower case (a capital at a sentence start is not a name).
      if (entry.display !== entry.display.toLowerCase() && display === display.toLowerCase()) entry.display = display;
    }
  }
}

export function applyVocab(db: Db, vocab: VocabDelta, table = 'search_vocab'): void {
  const upsert = db.prepare(
    `INSERT INTO ${table} (word, display, units) VALUES (?, ?, ?)
     ON CONFLICT(word) DO UPDATE SET units = units + excluded.units,
       display = CASE WHEN excluded.display = lower(excluded.display) THEN excluded.display ELSE display END`,
  );
  for (const [word, { display, delta }] of vocab) {
    if (delta !== 0) upsert.run(word, display, delta);
  }
  db.prepare(`DELETE FROM ${table} WHERE units <= 0`).run();
}
