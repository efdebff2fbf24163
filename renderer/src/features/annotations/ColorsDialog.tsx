/**
 * The meanings of the five highlight colours, named by the user ("Belangrijk", "Vraag" …). Saved
 * as typed (autosave), like every other text in Raadsmap; an empty meaning is not saved.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { HighlightColor, HighlightColorId } from '../../../../electron/shared/notes';
import { useI18n, type MessageKey } from '../../i18n';
import { SaveStatus, useAutosave } from './autosave';
import { Swatch } from './NoteCard';

type Labels = Partial<Record<HighlightColorId, string>>;

interface Props {
  colors: HighlightColor[];
  onRename: (id: HighlightColorId, label: string) => Promise<void>;
  onClose: () => void;
}

export function ColorsDialog({ colors, onRename, onClose }: Props) {
  const { t } = useI18n();
  const uid = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(colors.map((c) => [c.id, c.label])),
  );
  const send = useCallback(
    async (patch: Labels) => {
      for (const [id, label] of Object.entries(patch)) await onRename(id as HighlightColorId, label);
    },
    [onRename],
  );
  const save = useAutosave<Labels>(send, (a, b) => ({ ...a, ...b }));
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog colors-dialog"
      aria-labelledby={`${uid}-title`}
      aria-describedby={`${uid}-help`}
      onClose={() => {
        void save.flush();
        onClose();
      }}
      onFocus={(e) => {
        if (e.target instanceof HTMLInputElement) save.session();
      }}
    >
      <h2 id={`${uid}-title`}>{t('colors.title')}</h2>
      <p id={`${uid}-help`}>{t('colors.help')}</p>
      <div className="colors-dialog__rows">
        {colors.map((c) => {
          const value = values[c.id] ?? '';
          const empty = !value.trim();
          return (
            <div key={c.id} className="colors-dialog__row">
              <Swatch color={c.id} />
              <label htmlFor={`${uid}-${c.id}`} className="colors-dialog__name">
                {t(`color.${c.id}` as MessageKey)}
              </label>
              <input
                id={`${uid}-${c.id}`}
                className="text-input"
                type="text"
                value={value}
                maxLength={40}
                aria-invalid={empty || undefined}
                aria-describedby={empty ? `${uid}-${c.id}-error` : undefined}
                onChange={(e) => {
                  const next = e.target.value;
                  setValues((v) => ({ ...v, [c.id]: next }));
                  if (next.trim()) save.change({ [c.id]: next.trim() });
                }}
                onBlur={() => void save.flush()}
              />
              {empty && (
                <p id={`${uid}-${c.id}-error`} className="field-error">
                  {t('colors.empty')}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div className="dialog__actions dialog__actions--status">
        <SaveStatus save={save} />
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          {t('colors.close')}
        </button>
      </div>
    </dialog>
  );
}
