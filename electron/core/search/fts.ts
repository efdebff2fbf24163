/**
 * The search index layout shared by content.db (letters) and notes.db (the user's notes):
 * a table of units (what a hit points to, with its original text) and a contentless FTS5 table over
 * Raadsmap's own analysis of that text. Columns: `head` (titles, headings, decisions: weigh more),
 * `body` (running text) and `parts` (stems of compound parts: weigh less).
 *
 * FTS5 only ever sees analysed text: folded, stemmed tokens separated by spaces, in the order of the
 * original words, so phrases still match in order. Snippets are made from the original text.
 */
import type { Db } from '../db/open';
import { stem as stemOf, tokenize } from './analyze';
import type { CompoundSplitter } from './compounds';

/**
 * The version of the text analysis (folding, stemming, compound splitting, what is indexed).
 * Bump it whenever analyze.ts, compounds.ts or the indexed units change: an index written with
 * another version is rebuilt on open, since its tokens would no longer match the queries.
 */
export const ANALYSIS_VERSION = 2;

/** bm25 weights for head, body, parts. */
export const COLUMN_WEIGHTS = [4, 1, 0.4] as const;

export function createFtsTable(db: Db, name: string): void {
  db.exec(`
    CREATE VIRTUAL TABLE ${name} USING fts5(
      head, body, parts,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      detail = full
    );
  `);
}

export interface AnalysedText {
  /** Stems in word order. */
  shadow: string;
  /** Stems of the parts of compound words (each part once). */
  parts: string;
}

/** Analyses one text for the index: stems in order, plus the stems of compound parts. */
export function analyseForIndex(text: string, splitter: CompoundSplitter): AnalysedText {
  const tokens = tokenize(text);
  const parts = new Set<string>();
  for (const t of tokens) {
    for (const part of splitter.split(t.folded) ?? []) {
      parts.add(stemOf(part));
      // A head that is itself a compound (woningbouw in woningbouwopgave) gives its parts too.
      for (const sub of splitter.split(part) ?? []) parts.add(stemOf(sub));
    }
  }
  return { shadow: tokens.map((t) => t.stem).join(' '), parts: [...parts].join(' ') };
}

export function ftsInsert(db: Db, table: string, rowid: number, kind: 'head' | 'body', analysed: AnalysedText): void {
  db.prepare(`INSERT INTO ${table} (rowid, head, body, parts) VALUES (?, ?, ?, ?)`).run(
    rowid,
    kind === 'head' ? analysed.shadow : '',
    kind === 'body' ? analysed.shadow : '',
    analysed.parts,
  );
}

export function ftsDelete(db: Db, table: string, rowid: number): void {
  db.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(rowid);
}
