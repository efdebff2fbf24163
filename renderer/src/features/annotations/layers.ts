/**
 * Annotations as layers over the letter's paragraphs: the part of each annotation that falls in a
 * paragraph (paragraph-relative offsets) with a lane, so overlapping highlights stack instead of
 * hiding each other. Pure functions, shared by the reader's paragraphs and its margin.
 */
import type { Annotation, HighlightColorId } from '../../../../electron/shared/notes';
import { rangeInBlocks, type TextBlock } from '../../../../electron/shared/text';

export interface HighlightPart {
  id: string;
  color: HighlightColorId;
  /** Offsets in the paragraph's text (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** 0 for the first layer; overlapping parts get the next free lane. */
  lane: number;
}

/** Annotations that are drawn in the text: everything but orphans (their passage is gone). */
export function isDrawn(a: Annotation): boolean {
  return a.anchor !== 'orphan' && a.position.end > a.position.start;
}

/** Each paragraph's highlight parts, by paragraph id, with lanes assigned per paragraph. */
export function partsByParagraph(annotations: readonly Annotation[], blocks: readonly TextBlock[]) {
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph' && b.id !== null);
  const out = new Map<string, HighlightPart[]>();
  for (const a of annotations) {
    if (!isDrawn(a)) continue;
    for (const piece of rangeInBlocks(paragraphs, a.position.start, a.position.end)) {
      if (piece.end <= piece.start) continue;
      const list = out.get(piece.block.id!) ?? [];
      list.push({ id: a.id, color: a.color, start: piece.start, end: piece.end, lane: 0 });
      out.set(piece.block.id!, list);
    }
  }
  for (const list of out.values()) assignLanes(list);
  return out;
}

/** Greedy interval colouring: earlier and longer parts take the lower lanes. */
export function assignLanes(parts: HighlightPart[]): void {
  parts.sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const laneEnds: number[] = [];
  for (const part of parts) {
    let lane = laneEnds.findIndex((end) => end <= part.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = part.end;
    part.lane = lane;
  }
}

/** The paragraph an annotation's card stands next to: where its passage starts. */
export function homeParagraph(a: Annotation, blocks: readonly TextBlock[]): string | null {
  if (!isDrawn(a)) return null;
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph' && b.id !== null);
  const first = rangeInBlocks(paragraphs, a.position.start, a.position.end)[0];
  return first?.block.id ?? a.paragraphId;
}

/** A cheap identity for a paragraph's parts, so paragraphs whose highlights did not change skip rendering. */
export function partsKey(parts: readonly HighlightPart[] | undefined): string {
  if (!parts || parts.length === 0) return '';
  return parts.map((p) => `${p.id}:${p.color}:${p.start}:${p.end}:${p.lane}`).join('|');
}

/** A short form of a quote for labels and announcements: the first and last words. */
export function shortQuote(text: string, max = 80): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, Math.ceil(max * 0.6));
  const tail = clean.slice(clean.length - Math.floor(max * 0.3));
  return `${head.slice(0, head.lastIndexOf(' ') > 0 ? head.lastIndexOf(' ') : head.length)} … ${tail.slice(tail.indexOf(' ') + 1)}`;
}
