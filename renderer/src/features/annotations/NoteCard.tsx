/**
 * A note in the margin of its paragraph (below it in a narrow window): the colour's meaning, who
 * it came from, the start of the note and its tags. A button opens the editor in place: the note
 * (autosaved), its colour, tags, the decisions whose position rests on it, and delete.
 */
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { MAX_NOTE_LENGTH } from '../../../../electron/shared/notes-constants';
import type { Annotation, HighlightColorId } from '../../../../electron/shared/notes';
import { useI18n } from '../../i18n';
import { SaveStatus, useAutosave } from './autosave';
import { useNoteActions } from './context';
import { shortQuote } from './layers';
import { TagInput } from './TagInput';
import type { AnnotationPatch } from './useLetterNotes';

const PREVIEW_CHARS = 160;

export function Swatch({ color }: { color: HighlightColorId }) {
  return <span className={`swatch swatch--${color}`} aria-hidden="true" />;
}

function preview(note: string): string {
  const clean = note.replace(/\s+/g, ' ').trim();
  return clean.length > PREVIEW_CHARS ? `${clean.slice(0, PREVIEW_CHARS).trimEnd()}…` : clean;
}

interface CardProps {
  annotation: Annotation;
  open: boolean;
  label: string;
}

export const NoteCard = memo(function NoteCard({ annotation: a, open, label }: CardProps) {
  const { t } = useI18n();
  const actions = useNoteActions();
  const toggle = useRef<HTMLButtonElement>(null);
  const editorId = `note-editor-${a.id}`;
  const text = preview(a.note);
  const needsLook = a.anchor === 'changed' || a.anchor === 'orphan';

  useEffect(() => {
    if (!open && actions.takeFocusRequest(a.id, 'toggle')) toggle.current?.focus();
  }, [open, a.id, actions]);

  return (
    <div
      className={`note-card note-card--${a.color}${open ? ' is-open' : ''}`}
      id={`note-${a.id}`}
      data-annotation-id={a.id}
      data-testid="note-card"
    >
      <button
        ref={toggle}
        type="button"
        className="note-card__toggle"
        aria-expanded={open}
        aria-controls={open ? editorId : undefined}
        onClick={() => actions.open(open ? null : a.id, open ? 'toggle' : 'text')}
      >
        <span className="visually-hidden">
          {t('notes.card.at', { quote: shortQuote(a.quote.exact, 60) })}
          {': '}
        </span>
        <span className="note-card__head">
          <Swatch color={a.color} />
          <span className="note-card__label">{label}</span>
          {a.origin && (
            <span className="badge badge--origin">
              {t('notes.from', { name: a.origin.creator ?? t('notes.from.unknown') })}
            </span>
          )}
          {needsLook && <span className="badge badge--warn">{t('review.badge')}</span>}
          {a.linkedDecisions.map((l) => (
            <span key={l} className="badge badge--decision">
              {t('reader.decision', { label: l })}
            </span>
          ))}
        </span>
        {text ? (
          <span className="note-card__preview" dir="auto">
            {text}
          </span>
        ) : (
          <span className="note-card__preview is-empty">{t('notes.card.empty')}</span>
        )}
        {a.tags.length > 0 && (
          <span className="note-card__tags">
            <span className="visually-hidden">{t('notes.tags')}: </span>
            {a.tags.map((tag) => (
              <span key={tag} className="chip chip--static" dir="auto">
                {tag}
              </span>
            ))}
          </span>
        )}
      </button>
      {open && <NoteEditor annotation={a} id={editorId} onClose={() => actions.open(null, 'toggle')} />}
    </div>
  );
});

function mergePatch(older: AnnotationPatch, newer: AnnotationPatch): AnnotationPatch {
  return { ...older, ...newer };
}

function NoteEditor({ annotation: a, id, onClose }: { annotation: Annotation; id: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const actions = useNoteActions();
  const uid = useId();
  const [note, setNote] = useState(a.note);
  const [color, setColor] = useState(a.color);
  const [tags, setTags] = useState(a.tags);
  // Link choices show at once (optimistic); the saved state follows when the server answers.
  const [linking, setLinking] = useState<Record<string, boolean>>({});
  const field = useRef<HTMLTextAreaElement>(null);
  const annotationId = a.id;
  const send = useCallback((patch: AnnotationPatch) => actions.update(annotationId, patch), [actions, annotationId]);
  const save = useAutosave<AnnotationPatch>(send, mergePatch);
  const decisions = actions.decisions();

  useEffect(() => {
    if (actions.takeFocusRequest(annotationId, 'text')) {
      field.current?.focus();
      field.current?.closest('.note-card')?.scrollIntoView({ block: 'nearest' });
    }
  }, [actions, annotationId]);

  const origin = a.origin;
  return (
    <div
      id={id}
      className="note-editor"
      role="group"
      aria-labelledby={`${uid}-title`}
      onFocus={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) save.session();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          e.stopPropagation();
          void save.flush();
          onClose();
        }
      }}
    >
      <h3 id={`${uid}-title`} className="visually-hidden">
        {t('notes.editor.title')}
      </h3>
      <blockquote className="note-editor__quote" lang="nl" dir="auto">
        {shortQuote(a.quote.exact, 220)}
      </blockquote>
      {origin && (
        <p className="note-editor__origin">
          {t('notes.origin', {
            name: origin.creator ?? t('notes.from.unknown'),
            source: origin.source ?? '—',
            date: new Date(origin.importedAt).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB'),
          })}
        </p>
      )}
      <label className="field-label" htmlFor={`${uid}-note`}>
        {t('notes.note')}
      </label>
      <textarea
        ref={field}
        id={`${uid}-note`}
        className="text-input note-editor__text"
        dir="auto"
        rows={4}
        maxLength={MAX_NOTE_LENGTH}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          save.change({ note: e.target.value });
        }}
        onBlur={() => void save.flush()}
      />
      <fieldset className="color-choice">
        <legend className="field-label">{t('notes.color')}</legend>
        <div className="color-choice__options">
          {actions.colors().map((c) => (
            <label key={c.id} className={`color-choice__option color-choice__option--${c.id}`}>
              <input
                type="radio"
                name={`${uid}-color`}
                value={c.id}
                checked={color === c.id}
                onChange={() => {
                  setColor(c.id);
                  save.change({ color: c.id });
                  void save.flush();
                }}
              />
              <Swatch color={c.id} />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TagInput
        label={t('notes.tags')}
        tags={tags}
        known={actions.tags()}
        onChange={(next) => {
          setTags(next);
          save.change({ tags: next });
          void save.flush();
        }}
      />
      {decisions.length > 0 && (
        <fieldset className="link-choice">
          <legend className="field-label">{t('notes.link.legend')}</legend>
          <div className="link-choice__options">
            {decisions.map((label) => (
              <label key={label} className="check">
                <input
                  type="checkbox"
                  checked={linking[label] ?? a.linkedDecisions.includes(label)}
                  onChange={(e) => {
                    const linked = e.target.checked;
                    setLinking((l) => ({ ...l, [label]: linked }));
                    void actions.link(label, annotationId, linked).finally(() =>
                      setLinking((l) => {
                        const { [label]: _done, ...rest } = l;
                        return rest;
                      }),
                    );
                  }}
                />
                <span>{t('notes.link.decision', { label })}</span>
              </label>
            ))}
          </div>
          {a.linkedDecisions.length > 0 && (
            <p className="link-choice__jump">
              {a.linkedDecisions.map((label) => (
                <button key={label} type="button" className="link-button" onClick={() => actions.showDecision(label)}>
                  {t('notes.link.show', { label })}
                </button>
              ))}
            </p>
          )}
        </fieldset>
      )}
      <div className="note-editor__footer">
        <SaveStatus save={save} />
        <span className="note-editor__buttons">
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => {
              void save.flush().then(() => actions.requestDelete(a));
            }}
          >
            {t('notes.delete')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              void save.flush();
              onClose();
            }}
          >
            {t('notes.close')}
          </button>
        </span>
      </div>
    </div>
  );
}
