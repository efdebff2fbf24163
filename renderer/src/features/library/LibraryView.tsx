import { useEffect, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { DocumentSummary } from '../../../../electron/shared/model';
import { formatDate, shortcutLabel, useI18n, withNodes } from '../../i18n';
import { hasNavigated, hrefFor } from '../../router';

export function LibraryView({
  api,
  onError,
  version,
}: {
  api: RaadsmapApi;
  onError: (e: unknown) => void;
  version: number;
}) {
  const { t, locale } = useI18n();
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    api['library.list']({}).then((docs) => live && setDocuments(docs), onError);
    return () => {
      live = false;
    };
  }, [api, onError, version]);

  useEffect(() => {
    if (documents && hasNavigated()) heading.current?.focus();
  }, [documents]);

  return (
    <div className="page page--library" data-testid={documents ? 'library-ready' : 'library-loading'}>
      <h1 ref={heading} tabIndex={-1}>
        {t('library.title')}
      </h1>
      <p className="lead">{t('library.intro')}</p>
      <p className="library-tip">
        {withNodes(t('library.searchTip'), { ctrlK: <kbd>{shortcutLabel()}</kbd>, slash: <kbd>/</kbd> })}
      </p>
      {!documents ? (
        <p role="status">{t('app.loading')}</p>
      ) : documents.length === 0 ? (
        <p>{t('library.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="library-table">
            <caption>
              {t('library.caption')} (
              {documents.length === 1 ? t('library.count.one') : t('library.count', { n: documents.length })})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('library.subject')}</th>
                <th scope="col">{t('library.date')}</th>
                <th scope="col">{t('library.reference')}</th>
                <th scope="col" className="num">
                  {t('library.decisions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a
                      href={hrefFor({ name: 'reader', documentId: d.id, target: null })}
                      className="library-table__title"
                    >
                      {d.title}
                    </a>
                    <span className="library-table__pack">{d.packTitle}</span>
                  </th>
                  <td>
                    <time dateTime={d.date ?? undefined}>{formatDate(d.date, locale)}</time>
                  </td>
                  <td>{d.reference ?? '—'}</td>
                  <td className="num">{d.decisionCount || t('library.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
