/**
 * The search field in the header, on every page: an ARIA 1.2 combobox with a listbox of suggestions
 * (words, headings, letter titles) while typing. Enter searches what is typed, or picks the active
 * suggestion; a word suggestion searches that word, a heading or title opens the letter there.
 */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { RaadsmapApi, Suggestion } from '../../../../electron/shared/contract';
import { shortcutLabel, useI18n } from '../../i18n';
import { emptySearch, navigate, type Route } from '../../router';

const SUGGEST_DELAY_MS = 100;
const MIN_CHARS = 2;

interface Props {
  api: RaadsmapApi;
  route: Route;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Goes up when letters were added, so titles are fetched again. */
  version: number;
}

export function SearchBox({ api, route, inputRef, version }: Props) {
  const { t } = useI18n();
  const id = useId();
  const listId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const routeQuery = route.name === 'search' ? route.params.q : null;
  const [value, setValue] = useState(routeQuery ?? '');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const timer = useRef<number | undefined>(undefined);
  const sequence = useRef(0);

  // The field shows the search the results page shows (also after Back and Forward).
  const [seenQuery, setSeenQuery] = useState(routeQuery);
  if (routeQuery !== seenQuery) {
    setSeenQuery(routeQuery);
    if (routeQuery !== null) setValue(routeQuery);
  }

  useEffect(() => {
    let live = true;
    api['library.list']({}).then(
      (docs) => live && setTitles(new Map(docs.map((d) => [d.id, d.title]))),
      () => undefined, // Titles only label heading suggestions; the library reports its own errors.
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const requestSuggestions = (text: string) => {
    window.clearTimeout(timer.current);
    const seq = ++sequence.current;
    if (text.trim().length < MIN_CHARS) {
      setSuggestions([]);
      close();
      return;
    }
    timer.current = window.setTimeout(() => {
      api['search.suggest']({ text: text.slice(0, 1000), limit: 8 }).then(
        (list) => {
          if (seq !== sequence.current) return;
          setSuggestions(list);
          setActive(-1);
          setOpen(list.length > 0 && document.activeElement === inputRef.current);
        },
        () => undefined, // Suggestions are a help; searching itself reports errors.
      );
    }, SUGGEST_DELAY_MS);
  };

  const submit = (text: string) => {
    window.clearTimeout(timer.current);
    sequence.current++;
    close();
    const q = text.trim();
    navigate({
      name: 'search',
      params: route.name === 'search' ? { ...route.params, q } : emptySearch(q),
    });
  };

  const pick = (s: Suggestion) => {
    if (s.kind === 'word' || !s.documentId) {
      setValue(s.text);
      submit(s.text);
      return;
    }
    window.clearTimeout(timer.current);
    sequence.current++;
    close();
    navigate({ name: 'reader', documentId: s.documentId, target: s.sectionId });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const n = suggestions.length;
    switch (e.key) {
      case 'ArrowDown':
        if (n === 0) return;
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(e.altKey ? -1 : 0);
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
        e.preventDefault();
        if (open && active >= 0 && suggestions[active]) pick(suggestions[active]);
        else submit(value);
        return;
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          close();
        } else if (value) {
          e.preventDefault();
          e.stopPropagation();
          setValue('');
          setSuggestions([]);
        }
        return;
      default:
    }
  };

  const meta = (s: Suggestion) => {
    if (s.kind === 'word') {
      return s.count === 1 ? t('search.suggestion.word.one') : t('search.suggestion.word', { n: s.count });
    }
    if (s.kind === 'title') return t('search.suggestion.title');
    return t('search.suggestion.heading', { title: titles.get(s.documentId ?? '') ?? s.documentId ?? '' });
  };

  const expanded = open && suggestions.length > 0;
  return (
    <form
      className="searchbox"
      role="search"
      aria-label={t('search.label')}
      onSubmit={(e) => {
        e.preventDefault();
        submit(value);
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <div className="searchbox__field">
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="searchbox__input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={hintId}
          autoComplete="off"
          enterKeyHint="search"
          placeholder={t('search.placeholder')}
          value={value}
          maxLength={1000}
          onChange={(e) => {
            setValue(e.target.value);
            requestSuggestions(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <kbd className="searchbox__kbd" aria-hidden="true">
          {shortcutLabel()}
        </kbd>
        <ul
          id={listId}
          role="listbox"
          aria-label={t('search.suggestions')}
          className="searchbox__list"
          hidden={!expanded}
        >
          {suggestions.map((s, i) => (
            <li
              key={`${s.kind}-${s.documentId ?? ''}-${s.sectionId ?? ''}-${s.text}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`suggestion suggestion--${s.kind}${i === active ? ' is-active' : ''}`}
              // Keep focus in the field: the click picks, the field stays the one focus point.
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => setActive(i)}
              onClick={() => pick(s)}
            >
              <span className="suggestion__text" lang="nl">
                {s.text}
              </span>
              <span className="suggestion__meta">{meta(s)}</span>
            </li>
          ))}
        </ul>
      </div>
      <span id={hintId} className="visually-hidden">
        {t('search.shortcut', { key: shortcutLabel() })}
      </span>
      <span role="status" className="visually-hidden">
        {expanded
          ? suggestions.length === 1
            ? t('search.suggestions.one')
            : t('search.suggestions.count', { n: suggestions.length })
          : ''}
      </span>
      <button type="submit" className="button searchbox__submit">
        <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M12.6 12.6 17 17" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
        <span className="searchbox__submit-text">{t('search.submit')}</span>
      </button>
    </form>
  );
}
