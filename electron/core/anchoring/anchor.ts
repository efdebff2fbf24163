/**
 * Finding a passage again in a (possibly corrected) letter from its W3C selectors: the quote
 * (`TextQuoteSelector`: exact, prefix, suffix) decides, the position (`TextPositionSelector`) only
 * breaks ties. Offsets alone are never trusted: a letter that gained a paragraph shifts them all.
 */
import type { AnchorState } from '../../shared/notes';

export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Selectors {
  quote: Quote;
  position: { start: number; end: number };
}

export interface AnchorResult {
  state: AnchorState;
  /** Where the passage is now; for an orphan the old hint, clamped to the text. */
  start: number;
  end: number;
}

export const CONTEXT = 32;

/** The W3C quote of a range: the exact text and up to 32 characters either side. */
export function quoteAt(text: string, start: number, end: number, context = CONTEXT): Quote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

/** How much of `a`'s end agrees with `b`'s end (prefix) or their starts (suffix), 0…1. */
function tailAgreement(a: string, b: string): number {
  if (!a && !b) return 1;
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n / Math.max(a.length, b.length, 1);
}
function headAgreement(a: string, b: string): number {
  if (!a && !b) return 1;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n / Math.max(a.length, b.length, 1);
}

export function anchor(text: string, selectors: Selectors): AnchorResult {
  const { quote, position } = selectors;
  const exact = quote.exact;
  const clamp = (n: number) => Math.max(0, Math.min(n, text.length));
  if (!exact) return { state: 'orphan', start: clamp(position.start), end: clamp(position.start) };

  // 1. The exact words: every occurrence, best context first, then nearest to the old position.
  const occurrences: number[] = [];
  for (let i = text.indexOf(exact); i !== -1 && occurrences.length < 1000; i = text.indexOf(exact, i + 1))
    occurrences.push(i);
  if (occurrences.length > 0) {
    let best = occurrences[0]!;
    let bestScore = -Infinity;
    let bestContext = 0;
    const contexts: number[] = [];
    for (const at of occurrences) {
      const context =
        tailAgreement(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
        headAgreement(text.slice(at + exact.length, at + exact.length + quote.suffix.length), quote.suffix);
      contexts.push(context);
      const distance = Math.abs(at - position.start) / Math.max(text.length, 1);
      const score = context - distance * 0.5;
      if (score > bestScore) {
        bestScore = score;
        best = at;
        bestContext = context;
      }
    }
    const contextKept = bestScore + 0.5 >= 1; // at least half of prefix and suffix (on average) still agree
    if (occurrences.length === 1)
      return { state: contextKept ? 'anchored' : 'moved', start: best, end: best + exact.length };
    // Several occurrences: only a clear context winner (or the very same spot, context kept) is the
    // passage; otherwise it may be a look-alike elsewhere and the user must confirm. A bare quote
    // (no prefix or suffix at all, e.g. from another W3C tool) keeps the nearest occurrence as
    // before: it has no context that could disagree.
    const bare = quote.prefix.length + quote.suffix.length === 0;
    const clearWinner = contexts.every((c, k) => occurrences[k] === best || c < bestContext);
    const samePlace = best === position.start && position.end - position.start === exact.length;
    const state = contextKept && (bare || clearWinner || samePlace) ? 'anchored' : 'changed';
    return { state, start: best, end: best + exact.length };
  }

  // 2. Reworded: the old context still brackets a new text of similar length.
  const bracket = bracketed(text, quote);
  if (bracket) return { state: 'changed', ...bracket };

  // 3. Reworded more: the window of words most like the quote, if it is alike enough.
  const fuzzy = mostAlike(text, exact, position.start);
  if (fuzzy) return { state: 'changed', ...fuzzy };

  return { state: 'orphan', start: clamp(position.start), end: clamp(position.start) };
}

function bracketed(text: string, quote: Quote): { start: number; end: number } | null {
  if (quote.prefix.length < 8 || quote.suffix.length < 8) return null;
  for (let p = text.indexOf(quote.prefix); p !== -1; p = text.indexOf(quote.prefix, p + 1)) {
    const start = p + quote.prefix.length;
    const s = text.indexOf(quote.suffix, start);
    if (s === -1) return null;
    const length = s - start;
    if (length > 0 && length <= quote.exact.length * 2 + 40 && length >= quote.exact.length / 2)
      return { start, end: s };
  }
  return null;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The run of words with the highest Dice similarity to the quote's words (≥ 0.6), or null. */
function mostAlike(text: string, exact: string, hint: number): { start: number; end: number } | null {
  const target = [...exact.toLowerCase().matchAll(WORD)].map((m) => m[0]);
  if (target.length < 3) return null;
  const counts = new Map<string, number>();
  for (const w of target) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...text.matchAll(WORD)].map((m) => ({
    w: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  let best: { start: number; end: number; score: number } | null = null;
  for (const size of [target.length, Math.round(target.length * 0.8), Math.round(target.length * 1.25)]) {
    if (size < 1 || size > words.length) continue;
    const window = new Map<string, number>();
    let common = 0;
    const add = (w: string, d: 1 | -1) => {
      const before = window.get(w) ?? 0;
      const want = counts.get(w) ?? 0;
      const after = before + d;
      window.set(w, after);
      common += Math.min(after, want) - Math.min(before, want);
    };
    for (let i = 0; i < words.length; i++) {
      add(words[i]!.w, 1);
      if (i >= size) add(words[i - size]!.w, -1);
      if (i >= size - 1) {
        const score = (2 * common) / (size + target.length);
        const start = words[i - size + 1]!.start;
        const tie = best && Math.abs(score - best.score) < 1e-9 && Math.abs(start - hint) < Math.abs(best.start - hint);
        if (!best || score > best.score || tie) best = { start, end: words[i]!.end, score };
      }
    }
  }
  return best && best.score >= 0.6 ? { start: best.start, end: best.end } : null;
}
