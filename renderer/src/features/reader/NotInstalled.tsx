/**
 * A letter that is not (or no longer) installed: its pack was removed or has not arrived yet. The
 * notes on it are kept; they are listed here with their quotes, so nothing seems lost.
 */
import { useEffect, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { Annotation } from '../../../../electron/shared/notes';
import { useI18n } from '../../i18n';
import { hasNavigated, hrefFor } from '../../router';

export function NotInstalled({
  api,
  documentId,
  onError,
}: {
  api: RaadsmapApi;
  documentId: string;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const [notes, setNotes] = useState<Annotation[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    api['annotations.list']({ documentId }).then((list) => live && setNotes(list), onError);
    return () => {
      live = false;
    };
  }, [api, documentId, onError]);

  useEffect(() => {
    document.title = `${t('reader.notInstalled')} — Raadsmap`;
    if (hasNavigated()) heading.current?.focus();
  }, [t]);

  return (
    <div className="page page--missing" data-testid="reader-missing">
      <h1 ref={heading} tabIndex={-1}>
        {t('reader.notInstalled')}
      </h1>
      <p className="lead">{t('reader.notInstalled.body')}</p>
      <p>
        <a href={hrefFor({ name: 'packs' })}>{t('reader.notInstalled.packs')}</a> ·{' '}
        <a href={hrefFor({ name: 'library' })}>{t('reader.back')}</a>
      </p>
      {notes && notes.length > 0 && (
        <section aria-labelledby="kept-notes">
          <h2 id="kept-notes">{t('reader.notInstalled.notes', { n: notes.length })}</h2>
          <ul className="report-list">
            {notes.map((a) => (
              <li key={a.id} className="report-item">
                <blockquote className="report-item__quote" lang="nl">
                  <span className="visually-hidden">{t('overview.entry.quote')}: </span>“{a.quote.exact}”
                </blockquote>
                {a.note.trim() && (
                  <p className="report-item__note">
                    <span className="visually-hidden">{t('overview.entry.note')}: </span>
                    {a.note}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
