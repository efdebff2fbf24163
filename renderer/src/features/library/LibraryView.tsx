import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { DocumentSummary } from '../../../../electron/shared/model';
import type { TagInfo } from '../../../../electron/shared/notes';
import { formatDate, shortcutLabel, useI18n, withNodes } from '../../i18n';
import { hasNavigated, hrefFor, navigate } from '../../router';
import { fold } from '../notes/model';
import { TagInput } from '../tags/TagInput';
import { MeetingFacts } from '../packs/meeting';

export function LibraryView({
  api,
  onError,
  version,
  tag = null,
}: {
  api: RaadsmapApi;
  onError: (e: unknown) => void;
  version: number;
  /** Only letters with this tag (from the address). */
  tag?: string | null;
}) {
  const { t, locale } = useI18n();
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [letterTags, setLetterTags] = useState<Record<string, string[]>>({});
  const [allTags, setAllTags] = useState<TagInfo[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const filterId = useId();

  useEffect(() => {
    let live = true;
    api['library.list']({}).then((docs) => live && setDocuments(docs), onError);
    // Tags are an addition: the library shows without them should they fail.
    api['documents.allTags']({}).then((all) => live && setLetterTags(all), onError);
    api['tags.list']({}).then((list) => live && setAllTags(list), onError);
    return () => {
      live = false;
    };
  }, [api, onError, version]);

  useEffect(() => {
    if (documents && hasNavigated()) heading.current?.focus();
  }, [documents]);

  const saveTags = (documentId: string, tags: string[]) => {
    const before = letterTags[documentId] ?? [];
    setLetterTags((all) => ({ ...all, [documentId]: tags }));
    api['documents.setTags']({ documentId, tags }).then(
      (saved) => {
        setLetterTags((all) => ({ ...all, [documentId]: saved }));
        api['tags.list']({}).then(setAllTags, () => undefined);
      },
      (e: unknown) => {
        setLetterTags((all) => ({ ...all, [documentId]: before }));
        onError(e);
      },
    );
  };

  const closeEditor = (documentId: string) => {
    setEditing(null);
    window.setTimeout(() => {
      // Back on the letter's edit button; when the filter now hides the letter, on the filter.
      const button = root.current?.querySelector<HTMLElement>(`[data-edit-tags="${CSS.escape(documentId)}"]`);
      (button ?? document.getElementById(filterId) ?? heading.current)?.focus();
    }, 0);
  };

  // The tags that are on letters, with how many letters carry each (for the filter).
  const letterTagCounts = useMemo(() => {
    const counts = new Map<string, { name: string; n: number }>();
    for (const list of Object.values(letterTags)) {
      for (const name of list) {
        const key = fold(name);
        const entry = counts.get(key) ?? { name, n: 0 };
        entry.n++;
        counts.set(key, entry);
      }
    }
    return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }, [letterTags]);

  const tagKey = tag ? fold(tag.trim()) : null;
  const shown = useMemo(
    () =>
      documents && tagKey
        ? // The letter being edited stays while its editor is open, even when it no longer matches.
          documents.filter((d) => d.id === editing || (letterTags[d.id] ?? []).some((x) => fold(x) === tagKey))
        : documents,
    [documents, letterTags, tagKey, editing],
  );
  const suggestions = useMemo(
    () =>
      allTags.map((x) => ({
        name: x.name,
        // How much the tag is used: on letters if it is, else on notes.
        meta:
          x.documentCount > 0
            ? x.documentCount === 1
              ? t('library.count.one')
              : t('library.count', { n: x.documentCount })
            : x.annotationCount === 1
              ? t('overview.count.annotations.one')
              : t('overview.count.annotations', { n: x.annotationCount }),
      })),
    [allTags, t],
  );

  return (
    <div className="page page--library" ref={root} data-testid={documents ? 'library-ready' : 'library-loading'}>
      <h1 ref={heading} tabIndex={-1}>
        {t('library.title')}
      </h1>
      <p className="lead">{t('library.intro')}</p>
      <p className="library-tip">
        {withNodes(t('library.searchTip'), { ctrlK: <kbd>{shortcutLabel()}</kbd>, slash: <kbd>/</kbd> })}
      </p>
      {!documents || !shown ? (
        <p role="status">{t('app.loading')}</p>
      ) : documents.length === 0 ? (
        <p>{t('library.empty')}</p>
      ) : (
        <>
          {(letterTagCounts.length > 0 || tag) && (
            <div className="library-filter">
              <label className="field-label" htmlFor={filterId}>
                {t('library.filter.tag')}
              </label>
              <select
                id={filterId}
                value={tag ?? ''}
                onChange={(e) => navigate({ name: 'library', tag: e.target.value || null })}
              >
                <option value="">{t('library.filter.all')}</option>
                {tag && !letterTagCounts.some((x) => fold(x.name) === tagKey) && <option value={tag}>{tag}</option>}
                {letterTagCounts.map((x) => (
                  <option key={x.name} value={x.name}>
                    {x.name} ({x.n})
                  </option>
                ))}
              </select>
            </div>
          )}
          {shown.length === 0 ? (
            <p className="notes-empty" role="status">
              {t('library.filter.none', { name: tag ?? '' })}{' '}
              <a href={hrefFor({ name: 'library' })}>{t('library.filter.showAll')}</a>
            </p>
          ) : (
            <div className="table-wrap">
              <table className="library-table">
                <caption>
                  {t('library.caption')} (
                  {tag
                    ? t('library.filter.count', { shown: shown.length, total: documents.length, name: tag })
                    : documents.length === 1
                      ? t('library.count.one')
                      : t('library.count', { n: documents.length })}
                  )
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('library.subject')}</th>
                    <th scope="col">{t('library.date')}</th>
                    <th scope="col">{t('library.reference')}</th>
                    <th scope="col">{t('library.tags')}</th>
                    <th scope="col" className="num">
                      {t('library.decisions')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((d) => {
                    const tags = letterTags[d.id] ?? [];
                    return (
                      <tr key={d.id}>
                        <th scope="row">
                          <a
                            href={hrefFor({ name: 'reader', documentId: d.id, target: null })}
                            className="library-table__title"
                          >
                            {d.title}
                          </a>
                          <span className="library-table__pack">{d.packTitle}</span>
                          {d.themes.length > 0 && (
                            <span className="library-table__themes" lang="nl">
                              {t('library.themes', { themes: d.themes.join(', ') })}
                            </span>
                          )}
                          <MeetingFacts meeting={d.meeting} variant="row" />
                        </th>
                        <td>
                          <time dateTime={d.date ?? undefined}>{formatDate(d.date, locale)}</time>
                        </td>
                        <td>{d.reference ?? '—'}</td>
                        <td className="library-table__tags">
                          {editing === d.id ? (
                            <div className="library-tags-editor">
                              <TagInput
                                label={t('library.tags.editLabel', { title: d.title })}
                                value={tags}
                                onChange={(next) => saveTags(d.id, next)}
                                suggestions={suggestions}
                                autoFocus
                                onEscape={() => closeEditor(d.id)}
                              />
                              <button type="button" className="button button--small" onClick={() => closeEditor(d.id)}>
                                {t('library.tags.done')}
                              </button>
                            </div>
                          ) : (
                            <div className="library-tags">
                              {tags.length > 0 ? (
                                <ul className="label-list" aria-label={t('library.tags.of', { title: d.title })}>
                                  {tags.map((x) => (
                                    <li key={x}>
                                      <a
                                        className="label-chip label-chip--link"
                                        href={hrefFor({ name: 'library', tag: x })}
                                        aria-current={tagKey === fold(x) ? 'true' : undefined}
                                      >
                                        <span className="visually-hidden">{t('library.tags.filterBy')} </span>
                                        {x}
                                      </a>
                                    </li>
                                  ))}
                                </ul>
                              ) : (
                                <span className="muted">{t('library.none')}</span>
                              )}
                              <button
                                type="button"
                                className="button button--secondary button--small library-tags-edit"
                                data-edit-tags={d.id}
                                onClick={() => setEditing(d.id)}
                              >
                                {t('library.tags.edit')}
                                <span className="visually-hidden"> ({d.title})</span>
                              </button>
                            </div>
                          )}
                        </td>
                        <td className="num">{d.decisionCount || t('library.none')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
