/**
 * "Passage koppelen": the letter's highlights and notes as a list of checkboxes; a ticked one is a
 * passage the position rests on. Each change is saved at once.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Annotation, HighlightColorId } from '../../../../electron/shared/notes';
import { useI18n } from '../../i18n';
import { shortQuote } from '../annotations/layers';
import { Swatch } from '../annotations/NoteCard';

interface Props {
  decisionLabel: string;
  annotations: readonly Annotation[];
  linkedIds: readonly string[];
  labels: Readonly<Record<HighlightColorId, string>>;
  onToggle: (annotationId: string, linked: boolean) => Promise<void>;
  onClose: () => void;
}

export function LinkPicker({ decisionLabel, annotations, linkedIds, labels, onToggle, onClose }: Props) {
  const { t } = useI18n();
  const uid = useId();
  const ref = useRef<HTMLDialogElement>(null);
  // Shown at once (optimistic); the saved state follows when the server answers.
  const [choice, setChoice] = useState<Record<string, boolean>>({});
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog link-picker" aria-labelledby={`${uid}-title`} onClose={onClose}>
      <h2 id={`${uid}-title`}>{t('picker.title', { label: decisionLabel })}</h2>
      <p>{t('picker.help')}</p>
      <ul className="link-picker__list">
        {annotations.map((a) => (
          <li key={a.id}>
            <label className="check link-picker__item">
              <input
                type="checkbox"
                checked={choice[a.id] ?? linkedIds.includes(a.id)}
                onChange={(e) => {
                  const on = e.target.checked;
                  setChoice((c) => ({ ...c, [a.id]: on }));
                  void onToggle(a.id, on).finally(() =>
                    setChoice((c) => {
                      const { [a.id]: _done, ...rest } = c;
                      return rest;
                    }),
                  );
                }}
              />
              <span className="link-picker__text">
                <span className="link-picker__label">
                  <Swatch color={a.color} /> {labels[a.color]}
                </span>
                <q lang="nl" dir="auto">
                  {shortQuote(a.quote.exact, 140)}
                </q>
                {a.note.trim() && (
                  <span className="link-picker__note" dir="auto">
                    {shortQuote(a.note, 100)}
                  </span>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => ref.current?.close()} autoFocus>
          {t('picker.done')}
        </button>
      </div>
    </dialog>
  );
}
