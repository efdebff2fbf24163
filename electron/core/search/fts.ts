/**
 * The search index layout shared by content.db (letters) and notes.db (the user's notes):
 * a table of units (what a hit points to, with its original text) and a contentless FTS5 table over
 * Raadsmap's own analysis of that text. Columns: `head` (titles, headings, decisions: weigh more),
 * `body` (running text) and `parts` (stems of compound parts: weigh less).
 *
 * FTS5 only ever sees analysed text: folded, stemmed tokens separated by spaces, in the order of the
 * original words, so phrases still match in order. Snippets are made from the original text.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { isStopWord, stem as stemOf, tokenize, type Token } from './analyze';
import type { CompoundSplitter } from './compounds';

/**
 * The version of the text analysis (folding, stemming, compound splitting, what is indexed).
 * Bump it whenever analyze.ts, compounds.ts or the indexed units change: an index written with
 * another version is rebuilt on open, since its tokens would no longer match the queries.
 */
export const ANALYSIS_VERSION = 3;

/** bm25 weights for head, body, parts, grams (grams only filter, they never score). */
export const COLUMN_WEIGHTS = [4, 1, 0.4, 0] as const;

/** Joins the two stems of a common gram into one token (`van_het`); `_` is a token character. */
export const GRAM_JOIN = '_';

/**
 * Columns: head, body, parts, and `grams` — "common grams": every pair of neighbouring words of
 * which one is a stop word, as one token (`raad_van`, `van_stat`). A phrase such as
 * "van het gemeentelijk" then also asks for its rare grams, so FTS5 can skip through the huge
 * doclists of `van` and `het` instead of reading them whole.
 */
export function createFtsTable(db: Db, name: string, layout: 'v1' | 'grams' = 'grams'): void {
  // 'v1' is the layout of the first migration that made these tables; migrations stay as they were.
  db.exec(
    layout === 'v1'
      ? `CREATE VIRTUAL TABLE ${name} USING fts5(
           head, body, parts,
           content = '', contentless_delete = 1,
           tokenize = 'unicode61 remove_diacritics 2',
           detail = full
         );`
      : `CREATE VIRTUAL TABLE ${name} USING fts5(
           head, body, parts, grams,
           content = '', contentless_delete = 1,
           tokenize = "unicode61 remove_diacritics 2 tokenchars '_'",
           detail = full
         );`,
  );
}

export interface AnalysedText {
  /** Stems in word order. */
  shadow: string;
  /** The words, for counting the vocabulary without tokenising again. */
  tokens: Token[];
  /** Stems of the parts of compound words (each part once). */
  parts: string;
  /** Common grams (neighbouring stems where one word is a stop word), in order. */
  grams: string;
}

/** The common grams of a run of words (see createFtsTable). */
export function commonGrams(words: ReadonlyArray<{ folded: string; stem: string }>): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (isStopWord(a.folded) || isStopWord(b.folded)) grams.push(`${a.stem}${GRAM_JOIN}${b.stem}`);
  }
  return grams;
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
  return {
    shadow: tokens.map((t) => t.stem).join(' '),
    parts: [...parts].join(' '),
    grams: commonGrams(tokens).join(' '),
    tokens,
  };
}

const statements = new WeakMap<Db, Map<string, Database.Statement<unknown[]>>>();

/** A prepared statement, prepared once per database connection. */
export function cached(db: Db, sql: string): Database.Statement<unknown[]> {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let statement = map.get(sql);
  if (!statement) map.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export function ftsInsert(db: Db, table: string, rowid: number, kind: 'head' | 'body', analysed: AnalysedText): void {
  cached(db, `INSERT INTO ${table} (rowid, head, body, parts, grams) VALUES (?, ?, ?, ?, ?)`).run(
    rowid,
    kind === 'head' ? analysed.shadow : '',
    kind === 'body' ? analysed.shadow : '',
    analysed.parts,
    analysed.grams,
  );
}

export function ftsDelete(db: Db, table: string, rowid: number): void {
  cached(db, `DELETE FROM ${table} WHERE rowid = ?`).run(rowid);
}
