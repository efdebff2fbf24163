/**
 * Tags as chips with a field that completes from the tags already in use (an ARIA 1.2 combobox).
 * Enter or a comma adds what is typed (or the active suggestion); Backspace in the empty field
 * removes the last chip; each chip has its own remove button.
 */
import { useId, useState } from 'react';
import { MAX_TAG_LENGTH } from '../../../../electron/shared/notes-constants';
import type { TagInfo } from '../../../../electron/shared/notes';
import { useI18n } from '../../i18n';

interface Props {
  label: string;
  tags: readonly string[];
  known: readonly TagInfo[];
  onChange: (tags: string[]) => void;
  /** Extra text under the field (how to use it). */
  hint?: string;
  className?: string;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').trim().replace(/\s+/g, ' ');
}

export function TagInput({ label, tags, known, onChange, hint, className }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState('');
  const have = new Set(tags.map(fold));
  const typed = fold(value);
  const suggestions = typed
    ? known
        .filter((k) => !have.has(fold(k.name)) && fold(k.name).includes(typed))
        .sort((a, b) => {
          const pa = fold(a.name).startsWith(typed) ? 0 : 1;
          const pb = fold(b.name).startsWith(typed) ? 0 : 1;
          return pa - pb || b.annotationCount + b.documentCount - (a.annotationCount + a.documentCount);
        })
        .slice(0, 8)
    : [];
  const expanded = open && suggestions.length > 0;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const add = (raw: string) => {
    const name = raw.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH);
    setValue('');
    setOpen(false);
    setActive(-1);
    if (!name) return;
    if (have.has(fold(name))) {
      setMessage(t('tags.already', { tag: name }));
      return;
    }
    // Use the spelling of a tag that exists already.
    const existing = known.find((k) => fold(k.name) === fold(name));
    const next = existing?.name ?? name;
    onChange([...tags, next]);
    setMessage(t('tags.added', { tag: next }));
  };

  const removeAt = (index: number) => {
    const tag = tags[index]!;
    onChange(tags.filter((_, i) => i !== index));
    setMessage(t('tags.removed', { tag }));
  };

  return (
    <div className={`tag-input${className ? ` ${className}` : ''}`}>
      <label className="tag-input__label" htmlFor={`${id}-field`}>
        {label}
      </label>
      <div className="tag-input__box">
        {tags.length > 0 && (
          <ul className="tag-input__chips" aria-label={label}>
            {tags.map((tag, i) => (
              <li key={tag} className="chip">
                <span className="chip__text" dir="auto">
                  {tag}
                </span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t('tags.remove', { tag })}
                  title={t('tags.remove', { tag })}
                  onClick={() => {
                    removeAt(i);
                    document.getElementById(`${id}-field`)?.focus();
                  }}
                >
                  <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="icon">
                    <path d="M6 6l8 8M14 6l-8 8" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
                  </svg>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="tag-input__field">
          <input
            id={`${id}-field`}
            type="text"
            className="text-input tag-input__input"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            aria-describedby={`${id}-hint`}
            autoComplete="off"
            dir="auto"
            value={value}
            maxLength={MAX_TAG_LENGTH + 1}
            onChange={(e) => {
              const v = e.target.value;
              if (v.includes(',')) {
                const pieces = v.split(',');
                const rest = pieces.pop() ?? '';
                let next = [...tags];
                const seen = new Set(next.map(fold));
                for (const piece of pieces) {
                  const name = piece.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH);
                  if (!name || seen.has(fold(name))) continue;
                  seen.add(fold(name));
                  next = [...next, known.find((k) => fold(k.name) === fold(name))?.name ?? name];
                }
                if (next.length !== tags.length) {
                  onChange(next);
                  setMessage(t('tags.added', { tag: next.slice(tags.length).join(', ') }));
                }
                setValue(rest.trimStart());
                return;
              }
              setValue(v);
              setOpen(true);
              setActive(-1);
            }}
            onBlur={() => setOpen(false)}
            onKeyDown={(e) => {
              const n = suggestions.length;
              if (e.key === 'ArrowDown' && n > 0) {
                e.preventDefault();
                setOpen(true);
                setActive((a) => (a + 1) % n);
              } else if (e.key === 'ArrowUp' && n > 0) {
                e.preventDefault();
                setOpen(true);
                setActive((a) => (a <= 0 ? n - 1 : a - 1));
              } else if (e.key === 'Enter') {
                if (!value.trim() && !(expanded && active >= 0)) return;
                e.preventDefault();
                add(expanded && active >= 0 ? suggestions[active]!.name : value);
              } else if (e.key === 'Backspace' && value === '' && tags.length > 0) {
                e.preventDefault();
                removeAt(tags.length - 1);
              } else if (e.key === 'Escape' && expanded) {
                e.preventDefault();
                e.stopPropagation();
                setOpen(false);
                setActive(-1);
              }
            }}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={t('tags.suggestions')}
            className="tag-input__list"
            hidden={!expanded}
          >
            {suggestions.map((s, i) => (
              <li
                key={s.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={`suggestion${i === active ? ' is-active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => add(s.name)}
              >
                <span className="suggestion__text" dir="auto">
                  {s.name}
                </span>
                <span className="suggestion__meta">{t('tags.uses', { n: s.annotationCount + s.documentCount })}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p id={`${id}-hint`} className="tag-input__hint">
        {hint ?? t('tags.hint')}
      </p>
      <span className="visually-hidden" role="status">
        {message}
      </span>
    </div>
  );
}
