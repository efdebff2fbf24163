import { Fragment, memo, type ReactNode } from 'react';
import type { Paragraph } from '../../../../electron/shared/model';
import type { HighlightColorId } from '../../../../electron/shared/notes';
import { partsKey, type HighlightPart } from '../annotations/layers';
import { SKIP_ATTR, type Span } from '../annotations/selection';
import { useI18n } from '../../i18n';
import { useHighlights, type HighlightRange } from './highlights';

interface Props {
  paragraph: Paragraph;
  /** Marks of a search; by default the letter's current search from context. */
  highlights?: readonly HighlightRange[];
  /** The user's highlights in this paragraph (paragraph-relative, with lanes). */
  parts?: readonly HighlightPart[];
  /** A passage being chosen with the keyboard (paragraph-relative). */
  pending?: Span | null;
  /** The annotation whose note is open: drawn emphasised. */
  activeId?: string | null;
  /** The meaning of each colour, for the overlap count read by screen readers. */
  labels?: Readonly<Record<HighlightColorId, string>>;
}

const skip = { [SKIP_ATTR]: '' };

/**
 * Renders a paragraph's plain text with its emphasis, the user's highlights (stacked where they
 * overlap) and the marks of a search innermost. Text only: never HTML. The text is cut at every
 * boundary of any layer and each piece is wrapped in the layers that cover it.
 */
export const ParagraphText = memo(function ParagraphText({
  paragraph,
  highlights,
  parts,
  pending,
  activeId,
  labels,
}: Props) {
  const context = useHighlights();
  const { t } = useI18n();
  const ranges = highlights ?? context.paragraphs.get(paragraph.id) ?? [];
  const marks = paragraph.marks ?? [];
  const text = paragraph.text;
  const layers = parts ?? [];
  if (!marks.length && !ranges.length && !layers.length && !pending) return <>{text}</>;

  const cuts = new Set<number>([0, text.length]);
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  for (const m of marks) cuts.add(clamp(m.start)).add(clamp(m.end));
  for (const r of ranges) cuts.add(clamp(r.start)).add(clamp(r.end));
  for (const p of layers) cuts.add(clamp(p.start)).add(clamp(p.end));
  if (pending) cuts.add(clamp(pending.start)).add(clamp(pending.end));
  const points = [...cuts].sort((a, b) => a - b);

  // Emphasis marks do not overlap; the first one wins where they would.
  const emphasis: typeof marks = [];
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (emphasis.length === 0 || m.start >= emphasis[emphasis.length - 1]!.end) emphasis.push(m);
  }

  const out: ReactNode[] = [];
  let previousCover = '';
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (b <= a) continue;
    let node: ReactNode = text.slice(a, b);
    const find = ranges.find((r) => r.start <= a && b <= r.end);
    if (find) {
      node = (
        <mark
          className={find.index === context.current && context.current >= 0 ? 'find-match is-current' : 'find-match'}
          data-find-index={find.index >= 0 ? find.index : undefined}
        >
          {node}
        </mark>
      );
    }
    if (pending && pending.start <= a && b <= pending.end) {
      node = (
        <span className="hl-pending" data-pending="">
          {node}
        </span>
      );
    }
    const cover = layers.filter((p) => p.start <= a && b <= p.end).sort((x, y) => x.lane - y.lane);
    const coverKey = cover.map((p) => p.id).join(' ');
    for (let j = cover.length - 1; j >= 0; j--) {
      const p = cover[j]!;
      const first = p.start === a;
      const last = p.end === b;
      node = (
        <mark
          className={`hl hl--${p.color} hl--lane-${Math.min(p.lane, 3)}${p.id === activeId ? ' is-active' : ''}${
            first ? ' is-first' : ''
          }${last ? ' is-last' : ''}`}
          data-annotation-id={p.id}
          title={labels?.[p.color]}
        >
          {j === 0 && cover.length > 1 && coverKey !== previousCover ? (
            <span className="visually-hidden" {...skip}>
              {t('notes.overlap', {
                n: cover.length,
                labels: cover.map((c) => labels?.[c.color] ?? c.color).join(', '),
              })}{' '}
            </span>
          ) : null}
          {node}
        </mark>
      );
    }
    previousCover = coverKey;
    const em = emphasis.find((m) => m.start <= a && b <= m.end);
    if (em?.type === 'strong') node = <strong>{node}</strong>;
    else if (em?.type === 'em') node = <em>{node}</em>;
    out.push(<Fragment key={a}>{node}</Fragment>);
  }
  return <>{out}</>;
}, sameProps);

function sameProps(a: Props, b: Props): boolean {
  return (
    a.paragraph === b.paragraph &&
    a.highlights === b.highlights &&
    a.labels === b.labels &&
    (a.activeId ?? null) === (b.activeId ?? null) &&
    (a.pending?.start ?? -1) === (b.pending?.start ?? -1) &&
    (a.pending?.end ?? -1) === (b.pending?.end ?? -1) &&
    partsKey(a.parts) === partsKey(b.parts)
  );
}
