/**
 * The reader's controls for notes, above the letter: "Passage markeren" (keyboard marking, also
 * the M key), the colour meanings as a legend (and the way to rename them), how to mark with the
 * mouse, and how many notes the letter has.
 */
import type { HighlightColor } from '../../../../electron/shared/notes';
import { useI18n } from '../../i18n';
import { Swatch } from './NoteCard';

interface Props {
  colors: HighlightColor[];
  count: number | null;
  markMode: boolean;
  onToggleMark: () => void;
  onColors: () => void;
}

export function NotesToolbar({ colors, count, markMode, onToggleMark, onColors }: Props) {
  const { t } = useI18n();
  return (
    <section className="reader-notes" aria-labelledby="reader-notes-title">
      <h2 id="reader-notes-title" className="reader-notes__title">
        {t('notes.toolbar.title')}
        {count !== null && count > 0 && (
          <span className="reader-notes__count">
            {' '}
            ({count === 1 ? t('notes.count.one') : t('notes.count', { n: count })})
          </span>
        )}
      </h2>
      <div className="reader-notes__row">
        <button
          type="button"
          className="button button--small"
          aria-pressed={markMode}
          onClick={onToggleMark}
          aria-keyshortcuts="M"
        >
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M3 15.5h14" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
            <path
              d="M6.5 12.5 13 4l2.5 2-6.5 8.5H6.5z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinejoin="round"
            />
          </svg>
          {t('mark.button')} <kbd aria-hidden="true">M</kbd>
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onColors}>
          {t('colors.open')}
        </button>
      </div>
      <ul className="legend" aria-label={t('colors.legend')}>
        {colors.map((c) => (
          <li key={c.id} className="legend__item">
            <Swatch color={c.id} />
            <span>{c.label}</span>
          </li>
        ))}
      </ul>
      <p className="reader-notes__hint">{t('notes.toolbar.hint')}</p>
    </section>
  );
}
