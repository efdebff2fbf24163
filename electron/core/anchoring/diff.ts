/**
 * What changed between two versions of a letter, at two levels: paragraphs (blocks of the canonical
 * text, compared by their whole text, with reordered ones recognised as moved) and words within a
 * paragraph that changed. Used to re-anchor annotations (reanchor.ts) and to show the user a
 * readable "Wat is er veranderd".
 *
 * Both levels use Myers' O((N+M)·D) diff on interned tokens (block texts, word/space tokens), after
 * trimming the common head and tail, with a cap on D: a pathological pair falls back to "all
 * removed, all added" for the middle instead of spending seconds. No character-level diff over
 * whole letters.
 */

export type BlockOp = { op: 'same' | 'added' | 'removed' | 'changed' | 'moved'; oldIndex?: number; newIndex?: number };
export type WordOp = { op: 'same' | 'added' | 'removed'; text: string };

/** Largest edit distance Myers may explore before giving up on the middle of a pair. */
const MAX_D = 1200;
/** Similarity (Dice over words) for two paragraphs in the same gap to count as one changed paragraph. */
export const IN_PLACE_SIMILARITY = 0.4;
/** Similarity for an unmatched paragraph elsewhere to count as the same paragraph, moved and edited. */
export const MOVED_SIMILARITY = 0.6;

// ---------------------------------------------------------------------------------------------
// Myers

/**
 * The matched index pairs of a longest common subsequence of `a` and `b` (ascending), or null when
 * the edit distance exceeds `maxD`.
 */
function myersPairs(a: ArrayLike<number>, b: ArrayLike<number>, maxD = MAX_D): Array<[number, number]> | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  // Bound the work too: (N+M)·D steps at most ~1 M (a rewritten letter is not worth more).
  const limit = Math.min(max, maxD, Math.max(32, Math.floor(1_000_000 / max)));
  for (let d = 0; d <= limit && found < 0; d++) {
    // Keep v[-d-1 .. d+1] as it was before this round: what the backtrack needs.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const saved = trace[d]!;
    const at = (k: number) => saved[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  return pairs.reverse();
}

/** LCS pairs with the common head and tail trimmed first (the usual case: a few edits). */
function lcs(a: ArrayLike<number>, b: ArrayLike<number>): Array<[number, number]> {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  const midA = Array.prototype.slice.call(a, head, a.length - tail) as number[];
  const midB = Array.prototype.slice.call(b, head, b.length - tail) as number[];
  if (midA.length > 0 && midB.length > 0) {
    for (const [i, j] of myersPairs(midA, midB) ?? []) pairs.push([i + head, j + head]);
  }
  for (let t = tail; t > 0; t--) pairs.push([a.length - t, b.length - t]);
  return pairs;
}

function intern(tokens: readonly string[], ids: Map<string, number>): Int32Array {
  const out = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
    }
    out[i] = id;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Words

/** Word, whitespace run, or any other single code point: concatenated they give the text back. */
const TOKEN = /[\p{L}\p{N}]+|\s+|[^]/gu;
const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Word-level diff of two texts (a changed paragraph). Whitespace and punctuation are tokens too,
 * so `same`+`removed` concatenate to the old text and `same`+`added` to the new one. Within a
 * hunk the removed text comes before the added text; neighbouring ops of one kind are merged.
 */
export function diffWords(oldText: string, newText: string): WordOp[] {
  const a = tokenize(oldText);
  const b = tokenize(newText);
  const ids = new Map<string, number>();
  const pairs = lcs(intern(a, ids), intern(b, ids));
  const runs: Array<{ op: WordOp['op']; tokens: string[] }> = [];
  const push = (op: WordOp['op'], tokens: string[]) => {
    if (tokens.length === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.tokens.push(...tokens);
    else runs.push({ op, tokens });
  };
  let i = 0;
  let j = 0;
  const flush = (toI: number, toJ: number) => {
    push('removed', a.slice(i, toI));
    push('added', b.slice(j, toJ));
    i = toI;
    j = toJ;
  };
  for (const [pi, pj] of pairs) {
    flush(pi, pj);
    push('same', [a[pi]!]);
    i = pi + 1;
    j = pj + 1;
  }
  flush(a.length, b.length);
  slideHunks(runs);
  return runs.filter((r) => r.tokens.length > 0).map((r) => ({ op: r.op, text: r.tokens.join('') }));
}

const SPACE_TOKEN = /^\s/;

/**
 * A pure insertion or deletion between two unchanged runs can often slide (" gewijzigde" after
 * "het" is the same edit as "gewijzigde " before "voorstel"): put it where it starts with a word
 * and ends with a space, as a reader would mark it.
 */
function slideHunks(runs: Array<{ op: WordOp['op']; tokens: string[] }>): void {
  for (let r = 1; r + 1 < runs.length; r++) {
    const prev = runs[r - 1]!;
    const hunk = runs[r]!;
    const next = runs[r + 1]!;
    if (hunk.op === 'same' || prev.op !== 'same' || next.op !== 'same') continue;
    // Slide as far left as possible, then try every position to the right.
    let left = 0;
    while (left + 1 < prev.tokens.length && left < hunk.tokens.length) {
      const p = prev.tokens[prev.tokens.length - 1 - left]!;
      if (p !== hunk.tokens[hunk.tokens.length - 1 - left]) break;
      left++;
    }
    if (left === hunk.tokens.length) continue; // keep it simple: only slides shorter than the hunk
    const moveLeft = (n: number) => {
      for (let k = 0; k < n; k++) {
        next.tokens.unshift(hunk.tokens.pop()!);
        hunk.tokens.unshift(prev.tokens.pop()!);
      }
    };
    const moveRight = (n: number) => {
      for (let k = 0; k < n; k++) {
        prev.tokens.push(hunk.tokens.shift()!);
        hunk.tokens.push(next.tokens.shift()!);
      }
    };
    moveLeft(left);
    const score = () =>
      (SPACE_TOKEN.test(hunk.tokens[0]!) ? 0 : 2) + (SPACE_TOKEN.test(hunk.tokens[hunk.tokens.length - 1]!) ? 1 : 0);
    let best = 0;
    let bestScore = score();
    let shifted = 0;
    while (shifted < hunk.tokens.length && next.tokens.length > 1 && hunk.tokens[0] === next.tokens[0]) {
      moveRight(1);
      shifted++;
      const sc = score();
      if (sc > bestScore) {
        bestScore = sc;
        best = shifted;
      }
    }
    moveLeft(shifted - best);
  }
}

/**
 * Offsets in a changed paragraph mapped through its word diff. A position inside unchanged text
 * maps exactly; one inside removed text maps to the edge of what replaced it (the start of the
 * hunk's new text for a range start, its end for a range end).
 */
export class WordMap {
  /** Per op: old start, old end, new start, new end, hunk new start, hunk new end, same? */
  private readonly rows: Array<{
    os: number;
    oe: number;
    ns: number;
    ne: number;
    hs: number;
    he: number;
    same: boolean;
  }>;
  readonly oldLength: number;
  readonly newLength: number;

  constructor(ops: readonly WordOp[]) {
    this.rows = [];
    let o = 0;
    let n = 0;
    for (const op of ops) {
      const len = op.text.length;
      const row = {
        os: o,
        oe: op.op === 'added' ? o : o + len,
        ns: n,
        ne: op.op === 'removed' ? n : n + len,
        hs: n,
        he: n,
        same: op.op === 'same',
      };
      if (op.op !== 'added') o += len;
      if (op.op !== 'removed') n += len;
      this.rows.push(row);
    }
    // Hunk extents in the new text: a run of non-same rows.
    for (let r = 0; r < this.rows.length;) {
      if (this.rows[r]!.same) {
        r++;
        continue;
      }
      let e = r;
      while (e < this.rows.length && !this.rows[e]!.same) e++;
      const hs = this.rows[r]!.ns;
      const he = this.rows[e - 1]!.ne;
      for (let q = r; q < e; q++) {
        this.rows[q]!.hs = hs;
        this.rows[q]!.he = he;
      }
      r = e;
    }
    this.oldLength = o;
    this.newLength = n;
  }

  /** Where a range starting at old offset `p` starts in the new text. */
  mapStart(p: number): number {
    if (p >= this.oldLength) return this.newLength;
    const row = this.find(p, (r) => r.os <= p && p < r.oe);
    if (!row) return this.newLength;
    return row.same ? row.ns + (p - row.os) : row.hs;
  }

  /** Where a range ending at old offset `p` ends in the new text. */
  mapEnd(p: number): number {
    if (p <= 0) return 0;
    const row = this.find(p, (r) => r.os < p && p <= r.oe);
    if (!row) return this.newLength;
    return row.same ? row.ns + (p - row.os) : row.he;
  }

  private find(p: number, hit: (r: WordMap['rows'][number]) => boolean): WordMap['rows'][number] | undefined {
    // Binary search on old start over rows that cover old text, then a short scan.
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rows[mid]!.os <= p) lo = mid;
      else hi = mid - 1;
    }
    for (let r = Math.max(0, lo - 2); r < this.rows.length && r <= lo + 2; r++)
      if (hit(this.rows[r]!)) return this.rows[r];
    return this.rows.find(hit);
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** How an old paragraph ended up in the new text (values of BlockAlignment.oldKind). */
export const BlockKind = {
  Same: 0,
  Moved: 1,
  Changed: 2,
  /** Similar to a paragraph elsewhere: reordered and edited. */
  ChangedMoved: 3,
  Removed: 4,
} as const;
export type BlockKind = (typeof BlockKind)[keyof typeof BlockKind];

export interface BlockAlignment {
  /** For each old block: the new block it became, or -1 (removed). */
  oldToNew: Int32Array;
  /** For each old block: its BlockKind. */
  oldKind: Uint8Array;
  /** For each new block: the old block it came from, or -1 (added). */
  newToOld: Int32Array;
  /**
   * The stretches between `same` paragraphs: old blocks [oldFrom, oldTo) face new blocks
   * [newFrom, newTo). Only gaps with at least one old block are listed.
   */
  gaps: Array<{ oldFrom: number; oldTo: number; newFrom: number; newTo: number }>;
  /** For each old block: the index in `gaps` of the gap it sits in, or -1 (a `same` block). */
  oldGap: Int32Array;
  ops: BlockOp[];
}

/** The words of a paragraph (character bigrams too when it has under four), as a sorted bag of ids. */
function bagOf(text: string, ids: Map<string, number>): Int32Array {
  const keys: string[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(WORD)) keys.push(m[0]);
  if (keys.length < 4) for (let i = 0; i + 1 < lower.length; i++) keys.push('\u0000' + lower.slice(i, i + 2));
  const bag = intern(keys, ids);
  return bag.sort();
}

/** Dice coefficient of two sorted bags, 0…1. */
function dice(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / total;
}

/** Similarity of two paragraphs, 0…1 (Dice over their words; bigrams added for very short ones). */
export function blockSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ids = new Map<string, number>();
  return dice(bagOf(a, ids), bagOf(b, ids));
}

/**
 * Paragraph-level alignment: identical paragraphs in order are `same` (LCS over the paragraph
 * texts), identical paragraphs out of order are `moved`, similar paragraphs in the same gap are
 * `changed` (in order, maximising total similarity), remaining similar pairs elsewhere are
 * `changed` too (moved and edited; oldIndex says from where), the rest `removed`/`added`.
 */
export function alignBlocks(oldBlocks: readonly string[], newBlocks: readonly string[]): BlockAlignment {
  const nOld = oldBlocks.length;
  const nNew = newBlocks.length;
  const oldToNew = new Int32Array(nOld).fill(-1);
  const newToOld = new Int32Array(nNew).fill(-1);
  const oldKind = new Uint8Array(nOld).fill(BlockKind.Removed);
  const newKind = new Uint8Array(nNew).fill(BlockKind.Removed);
  const gaps: BlockAlignment['gaps'] = [];
  const oldGap = new Int32Array(nOld).fill(-1);
  const link = (i: number, j: number, kind: BlockKind) => {
    oldToNew[i] = j;
    newToOld[j] = i;
    oldKind[i] = kind;
    newKind[j] = kind;
  };

  const ids = new Map<string, number>();
  const a = intern(oldBlocks, ids);
  const b = intern(newBlocks, ids);
  const same = lcs(a, b);
  for (const [i, j] of same) link(i, j, BlockKind.Same);

  // Identical paragraphs elsewhere: moved (nearest unmatched old copy in order of appearance).
  const unmatchedOld = new Map<number, number[]>();
  for (let i = 0; i < nOld; i++) {
    if (oldToNew[i] !== -1) continue;
    const list = unmatchedOld.get(a[i]!);
    if (list) list.push(i);
    else unmatchedOld.set(a[i]!, [i]);
  }
  for (let j = 0; j < nNew; j++) {
    if (newToOld[j] !== -1) continue;
    const list = unmatchedOld.get(b[j]!);
    if (list && list.length > 0) link(list.shift()!, j, BlockKind.Moved);
  }

  // Gaps between same pairs: similar paragraphs there are the same paragraph, edited.
  const wordIds = new Map<string, number>();
  const bags = new Map<string, Int32Array>();
  const bag = (t: string) => {
    let c = bags.get(t);
    if (!c) bags.set(t, (c = bagOf(t, wordIds)));
    return c;
  };
  const sim = (i: number, j: number) => {
    const x = oldBlocks[i]!;
    const y = newBlocks[j]!;
    if (x === y) return 1;
    if (Math.min(x.length, y.length) * 4 < Math.max(x.length, y.length)) return 0; // far apart in size
    const bx = bag(x);
    const by = bag(y);
    // Dice can reach the lowest threshold only if the bags are not too different in size.
    if (2 * Math.min(bx.length, by.length) < IN_PLACE_SIMILARITY * (bx.length + by.length)) return 0;
    return dice(bx, by);
  };
  const anchors: Array<[number, number]> = [[-1, -1], ...same, [nOld, nNew]];
  for (let g = 0; g + 1 < anchors.length; g++) {
    const [i0, j0] = anchors[g]!;
    const [i1, j1] = anchors[g + 1]!;
    if (i1 > i0 + 1) {
      for (let i = i0 + 1; i < i1; i++) oldGap[i] = gaps.length;
      gaps.push({ oldFrom: i0 + 1, oldTo: i1, newFrom: j0 + 1, newTo: j1 });
    }
    const olds: number[] = [];
    const news: number[] = [];
    for (let i = i0 + 1; i < i1; i++) if (oldToNew[i] === -1) olds.push(i);
    for (let j = j0 + 1; j < j1; j++) if (newToOld[j] === -1) news.push(j);
    if (olds.length === 0 || news.length === 0) continue;
    for (const [i, j] of pairInOrder(olds, news, sim)) link(i, j, BlockKind.Changed);
  }

  // Left over on both sides: a paragraph that moved and was edited.
  const restOld: number[] = [];
  const restNew: number[] = [];
  for (let i = 0; i < nOld; i++) if (oldToNew[i] === -1) restOld.push(i);
  for (let j = 0; j < nNew; j++) if (newToOld[j] === -1) restNew.push(j);
  if (restOld.length > 0 && restNew.length > 0 && restOld.length * restNew.length <= 20_000) {
    const candidates: Array<[number, number, number]> = [];
    for (const i of restOld)
      for (const j of restNew) {
        const s = sim(i, j);
        if (s >= MOVED_SIMILARITY) candidates.push([s, i, j]);
      }
    candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
    for (const [, i, j] of candidates) if (oldToNew[i] === -1 && newToOld[j] === -1) link(i, j, BlockKind.ChangedMoved);
  }

  return { oldToNew, newToOld, oldKind, gaps, oldGap, ops: blockOps(anchors, oldToNew, newToOld, oldKind, newKind) };
}

/** Order-preserving pairs of similar paragraphs with the highest total similarity. */
function pairInOrder(
  olds: readonly number[],
  news: readonly number[],
  sim: (i: number, j: number) => number,
): Array<[number, number]> {
  const p = olds.length;
  const q = news.length;
  if (p * q > 40_000) {
    // Too big for the table: pair by position.
    const out: Array<[number, number]> = [];
    for (let k = 0; k < Math.min(p, q); k++)
      if (sim(olds[k]!, news[k]!) >= IN_PLACE_SIMILARITY) out.push([olds[k]!, news[k]!]);
    return out;
  }
  const w = q + 1;
  const best = new Float64Array((p + 1) * w);
  const s = new Float64Array(p * q);
  for (let x = 0; x < p; x++)
    for (let y = 0; y < q; y++) {
      const v = sim(olds[x]!, news[y]!);
      s[x * q + y] = v >= IN_PLACE_SIMILARITY ? v : -1;
    }
  for (let x = 1; x <= p; x++)
    for (let y = 1; y <= q; y++) {
      const v = s[(x - 1) * q + (y - 1)]!;
      best[x * w + y] = Math.max(
        best[(x - 1) * w + y]!,
        best[x * w + y - 1]!,
        v > 0 ? best[(x - 1) * w + y - 1]! + v : 0,
      );
    }
  const out: Array<[number, number]> = [];
  let x = p;
  let y = q;
  while (x > 0 && y > 0) {
    const v = s[(x - 1) * q + (y - 1)]!;
    if (v > 0 && best[x * w + y] === best[(x - 1) * w + y - 1]! + v) {
      out.push([olds[x - 1]!, news[y - 1]!]);
      x--;
      y--;
    } else if (best[x * w + y] === best[(x - 1) * w + y]) x--;
    else y--;
  }
  return out.reverse();
}

/** The ops in new-text order, with removed paragraphs where they were. */
function blockOps(
  anchors: ReadonlyArray<[number, number]>,
  oldToNew: Int32Array,
  newToOld: Int32Array,
  oldKind: Uint8Array,
  newKind: Uint8Array,
): BlockOp[] {
  const ops: BlockOp[] = [];
  const emitNew = (j: number) => {
    const i = newToOld[j]!;
    if (i === -1) ops.push({ op: 'added', newIndex: j });
    else if (newKind[j] === BlockKind.Moved) ops.push({ op: 'moved', oldIndex: i, newIndex: j });
    else ops.push({ op: 'changed', oldIndex: i, newIndex: j });
  };
  for (let g = 0; g + 1 < anchors.length; g++) {
    const [i0, j0] = anchors[g]!;
    const [i1, j1] = anchors[g + 1]!;
    let i = i0 + 1;
    let j = j0 + 1;
    while (i < i1 || j < j1) {
      // Removed old paragraphs first, then new ones, up to the next in-place changed pair.
      if (i < i1 && oldKind[i] !== BlockKind.Changed) {
        if (oldKind[i] === BlockKind.Removed) ops.push({ op: 'removed', oldIndex: i });
        i++;
        continue;
      }
      if (j < j1 && !(newKind[j] === BlockKind.Changed && newToOld[j] === i)) {
        emitNew(j);
        j++;
        continue;
      }
      if (i < i1 && j < j1) {
        ops.push({ op: 'changed', oldIndex: i, newIndex: j });
        i++;
        j++;
      } else if (i < i1) i++;
      else j++;
    }
    if (i1 < oldToNew.length && j1 < newToOld.length) ops.push({ op: 'same', oldIndex: i1, newIndex: j1 });
  }
  return ops;
}

/** Paragraph-level diff (see alignBlocks). */
export function diffBlocks(oldBlocks: readonly string[], newBlocks: readonly string[]): BlockOp[] {
  return alignBlocks(oldBlocks, newBlocks).ops;
}
