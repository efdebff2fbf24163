import { Fragment } from 'react';
import type { Paragraph } from '../../../../electron/shared/model';
import { highlightSlice, useHighlights, type HighlightRange } from './highlights';

/**
 * Renders a paragraph's plain text with its emphasis marks and, inside them, the marks of a search
 * (`highlights`, or the letter's current search from context). Text only: never HTML.
 */
export function ParagraphText({
  paragraph,
  highlights,
}: {
  paragraph: Paragraph;
  highlights?: readonly HighlightRange[];
}) {
  const context = useHighlights();
  const ranges = [...(highlights ?? context.paragraphs.get(paragraph.id) ?? [])].sort((a, b) => a.start - b.start);
  const marks = [...(paragraph.marks ?? [])].sort((a, b) => a.start - b.start);
  const text = paragraph.text;
  if (!marks.length && !ranges.length) return <>{text}</>;
  // Runs of plain text and emphasis; search marks nest inside them (a match across an emphasis
  // boundary becomes two marks with the same index).
  const runs: Array<{ start: number; end: number; type: 'em' | 'strong' | null }> = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) runs.push({ start: at, end: mark.start, type: null });
    runs.push({ start: mark.start, end: mark.end, type: mark.type });
    at = mark.end;
  }
  if (at < text.length) runs.push({ start: at, end: text.length, type: null });
  return (
    <>
      {runs.map((run, i) => {
        const inner = highlightSlice(text, run.start, run.end, ranges, context.current, `r${i}`);
        if (run.type === 'strong') return <strong key={i}>{inner}</strong>;
        if (run.type === 'em') return <em key={i}>{inner}</em>;
        return <Fragment key={i}>{inner}</Fragment>;
      })}
    </>
  );
}
