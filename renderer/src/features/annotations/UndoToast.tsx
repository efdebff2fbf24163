/**
 * "Notitie verwijderd — Ongedaan maken": shown after a note was deleted. The live region is always
 * in the page so the message is announced; the toast stays while the pointer or focus is on it.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';

export interface Toast {
  /** Changes for every new toast. */
  key: number;
  message: string;
  /** The undo, when there is one. */
  undo: (() => void) | null;
  /** Move focus to the undo button (the deleted note had focus). */
  focus: boolean;
}

const VISIBLE_MS = 12_000;

export function UndoToast({ toast, onDone }: { toast: Toast | null; onDone: () => void }) {
  const { t } = useI18n();
  const undoButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (toast?.focus) undoButton.current?.focus();
  }, [toast]);

  useEffect(() => {
    if (!toast || held) return;
    const timer = window.setTimeout(onDone, VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [toast, held, onDone]);

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div
          ref={box}
          className="toast"
          key={toast.key}
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={(e) => {
            if (!box.current?.contains(e.relatedTarget as Node | null)) setHeld(false);
          }}
        >
          <span className="toast__message">{toast.message}</span>
          {toast.undo && (
            <button ref={undoButton} type="button" className="button button--small toast__undo" onClick={toast.undo}>
              {t('toast.undo')}
              <span className="visually-hidden"> ({t('toast.undo.key')})</span>
            </button>
          )}
          <button
            type="button"
            className="toast__close"
            aria-label={t('toast.close')}
            title={t('toast.close')}
            onClick={onDone}
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
          </button>
        </div>
      )}
    </div>
  );
}
