/**
 * Snippets and match offsets from the original text. A match is always a whole word: compound words
 * that matched through one of their parts are marked whole (`<mark>Tekortgemeenten</mark>`).
 */
import { stem, tokenize, type Token } from './analyze';
import type { CompoundSplitter } from './compounds';
import { wordMatches, type MatchMode, type QueryWord } from './query';

export interface Matcher {
  words: QueryWord[];
  prefixes: ReadonlySet<string>;
  mode: MatchMode;
}

export interface MatchRange {
  start: number;
  end: number;
  /** The token as written equals a query word (after folding), not only its stem. */
  exact: boolean;
}

/** Which words of `text` match the query, as UTF-16 ranges in the original text. */
export function findMatches(text: string, matcher: Matcher, splitter?: CompoundSplitter | null): MatchRange[] {
  const out: MatchRange[] = [];
  const tokens = tokenize(text);
  const single = { ...matcher, words: matcher.words.filter((q) => !q.phrase) };
  const phraseWords = matcher.words.filter((q) => q.phrase);
  tokens.forEach((token, i) => {
    let hit = tokenMatch(token, single, splitter);
    // A word of a phrase counts only where the whole phrase stands (stems in a row, as in the index).
    for (const q of phraseWords) {
      if (hit === 'exact' || !inPhrase(tokens, i, q.phrase!)) continue;
      hit = token.folded === q.folded ? 'exact' : 'stem';
    }
    if (hit) out.push({ start: token.start, end: token.end, exact: hit === 'exact' });
  });
  return out;
}

function inPhrase(tokens: Token[], i: number, phrase: NonNullable<QueryWord['phrase']>): boolean {
  const first = i - phrase.index;
  if (first < 0 || first + phrase.words.length > tokens.length) return false;
  return phrase.words.every((w, k) => tokens[first + k]!.stem === w.stem);
}

function tokenMatch(token: Token, matcher: Matcher, splitter?: CompoundSplitter | null): 'exact' | 'stem' | null {
  let result: 'exact' | 'stem' | null = null;
  for (const q of matcher.words) {
    if (token.folded === q.folded) return 'exact';
    if (wordMatches(token, q, matcher.prefixes.has(q.folded), matcher.mode)) result = 'stem';
  }
  if (result || !splitter) return result;
  // The index holds the stems of a compound's parts (and of its head's parts), matched like words:
  // by stem, and by prefix for `energ*` and for the derivation fallback (`trans*` in energietransitie).
  for (const part of compoundParts(token.folded, splitter)) {
    for (const q of matcher.words) {
      if (part.stem === q.stem || wordMatches(part, q, matcher.prefixes.has(q.folded), matcher.mode)) return 'stem';
    }
  }
  return null;
}

const partsCache = new WeakMap<CompoundSplitter, Map<string, Array<{ folded: string; stem: string }>>>();

/** A word's compound parts (and its head's parts) with their stems; remembered per splitter. */
function compoundParts(folded: string, splitter: CompoundSplitter): Array<{ folded: string; stem: string }> {
  if (folded.length < 8) return [];
  let cache = partsCache.get(splitter);
  if (!cache) partsCache.set(splitter, (cache = new Map()));
  let parts = cache.get(folded);
  if (!parts) {
    const set = new Set<string>();
    for (const p of splitter.split(folded) ?? []) {
      set.add(p);
      for (const sub of splitter.split(p) ?? []) set.add(sub);
    }
    parts = [...set].map((p) => ({ folded: p, stem: stem(p) }));
    if (cache.size > 100_000) cache.clear();
    cache.set(folded, parts);
  }
  return parts;
}

/** In choosing the snippet window, a word as typed counts this many times. */
const EXACT_WEIGHT = 4;
/** How much text a snippet shows before its first match. */
const LEAD = 50;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c]!);
}

/**
 * A plain-text snippet of about `maxChars` around the densest run of matches, with the matched words
 * wrapped in `<mark>…</mark>` and every other `<`, `>`, `&` escaped.
 */
export function makeSnippet(text: string, matches: MatchRange[], maxChars = 220): string {
  const clean = text.replace(/\s+/g, ' ');
  // Whitespace collapsing keeps offsets only when the text had no runs of whitespace; recompute then.
  if (clean !== text) return makeSnippet(clean, shiftMatches(text, clean, matches), maxChars);
  let from = 0;
  let to = text.length;
  if (text.length > maxChars) {
    // The window with the most matches, starting a little before one of them. A word as typed
    // counts more than a word found through its stem, a part or a relative: the snippet shows it.
    let best: [number, number] = snippetWindow(text, matches[0] ?? null, maxChars);
    let bestCount = -1;
    for (const m of matches) {
      const [f, t] = snippetWindow(text, m, maxChars);
      const count = matches
        .filter((x) => x.start >= f && x.end <= t)
        .reduce((n, x) => n + (x.exact ? EXACT_WEIGHT : 1), 0);
      if (count > bestCount) {
        bestCount = count;
        best = [f, t];
      }
    }
    [from, to] = best;
  }
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const m of matches) {
    if (m.start < from || m.end > to) continue;
    out += escapeText(text.slice(pos, m.start)) + '<mark>' + escapeText(text.slice(m.start, m.end)) + '</mark>';
    pos = m.end;
  }
  out += escapeText(text.slice(pos, to)) + (to < text.length ? '…' : '');
  return out;
}

/** The snippet window around a match: from a little before it, cut at word boundaries that keep it whole. */
function snippetWindow(text: string, m: MatchRange | null, maxChars: number): [number, number] {
  const start = m?.start ?? 0;
  const end = m?.end ?? 0;
  let to = Math.min(text.length, Math.max(0, start - LEAD) + maxChars);
  let from = Math.max(0, to - maxChars);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from && space >= end) to = space;
  }
  return [from, to];
}

function shiftMatches(original: string, clean: string, matches: MatchRange[]): MatchRange[] {
  // Map offsets through the whitespace collapse.
  const map: number[] = new Array<number>(original.length + 1);
  let j = 0;
  for (let i = 0; i < original.length; i++) {
    map[i] = j;
    const ws = /\s/.test(original[i]!);
    if (!ws || !(i > 0 && /\s/.test(original[i - 1]!))) j++;
  }
  map[original.length] = clean.length;
  return matches.map((m) => ({ ...m, start: map[m.start]!, end: map[m.end]! }));
}
