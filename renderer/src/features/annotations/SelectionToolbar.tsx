/**
 * The small toolbar next to a selected passage: the five colours, each with the meaning the user
 * gave it, "Notitie toevoegen", and the colour meanings. When a note is being re-attached it offers
 * "Hier koppelen" instead. An ARIA toolbar: one Tab stop, arrow keys move between the buttons,
 * Escape closes it.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HighlightColor, HighlightColorId } from '../../../../electron/shared/notes';
import { useI18n } from '../../i18n';
import { Swatch } from './NoteCard';

export interface ToolbarPlace {
  /** Offsets in the reader element's box (px). */
  top: number;
  bottom: number;
  left: number;
  /** True when there is no room above the passage. */
  below: boolean;
}

interface Props {
  place: ToolbarPlace;
  colors: HighlightColor[];
  reattaching: boolean;
  /** Move focus into the toolbar when it opens (keyboard marking). */
  autoFocus: boolean;
  onColor: (color: HighlightColorId) => void;
  onNote: () => void;
  onReattach: () => void;
  onColorsDialog: () => void;
  /** Closed with Escape (`cancel` false) or with "Annuleren" while re-attaching (`cancel` true). */
  onClose: (returnFocus: boolean, cancel?: boolean) => void;
}

export function SelectionToolbar({
  place,
  colors,
  reattaching,
  autoFocus,
  onColor,
  onNote,
  onReattach,
  onColorsDialog,
  onClose,
}: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [left, setLeft] = useState(place.left);
  const [active, setActive] = useState(0);

  // Keep the toolbar inside the reader: shift it left when it would stick out.
  useLayoutEffect(() => {
    const el = ref.current;
    const parent = el?.offsetParent as HTMLElement | null;
    if (!el || !parent) return;
    const max = parent.clientWidth - el.offsetWidth - 4;
    setLeft(Math.max(4, Math.min(place.left, max)));
  }, [place.left, colors]);

  useLayoutEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [autoFocus]);

  const buttons = () => [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = buttons();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (index + 1) % list.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (index - 1 + list.length) % list.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
      return;
    }
    if (next >= 0) {
      e.preventDefault();
      setActive(next);
      list[next]?.focus();
    }
  };
  const tab = (i: number) => (i === active ? 0 : -1);

  return (
    <div
      ref={ref}
      className={`sel-toolbar${place.below ? ' is-below' : ''}`}
      role="toolbar"
      aria-label={reattaching ? t('toolbar.reattach.label') : t('toolbar.label')}
      style={{ top: place.below ? place.bottom + 8 : place.top - 8, left }}
      onKeyDown={onKeyDown}
      // Keep the text selection while a button is pressed.
      onMouseDown={(e) => e.preventDefault()}
      data-testid="selection-toolbar"
    >
      {reattaching ? (
        <>
          <button type="button" className="button button--small" tabIndex={tab(0)} onClick={onReattach}>
            {t('toolbar.reattach')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            tabIndex={tab(1)}
            onClick={() => onClose(true, true)}
          >
            {t('toolbar.cancel')}
          </button>
        </>
      ) : (
        <>
          {colors.map((c, i) => (
            <button
              key={c.id}
              type="button"
              className={`sel-toolbar__color sel-toolbar__color--${c.id}`}
              tabIndex={tab(i)}
              onClick={() => onColor(c.id)}
              title={t('toolbar.color.title', { label: c.label, key: i + 1 })}
            >
              <Swatch color={c.id} />
              <span>{c.label}</span>
            </button>
          ))}
          <button
            type="button"
            className="button button--small sel-toolbar__note"
            tabIndex={tab(colors.length)}
            onClick={onNote}
          >
            <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path
                d="M4 3.5h12v10H9l-4 3v-3H4z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinejoin="round"
              />
            </svg>
            {t('toolbar.note')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small sel-toolbar__more"
            tabIndex={tab(colors.length + 1)}
            onClick={onColorsDialog}
            title={t('colors.open')}
          >
            <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <circle cx="4.5" cy="10" r="1.8" fill="currentColor" />
              <circle cx="10" cy="10" r="1.8" fill="currentColor" />
              <circle cx="15.5" cy="10" r="1.8" fill="currentColor" />
            </svg>
            <span className="visually-hidden">{t('colors.open')}</span>
          </button>
        </>
      )}
    </div>
  );
}
