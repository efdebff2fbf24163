/**
 * A position on one requested decision: the stance (voor, tegen, voor met amendement, motie,
 * onthouding, nog bepalen), the reasoning, the passages it rests on, the amendment or motion draft,
 * open questions, what to say in the meeting, and whether it is final. Everything autosaves.
 */
import { useCallback, useId, useState } from 'react';
import type { Decision } from '../../../../electron/shared/model';
import { MAX_NOTE_LENGTH, STANCES } from '../../../../electron/shared/notes-constants';
import type { Annotation, Position, PositionPatch, Stance } from '../../../../electron/shared/notes';
import { useI18n, type MessageKey } from '../../i18n';
import { SaveStatus, useAutosave, type Autosave } from '../annotations/autosave';
import { shortQuote } from '../annotations/layers';
import { Swatch } from '../annotations/NoteCard';
import type { LetterNotes } from '../annotations/useLetterNotes';
import { LinkPicker } from './LinkPicker';

export function stanceKey(stance: Stance): MessageKey {
  return `stance.${stance}` as MessageKey;
}

function mergePatch(older: PositionPatch, newer: PositionPatch): PositionPatch {
  const motion = older.motion || newer.motion ? { ...older.motion, ...newer.motion } : undefined;
  return { ...older, ...newer, ...(motion ? { motion } : {}) };
}

interface Props {
  decision: Decision;
  position: Position;
  annotations: readonly Annotation[];
  notes: LetterNotes;
  onShowPassage: (annotationId: string) => void;
  onError: (e: unknown) => void;
}

type TextField = 'reasoning' | 'questions' | 'inbreng' | 'amendmentText';
type MotionField = 'findings' | 'considerations' | 'requests';

export function PositionEditor({ decision, position, annotations, notes, onShowPassage, onError }: Props) {
  const { t } = useI18n();
  const uid = useId();
  const label = decision.label;
  const [stance, setStance] = useState<Stance>(position.stance);
  const [status, setStatus] = useState(position.status);
  const [text, setText] = useState<Record<TextField, string>>({
    reasoning: position.reasoning,
    questions: position.questions,
    inbreng: position.inbreng,
    amendmentText: position.amendmentText,
  });
  const [motion, setMotion] = useState(position.motion);
  const [picking, setPicking] = useState(false);
  const { savePosition, link } = notes;
  const send = useCallback(
    (patch: PositionPatch) => savePosition(label, patch).then(() => undefined),
    [savePosition, label],
  );
  const save = useAutosave<PositionPatch>(send, mergePatch);

  const chooseStance = (next: Stance) => {
    setStance(next);
    const patch: PositionPatch = { stance: next };
    // An amendment starts from the decision as it stands.
    if (next === 'voor-met-amendement' && !text.amendmentText.trim()) {
      patch.amendmentText = decision.text;
      setText((v) => ({ ...v, amendmentText: decision.text }));
    }
    save.change(patch);
    void save.flush();
  };

  const linked = position.linkedAnnotationIds
    .map((id) => annotations.find((a) => a.id === id))
    .filter((a): a is Annotation => a !== undefined);

  const field = (name: TextField, labelKey: MessageKey, hintKey?: MessageKey, rows = 3) => (
    <TextArea
      id={`${uid}-${name}`}
      label={t(labelKey)}
      hint={hintKey ? t(hintKey) : undefined}
      rows={rows}
      value={text[name]}
      save={save}
      onChange={(value) => {
        setText((v) => ({ ...v, [name]: value }));
        save.change({ [name]: value });
      }}
    />
  );

  const motionField = (name: MotionField, labelKey: MessageKey) => (
    <TextArea
      id={`${uid}-motion-${name}`}
      label={t(labelKey)}
      rows={3}
      value={motion[name]}
      save={save}
      onChange={(value) => {
        setMotion((m) => ({ ...m, [name]: value }));
        save.change({ motion: { [name]: value } });
      }}
    />
  );

  return (
    <div
      className="position-editor"
      role="group"
      aria-labelledby={`${uid}-title`}
      data-testid={`position-editor-${label}`}
      onFocus={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) save.session();
      }}
    >
      <h4 id={`${uid}-title`} className="visually-hidden">
        {t('position.title', { label })}
      </h4>
      {position.decisionChanged && (
        <div className="notice notice--warn">
          <p>
            <strong>{t('position.changed')}</strong>
          </p>
          {position.decisionText && (
            <details>
              <summary>{t('position.changed.before')}</summary>
              <p lang="nl">{position.decisionText}</p>
            </details>
          )}
        </div>
      )}
      <fieldset className="stance-choice">
        <legend className="field-label">{t('position.stance', { label })}</legend>
        <div className="stance-choice__options">
          {STANCES.map((s) => (
            <label key={s} className={`stance-choice__option stance-choice__option--${s}`}>
              <input
                type="radio"
                name={`${uid}-stance`}
                value={s}
                checked={stance === s}
                onChange={() => chooseStance(s)}
              />
              <span>{t(stanceKey(s))}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {stance === 'voor-met-amendement' &&
        field(
          'amendmentText',
          'position.amendment',
          'position.amendment.hint',
          Math.min(10, 3 + decision.text.length / 90),
        )}

      {stance === 'motie' && (
        <fieldset className="motion-draft">
          <legend className="field-label">{t('position.motion')}</legend>
          <p className="field-hint">{t('position.motion.hint')}</p>
          {motionField('findings', 'position.motion.findings')}
          {motionField('considerations', 'position.motion.considerations')}
          {motionField('requests', 'position.motion.requests')}
        </fieldset>
      )}

      {field('reasoning', 'position.reasoning', 'position.reasoning.hint', 4)}

      <section className="linked-passages" aria-labelledby={`${uid}-linked`}>
        <h5 id={`${uid}-linked`} className="field-label">
          {t('position.passages')} {linked.length > 0 && <span className="muted">({linked.length})</span>}
        </h5>
        {linked.length === 0 ? (
          <p className="field-hint">{t(annotations.length ? 'position.passages.none' : 'position.passages.noNotes')}</p>
        ) : (
          <ul className="linked-passages__list">
            {linked.map((a) => (
              <li key={a.id} className={`linked-passage linked-passage--${a.color}`}>
                <span className="linked-passage__label">
                  <Swatch color={a.color} /> {notes.labels[a.color]}
                </span>
                <q className="linked-passage__quote" lang="nl" dir="auto">
                  {shortQuote(a.quote.exact, 160)}
                </q>
                {a.note.trim() && (
                  <span className="linked-passage__note" dir="auto">
                    {shortQuote(a.note, 120)}
                  </span>
                )}
                <span className="linked-passage__actions">
                  <button type="button" className="link-button" onClick={() => onShowPassage(a.id)}>
                    {t('position.passages.show')}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void link(label, a.id, false).catch(onError)}
                  >
                    {t('position.passages.unlink')}
                    <span className="visually-hidden"> ({shortQuote(a.quote.exact, 40)})</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setPicking(true)}
          disabled={annotations.length === 0}
        >
          {t('position.passages.link')}
        </button>
      </section>

      {field('questions', 'position.questions', 'position.questions.hint')}
      {field('inbreng', 'position.inbreng', 'position.inbreng.hint')}

      <fieldset className="status-choice">
        <legend className="field-label">{t('position.status')}</legend>
        <div className="status-choice__options">
          {(['concept', 'definitief'] as const).map((s) => (
            <label key={s} className="check">
              <input
                type="radio"
                name={`${uid}-status`}
                value={s}
                checked={status === s}
                onChange={() => {
                  setStatus(s);
                  save.change({ status: s });
                  void save.flush();
                }}
              />
              <span>{t(`position.status.${s}` as MessageKey)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <SaveStatus save={save} />
      {picking && (
        <LinkPicker
          decisionLabel={label}
          annotations={annotations}
          linkedIds={position.linkedAnnotationIds}
          labels={notes.labels}
          onToggle={(id, on) => link(label, id, on).then(() => undefined, onError)}
          onClose={() => setPicking(false)}
        />
      )}
    </div>
  );
}

function TextArea({
  id,
  label,
  hint,
  rows,
  value,
  save,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  rows: number;
  value: string;
  save: Autosave<PositionPatch>;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        className="text-input"
        dir="auto"
        rows={Math.round(rows)}
        maxLength={MAX_NOTE_LENGTH}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => void save.flush()}
      />
    </div>
  );
}
