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
import { fold, isStopWord, stem as stemOf } from './analyze';
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

export interface IndexedWord {
  folded: string;
  display: string;
}

export interface AnalysedText {
  /** Stems in word order. */
  shadow: string;
  /** The words (folded and as written), for counting the vocabulary without tokenising again. */
  words: IndexedWord[];
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

interface WordInfo {
  folded: string;
  stem: string;
  stop: boolean;
  /** Stems of the word's compound parts (and of its head's parts). */
  parts: string[];
}

const wordInfo = new WeakMap<CompoundSplitter, Map<string, WordInfo>>();
const WORD = /[\p{L}\p{N}]+/gu;

/** Everything the index needs about one written word, worked out once per spelling. */
function infoOf(raw: string, splitter: CompoundSplitter): WordInfo | null {
  let cache = wordInfo.get(splitter);
  if (!cache) wordInfo.set(splitter, (cache = new Map()));
  let info = cache.get(raw);
  if (info === undefined) {
    const folded = fold(raw);
    if (!folded) return null;
    const parts = new Set<string>();
    for (const part of splitter.split(folded) ?? []) {
      parts.add(stemOf(part));
      // A head that is itself a compound (woningbouw in woningbouwopgave) gives its parts too.
      for (const sub of splitter.split(part) ?? []) parts.add(stemOf(sub));
    }
    info = { folded, stem: stemOf(folded), stop: isStopWord(folded), parts: [...parts] };
    if (cache.size > 200_000) cache.clear();
    cache.set(raw, info);
  }
  return info;
}

/**
 * Analyses one text for the index: stems in order, the stems of compound parts, common grams, and
 * the words for the vocabulary. Same result as `tokenize` word by word, without building tokens.
 */
export function analyseForIndex(text: string, splitter: CompoundSplitter): AnalysedText {
  const stems: string[] = [];
  const parts = new Set<string>();
  const grams: string[] = [];
  const words: IndexedWord[] = [];
  let previous: WordInfo | null = null;
  for (const m of text.matchAll(WORD)) {
    // Words are cut at 64 characters, as in tokenize().
    const raw = m[0].length > 64 ? m[0].slice(0, 64) : m[0];
    const info = infoOf(raw, splitter);
    if (!info) continue;
    stems.push(info.stem);
    for (const p of info.parts) parts.add(p);
    if (previous && (previous.stop || info.stop)) grams.push(`${previous.stem}${GRAM_JOIN}${info.stem}`);
    words.push({ folded: info.folded, display: m[0] });
    previous = info;
  }
  return { shadow: stems.join(' '), parts: [...parts].join(' '), grams: grams.join(' '), words };
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
