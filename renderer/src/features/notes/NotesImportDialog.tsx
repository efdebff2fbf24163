/**
 * "Annotaties importeren…": a colleague's annotations (W3C Web Annotation JSON-LD). The report says
 * what was added, updated and kept, and where the notes landed; notes that need a look or lost
 * their place link to their letter. A file that cannot be used is refused in Dutch and English and
 * nothing changes (the import is one transaction).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RaadsmapApi, Result } from '../../../../electron/shared/contract';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { hrefFor } from '../../router';
import type { OverviewData } from './model';

/** Largest file the contract accepts (20 MB). */
const MAX_BYTES = 20 * 1024 * 1024;

type Report = Result<'notes.import'>;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function NotesImportDialog({
  api,
  data,
  onClose,
  onImported,
  onShowLook,
}: {
  api: RaadsmapApi;
  /** The overview's data (reloaded after an import), to find the letters of notes that need a look. */
  data: OverviewData | null;
  onClose: () => void;
  onImported: () => void;
  onShowLook: () => void;
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const reportTitle = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ nl: string; en: string } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const inputId = useId();
  const helpId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    if (report) reportTitle.current?.focus();
  }, [report]);

  // Letters with imported notes that need a look (changed) or lost their place (orphan).
  const look = useMemo(() => {
    if (!report || !data) return [];
    const ids = new Set(report.ids);
    const letters = new Map<string, { documentId: string; title: string; changed: number; orphan: number }>();
    for (const a of data.annotations) {
      if (!ids.has(a.id) || (a.anchor !== 'changed' && a.anchor !== 'orphan')) continue;
      const letter = letters.get(a.documentId) ?? {
        documentId: a.documentId,
        title: a.documentTitle,
        changed: 0,
        orphan: 0,
      };
      letter[a.anchor]++;
      letters.set(a.documentId, letter);
    }
    return [...letters.values()];
  }, [report, data]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setError(null);
    if (!file) {
      setError({ nl: 'Kies eerst een bestand.', en: 'Choose a file first.' });
      return;
    }
    if (file.size > MAX_BYTES) {
      const mb = (file.size / 1024 / 1024).toFixed(1);
      setError({
        nl: `"${file.name}" is te groot (${mb} MB); een annotatiebestand mag hoogstens 20 MB zijn.`,
        en: `"${file.name}" is too large (${mb} MB); an annotation file may be at most 20 MB.`,
      });
      return;
    }
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await api['notes.import']({ fileName: file.name, dataBase64: toBase64(bytes) });
      setReport(result);
      onImported();
    } catch (e) {
      setError(e instanceof ApiError ? { nl: e.nl, en: e.en } : { nl: String(e), en: String(e) });
    } finally {
      setBusy(false);
    }
  };

  const close = () => ref.current?.close();
  const other = locale === 'nl' ? 'en' : 'nl';

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="notes-import-title" onClose={onClose}>
      {report ? (
        <div className="notes-report">
          <h2 id="notes-import-title" ref={reportTitle} tabIndex={-1} aria-describedby={`${helpId}-report`}>
            {t('overview.import.done')}
          </h2>
          <p className="notes-report__main" id={`${helpId}-report`}>
            {t('overview.import.report', { added: report.added, updated: report.updated, kept: report.kept })}
          </p>
          {report.kept > 0 && <p className="muted">{t('overview.import.kept')}</p>}
          <p>
            {t('overview.import.anchors', {
              anchored: report.anchors.anchored ?? 0,
              moved: report.anchors.moved ?? 0,
              changed: report.anchors.changed ?? 0,
              orphan: report.anchors.orphan ?? 0,
            })}
          </p>
          {look.length > 0 && (
            <ul className="notes-report__look">
              {look.map((l) => (
                <li key={l.documentId}>
                  {[
                    l.changed ? t('overview.import.lookChanged', { n: l.changed }) : null,
                    l.orphan ? t('overview.import.lookOrphan', { n: l.orphan }) : null,
                  ]
                    .filter(Boolean)
                    .join(', ')}{' '}
                  —{' '}
                  <a href={hrefFor({ name: 'reader', documentId: l.documentId, target: null })} onClick={close}>
                    {t('overview.import.look', { title: l.title })}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {report.skipped.length > 0 && (
            <div className="alert alert--warning">
              <p className="alert__title">
                {report.skipped.length === 1
                  ? t('overview.import.skipped.one')
                  : t('overview.import.skipped', { n: report.skipped.length })}
              </p>
              <ul>
                {report.skipped.slice(0, 20).map((s) => (
                  <li key={s.index}>
                    {t('overview.import.item', { i: s.index + 1 })}: {locale === 'nl' ? s.nl : s.en}{' '}
                    <span className="muted" lang={other}>
                      ({locale === 'nl' ? s.en : s.nl})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="dialog__actions">
            {(report.anchors.changed ?? 0) + (report.anchors.orphan ?? 0) > 0 && (
              <button type="button" className="button button--secondary" onClick={onShowLook}>
                {t('overview.import.showLook')}
              </button>
            )}
            <button type="button" className="button" onClick={close}>
              {t('overview.import.close')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <h2 id="notes-import-title">{t('overview.import.title')}</h2>
          <p id={helpId}>{t('overview.import.help')}</p>
          <label htmlFor={inputId} className="field-label">
            {t('overview.import.file')}
          </label>
          <input
            id={inputId}
            ref={fileInput}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-describedby={helpId}
            disabled={busy}
          />
          {error && (
            <div className="alert alert--error" role="alert">
              <p className="alert__title">{t('overview.import.failed')}</p>
              <p>{locale === 'nl' ? error.nl : error.en}</p>
              <p className="muted" lang={other}>
                {locale === 'nl' ? error.en : error.nl}
              </p>
              <p>{t('overview.import.nothingChanged')}</p>
            </div>
          )}
          {busy && <p role="status">{t('overview.import.busy')}</p>}
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={close} disabled={busy}>
              {t('overview.import.cancel')}
            </button>
            <button type="submit" className="button" disabled={busy}>
              {t('overview.import.submit')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
