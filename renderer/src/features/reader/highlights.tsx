/**
 * Marks of a search inside the open letter. Each match has an index in reading order; the current
 * one is emphasised. Ranges are UTF-16 offsets into a paragraph's text, a section title or the
 * letter title, exactly as `search.inDocument` returns them. Marks are React elements: never HTML.
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface HighlightRange {
  start: number;
  end: number;
  /** Position among the matches (reading order); -1 for a repeat that is shown but not stepped to. */
  index: number;
}

export interface Highlights {
  paragraphs: ReadonlyMap<string, HighlightRange[]>;
  sections: ReadonlyMap<string, HighlightRange[]>;
  title: HighlightRange[];
  current: number;
}

export const NO_HIGHLIGHTS: Highlights = { paragraphs: new Map(), sections: new Map(), title: [], current: -1 };

export const HighlightContext = createContext<Highlights>(NO_HIGHLIGHTS);

export function useHighlights(): Highlights {
  return useContext(HighlightContext);
}

/** The part `from`–`to` of `text`, with the ranges that fall in it as <mark> elements. */
export function highlightSlice(
  text: string,
  from: number,
  to: number,
  ranges: readonly HighlightRange[],
  current: number,
  keyPrefix: string,
): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = from;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to || r.end <= pos) continue;
    const start = Math.max(r.start, pos);
    const end = Math.min(r.end, to);
    if (start > pos) out.push(text.slice(pos, start));
    out.push(
      <mark
        key={`${keyPrefix}-${start}`}
        className={r.index === current && current >= 0 ? 'find-match is-current' : 'find-match'}
        data-find-index={r.index >= 0 ? r.index : undefined}
      >
        {text.slice(start, end)}
      </mark>,
    );
    pos = end;
  }
  if (pos < to) out.push(text.slice(pos, to));
  return out;
}

/** Plain text (a heading, the title) with marks. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly HighlightRange[] | undefined }) {
  const { current } = useHighlights();
  if (!ranges || ranges.length === 0) return <>{text}</>;
  return <>{highlightSlice(text, 0, text.length, ranges, current, 'h')}</>;
}
