/**
 * The notes of one paragraph, next to it in the margin (below it in a narrow window or at 200 %
 * zoom). Memoised per paragraph: a change to one note re-renders only its paragraph's margin.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { Annotation, HighlightColorId } from '../../../../electron/shared/notes';
import { useI18n } from '../../i18n';
import { NoteCard } from './NoteCard';

interface Props {
  paragraphId: string;
  annotations: readonly Annotation[] | undefined;
  /** The open note, when it is in this paragraph. */
  openId: string | null;
  labels: Readonly<Record<HighlightColorId, string>>;
}

/**
 * Beside the text, each card moves down to the line its passage starts on (never overlapping the
 * card above it); below the text (narrow window, 200 % zoom) the cards simply follow each other.
 * All margins waiting for placement are placed in one frame: reset, measure everything, then move
 * (two layouts in all, however many notes the letter has).
 */
const waiting = new Set<HTMLElement>();
let frame = 0;

function schedulePlacement(margin: HTMLElement): void {
  waiting.add(margin);
  if (!frame) frame = requestAnimationFrame(placeAll);
}

function placeAll(): void {
  frame = 0;
  const margins = [...waiting].filter((m) => m.isConnected);
  waiting.clear();
  const cardsOf = (m: HTMLElement) => [...m.querySelectorAll<HTMLElement>(':scope > .note-card')];
  for (const m of margins) for (const card of cardsOf(m)) card.style.marginTop = '';
  const plans = margins.map((m) => {
    const text = m.parentElement?.querySelector<HTMLElement>('[data-block-id]');
    if (!text || m.getBoundingClientRect().left < text.getBoundingClientRect().right) return [];
    return cardsOf(m).map((card) => {
      const id = card.dataset.annotationId ?? '';
      const mark = text.querySelector(`mark.hl[data-annotation-id="${CSS.escape(id)}"]`);
      return { card, top: card.getBoundingClientRect().top, want: mark ? mark.getBoundingClientRect().top : null };
    });
  });
  for (const plan of plans) {
    let shift = 0;
    for (const { card, top, want } of plan) {
      const move = want === null ? 0 : Math.max(0, want - (top + shift));
      if (move > 1) card.style.marginTop = `${Math.round(move)}px`;
      shift += move > 1 ? Math.round(move) : 0;
    }
  }
}

export const MarginNotes = memo(function MarginNotes({ paragraphId, annotations, openId, labels }: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const margin = box.current;
    const text = margin?.parentElement?.querySelector<HTMLElement>('[data-block-id]');
    if (!margin || !text) return;
    schedulePlacement(margin);
    const observer = new ResizeObserver(() => schedulePlacement(margin));
    observer.observe(text);
    return () => observer.disconnect();
  }, [annotations, openId]);
  if (!annotations || annotations.length === 0) return <div className="margin-notes is-empty" aria-hidden="true" />;
  return (
    <div
      ref={box}
      className="margin-notes"
      data-paragraph={paragraphId}
      role="group"
      aria-label={annotations.length === 1 ? t('notes.margin.one') : t('notes.margin', { n: annotations.length })}
    >
      {annotations.map((a) => (
        <NoteCard key={a.id} annotation={a} open={a.id === openId} label={labels[a.color]} />
      ))}
    </div>
  );
}, sameProps);

function sameProps(a: Props, b: Props): boolean {
  if (a.paragraphId !== b.paragraphId || a.openId !== b.openId || a.labels !== b.labels) return false;
  const x = a.annotations ?? [];
  const y = b.annotations ?? [];
  return x.length === y.length && x.every((item, i) => item === y[i]);
}
