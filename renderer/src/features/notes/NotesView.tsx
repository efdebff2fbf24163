/**
 * "Mijn notities": every annotation and position, grouped by letter, by tag or by decision;
 * filtered as you type (client-side, accents and case folded), by tag, colour and what needs a
 * look; sorted by date. The list is virtualised against the window's scroll, so 10,000 notes stay
 * smooth: only the rows in view (plus a band around them) are in the DOM.
 *
 * Keyboard: one Tab stop in the list (roving tabindex). Arrow Up/Down move to the previous or next
 * entry, Home/End to the first or last, Page Up/Down by a screenful; Enter opens the entry in the
 * reader. Screen readers get nested lists (groups, then entries) with aria-setsize/aria-posinset,
 * so "3 of 120" is right although most entries are not rendered.
 */
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { HighlightColor, TagInfo } from '../../../../electron/shared/notes';
import { useI18n, type Locale, type MessageKey, type Translate } from '../../i18n';
import {
  defaultNotes,
  hasNavigated,
  hrefFor,
  NOTES_COLORS,
  NOTES_GROUPS,
  NOTES_SHOW,
  replaceRoute,
  type NotesParams,
} from '../../router';
import {
  buildEntries,
  buildRows,
  sortEntries,
  type Built,
  type GroupLabels,
  type OverviewData,
  type Row,
} from './model';
import { colorName, EntryLink, formatNumber, useColorLabel } from './NoteEntry';
import { NotesImportDialog } from './NotesImportDialog';
import { BackupReminder } from '../backup/BackupReminder';
import { openExport } from '../export/files';
import { useWindowVirtual } from './useWindowVirtual';

const FILTER_DELAY_MS = 150;

interface Loaded {
  data: OverviewData;
  colors: HighlightColor[];
  tags: TagInfo[];
  /** Ids of the letters installed now; notes on others show "brief niet geïnstalleerd". */
  installed: Set<string>;
}

/** The last data shown: a return from the reader shows it at once (and fetches it again). */
let cache: Loaded | null = null;
/** The entry that was opened, to put focus back on it when the user comes Back. */
let remembered: { href: string; key: string } | null = null;

interface Props {
  api: RaadsmapApi;
  params: NotesParams;
  onError: (e: unknown) => void;
}

export function NotesView({ api, params, onError }: Props) {
  const { t, locale } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(cache);
  const [version, setVersion] = useState(0);
  const [importOpen, setImportOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const href = hrefFor({ name: 'notes', params });
  const [restoreKey] = useState(() => (remembered && remembered.href === href ? remembered.key : null));

  useEffect(() => {
    document.title = `${t('overview.title')} — Raadsmap`;
  }, [t]);

  useEffect(() => {
    let live = true;
    Promise.all([
      api['notes.overview']({}),
      api['notes.colors']({}),
      api['tags.list']({}),
      api['library.list']({}),
      // Titles of letters whose pack was removed (the overview only knows their ids then).
      api['packs.updates']({}).catch(() => []),
    ]).then(([overview, colors, tags, library, updates]) => {
      if (!live) return;
      const installed = new Set(library.map((d) => d.id));
      const gone = new Map<string, string>();
      for (const u of updates) for (const d of [...u.removed, ...u.changed, ...u.added]) gone.set(d.id, d.title);
      const title = (id: string, current: string) =>
        !installed.has(id) && current === id ? (gone.get(id) ?? id) : current;
      const data = {
        ...overview,
        annotations: overview.annotations.map((a) => ({ ...a, documentTitle: title(a.documentId, a.documentTitle) })),
        positions: overview.positions.map((p) => ({ ...p, documentTitle: title(p.documentId, p.documentTitle) })),
      };
      cache = { data, colors, tags, installed };
      setLoaded(cache);
    }, onError);
    return () => {
      live = false;
    };
  }, [api, onError, version]);

  const ready = loaded !== null;
  useEffect(() => {
    if (ready && hasNavigated() && restoreKey === null) heading.current?.focus();
  }, [ready, restoreKey]);

  // Every control writes the address (without a history entry), so Back from the reader returns here as it was.
  const latestParams = useRef(params);
  useEffect(() => {
    latestParams.current = params;
  }, [params]);
  const update = useCallback((patch: Partial<NotesParams>) => {
    replaceRoute({ name: 'notes', params: { ...latestParams.current, ...patch } });
  }, []);

  const colorLabel = useColorLabel(loaded?.colors ?? EMPTY_COLORS);
  const entries = useMemo(
    () => (loaded ? buildEntries(loaded.data, loaded.colors, colorLabel, loaded.installed) : []),
    [loaded, colorLabel],
  );
  const sorted = useMemo(() => sortEntries(entries, params.sort), [entries, params.sort]);
  const groupLabels = useMemo<GroupLabels>(
    () => ({
      noTag: t('overview.group.noTag'),
      noDecision: t('overview.group.noDecision'),
      decision: (label) => t('overview.group.decision', { label }),
    }),
    [t],
  );
  // Filtering runs on a deferred copy of the address: typing never waits for the list.
  const deferred = useDeferredValue(params);
  const built = useMemo(() => buildRows(sorted, deferred, groupLabels), [sorted, deferred, groupLabels]);
  const stale = deferred !== params;

  const total = loaded ? loaded.data.annotations.length + loaded.data.positions.length : 0;
  const filtered = params.q.trim() !== '' || params.tag !== null || params.color !== null || params.show !== 'alles';

  return (
    <div className="page page--notes" data-testid={loaded ? 'notes-ready' : 'notes-loading'}>
      <div className="notes-titlebar">
        <h1 ref={heading} tabIndex={-1}>
          {t('overview.title')}
        </h1>
        <div className="notes-titlebar__actions">
          <button type="button" className="button" onClick={() => openExport()}>
            {t('export.open')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setImportOpen(true)}>
            {t('overview.import.open')}
          </button>
          <a className="button button--secondary button--link" href={hrefFor({ name: 'tags' })}>
            {t('overview.manageTags')}
          </a>
          <a className="button button--secondary button--link" href={hrefFor({ name: 'backup' })}>
            {t('backup.nav')}
          </a>
        </div>
      </div>
      <p className="lead">{t('overview.intro')}</p>
      <BackupReminder api={api} />
      {!loaded ? (
        <p role="status">{t('app.loading')}</p>
      ) : total === 0 ? (
        <>
          <Toolbar params={params} update={update} tags={loaded.tags} colorLabel={colorLabel} disabled />
          <p className="notes-empty">{t('overview.empty')}</p>
        </>
      ) : (
        <>
          <Toolbar params={params} update={update} tags={loaded.tags} colorLabel={colorLabel} />
          <div role="status" className="notes-status">
            <p className="notes-summary">{summary(built, filtered, t, locale)}</p>
          </div>
          {built.rows.length === 0 ? (
            <p className="notes-empty">
              {t('overview.none')}{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => update(cleared(params))}
              >
                {t('overview.filter.clear')}
              </button>
            </p>
          ) : (
            <>
              <p className="muted notes-keys">{t('overview.keys')}</p>
              <NotesList
                built={built}
                group={deferred.group}
                colorLabel={colorLabel}
                restoreKey={restoreKey}
                href={href}
                busy={stale}
              />
            </>
          )}
        </>
      )}
      {importOpen && (
        <NotesImportDialog
          api={api}
          data={loaded?.data ?? null}
          onClose={() => setImportOpen(false)}
          onImported={() => setVersion((v) => v + 1)}
          onShowLook={() => {
            setImportOpen(false);
            update({ ...cleared(params), show: 'nakijken' });
          }}
        />
      )}
    </div>
  );
}

const EMPTY_COLORS: HighlightColor[] = [];

function cleared(p: NotesParams): NotesParams {
  return { ...defaultNotes(), group: p.group, sort: p.sort };
}

function count(t: Translate, locale: Locale, n: number, one: MessageKey, many: MessageKey): string {
  return n === 1 ? t(one) : t(many, { n: formatNumber(n, locale) });
}

function summary(built: Built, filtered: boolean, t: Translate, locale: Locale): string {
  const a = count(t, locale, built.annotations, 'overview.count.annotations.one', 'overview.count.annotations');
  const p = count(t, locale, built.positions, 'overview.count.positions.one', 'overview.count.positions');
  const text =
    built.annotations && built.positions
      ? t('overview.summary', { annotations: a, positions: p })
      : built.positions
        ? p
        : a;
  return filtered ? t('overview.summary.filtered', { found: text }) : text;
}

/** Grouping, the filter field and the filters. */
function Toolbar({
  params,
  update,
  tags,
  colorLabel,
  disabled = false,
}: {
  params: NotesParams;
  update: (patch: Partial<NotesParams>) => void;
  tags: TagInfo[];
  colorLabel: (id: string) => string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  // The field shows what is typed at once; the address (and so the list) follows after a pause.
  const [text, setText] = useState(params.q);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // The address changed from elsewhere (filters cleared, "show what needs a look"): the field follows.
  // A value this field wrote itself is not taken back: the user may have typed on since.
  const [written, setWritten] = useState(params.q);
  const [seenQ, setSeenQ] = useState(params.q);
  if (params.q !== seenQ) {
    setSeenQ(params.q);
    if (params.q !== written) setText(params.q);
  }
  const type = (value: string) => {
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      setWritten(value);
      update({ q: value });
    }, FILTER_DELAY_MS);
  };
  const active = params.q.trim() !== '' || params.tag !== null || params.color !== null || params.show !== 'alles';
  const tagKnown = params.tag === null || tags.some((x) => x.name === params.tag);

  return (
    <form
      className="notes-toolbar"
      role="search"
      aria-label={t('overview.filter')}
      onSubmit={(e) => {
        e.preventDefault();
        window.clearTimeout(timer.current);
        setWritten(text);
        update({ q: text });
      }}
    >
      <div className="notes-toolbar__row">
        <fieldset className="segmented" disabled={disabled}>
          <legend className="segmented__legend">{t('overview.group')}</legend>
          <div className="segmented__options">
            {NOTES_GROUPS.map((g) => (
              <label key={g} className="segmented__option">
                <input
                  type="radio"
                  name={`${id}-group`}
                  value={g}
                  checked={params.group === g}
                  onChange={() => update({ group: g })}
                />
                <span>{t(`overview.group.${g}` as MessageKey)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="notes-toolbar__field">
          <label className="field-label" htmlFor={`${id}-sort`}>
            {t('overview.sort')}
          </label>
          <select
            id={`${id}-sort`}
            value={params.sort}
            disabled={disabled}
            onChange={(e) => update({ sort: e.target.value === 'oud' ? 'oud' : 'nieuw' })}
          >
            <option value="nieuw">{t('overview.sort.nieuw')}</option>
            <option value="oud">{t('overview.sort.oud')}</option>
          </select>
        </div>
      </div>
      <div className="notes-toolbar__row">
        <div className="notes-toolbar__field notes-toolbar__field--text">
          <label className="field-label" htmlFor={`${id}-q`}>
            {t('overview.filter.text')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="text-input"
            value={text}
            maxLength={500}
            autoComplete="off"
            aria-describedby={`${id}-q-hint`}
            disabled={disabled}
            onChange={(e) => type(e.target.value)}
          />
          <span className="filter-hint" id={`${id}-q-hint`}>
            {t('overview.filter.text.hint')}
          </span>
        </div>
        <div className="notes-toolbar__field">
          <label className="field-label" htmlFor={`${id}-tag`}>
            {t('overview.filter.tag')}
          </label>
          <select
            id={`${id}-tag`}
            value={params.tag ?? ''}
            disabled={disabled}
            onChange={(e) => update({ tag: e.target.value || null })}
          >
            <option value="">{t('overview.filter.tag.all')}</option>
            {!tagKnown && params.tag && <option value={params.tag}>{params.tag}</option>}
            {tags.map((tag) => (
              <option key={tag.id} value={tag.name}>
                {tag.name} ({tag.annotationCount})
              </option>
            ))}
          </select>
        </div>
        <div className="notes-toolbar__field">
          <label className="field-label" htmlFor={`${id}-color`}>
            {t('overview.filter.color')}
          </label>
          <select
            id={`${id}-color`}
            value={params.color ?? ''}
            disabled={disabled}
            onChange={(e) => update({ color: (e.target.value || null) as NotesParams['color'] })}
          >
            <option value="">{t('overview.filter.color.all')}</option>
            {NOTES_COLORS.map((c) => (
              <option key={c} value={c}>
                {colorLabel(c)} ({colorName(c, t)})
              </option>
            ))}
          </select>
        </div>
        <div className="notes-toolbar__field">
          <label className="field-label" htmlFor={`${id}-show`}>
            {t('overview.filter.show')}
          </label>
          <select
            id={`${id}-show`}
            value={params.show}
            disabled={disabled}
            onChange={(e) => update({ show: e.target.value as NotesParams['show'] })}
          >
            {NOTES_SHOW.map((s) => (
              <option key={s} value={s}>
                {t(`overview.filter.show.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {active && !disabled && (
          <div className="notes-toolbar__field notes-toolbar__clear">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                window.clearTimeout(timer.current);
                setText('');
                update(cleared(params));
              }}
            >
              {t('overview.filter.clear')}
            </button>
          </div>
        )}
      </div>
    </form>
  );
}

/** Estimated height (rem) of a row not yet measured, from its content; once per row and filter. */
function estimateRow(row: Row): number {
  if (row.kind === 'group') return row.group.sub ? 4.6 : 3.6;
  const e = row.entry;
  if (e.kind === 'position') return e.position.reasoning ? 7.4 : 6.2;
  const a = e.annotation;
  const quoteLines = Math.min(3, Math.max(1, Math.ceil(a.quote.exact.length / 80)));
  const noteLines = a.note ? Math.min(3, Math.ceil(a.note.length / 90)) : 0;
  return 4 + quoteLines * 1.75 + noteLines * 1.6 + (a.tags.length ? 2 : 0);
}

const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

const NotesList = memo(function NotesList({
  built,
  group,
  colorLabel,
  restoreKey,
  href,
  busy,
}: {
  built: Built;
  group: NotesParams['group'];
  colorLabel: (id: string) => string;
  restoreKey: string | null;
  href: string;
  busy: boolean;
}) {
  const { t, locale } = useI18n();
  const listId = useId();
  const container = useRef<HTMLDivElement>(null);
  const { rows, groups } = built;
  const [activeKey, setActiveKey] = useState<string | null>(restoreKey);
  const [focusWithin, setFocusWithin] = useState(false);
  const pendingFocus = useRef<string | null>(restoreKey);

  const activeIndex = useMemo(
    () => (activeKey === null ? -1 : rows.findIndex((r) => r.key === activeKey)),
    [rows, activeKey],
  );
  // The active entry stays rendered even when scrolled far away: focus is never lost with it.
  const virtual = useWindowVirtual({ rows, estimate: estimateRow, container, keep: activeIndex });

  const nextEntry = useCallback(
    (from: number, step: 1 | -1) => {
      for (let i = from; i >= 0 && i < rows.length; i += step) if (rows[i]!.kind === 'entry') return i;
      return -1;
    },
    [rows],
  );

  // The one Tab stop: the focused (or last focused) entry while focus is in the list, otherwise the
  // first entry in view, so Tab lands where the user is looking.
  const tabbable =
    focusWithin && activeIndex >= 0 ? activeIndex : nextEntry(Math.min(virtual.firstVisible, rows.length - 1), 1);

  // Focus an entry once it is rendered (after arrow keys moved to it, or on return from the reader).
  const { scrollToIndex } = virtual;
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (key === null) return;
    const index = rows.findIndex((r) => r.key === key);
    if (index === -1) {
      pendingFocus.current = null;
      return;
    }
    const el = container.current?.querySelector<HTMLElement>(`[data-entry-key="${CSS.escape(key)}"]`);
    if (!el) {
      scrollToIndex(index, 'start');
      return;
    }
    pendingFocus.current = null;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (!NAV_KEYS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const link = (e.target as HTMLElement).closest<HTMLElement>('a.note-entry');
    if (!link) return;
    const at = Number(link.dataset.index);
    const { offsets } = virtual;
    let next = -1;
    if (e.key === 'ArrowDown') next = nextEntry(at + 1, 1);
    else if (e.key === 'ArrowUp') next = nextEntry(at - 1, -1);
    else if (e.key === 'Home') next = nextEntry(0, 1);
    else if (e.key === 'End') next = nextEntry(rows.length - 1, -1);
    else {
      const page = window.innerHeight * 0.8;
      const y = offsets[at]! + (e.key === 'PageDown' ? page : -page);
      let i = at;
      if (e.key === 'PageDown') while (i < rows.length - 1 && offsets[i + 1]! <= y) i++;
      else while (i > 0 && offsets[i]! > y) i--;
      next = e.key === 'PageDown' ? nextEntry(i, 1) : nextEntry(i, -1);
      if (next === -1) next = e.key === 'PageDown' ? nextEntry(rows.length - 1, -1) : nextEntry(0, 1);
    }
    e.preventDefault();
    if (next === -1 || next === at) return;
    const key = rows[next]!.key;
    pendingFocus.current = key;
    setActiveKey(key);
    scrollToIndex(next, 'nearest');
  };

  const onOpen = useCallback(
    (key: string) => {
      remembered = { href, key };
    },
    [href],
  );

  // Rendered rows, gathered per group: nested lists for screen readers, absolutely placed rows.
  const rendered = useMemo(() => {
    const byGroup = new Map<number, Array<{ index: number; top: number }>>();
    for (const item of virtual.items) {
      const row = rows[item.index]!;
      const list = byGroup.get(row.groupIndex) ?? [];
      list.push(item);
      byGroup.set(row.groupIndex, list);
    }
    return [...byGroup.entries()].sort((a, b) => a[0] - b[0]);
  }, [virtual.items, rows]);

  const headerIndex = useMemo(() => {
    const out: number[] = [];
    rows.forEach((r, i) => {
      if (r.kind === 'group') out[r.groupIndex] = i;
    });
    return out;
  }, [rows]);

  return (
    <div
      ref={container}
      className="notes-list"
      style={{ height: virtual.total }}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        setFocusWithin(true);
        const key = (e.target as HTMLElement).dataset.entryKey;
        if (key) setActiveKey(key);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusWithin(false);
      }}
      aria-busy={busy || undefined}
      data-rows={rows.length}
    >
      <ul className="notes-groups" aria-label={t('overview.list')}>
        {rendered.map(([groupIndex, items]) => {
          const g = groups[groupIndex]!;
          const hi = headerIndex[groupIndex]!;
          const titleId = `${listId}-g${groupIndex}`;
          const entries = items.filter((it) => it.index !== hi);
          return (
            <li key={g.key} className="notes-group" aria-setsize={groups.length} aria-posinset={groupIndex + 1}>
              <h2
                id={titleId}
                ref={virtual.measure}
                className="notes-group__title"
                data-index={hi}
                data-key={rows[hi]!.key}
                style={{ top: virtual.offsets[hi] }}
              >
                <span className="notes-group__name" lang={g.labelLang}>
                  {g.label}
                </span>
                {g.sub && (
                  <span className="notes-group__sub" lang="nl">
                    {g.sub}
                  </span>
                )}
                <span className="notes-group__count">{groupCount(g.annotations, g.positions, t, locale)}</span>
              </h2>
              <ul aria-labelledby={titleId} className="notes-group__entries">
                {entries.map(({ index, top }) => {
                  const row = rows[index]!;
                  if (row.kind !== 'entry') return null;
                  return (
                    <li
                      key={row.key}
                      ref={virtual.measure}
                      className="notes-row"
                      data-index={index}
                      data-key={row.key}
                      style={{ top }}
                      aria-setsize={g.entries.length}
                      aria-posinset={row.pos}
                    >
                      <EntryLink
                        entry={row.entry}
                        index={index}
                        rowKey={row.key}
                        tabbable={index === tabbable}
                        showDocument={group === 'label' || g.key === 'decision:-'}
                        colorLabel={colorLabel}
                        onOpen={onOpen}
                      />
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
    </div>
  );
});

function groupCount(annotations: number, positions: number, t: Translate, locale: Locale): string {
  const parts: string[] = [];
  if (annotations)
    parts.push(count(t, locale, annotations, 'overview.count.annotations.one', 'overview.count.annotations'));
  if (positions) parts.push(count(t, locale, positions, 'overview.count.positions.one', 'overview.count.positions'));
  return parts.join(' · ');
}
