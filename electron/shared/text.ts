/**
 * The canonical plain text of a letter, shared by the reader (selections), the notes store
 * (selectors) and re-anchoring: the title, then each section's title and paragraphs in reading
 * order, separated by blank lines. W3C `TextPositionSelector` offsets count UTF-16 code units in
 * this text; `TextQuoteSelector` quotes are slices of it.
 */
import type { LetterDocument, Section } from './model';

export interface TextBlock {
  kind: 'title' | 'section-title' | 'paragraph';
  /** Paragraph id, section id, or null for the letter title. */
  id: string | null;
  /** Offsets of the block's text in the canonical text (end exclusive). */
  start: number;
  end: number;
}

export interface DocumentText {
  text: string;
  blocks: TextBlock[];
}

export const BLOCK_SEPARATOR = '\n\n';

export function documentText(doc: Pick<LetterDocument, 'title' | 'sections'>): DocumentText {
  const parts: string[] = [];
  const blocks: TextBlock[] = [];
  let at = 0;
  const add = (kind: TextBlock['kind'], id: string | null, value: string) => {
    if (parts.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      at += BLOCK_SEPARATOR.length;
    }
    parts.push(value);
    blocks.push({ kind, id, start: at, end: at + value.length });
    at += value.length;
  };
  add('title', null, doc.title);
  const walk = (sections: Section[]) => {
    for (const section of sections) {
      if (section.title) add('section-title', section.id, section.title);
      for (const p of section.paragraphs) add('paragraph', p.id, p.text);
      walk(section.sections);
    }
  };
  walk(doc.sections);
  return { text: parts.join(''), blocks };
}

/** The parts of a canonical range that fall in each block (for drawing highlights). */
export function rangeInBlocks(
  blocks: readonly TextBlock[],
  start: number,
  end: number,
): Array<{ block: TextBlock; start: number; end: number }> {
  const out: Array<{ block: TextBlock; start: number; end: number }> = [];
  for (const block of blocks) {
    if (block.end <= start || block.start >= end) continue;
    out.push({ block, start: Math.max(start, block.start) - block.start, end: Math.min(end, block.end) - block.start });
  }
  return out;
}
