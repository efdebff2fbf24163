/**
 * "Nakijken": notes whose passage changed or disappeared (after a new version of the letter, or
 * imported from a colleague whose letter said something else). Each keeps its original quote and
 * can be re-attached to a passage the user selects; a reworded or moved passage can be accepted.
 */
import type { Annotation } from '../../../../electron/shared/notes';
import { useI18n, type MessageKey } from '../../i18n';
import { shortQuote } from './layers';
import { Swatch } from './NoteCard';

interface Props {
  items: Annotation[];
  labels: Record<string, string>;
  reattachingId: string | null;
  onReattach: (a: Annotation) => void;
  onAccept: (a: Annotation) => void;
  onShow: (a: Annotation) => void;
  onDelete: (a: Annotation) => void;
}

/** The last words before the quote (the stored prefix holds up to a few dozen characters). */
function contextBefore(prefix: string): string {
  const text = prefix.replace(/\s+/g, ' ');
  const cut = text.length > 80 ? text.slice(text.indexOf(' ', text.length - 80) + 1) : text;
  return cut;
}

function contextAfter(suffix: string): string {
  const text = suffix.replace(/\s+/g, ' ');
  if (text.length <= 80) return text;
  const end = text.lastIndexOf(' ', 80);
  return text.slice(0, end > 40 ? end : 80);
}

export function ReviewPanel({ items, labels, reattachingId, onReattach, onAccept, onShow, onDelete }: Props) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <section className="review-panel" id="nakijken" aria-labelledby="review-title" data-testid="review-panel">
      <h2 id="review-title">
        {t('review.title')} <span className="review-panel__count">({items.length})</span>
      </h2>
      <p className="review-panel__intro">{t('review.intro')}</p>
      <ul className="review-panel__list">
        {items.map((a) => (
          <li key={a.id} className={`review-item review-item--${a.anchor}`} data-annotation-id={a.id}>
            <p className="review-item__state">
              <span className="badge badge--warn">{t(`review.state.${a.anchor}` as MessageKey)}</span>{' '}
              <Swatch color={a.color} /> {labels[a.color]}
              {a.origin && <> · {t('notes.from', { name: a.origin.creator ?? t('notes.from.unknown') })}</>}
            </p>
            <p className="review-item__explain">{t(`review.explain.${a.anchor}` as MessageKey)}</p>
            <figure className="review-item__quote">
              <figcaption>{t('review.original')}</figcaption>
              <blockquote lang="nl" dir="auto">
                {a.quote.prefix && <span className="review-item__context">…{contextBefore(a.quote.prefix)}</span>}
                <strong className="review-item__exact">{shortQuote(a.quote.exact, 400)}</strong>
                {a.quote.suffix && <span className="review-item__context">{contextAfter(a.quote.suffix)}…</span>}
              </blockquote>
            </figure>
            {a.note.trim() && (
              <p className="review-item__note" dir="auto">
                <span className="visually-hidden">{t('notes.note')}: </span>
                {shortQuote(a.note, 200)}
              </p>
            )}
            <div className="review-item__actions">
              <button
                type="button"
                className="button button--small"
                aria-pressed={reattachingId === a.id}
                onClick={() => onReattach(a)}
              >
                {t('review.reattach')}
                <span className="visually-hidden"> ({shortQuote(a.quote.exact, 40)})</span>
              </button>
              {a.anchor !== 'orphan' && (
                <>
                  <button type="button" className="button button--secondary button--small" onClick={() => onShow(a)}>
                    {t('review.show')}
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => onAccept(a)}>
                    {t('review.accept')}
                  </button>
                </>
              )}
              <button type="button" className="button button--secondary button--small" onClick={() => onDelete(a)}>
                {t('notes.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
