/**
 * Choosing tags: the chosen ones as chips (each with a remove button), and a field that suggests
 * existing tags while typing (an ARIA 1.2 combobox with a listbox, like the search field). Enter
 * adds the active suggestion or what was typed (several at once when separated by commas); a comma
 * adds too; Backspace in an empty field removes the last chip. Changes are announced politely.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { fold } from '../notes/model';

const MAX_SUGGESTIONS = 8;
const MAX_TAG_LENGTH = 60;

export interface TagSuggestion {
  name: string;
  /** Shown after the name, e.g. "12 notities". */
  meta?: string;
}

interface Props {
  /** Visible label of the field. */
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: TagSuggestion[];
  hint?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Called on Escape in an empty field with the list closed (e.g. to close an editor). */
  onEscape?: () => void;
}

export function TagInput({ label, value, onChange, suggestions, hint, disabled, autoFocus, onEscape }: Props) {
  const { t } = useI18n();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');

  const chosen = useMemo(() => new Set(value.map((v) => fold(v.trim()))), [value]);
  const options = useMemo(() => {
    const q = fold(text.trim());
    const free = suggestions.filter((s) => !chosen.has(fold(s.name)));
    if (!q) return free.slice(0, MAX_SUGGESTIONS);
    const starts: TagSuggestion[] = [];
    const contains: TagSuggestion[] = [];
    for (const s of free) {
      const f = fold(s.name);
      if (f.startsWith(q)) starts.push(s);
      else if (f.includes(q)) contains.push(s);
    }
    return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
  }, [text, suggestions, chosen]);

  const expanded = open && options.length > 0;

  /** Adds what was typed or picked; commas separate several tags. Known tags keep their spelling. */
  const add = (typed: string) => {
    setText('');
    setActive(-1);
    setOpen(false);
    const next = [...value];
    const seen = new Set(chosen);
    const added: string[] = [];
    for (const part of typed.split(',')) {
      const clean = part.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH);
      if (!clean) continue;
      const final = suggestions.find((s) => fold(s.name) === fold(clean))?.name ?? clean;
      if (seen.has(fold(final))) continue;
      seen.add(fold(final));
      next.push(final);
      added.push(final);
    }
    if (added.length === 0) return;
    onChange(next);
    setAnnouncement(t('tagInput.added', { name: added.join(', ') }));
  };

  const remove = (name: string) => {
    onChange(value.filter((v) => v !== name));
    setAnnouncement(t('tagInput.removed', { name }));
    input.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    switch (e.key) {
      case 'ArrowDown':
        if (n === 0) return;
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else setActive((a) => (a + 1) % n);
        return;
      case 'ArrowUp':
        if (n === 0) return;
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(n - 1);
        } else setActive((a) => (a <= 0 ? n - 1 : a - 1));
        return;
      case 'Enter':
        if (expanded && active >= 0 && options[active]) {
          e.preventDefault();
          add(options[active].name);
        } else if (text.trim()) {
          e.preventDefault();
          add(text);
        }
        return;
      case ',':
        if (text.trim()) {
          e.preventDefault();
          add(text);
        }
        return;
      case 'Backspace':
        if (!text && value.length > 0) {
          e.preventDefault();
          remove(value[value.length - 1]!);
        }
        return;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          e.stopPropagation();
          setText('');
        } else if (onEscape) {
          e.preventDefault();
          e.stopPropagation();
          onEscape();
        }
        return;
      default:
    }
  };

  return (
    <div className="tagpick">
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      {value.length > 0 && (
        <ul className="tagpick__chips" aria-label={t('tagInput.chosen', { label })}>
          {value.map((tag) => (
            <li key={tag} className="label-chip label-chip--removable">
              <span>{tag}</span>
              <button
                type="button"
                className="label-chip__remove"
                onClick={() => remove(tag)}
                disabled={disabled}
                aria-label={t('tagInput.remove', { name: tag })}
                title={t('tagInput.remove', { name: tag })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tagpick__field">
        <input
          ref={input}
          id={inputId}
          className="text-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={hintId}
          autoComplete="off"
          maxLength={MAX_TAG_LENGTH}
          value={text}
          disabled={disabled}
          autoFocus={autoFocus}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(false)}
          onClick={() => setOpen((o) => !o)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t('tagInput.suggestions')}
          className="tagpick__list"
          hidden={!expanded}
        >
          {options.map((s, i) => (
            <li
              key={s.name}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`suggestion${i === active ? ' is-active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => setActive(i)}
              onClick={() => add(s.name)}
            >
              <span className="suggestion__text">{s.name}</span>
              {s.meta && <span className="suggestion__meta">{s.meta}</span>}
            </li>
          ))}
        </ul>
      </div>
      <p id={hintId} className="filter-hint">
        {hint ?? t('tagInput.hint')}
      </p>
      <span role="status" className="visually-hidden">
        {expanded
          ? options.length === 1
            ? t('search.suggestions.one')
            : t('search.suggestions.count', { n: options.length })
          : announcement}
      </span>
    </div>
  );
}
