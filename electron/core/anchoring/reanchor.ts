/**
 * Re-anchoring annotations when the griffie publishes a corrected letter, knowing both the text
 * the annotation was anchored in (old) and the corrected text (new).
 *
 * States (UI words): `anchored` "ongewijzigd" — same words, same 32-character context on both
 * sides, the passage was not reordered; `moved` "verplaatst" — same words, provably the same
 * passage, but its paragraph was reordered or the context around it changed; `changed`
 * "controleren" — reworded or not provable: the user must confirm; `orphan` "verweesd" — not found,
 * kept with its quote (start = end = the old position, clamped to the new text).
 *
 * Evidence, strongest first; only the first two may auto-accept (anchored/moved):
 *  1. Position mapping through the diff: the quote's old range maps (paragraphs by identity,
 *     including moved ones; words inside a changed paragraph) to a new range with exactly the
 *     quoted words. This is the only way a short quote (fewer than two words or under 12
 *     characters) is auto-accepted, and the only way for a quote that occurs more than once.
 *  2. Uniqueness: the quote occurs exactly once in the old text (at the annotation) and exactly
 *     once in the new text. A quote that occurred twice in the old text never jumps to the
 *     remaining occurrence when the annotated one was edited.
 *  3. Fuzzy match (approx-string-match, ≤ 30 % edits) near the mapped place only: `changed`.
 *  4. Otherwise `orphan`.
 * Inputs already `changed` (the stored quote no longer equals the old text at its position) stay
 * `changed` at the mapped place while that place still exists; `orphan` inputs are looked for
 * again by uniqueness (then `moved` only with some context agreement) or near their old position.
 *
 * The diff is made once per letter, lazily: identical texts cost O(1) per valid annotation.
 */
import search from 'approx-string-match';
import { BLOCK_SEPARATOR } from '../../shared/text';
import { quoteAt } from './anchor';
import { alignBlocks, BlockKind, diffWords, WordMap, type BlockAlignment, type WordOp } from './diff';

export { diffBlocks, diffWords, type BlockOp, type WordOp } from './diff';

export type ReanchorState = 'anchored' | 'moved' | 'changed' | 'orphan';

export interface ReanchorInput {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  /** State before this update. */
  state?: ReanchorState;
}

export interface ReanchorResult {
  state: ReanchorState;
  start: number;
  end: number;
  /** Similarity 0…1 of a `changed` result to the quote. */
  score?: number;
}

/** A fuzzy match may differ from the quote in at most this share of its characters. */
export const MAX_FUZZY_ERROR_RATE = 0.3;
/** Uniqueness alone proves identity only for quotes of at least two words and this many characters. */
export const MIN_UNIQUE_LENGTH = 12;
/** Characters of prefix (end) or suffix (start) that must agree to re-find an orphan as `moved`. */
export const MIN_CONTEXT_AGREEMENT = 8;
/** Gaps (old + new characters) up to this size are word-diffed as a whole. */
const WHOLE_GAP_CHARS = 20_000;
/** Slack around the mapped place for the first, tight fuzzy search. */
const NEAR = 16;
/** Most characters either side of the mapped place the wider fuzzy search looks at. */
const MAX_PAD = 1500;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORDS = /[\p{L}\p{N}]+/gu;
const SPACE = /\s/;

interface Blocks {
  starts: Int32Array;
  ends: Int32Array;
  texts: string[];
}

function splitBlocks(text: string): Blocks {
  const texts = text.split(BLOCK_SEPARATOR);
  const starts = new Int32Array(texts.length);
  const ends = new Int32Array(texts.length);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    starts[i] = at;
    ends[i] = at + texts[i]!.length;
    at = ends[i]! + BLOCK_SEPARATOR.length;
  }
  return { starts, ends, texts };
}

/** Index of the last block starting at or before `p`. */
function blockAt(blocks: Blocks, p: number): number {
  let lo = 0;
  let hi = blocks.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks.starts[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function countUpTo(text: string, needle: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1 && n < limit; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

function strongQuote(exact: string): boolean {
  const words = exact.match(WORDS);
  return !!words && words.length >= 2 && exact.trim().length >= MIN_UNIQUE_LENGTH;
}

class Model {
  readonly old: Blocks;
  readonly neu: Blocks;
  readonly align: BlockAlignment;
  /** Word maps of paragraphs that moved and were edited, by old block. */
  private readonly pairMaps = new Map<number, WordMap>();
  /** Word maps of whole gaps (changed, removed, split or merged paragraphs), by gap index. */
  private readonly gapMaps = new Map<number, { map: WordMap; oldBase: number; newBase: number }>();

  constructor(
    readonly oldText: string,
    readonly newText: string,
  ) {
    this.old = splitBlocks(oldText);
    this.neu = splitBlocks(newText);
    this.align = alignBlocks(this.old.texts, this.neu.texts);
  }

  private pairMap(i: number): WordMap {
    let map = this.pairMaps.get(i);
    if (!map) {
      map = new WordMap(diffWords(this.old.texts[i]!, this.neu.texts[this.align.oldToNew[i]!]!));
      this.pairMaps.set(i, map);
    }
    return map;
  }

  /**
   * The word diff of a gap's old text against its new text (paragraph breaks included). A very
   * large gap (a rewritten letter) is diffed piecewise to bound the work: each in-place changed
   * pair on its own, the unpaired paragraphs between pairs as one.
   */
  private gapMap(g: number): { map: WordMap; oldBase: number; newBase: number } {
    let entry = this.gapMaps.get(g);
    if (entry) return entry;
    const { old, neu, align } = this;
    const gap = align.gaps[g]!;
    const pieces: Array<[number, number, number, number]> = [];
    let i = gap.oldFrom;
    let j = gap.newFrom;
    const size =
      old.ends[gap.oldTo - 1]! -
      old.starts[gap.oldFrom]! +
      (gap.newTo > gap.newFrom ? neu.ends[gap.newTo - 1]! - neu.starts[gap.newFrom]! : 0);
    // A gap of ordinary size is diffed as one piece: paragraphs split or merged line up exactly.
    for (let k = gap.oldFrom; size > WHOLE_GAP_CHARS && k < gap.oldTo; k++) {
      if (align.oldKind[k] !== BlockKind.Changed) continue;
      const jj = align.oldToNew[k]!;
      pieces.push([i, k, j, jj], [k, k + 1, jj, jj + 1]);
      i = k + 1;
      j = jj + 1;
    }
    pieces.push([i, gap.oldTo, j, gap.newTo]);
    const slice = (text: string, blocks: Blocks, from: number, to: number) =>
      to > from ? text.slice(blocks.starts[from]!, blocks.ends[to - 1]!) : '';
    const ops: WordOp[] = [];
    let oldSeen = false;
    let newSeen = false;
    for (const [o0, o1, n0, n1] of pieces) {
      const hasOld = o1 > o0;
      const hasNew = n1 > n0;
      if (!hasOld && !hasNew) continue;
      const sepOld = oldSeen && hasOld;
      const sepNew = newSeen && hasNew;
      if (sepOld && sepNew) ops.push({ op: 'same', text: BLOCK_SEPARATOR });
      else if (sepOld) ops.push({ op: 'removed', text: BLOCK_SEPARATOR });
      else if (sepNew) ops.push({ op: 'added', text: BLOCK_SEPARATOR });
      ops.push(...diffWords(slice(this.oldText, old, o0, o1), slice(this.newText, neu, n0, n1)));
      oldSeen ||= hasOld;
      newSeen ||= hasNew;
    }
    const oldBase = old.starts[gap.oldFrom]!;
    const newBase =
      gap.newTo > gap.newFrom ? neu.starts[gap.newFrom]! : gap.newFrom > 0 ? neu.ends[gap.newFrom - 1]! : 0;
    entry = { map: new WordMap(ops), oldBase, newBase };
    this.gapMaps.set(g, entry);
    return entry;
  }

  /**
   * Where old offset `p` is in the new text, as the start (`end` false) or end of a range, and the
   * old block it was in. Removed paragraphs map into the new text between their neighbours.
   */
  map(p: number, end: boolean): { at: number; block: number } {
    const { old, neu, align } = this;
    let i = blockAt(old, p);
    // The end of a range right after a separator belongs to the block before it.
    if (end && i > 0 && p === old.starts[i]) i--;
    const kind = align.oldKind[i]!;
    const limit = this.newText.length;
    if (kind === BlockKind.Changed || kind === BlockKind.Removed) {
      const { map, oldBase, newBase } = this.gapMap(align.oldGap[i]!);
      const rel = p - oldBase;
      if (rel > map.oldLength)
        return { at: Math.min(limit, newBase + map.newLength + (rel - map.oldLength)), block: i };
      return { at: newBase + (end ? map.mapEnd(rel) : map.mapStart(rel)), block: i };
    }
    const j = align.oldToNew[i]!;
    const rel = p - old.starts[i]!;
    const len = old.ends[i]! - old.starts[i]!;
    const base = neu.starts[j]!;
    if (rel > len) return { at: Math.min(limit, neu.ends[j]! + (rel - len)), block: i };
    if (kind === BlockKind.Same || kind === BlockKind.Moved) return { at: base + rel, block: i };
    const words = this.pairMap(i);
    return { at: base + (end ? words.mapEnd(rel) : words.mapStart(rel)), block: i };
  }

  /**
   * The new range of old range [s, e) when the diff proves it holds the same text: the mapping
   * runs on without a break across every paragraph boundary inside the range, and the mapped slice
   * equals `exact`. `moved` when a paragraph of it was reordered.
   */
  mapExact(s: number, e: number, exact: string): { start: number; end: number; moved: boolean } | null {
    const a = this.map(s, false);
    const b = this.map(e, true);
    if (b.at - a.at !== exact.length) return null;
    if (this.newText.slice(a.at, b.at) !== exact) return null;
    const { oldKind } = this.align;
    let moved = false;
    for (let i = a.block; i <= b.block; i++) {
      const kind = oldKind[i]!;
      if (kind === BlockKind.Moved || kind === BlockKind.ChangedMoved) moved = true;
      if (i < b.block) {
        // The paragraph break after block i must map to a paragraph break right after it.
        const sep = this.old.ends[i]!;
        const x = this.map(sep, true).at;
        const y = this.map(sep + BLOCK_SEPARATOR.length, false).at;
        if (y - x !== BLOCK_SEPARATOR.length) return null;
      }
    }
    return { start: a.at, end: b.at, moved };
  }
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(Math.trunc(Number.isFinite(n) ? n : 0), max));
}

function contextEqual(text: string, start: number, end: number, quote: ReanchorInput['quote']): boolean {
  return (
    text.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix &&
    text.slice(end, end + quote.suffix.length) === quote.suffix
  );
}

/** Whether at least MIN_CONTEXT_AGREEMENT characters (or all of a shorter context) next to the quote agree. */
function contextAgrees(text: string, start: number, end: number, quote: ReanchorInput['quote']): boolean {
  const p = quote.prefix.slice(-MIN_CONTEXT_AGREEMENT);
  const s = quote.suffix.slice(0, MIN_CONTEXT_AGREEMENT);
  return (
    (p.length > 0 && text.slice(Math.max(0, start - p.length), start) === p) ||
    (s.length > 0 && text.slice(end, end + s.length) === s)
  );
}

/**
 * Trims a fuzzy range to what the quote covers: no stray spaces, and whole words when the quote
 * itself began (ended) on a word boundary in its old text.
 */
function snap(text: string, start: number, end: number, quote: ReanchorInput['quote']): { start: number; end: number } {
  const { exact, prefix, suffix } = quote;
  if (!SPACE.test(exact[0] ?? '')) while (start < end && SPACE.test(text[start]!)) start++;
  if (!SPACE.test(exact[exact.length - 1] ?? '')) while (end > start && SPACE.test(text[end - 1]!)) end--;
  const isWord = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
  if (isWord(exact[0]) && !isWord(prefix[prefix.length - 1])) {
    let k = 0;
    while (k < 24 && start > 0 && isWord(text[start - 1]) && isWord(text[start])) {
      start--;
      k++;
    }
  }
  if (isWord(exact[exact.length - 1]) && !isWord(suffix[0])) {
    let k = 0;
    while (k < 24 && end < text.length && isWord(text[end]) && isWord(text[end - 1])) {
      end++;
      k++;
    }
  }
  return { start, end };
}

/** Levenshtein-based similarity of a found range to the quote, 0…1. */
function similarity(found: string, exact: string): number {
  if (found === exact) return 1;
  const max = Math.max(found.length, exact.length);
  if (max === 0) return 1;
  const [m] = search(found, exact, exact.length);
  // search() allows the pattern to match a substring; add the unmatched rest of `found`.
  const errors = m ? m.errors + (found.length - (m.end - m.start)) : max;
  return Math.max(0, 1 - errors / max);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * The closest-to-`exact` range near [from, to) of `text`, first within a few characters of that
 * range, then in a window as wide as the quote (at most MAX_PAD) either side. Null when nothing is
 * within MAX_FUZZY_ERROR_RATE. Quotes under 4 characters must match exactly and touch the range.
 */
function fuzzyNear(
  text: string,
  quote: ReanchorInput['quote'],
  from: number,
  to: number,
): { start: number; end: number; score: number } | null {
  const exact = quote.exact;
  const len = exact.length;
  const tiny = exact.trim().length < 4;
  const maxErrors = tiny ? 0 : Math.floor(len * MAX_FUZZY_ERROR_RATE);
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const tries = tiny ? [NEAR] : [NEAR + maxErrors, Math.min(MAX_PAD, Math.max(64, len))];
  for (const pad of tries) {
    const w0 = Math.max(0, lo - pad);
    const w1 = Math.min(text.length, hi + pad);
    if (w1 - w0 < len - maxErrors) continue;
    const window = text.slice(w0, w1);
    const matches = search(window, exact, maxErrors);
    let best: { start: number; end: number; errors: number; distance: number } | null = null;
    for (const m of matches) {
      const start = m.start + w0;
      const end = m.end + w0;
      if (end <= start) continue;
      const distance = Math.abs(start - lo) + Math.abs(end - hi);
      if (!best || m.errors < best.errors || (m.errors === best.errors && distance < best.distance))
        best = { start, end, errors: m.errors, distance };
    }
    if (best) {
      let r = snap(text, best.start, best.end, quote);
      let score = similarity(text.slice(r.start, r.end), exact);
      if (score < 1 - MAX_FUZZY_ERROR_RATE) {
        // Whole words made it worse (a long word around a short quote): keep the match as found.
        r = { start: best.start, end: best.end };
        score = similarity(text.slice(r.start, r.end), exact);
      }
      return { ...r, score: round(score) };
    }
  }
  return null;
}

function reanchorOne(model: Model, a: ReanchorInput): ReanchorResult {
  const { oldText, newText } = model;
  const { quote } = a;
  const exact = quote.exact;
  const s = clamp(a.position.start, oldText.length);
  const e = clamp(Math.max(a.position.start, a.position.end), oldText.length);
  const orphan = (): ReanchorResult => ({
    state: 'orphan',
    start: clamp(s, newText.length),
    end: clamp(s, newText.length),
  });
  if (!exact) return orphan();

  const valid = e > s && oldText.slice(s, e) === exact;
  const accept = (start: number, end: number, moved: boolean): ReanchorResult => ({
    state: !moved && contextEqual(newText, start, end, quote) ? 'anchored' : 'moved',
    start,
    end,
  });

  // 1. Position mapping: the diff says this is the same passage, with the same words.
  if (valid || (a.state === 'changed' && e > s)) {
    const mapped = model.mapExact(s, e, exact);
    if (mapped) return accept(mapped.start, mapped.end, mapped.moved);
  }

  // 2. Unique in the old text (at the annotation) and unique in the new text.
  if (strongQuote(exact)) {
    const inNew = countUpTo(newText, exact, 2);
    if (inNew === 1) {
      const at = newText.indexOf(exact);
      const inOld = countUpTo(oldText, exact, 2);
      // An anchored/moved input whose position is stale still names the old text's only copy.
      const trusted = valid || (a.state !== 'changed' && a.state !== 'orphan');
      if (inOld === 1 && trusted) return accept(at, at + exact.length, false);
      if (inOld === 0) {
        // Lost before (orphan, changed, or a stale position): found again, exactly once.
        if (contextAgrees(newText, at, at + exact.length, quote)) return accept(at, at + exact.length, false);
        return { state: 'changed', start: at, end: at + exact.length, score: 1 };
      }
      if (a.state === 'orphan') return { state: 'changed', start: at, end: at + exact.length, score: 1 };
    }
  }

  // 3. Near the mapped place: reworded (changed), or still the region flagged earlier.
  const from = model.map(s, false).at;
  const to = e > s ? Math.max(from, model.map(e, true).at) : from;
  if (a.state === 'changed' && !valid && e > s) {
    // The region flagged last time, if it survived this update untouched, stays flagged.
    const region = oldText.slice(s, e);
    const kept = model.mapExact(s, e, region);
    if (kept) return { state: 'changed', start: kept.start, end: kept.end, score: round(similarity(region, exact)) };
  }
  const found = fuzzyNear(newText, quote, from, e > s ? to : from + exact.length);
  if (found) return { state: 'changed', ...found };
  if (a.state === 'changed' && !valid && e > s) {
    // Reworded again: follow what the region said before this update.
    const again = fuzzyNear(newText, quoteAt(oldText, s, e), from, to);
    if (again)
      return {
        state: 'changed',
        start: again.start,
        end: again.end,
        score: round(similarity(newText.slice(again.start, again.end), exact)),
      };
  }

  // 4. Gone.
  return orphan();
}

/**
 * A re-anchoring function for one letter update: the diff is made once (lazily), each call then
 * costs a few lookups, or a fuzzy search in a small window when the passage was reworded.
 */
export function createReanchorer(oldText: string, newText: string): (a: ReanchorInput) => ReanchorResult {
  let model: Model | null = null;
  const getModel = () => (model ??= new Model(oldText, newText));
  if (oldText === newText) {
    return (a) => {
      const { start, end } = a.position;
      if (
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        start >= 0 &&
        end > start &&
        end <= oldText.length &&
        a.quote.exact.length === end - start &&
        oldText.startsWith(a.quote.exact, start)
      )
        return { state: 'anchored', start, end };
      return reanchorOne(getModel(), a);
    };
  }
  return (a) => reanchorOne(getModel(), a);
}
