import type { Paragraph } from '../../../../electron/shared/model';

/** Renders a paragraph's plain text with its emphasis marks. Text only: never HTML. */
export function ParagraphText({ paragraph }: { paragraph: Paragraph }) {
  const marks = [...(paragraph.marks ?? [])].sort((a, b) => a.start - b.start);
  if (!marks.length) return <>{paragraph.text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach((mark, i) => {
    if (mark.start < at) return;
    parts.push(paragraph.text.slice(at, mark.start));
    const inner = paragraph.text.slice(mark.start, mark.end);
    parts.push(mark.type === 'strong' ? <strong key={i}>{inner}</strong> : <em key={i}>{inner}</em>);
    at = mark.end;
  });
  parts.push(paragraph.text.slice(at));
  return <>{parts}</>;
}
