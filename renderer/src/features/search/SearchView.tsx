/**
 * Search results: grouped per letter, each hit with its section, kind and a snippet with the matched
 * words marked; filters (letter, section, date, tags, only my notes) that live in the address, so
 * Back and Forward work. Arrow Up/Down move between hits, Enter opens one in the reader with every
 * match of the search marked.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RaadsmapApi, SearchHit, SearchResponse } from '../../../../electron/shared/contract';
import type { Section } from '../../../../electron/shared/model';
import type { TagInfo } from '../../../../electron/shared/notes';
import { formatDate, useI18n, withNodes, type Translate } from '../../i18n';
import { emptySearch, hasNavigated, hrefFor, navigate, searchQueryString, type SearchParams } from '../../router';
import { TagInput } from '../tags/TagInput';
import { Snippet } from './Snippet';

const PAGE = 30;
const MAX_LIMIT = 200;

interface Letter {
  documentId: string;
  title: string;
  count: number;
}

interface Results {
  key: string;
  response: SearchResponse;
  hits: SearchHit[];
  /** The letters with matches, counted without the letter and section filters (so they stay choosable). */
  letters: Letter[];
}

/**
 * The last results shown, kept across a visit to the reader: Back shows them at once and puts focus
 * back on the hit that was opened.
 */
let remembered: { results: Results; active: number | null } | null = null;

interface Props {
  api: RaadsmapApi;
  params: SearchParams;
  /** Goes up when letters were added: results are fetched again. */
  version: number;
  onError: (e: unknown) => void;
}

export function SearchView({ api, params, version, onError }: Props) {
  const { t, locale } = useI18n();
  const key = `${searchQueryString(params)}|${version}`;
  const q = params.q.trim();
  const [results, setResults] = useState<Results | null>(() =>
    remembered && remembered.results.key === key ? remembered.results : null,
  );
  const restoreHit = useRef<number | null>(remembered && remembered.results.key === key ? remembered.active : null);
  const [loadingMore, setLoadingMore] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const focusAfterMore = useRef<number | null>(null);

  useEffect(() => {
    document.title = q ? `${t('search.title')}: ${q} — Raadsmap` : `${t('search.title')} — Raadsmap`;
  }, [q, t]);

  useEffect(() => {
    if (!q || (remembered && remembered.results.key === key)) return;
    let live = true;
    const filters = apiFilters(params);
    const main = queryWithFacets(api, { text: params.q, ...filters, limit: PAGE });
    // Letter counts without the letter and section filters, so the other letters stay in the list.
    const unfiltered =
      params.documentIds.length > 0
        ? queryWithFacets(api, { text: params.q, ...filters, documentIds: undefined, sectionId: undefined, limit: 1 })
        : null;
    Promise.all([main, unfiltered]).then(([response, all]) => {
      if (!live) return;
      const next: Results = { key, response, hits: response.hits, letters: (all ?? response).documents };
      remembered = { results: next, active: null };
      setResults(next);
    }, onError);
    return () => {
      live = false;
    };
    // `key` stands for params and version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, onError]);

  // A new search (from the field, a suggestion or "Bedoelde u") moves focus to the results' title;
  // coming Back from a letter puts it on the hit that was opened.
  useEffect(() => {
    if (!hasNavigated()) return;
    const index = restoreHit.current;
    restoreHit.current = null;
    const hit = index === null ? null : root.current?.querySelector<HTMLElement>(`[data-hit-index="${index}"]`);
    if (hit) hit.focus();
    else heading.current?.focus();
  }, [params.q]);

  useEffect(() => {
    if (focusAfterMore.current === null || !results) return;
    root.current?.querySelector<HTMLElement>(`[data-hit-index="${focusAfterMore.current}"]`)?.focus();
    focusAfterMore.current = null;
  }, [results]);

  const current =
    results && results.key === key ? results : remembered && remembered.results.key === key ? remembered.results : null;
  // While new results load, the last ones stay (marked busy): nothing under the keyboard disappears.
  const display = current ?? (q ? results : null);
  const groups = useMemo(() => (display ? groupHits(display) : []), [display]);

  const loadMore = () => {
    if (!current) return;
    const shown = current.hits.length;
    const limit = Math.min(MAX_LIMIT, shown + PAGE);
    // Up to 200 in one ranking (stable order); beyond that page on with an offset.
    const request =
      shown + PAGE <= MAX_LIMIT
        ? api['search.query']({ text: params.q, ...apiFilters(params), limit })
        : api['search.query']({ text: params.q, ...apiFilters(params), limit: PAGE, offset: shown });
    setLoadingMore(true);
    request.then(
      (response) => {
        setLoadingMore(false);
        const hits = shown + PAGE <= MAX_LIMIT ? response.hits : dedupe([...current.hits, ...response.hits]);
        const next: Results = { ...current, response: { ...current.response, total: response.total }, hits };
        remembered = { results: next, active: null };
        focusAfterMore.current = shown;
        setResults(next);
      },
      (e: unknown) => {
        setLoadingMore(false);
        onError(e);
      },
    );
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea, summary, .search-filters')) return;
    const links = [...(root.current?.querySelectorAll<HTMLElement>('a.hit__link') ?? [])];
    if (links.length === 0) return;
    const at = links.indexOf(target);
    let next: HTMLElement | undefined;
    if (e.key === 'Home' || e.key === 'End') {
      if (at === -1) return;
      next = e.key === 'Home' ? links[0] : links[links.length - 1];
    } else if (at !== -1) {
      next = links[Math.max(0, Math.min(links.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    } else if (e.key === 'ArrowDown') {
      next = links.find((l) => target.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING);
    } else {
      next = [...links].reverse().find((l) => target.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_PRECEDING);
    }
    if (!next) return;
    e.preventDefault();
    next.focus();
  };

  const remember = (index: number) => {
    if (remembered && current && remembered.results.key === current.key) remembered.active = index;
  };

  const filtered =
    params.documentIds.length > 0 || params.sectionId !== null || params.dateFrom !== null || params.dateTo !== null;
  const mine = params.onlyNotes || params.tags.length > 0;

  return (
    <div className="page page--search search-page" ref={root} onKeyDown={onKeyDown}>
      <h1 ref={heading} tabIndex={-1} className="search-page__title">
        {q ? withNodes(t('search.resultsFor', { q: '{q}' }), { q: <span lang="nl">{q}</span> }) : t('search.title')}
      </h1>
      {!q ? (
        <SearchTips />
      ) : (
        <div className="search-layout">
          <Filters api={api} params={params} letters={display?.letters ?? []} onError={onError} />
          <div className="search-results" aria-busy={current ? undefined : true}>
            {/* One polite live region: the count and whatever explains it are announced together. */}
            <div role="status" className="search-status">
              <p className="search-summary">{display ? summary(display.response, t) : ''}</p>
              {display?.response.didYouMean && (
                <p className="search-notice search-notice--suggest">
                  {withNodes(t('search.didYouMean'), {
                    link: (
                      <a
                        href={hrefFor({ name: 'search', params: { ...params, q: display.response.didYouMean } })}
                        lang="nl"
                      >
                        {display.response.didYouMean}
                      </a>
                    ),
                  })}
                </p>
              )}
              {display?.response.message && <p className="search-notice">{display.response.message[locale]}</p>}
              {display && display.response.total === 0 && !display.response.message && mine && (
                <p className="search-notice">{t('search.none.notes')}</p>
              )}
              {display && display.response.total === 0 && !display.response.message && !mine && filtered && (
                <p className="search-notice">
                  {t('search.none.filtered')}{' '}
                  <a href={hrefFor({ name: 'search', params: emptySearch(params.q) })}>{t('search.filter.clear')}</a>
                </p>
              )}
              {display?.response.mode === 'derivation' && display.hits.length > 0 && (
                <p className="search-notice">{t('search.derivation')}</p>
              )}
            </div>
            {!display ? (
              <p className="muted">{t('search.loading')}</p>
            ) : (
              <>
                {display.hits.length > 0 && <p className="muted search-keys">{t('search.hit.keys')}</p>}
                {groups.map((g) => (
                  <HitGroup key={g.documentId} group={g} query={params.q} onOpen={remember} />
                ))}
                {display.hits.length < display.response.total && (
                  <p className="search-more">
                    <span className="muted">
                      {t('search.shown', { shown: display.hits.length, total: display.response.total })}
                    </span>{' '}
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={loadMore}
                      disabled={loadingMore}
                    >
                      {loadingMore ? t('search.loading') : t('search.more')}
                    </button>
                  </p>
                )}
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

type QueryArgs = Parameters<RaadsmapApi['search.query']>[0];

/**
 * A search with its hits per letter (`facets`). Should the engine fail on the per-letter counts (it
 * did with letter, date or tag filters: "ambiguous column name: rowid" in the notes facets), the
 * letters are counted one by one instead, so filters keep working.
 */
/** A search that also counts the hits per letter (for the letter filter and the group counts). */
function queryWithFacets(api: RaadsmapApi, args: QueryArgs): Promise<SearchResponse> {
  return api['search.query']({ ...args, facets: true });
}

function apiFilters(p: SearchParams) {
  return {
    documentIds: p.documentIds.length ? p.documentIds : undefined,
    sectionId: p.documentIds.length === 1 && p.sectionId ? p.sectionId : undefined,
    dateFrom: p.dateFrom ?? undefined,
    dateTo: p.dateTo ?? undefined,
    tags: p.tags.length ? p.tags : undefined,
    onlyNotes: p.onlyNotes || undefined,
  };
}

function hitKey(h: SearchHit): string {
  return [h.documentId, h.kind, h.sectionId, h.paragraphId, h.noteId, h.decisionLabel, h.snippet].join('|');
}

function dedupe(hits: SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(hitKey(h)) && seen.add(hitKey(h)));
}

export function summary(r: SearchResponse, t: Translate): string {
  if (r.total === 0) return t('search.none', { q: r.query.trim() });
  const letters = r.documents.length;
  return t('search.summary', {
    results: r.total === 1 ? t('search.results.count.one') : t('search.results.count', { n: r.total }),
    letters: letters === 1 ? t('library.count.one') : t('library.count', { n: letters }),
  });
}

interface Group {
  documentId: string;
  title: string;
  reference: string | null;
  date: string | null;
  count: number;
  hits: Array<{ hit: SearchHit; index: number }>;
}

/** Hits per letter, letters in the order of their number of matches; hits keep their ranking. */
function groupHits(results: Results): Group[] {
  const byId = new Map<string, Group>();
  const order = results.response.documents.map((d) => d.documentId);
  for (const hit of results.hits) {
    if (!byId.has(hit.documentId)) {
      if (!order.includes(hit.documentId)) order.push(hit.documentId);
      const facet = results.response.documents.find((d) => d.documentId === hit.documentId);
      byId.set(hit.documentId, {
        documentId: hit.documentId,
        title: hit.documentTitle,
        reference: hit.reference,
        date: hit.date,
        count: facet?.count ?? 0,
        hits: [],
      });
    }
  }
  const groups = order.map((id) => byId.get(id)).filter((g): g is Group => g !== undefined);
  let index = 0;
  for (const g of groups) {
    for (const hit of results.hits) if (hit.documentId === g.documentId) g.hits.push({ hit, index: index++ });
  }
  return groups;
}

function HitGroup({ group, query, onOpen }: { group: Group; query: string; onOpen: (index: number) => void }) {
  const { t, locale } = useI18n();
  const titleId = `hits-${group.documentId}`;
  return (
    <section className="hit-group" aria-labelledby={titleId}>
      <h2 className="hit-group__title" id={titleId}>
        <a
          href={hrefFor({ name: 'reader', documentId: group.documentId, target: null, query })}
          lang="nl"
          title={t('search.group.open', { title: group.title })}
        >
          {group.title}
        </a>
      </h2>
      <p className="hit-group__meta">
        {group.reference && <span>{group.reference}</span>}
        {group.date && <time dateTime={group.date}>{formatDate(group.date, locale)}</time>}
        <span>{group.count === 1 ? t('search.group.count.one') : t('search.group.count', { n: group.count })}</span>
      </p>
      <ol className="hits">
        {group.hits.map(({ hit, index }) => (
          <li key={`${hitKey(hit)}-${index}`} className="hit">
            <a
              className="hit__link"
              data-hit-index={index}
              href={hrefFor({
                name: 'reader',
                documentId: hit.documentId,
                target: hit.paragraphId ?? hit.sectionId,
                query,
              })}
              onClick={() => onOpen(index)}
            >
              <span className="hit__head">
                <span className={`badge badge--${hit.kind}`}>{kindLabel(hit, t)}</span>
                <span className="hit__section" lang={hit.section ? 'nl' : undefined}>
                  {hit.section ?? (hit.kind === 'heading' ? t('search.hit.title') : t('reader.intro'))}
                </span>
              </span>
              <span className="hit__snippet" lang="nl">
                <Snippet snippet={hit.snippet} />
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

function kindLabel(hit: SearchHit, t: Translate): string {
  switch (hit.kind) {
    case 'heading':
      return t('search.kind.heading');
    case 'decision':
      return hit.decisionLabel
        ? t('search.kind.decisionLabel', { label: hit.decisionLabel })
        : t('search.kind.decision');
    case 'note':
      return t('search.kind.note');
    default:
      return t('search.kind.text');
  }
}

function SearchTips() {
  const { t } = useI18n();
  const code = (text: string) => (
    <code className="search-example" lang="nl">
      {text}
    </code>
  );
  return (
    <div className="search-tips">
      <p className="lead">{t('search.empty')}</p>
      <h2>{t('search.tips')}</h2>
      <ul>
        <li>{withNodes(t('search.tip.forms'), { gemeente: code('gemeente'), creeren: code('creeren') })}</li>
        <li>{withNodes(t('search.tip.phrase'), { example: code('"Raad van State"') })}</li>
        <li>{withNodes(t('search.tip.exclude'), { example: code('energie -gas') })}</li>
        <li>{withNodes(t('search.tip.or'), { example: code('armoede OF schulden') })}</li>
        <li>{withNodes(t('search.tip.prefix'), { example: code('belasting*') })}</li>
        <li>{t('search.tip.keys')}</li>
      </ul>
    </div>
  );
}

/** The filters: each change is a new address, so Back undoes it. */
function Filters({
  api,
  params,
  letters,
  onError,
}: {
  api: RaadsmapApi;
  params: SearchParams;
  letters: Letter[];
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(() => !window.matchMedia('(max-width: 52rem)').matches);
  const [knownTags, setKnownTags] = useState<TagInfo[]>([]);
  const [sections, setSections] = useState<{ documentId: string; options: SectionOption[] } | null>(null);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const summaryRef = useRef<HTMLElement>(null);
  const single = params.documentIds.length === 1 ? params.documentIds[0]! : null;

  // The tag filter suggests the tags that exist (with how many notes carry each).
  useEffect(() => {
    let live = true;
    api['tags.list']({}).then(
      (list) => live && setKnownTags(list),
      () => undefined, // Suggestions are a help; the filter works without them.
    );
    return () => {
      live = false;
    };
  }, [api]);
  const tagSuggestions = useMemo(
    () =>
      knownTags
        .filter((x) => x.annotationCount > 0)
        .map((x) => ({
          name: x.name,
          meta:
            x.annotationCount === 1
              ? t('overview.count.annotations.one')
              : t('overview.count.annotations', { n: x.annotationCount }),
        })),
    [knownTags, t],
  );

  // Titles for chosen letters that have no matches (they stay in the list, to be unticked).
  const needTitles = params.documentIds.some((id) => !letters.some((l) => l.documentId === id));
  useEffect(() => {
    if (!needTitles) return;
    let live = true;
    api['library.list']({}).then((docs) => live && setTitles(new Map(docs.map((d) => [d.id, d.title]))), onError);
    return () => {
      live = false;
    };
  }, [api, needTitles, onError]);

  useEffect(() => {
    if (!single) return;
    let live = true;
    api['documents.get']({ id: single }).then(
      (doc) => live && setSections({ documentId: single, options: sectionOptions(doc.sections, t('reader.intro')) }),
      onError,
    );
    return () => {
      live = false;
    };
  }, [api, single, onError, t]);

  const go = (patch: Partial<SearchParams>) => navigate({ name: 'search', params: { ...params, ...patch } });

  const toggleLetter = (id: string, on: boolean) => {
    const documentIds = on ? [...params.documentIds, id] : params.documentIds.filter((d) => d !== id);
    const keepSection = documentIds.length === 1 && documentIds[0] === single;
    go({ documentIds, sectionId: keepSection ? params.sectionId : null });
  };

  const setDate = (which: 'dateFrom' | 'dateTo', value: string) => {
    // While a year is being typed the field passes through 0002, 0020, 0201: wait for a real year.
    if (value === '') go({ [which]: null });
    else if (/^\d{4}-\d{2}-\d{2}$/.test(value) && Number(value.slice(0, 4)) >= 1900) go({ [which]: value });
  };

  const active =
    (params.documentIds.length > 0 ? 1 : 0) +
    (params.sectionId ? 1 : 0) +
    (params.dateFrom ? 1 : 0) +
    (params.dateTo ? 1 : 0) +
    (params.tags.length > 0 ? 1 : 0) +
    (params.onlyNotes ? 1 : 0);

  // Letters with matches, and the chosen ones even when they have none.
  const shown: Letter[] = [...letters];
  for (const id of params.documentIds) {
    if (!shown.some((l) => l.documentId === id)) shown.push({ documentId: id, title: titles.get(id) ?? id, count: 0 });
  }
  const sectionList = sections && sections.documentId === single ? sections.options : null;

  return (
    <form className="search-filters" aria-label={t('search.filters')} onSubmit={(e) => e.preventDefault()}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary ref={summaryRef} className="search-filters__summary">
          {active ? t('search.filters.active', { n: active }) : t('search.filters')}
        </summary>
        <fieldset className="filter-group">
          <legend>{t('search.filter.letters')}</legend>
          {shown.length === 0 ? (
            <p className="filter-hint">{t('search.filter.letters.none')}</p>
          ) : (
            <ul className="filter-letters">
              {shown.map((l) => (
                <li key={l.documentId}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={params.documentIds.includes(l.documentId)}
                      onChange={(e) => toggleLetter(l.documentId, e.target.checked)}
                    />
                    <span>
                      <span lang="nl">{l.title}</span> <span className="filter-count">({l.count})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {shown.length > 1 && <p className="filter-hint">{t('search.filter.letters.hint')}</p>}
        </fieldset>

        <div className="filter-group">
          {single ? (
            <>
              <label className="field-label" htmlFor="filter-section">
                {t('search.filter.section')}
              </label>
              <select
                id="filter-section"
                value={params.sectionId ?? ''}
                onChange={(e) => go({ sectionId: e.target.value || null })}
              >
                <option value="">{t('search.filter.section.all')}</option>
                {(sectionList ?? []).map((s) => (
                  <option key={s.id} value={s.id} lang={s.intro ? undefined : 'nl'}>
                    {'\u00a0\u00a0'.repeat(s.depth)}
                    {s.title}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <>
              <p className="field-label">{t('search.filter.section')}</p>
              <p className="filter-hint">{t('search.filter.section.hint')}</p>
            </>
          )}
        </div>

        <fieldset className="filter-group">
          <legend>{t('search.filter.dates')}</legend>
          <div className="filter-dates">
            <label>
              <span className="field-label">{t('search.filter.from')}</span>
              <input
                type="date"
                value={params.dateFrom ?? ''}
                max={params.dateTo ?? undefined}
                onChange={(e) => setDate('dateFrom', e.target.value)}
              />
            </label>
            <label>
              <span className="field-label">{t('search.filter.to')}</span>
              <input
                type="date"
                value={params.dateTo ?? ''}
                min={params.dateFrom ?? undefined}
                onChange={(e) => setDate('dateTo', e.target.value)}
              />
            </label>
          </div>
        </fieldset>

        <fieldset className="filter-group">
          <legend>{t('search.filter.mine')}</legend>
          <TagInput
            label={t('search.filter.tags')}
            value={params.tags}
            onChange={(tags) => go({ tags })}
            suggestions={tagSuggestions}
            hint={t('search.filter.tags.hint')}
          />
          <label className="check">
            <input type="checkbox" checked={params.onlyNotes} onChange={(e) => go({ onlyNotes: e.target.checked })} />
            <span>{t('search.filter.onlyNotes')}</span>
          </label>
        </fieldset>

        {active > 0 && (
          <button
            type="button"
            className="button button--secondary filter-clear"
            onClick={() => {
              navigate({ name: 'search', params: emptySearch(params.q) });
              summaryRef.current?.focus();
            }}
          >
            {t('search.filter.clear')}
          </button>
        )}
      </details>
    </form>
  );
}

interface SectionOption {
  id: string;
  title: string;
  depth: number;
  /** The untitled text before the first heading, labelled in the interface language. */
  intro?: boolean;
}

function sectionOptions(sections: Section[], introLabel: string, depth = 0): SectionOption[] {
  const out: SectionOption[] = [];
  for (const s of sections) {
    if (s.title) out.push({ id: s.id, title: s.title, depth });
    else if (s.level === 0 && s.paragraphs.length) out.push({ id: s.id, title: introLabel, depth, intro: true });
    out.push(...sectionOptions(s.sections, introLabel, s.title ? depth + 1 : depth));
  }
  return out;
}
