/**
 * From what the user selected to offsets in the letter's canonical text (shared/text.ts), and the
 * word and sentence stops the keyboard selection moves by.
 *
 * Every paragraph's text element carries `data-block-id` (the paragraph id). A DOM point inside it
 * maps to block.start + the number of text characters before it; text inside `[data-offset-skip]`
 * (markers, announcements for screen readers) is not part of the letter and is not counted. A point
 * outside every paragraph (a heading, the space between) moves to the nearest paragraph edge.
 */
import type { TextBlock } from '../../../../electron/shared/text';

export const BLOCK_ATTR = 'data-block-id';
export const SKIP_ATTR = 'data-offset-skip';

export interface CanonicalRange {
  start: number;
  end: number;
}

function textNodes(block: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(SKIP_ATTR)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) out.push(node as Text);
  }
  return out;
}

/** The letter-text offset of a DOM point inside a block element. */
export function offsetInBlock(block: Element, node: Node, offset: number): number {
  const point = document.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  let count = 0;
  for (const t of textNodes(block)) {
    if (t === node) return count + Math.min(offset, t.length);
    // The whole text node lies before the point: count it; the first one after it ends the count.
    if (point.comparePoint(t, t.length) <= 0) count += t.length;
    else if (point.comparePoint(t, 0) >= 0) break;
    else return count; // the point sits inside a skipped element within this text's parent
  }
  return count;
}

function blockLength(block: Element): number {
  return textNodes(block).reduce((n, t) => n + t.length, 0);
}

/**
 * The canonical range of a DOM range inside `root`, or null when it holds no letter text.
 * `starts` gives each paragraph id's start in the canonical text.
 */
export function canonicalRange(
  range: Range,
  root: Element,
  starts: ReadonlyMap<string, number>,
): CanonicalRange | null {
  const blocks = [...root.querySelectorAll(`[${BLOCK_ATTR}]`)];
  if (blocks.length === 0) return null;
  const edge = (node: Node, offset: number, side: 'start' | 'end'): number | null => {
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    const inside = element?.closest(`[${BLOCK_ATTR}]`);
    if (inside && root.contains(inside)) {
      const base = starts.get(inside.getAttribute(BLOCK_ATTR)!);
      return base === undefined ? null : base + offsetInBlock(inside, node, offset);
    }
    const point = document.createRange();
    point.setStart(node, offset);
    point.collapse(true);
    if (side === 'start') {
      // The first paragraph that begins after the point.
      const next = blocks.find((b) => point.comparePoint(b, 0) >= 0);
      const base = next ? starts.get(next.getAttribute(BLOCK_ATTR)!) : undefined;
      return base ?? null;
    }
    // The last paragraph that ends before the point.
    const previous = [...blocks].reverse().find((b) => point.comparePoint(b, b.childNodes.length) <= 0);
    const base = previous ? starts.get(previous.getAttribute(BLOCK_ATTR)!) : undefined;
    return base === undefined ? null : base + blockLength(previous!);
  };
  const start = edge(range.startContainer, range.startOffset, 'start');
  const end = edge(range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Leading and trailing white space is not part of a passage (the server trims the same way). */
export function trimRange(text: string, range: CanonicalRange): CanonicalRange | null {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

// ── Keyboard selection: words and sentences ───────────────────────────────────────────────────

export interface Span {
  start: number;
  end: number;
}

export interface ParagraphStops {
  id: string;
  start: number;
  end: number;
  /** Canonical offsets of each word and sentence of the paragraph, in order. */
  words: Span[];
  sentences: Span[];
}

const wordSegmenter = new Intl.Segmenter('nl', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('nl', { granularity: 'sentence' });

/** Word and sentence stops of every paragraph (the blocks the reader marks up). */
export function paragraphStops(text: string, blocks: readonly TextBlock[]): ParagraphStops[] {
  const out: ParagraphStops[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || block.id === null) continue;
    const value = text.slice(block.start, block.end);
    const words: Span[] = [];
    for (const s of wordSegmenter.segment(value)) {
      if (s.isWordLike) words.push({ start: block.start + s.index, end: block.start + s.index + s.segment.length });
    }
    const sentences: Span[] = [];
    for (const s of sentenceSegmenter.segment(value)) {
      const lead = s.segment.length - s.segment.trimStart().length;
      const body = s.segment.trim();
      if (!body) continue;
      const from = block.start + s.index + lead;
      sentences.push({ start: from, end: from + body.length });
    }
    if (words.length === 0 && value.trim()) words.push({ start: block.start, end: block.end });
    if (words.length === 0) continue;
    if (sentences.length === 0) sentences.push({ start: words[0]!.start, end: words[words.length - 1]!.end });
    out.push({ id: block.id, start: block.start, end: block.end, words, sentences });
  }
  return out;
}

/** A keyboard selection: the anchor stays, the focus moves (like text selection in an editor). */
export interface KeySelection {
  anchor: number;
  focus: number;
}

export function spanOf(sel: KeySelection): Span {
  return { start: Math.min(sel.anchor, sel.focus), end: Math.max(sel.anchor, sel.focus) };
}

export function paragraphIndexAt(stops: readonly ParagraphStops[], offset: number): number {
  let index = 0;
  for (let i = 0; i < stops.length; i++) if (stops[i]!.start <= offset) index = i;
  return index;
}

export type KeyMove =
  | 'next-word'
  | 'previous-word'
  | 'next-sentence'
  | 'previous-sentence'
  | 'extend-word'
  | 'shrink-word'
  | 'extend-sentence'
  | 'shrink-sentence'
  | 'next-paragraph'
  | 'previous-paragraph'
  | 'paragraph-first'
  | 'paragraph-last'
  | 'extend-paragraph-end'
  | 'extend-paragraph-start'
  | 'whole-paragraph';

function single(span: Span): KeySelection {
  return { anchor: span.start, focus: span.end };
}

/** Where the selection goes for a key. Everything stays on word boundaries. */
export function moveSelection(stops: readonly ParagraphStops[], sel: KeySelection, move: KeyMove): KeySelection {
  const words = stops.flatMap((p) => p.words);
  const sentences = stops.flatMap((p) => p.sentences);
  if (words.length === 0) return sel;
  const { start, end } = spanOf(sel);
  const here = stops[paragraphIndexAt(stops, sel.focus)]!;
  const firstAfter = (list: Span[], at: number, key: 'start' | 'end') => list.find((s) => s[key] > at);
  const lastBefore = (list: Span[], at: number, key: 'start' | 'end') => [...list].reverse().find((s) => s[key] < at);
  switch (move) {
    case 'next-word': {
      const w = firstAfter(words, start, 'start');
      return w ? single(w) : sel;
    }
    case 'previous-word': {
      const w = lastBefore(words, start, 'start');
      return w ? single(w) : sel;
    }
    case 'next-sentence': {
      const s = firstAfter(sentences, start, 'start');
      return s ? single(s) : sel;
    }
    case 'previous-sentence': {
      const s = lastBefore(sentences, start, 'start');
      return s ? single(s) : sel;
    }
    case 'extend-word': {
      const w = firstAfter(words, sel.focus, 'end');
      return w ? { anchor: sel.anchor, focus: w.end } : sel;
    }
    case 'shrink-word': {
      // Back to the end of the previous word, never before the first word of the selection.
      const w = lastBefore(words, sel.focus, 'end');
      return w && w.end > sel.anchor ? { anchor: sel.anchor, focus: w.end } : sel;
    }
    case 'extend-sentence': {
      const s = firstAfter(sentences, sel.focus, 'end');
      return s ? { anchor: sel.anchor, focus: s.end } : sel;
    }
    case 'shrink-sentence': {
      const s = lastBefore(sentences, sel.focus, 'end');
      if (s && s.end > sel.anchor) return { anchor: sel.anchor, focus: s.end };
      const w = words.find((x) => x.start >= sel.anchor);
      return w ? { anchor: sel.anchor, focus: w.end } : sel;
    }
    case 'next-paragraph': {
      const i = stops.indexOf(here);
      const p = stops[Math.min(stops.length - 1, i + 1)]!;
      return single(p.words[0]!);
    }
    case 'previous-paragraph': {
      const i = stops.indexOf(here);
      const p = stops[Math.max(0, i - 1)]!;
      return single(p.words[0]!);
    }
    case 'paragraph-first':
      return single(here.words[0]!);
    case 'paragraph-last':
      return single(here.words[here.words.length - 1]!);
    case 'extend-paragraph-end': {
      const last = here.words[here.words.length - 1]!;
      if (sel.focus < last.end) return { anchor: sel.anchor, focus: last.end };
      // Already at the end: take the next paragraph in too.
      const next = stops[stops.indexOf(here) + 1];
      return next ? { anchor: sel.anchor, focus: next.words[next.words.length - 1]!.end } : sel;
    }
    case 'extend-paragraph-start': {
      // From the start of the paragraph the selection starts in, to where it ends.
      const first = stops[paragraphIndexAt(stops, start)]!.words[0]!;
      return { anchor: end, focus: first.start };
    }
    case 'whole-paragraph':
      return { anchor: here.words[0]!.start, focus: here.words[here.words.length - 1]!.end };
  }
}
