/**
 * Snippets and match offsets from the original text. A match is always a whole word: compound words
 * that matched through one of their parts are marked whole (`<mark>Tekortgemeenten</mark>`).
 */
import { tokenize, type Token } from './analyze';
import type { CompoundSplitter } from './compounds';
import { stem } from './analyze';
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
  for (const token of tokenize(text)) {
    const hit = tokenMatch(token, matcher, splitter);
    if (hit) out.push({ start: token.start, end: token.end, exact: hit === 'exact' });
  }
  return out;
}

function tokenMatch(token: Token, matcher: Matcher, splitter?: CompoundSplitter | null): 'exact' | 'stem' | null {
  let result: 'exact' | 'stem' | null = null;
  for (const q of matcher.words) {
    if (token.folded === q.folded) return 'exact';
    if (wordMatches(token, q, matcher.prefixes.has(q.folded), matcher.mode)) result = 'stem';
  }
  if (result || !splitter) return result;
  const parts = splitter.split(token.folded);
  if (parts) {
    const partStems = new Set(parts.map((p) => stem(p)));
    for (const p of parts) for (const sub of splitter.split(p) ?? []) partStems.add(stem(sub));
    for (const q of matcher.words) if (partStems.has(q.stem)) return 'stem';
  }
  return null;
}

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
    // The window with the most matches, starting a little before its first match.
    let bestStart = matches[0]?.start ?? 0;
    let bestCount = -1;
    for (const m of matches) {
      const count = matches.filter((x) => x.start >= m.start && x.end <= m.start + maxChars - 40).length;
      if (count > bestCount) {
        bestCount = count;
        bestStart = m.start;
      }
    }
    from = Math.max(0, bestStart - 50);
    to = Math.min(text.length, from + maxChars);
    from = Math.max(0, to - maxChars);
    // Cut at word boundaries.
    if (from > 0) {
      const space = text.indexOf(' ', from);
      if (space !== -1 && space < bestStart) from = space + 1;
    }
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
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
