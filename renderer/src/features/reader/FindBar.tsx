/**
 * The find bar of the reader: the words looked for, "3 van 12", previous/next and close. Opened by a
 * search hit (with its words) or by Ctrl+F; Enter/Shift+Enter and F3/Shift+F3 step, Escape closes.
 */
import type { RefObject } from 'react';
import { useI18n } from '../../i18n';

interface Props {
  text: string;
  onText: (text: string) => void;
  /** Null while nothing has been looked up yet (empty field or first lookup pending). */
  count: number | null;
  current: number;
  message: { nl: string; en: string } | null;
  /** A few words around the current match, read out with its number. */
  context: string;
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
  barRef: RefObject<HTMLDivElement | null>;
}

export function FindBar({ text, onText, count, current, message, context, onStep, onClose, inputRef, barRef }: Props) {
  const { t, locale } = useI18n();
  const none = count === 0;
  const position = count && count > 0 ? t('find.position', { i: current + 1, n: count }) : none ? t('find.none') : '';
  const status =
    message && none
      ? message[locale]
      : count && count > 0
        ? t('find.status', { i: current + 1, n: count })
        : none
          ? t('find.none')
          : '';
  return (
    <div className="findbar" role="search" aria-label={t('find.region')} ref={barRef} data-testid="findbar">
      <div className="findbar__row">
        <label htmlFor="find-input" className="findbar__label">
          {t('find.field')}
        </label>
        <input
          id="find-input"
          ref={inputRef}
          className="findbar__input"
          type="text"
          value={text}
          autoComplete="off"
          maxLength={1000}
          aria-describedby="find-keys"
          onChange={(e) => onText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onStep(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              onClose();
            }
          }}
        />
        <span className={`findbar__count${none ? ' is-none' : ''}`} aria-hidden="true">
          {position}
        </span>
        <span role="status" className="visually-hidden">
          {status}
          {count && count > 0 && context ? (
            <>
              : <span lang="nl">{context}</span>
            </>
          ) : null}
        </span>
        <span className="findbar__buttons">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onStep(-1)}
            disabled={!count}
            title={t('find.prev.long')}
          >
            <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="M4 12.5 10 6.5l6 6" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            <span className="findbar__button-text">{t('find.prev')}</span>
            <span className="visually-hidden"> {t('find.matchWord')}</span>
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onStep(1)}
            disabled={!count}
            title={t('find.next.long')}
          >
            <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="M4 7.5 10 13.5l6-6" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            <span className="findbar__button-text">{t('find.next')}</span>
            <span className="visually-hidden"> {t('find.matchWord')}</span>
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onClose}
            aria-label={t('find.closeName')}
            title={t('find.close.long')}
          >
            <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path
                d="M5 5l10 10M15 5 5 15"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.2"
                strokeLinecap="round"
              />
            </svg>
            <span className="findbar__button-text">{t('find.close')}</span>
          </button>
        </span>
      </div>
      {message && none && <p className="findbar__message">{message[locale]}</p>}
      <span id="find-keys" className="visually-hidden">
        {t('find.keys')}
      </span>
    </div>
  );
}
