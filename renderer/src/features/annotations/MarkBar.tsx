/**
 * The bar at the bottom of the window while passages are chosen with the keyboard ("Markeren"), or
 * while a note waits to be re-attached: what the keys do, what is selected, and how to stop.
 */
import { useState } from 'react';
import type { HighlightColor } from '../../../../electron/shared/notes';
import { useI18n } from '../../i18n';
import { Swatch } from './NoteCard';

interface Props {
  markMode: boolean;
  /** The quote of a note being re-attached, if any. */
  reattachQuote: string | null;
  colors: HighlightColor[];
  onStartKeyboard: () => void;
  onStop: () => void;
}

export function MarkBar({ markMode, reattachQuote, colors, onStartKeyboard, onStop }: Props) {
  const { t } = useI18n();
  // The keys are listed open in a roomy window; in a small one (or at 200 % zoom) behind "Toetsen".
  const [keysOpen, setKeysOpen] = useState(
    () => window.matchMedia('(min-height: 40rem) and (min-width: 52rem)').matches,
  );
  return (
    <section
      className={`mark-bar${reattachQuote !== null ? ' mark-bar--reattach' : ''}`}
      aria-labelledby="mark-bar-title"
      data-testid="mark-bar"
    >
      <div className="mark-bar__head">
        <h2 id="mark-bar-title" className="mark-bar__title">
          {reattachQuote !== null ? t('reattach.title') : t('mark.title')}
        </h2>
        {reattachQuote !== null && !markMode && (
          <button type="button" className="button button--secondary button--small" onClick={onStartKeyboard}>
            {t('reattach.keyboard')}
          </button>
        )}
        <button type="button" className="button button--small" onClick={onStop}>
          {reattachQuote !== null ? t('reattach.cancel') : t('mark.stop')}
        </button>
      </div>
      {reattachQuote !== null && (
        <p className="mark-bar__reattach">
          {t('reattach.help')}{' '}
          <q lang="nl" dir="auto">
            {reattachQuote}
          </q>
        </p>
      )}
      {markMode && (
        <details className="mark-bar__details" open={keysOpen} onToggle={(e) => setKeysOpen(e.currentTarget.open)}>
          <summary>{t('mark.keys')}</summary>
          <ul className="mark-bar__keys" id="mark-keys">
            <li>
              <kbd>↑</kbd> <kbd>↓</kbd> {t('mark.keys.paragraph')}
            </li>
            <li>
              <kbd>←</kbd> <kbd>→</kbd> {t('mark.keys.word')}
            </li>
            <li>
              <kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> {t('mark.keys.extend')}
            </li>
            <li>
              <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>→</kbd> {t('mark.keys.sentence')}
            </li>
            <li>
              <kbd>Shift</kbd>+<kbd>End</kbd> {t('mark.keys.toEnd')}
            </li>
            {reattachQuote !== null ? (
              <li>
                <kbd>Enter</kbd> {t('mark.keys.reattach')}
              </li>
            ) : (
              <>
                <li>
                  <kbd>Enter</kbd> {t('mark.keys.menu')}
                </li>
                <li>
                  <kbd>N</kbd> {t('mark.keys.note')}
                </li>
                <li className="mark-bar__colors">
                  {colors.map((c, i) => (
                    <span key={c.id} className="mark-bar__color">
                      <kbd>{i + 1}</kbd> <Swatch color={c.id} /> {c.label}
                    </span>
                  ))}
                </li>
              </>
            )}
            <li>
              <kbd>Esc</kbd> {t('mark.keys.stop')}
            </li>
          </ul>
        </details>
      )}
    </section>
  );
}
