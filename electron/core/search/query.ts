/**
 * The user's search text → a parsed query → an FTS5 MATCH expression built by Raadsmap itself.
 *
 * Any string is accepted: quotes (also unterminated), brackets, `AND`/`OR`/`NOT`, `*`, `:` and lone
 * symbols never reach FTS5 raw. Every token is analysed like the index and re-quoted, so the words
 * in `gemeente)` or `"Raad van State` still count.
 */
import { derivationRoot, fold, isStopWord, stem, tokenize } from './analyze';
import { commonGrams } from './fts';

export interface QueryWord {
  /** As typed, for "did you mean" and messages. */
  raw: string;
  folded: string;
  stem: string;
  /**
   * For a word of a phrase (from `queryTerms`): the whole phrase, stop words included, and where the
   * word stands in it. Such a word matches only where the phrase stands, as it does in the index.
   */
  phrase?: { words: QueryWord[]; index: number };
}

export type Clause = { type: 'word'; word: QueryWord; prefix: boolean } | { type: 'phrase'; words: QueryWord[] };

export interface ParsedQuery {
  /** Groups joined by AND; the clauses inside one group by OR (`a OR b c` = (a OR b) AND c). */
  groups: Clause[][];
  /** Excluded with `-woord`, `-"een zin"` or `NOT woord`. */
  excluded: Clause[];
  /** Stop words left out of the positive part (kept inside phrases). */
  droppedStopWords: string[];
}

const WORD_CHARS = /[\p{L}\p{N}]/u;

/** Splits the raw text into quoted runs, signs, operators and words; never throws. */
export function parseQuery(input: string): ParsedQuery {
  const text = input.normalize('NFC').slice(0, 1000);
  const groups: Clause[][] = [];
  const excluded: Clause[] = [];
  const dropped: string[] = [];
  let negateNext = false;
  let orNext = false;
  let i = 0;

  const add = (clause: Clause, negated: boolean) => {
    if (negated) {
      excluded.push(clause);
      return;
    }
    const last = groups[groups.length - 1];
    if (orNext && last) last.push(clause);
    else groups.push([clause]);
    orNext = false;
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' || ch === '“' || ch === '”' || ch === '„') {
      // A phrase runs to the next quote, or to the end when the quote is never closed.
      const close = text.slice(i + 1).search(/["“”„]/u);
      const body = close === -1 ? text.slice(i + 1) : text.slice(i + 1, i + 1 + close);
      i = close === -1 ? text.length : i + 2 + close;
      const words = tokenize(body).map((t) => ({ raw: body.slice(t.start, t.end), folded: t.folded, stem: t.stem }));
      if (words.length === 1) add({ type: 'word', word: words[0]!, prefix: false }, negateNext);
      else if (words.length > 1) add({ type: 'phrase', words }, negateNext);
      negateNext = false;
      continue;
    }
    if (ch === '-' && (i === 0 || /\s|\(/u.test(text[i - 1]!)) && WORD_CHARS.test(text[i + 1] ?? '')) {
      negateNext = true;
      i++;
      continue;
    }
    if (ch === '-' && (i === 0 || /\s/u.test(text[i - 1]!)) && /["“„]/u.test(text[i + 1] ?? '')) {
      negateNext = true;
      i++;
      continue;
    }
    if (!WORD_CHARS.test(ch)) {
      i++;
      continue;
    }
    // A word: letters and digits, possibly joined by - ' . / (mede-overheden, 19/030), maybe ending in *.
    let end = i;
    while (
      end < text.length &&
      (WORD_CHARS.test(text[end]!) || (/[-'’./]/u.test(text[end]!) && WORD_CHARS.test(text[end + 1] ?? '')))
    )
      end++;
    const raw = text.slice(i, end);
    const prefix = text[end] === '*';
    i = prefix ? end + 1 : end;
    if (raw === 'OR' || raw === 'OF') {
      if (groups.length > 0) orNext = true;
      continue;
    }
    // FTS5's own operators pasted in (`NEAR(a b, 5)`, `a NEAR/3 b`) join words like AND.
    if (raw === 'AND' || raw === 'EN' || /^NEAR(?:\/\d+)?$/u.test(raw)) continue;
    if (raw === 'NOT' || raw === 'NIET') {
      negateNext = true;
      continue;
    }
    const tokens = tokenize(raw);
    const words = tokens.map((t) => ({ raw: raw.slice(t.start, t.end), folded: t.folded, stem: t.stem }));
    if (words.length > 1) {
      // mede-overheden, 19/030: the parts as a phrase, like the index saw them.
      add({ type: 'phrase', words }, negateNext);
    } else if (words.length === 1) {
      const word = words[0]!;
      if (!negateNext && !prefix && isStopWord(word.folded)) dropped.push(word.raw);
      else add({ type: 'word', word, prefix }, negateNext);
    }
    negateNext = false;
  }
  return { groups, excluded, droppedStopWords: dropped };
}

/** True when there is something positive to look for. */
export function hasPositive(query: ParsedQuery): boolean {
  return query.groups.length > 0;
}

/**
 * Every folded word and stem a hit may contain, for highlighting. The words of a phrase carry their
 * phrase (stop words are not marked themselves, but still have to stand in it).
 */
export function queryTerms(query: ParsedQuery): QueryWord[] {
  const out: QueryWord[] = [];
  for (const group of query.groups)
    for (const clause of group) {
      if (clause.type === 'word') out.push(clause.word);
      else
        clause.words.forEach((w, index) => {
          if (!isStopWord(w.folded)) out.push({ ...w, phrase: { words: clause.words, index } });
        });
    }
  return out;
}

export type MatchMode = 'normal' | 'derivation';

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

function clauseExpression(clause: Clause, mode: MatchMode): string {
  if (clause.type === 'phrase') {
    // Phrases match in running text (head and body), in order, stop words included. Their common
    // grams (pairs with a stop word) are asked for too: the same hits, found without reading the
    // whole doclists of the stop words.
    const phrase = `{head body} : ${quote(clause.words.map((w) => w.stem).join(' '))}`;
    const grams = [...new Set(commonGrams(clause.words))];
    return grams.length === 0 ? phrase : `((${phrase}) AND ${grams.map((g) => `grams : ${quote(g)}`).join(' AND ')})`;
  }
  const { word, prefix } = clause;
  // `energ*`: the typed letters as a prefix of the indexed stems. The fragment itself is not
  // stemmed (`veren*` must not become `ver*`), but a whole word typed with a star (`mogen*`) also
  // matches its own stem exactly, since the index holds stems (`mog`).
  const alternatives = prefix ? [`${quote(word.folded)} *`] : [`${quote(word.stem)}`];
  if (prefix && word.stem !== word.folded) alternatives.push(quote(word.stem));
  if (mode === 'derivation') {
    const root = derivationRoot(word.stem);
    if (root) alternatives.push(`${quote(root)} *`);
  }
  // Words never match the grams column (`veren*` must not expand over every `veren_…` gram).
  return `{head body parts} : (${alternatives.join(' OR ')})`;
}

/**
 * The FTS5 expression for a parsed query, over the columns head, body and parts (compound parts).
 * Null when nothing positive is left. Only Raadsmap's own quoted tokens reach MATCH.
 */
export function toMatchExpression(query: ParsedQuery, mode: MatchMode = 'normal'): string | null {
  if (!hasPositive(query)) return null;
  const groups = query.groups.map((group) => {
    const parts = group.map((c) => clauseExpression(c, mode));
    return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  });
  let expression = groups.length === 1 ? groups[0]! : groups.map((g) => `(${g})`).join(' AND ');
  if (query.excluded.length > 0) {
    const excluded = query.excluded.map((c) => clauseExpression(c, 'normal'));
    expression = `(${expression}) NOT (${excluded.join(' OR ')})`;
  }
  return expression;
}

/** Whether a folded word is matched by a query word (for snippets and in-letter find). */
export function wordMatches(
  word: { folded: string; stem: string },
  q: QueryWord,
  prefix: boolean,
  mode: MatchMode,
): boolean {
  if (word.folded === q.folded || word.stem === q.stem) return true;
  // As the expression: the typed fragment starts the word or its indexed stem.
  if (prefix && (word.folded.startsWith(q.folded) || word.stem.startsWith(q.folded))) return true;
  if (mode === 'derivation') {
    const root = derivationRoot(q.stem);
    if (root && word.stem.startsWith(root)) return true;
  }
  return false;
}

export { fold, stem };
