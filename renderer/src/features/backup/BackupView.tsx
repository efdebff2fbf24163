/**
 * "Back-up" (`#/back-up`): the automatic backups' state (last one, the second folder, a reminder
 * while none is chosen, the last problem), the second folder as a typed absolute path (a browser
 * cannot show a folder picker), a backup made now and saved as a file, and a backup restored from
 * a file with a report in plain words. A file that cannot be restored changes nothing; the
 * refusal is shown in Dutch and English.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { RaadsmapApi, Result, Settings } from '../../../../electron/shared/contract';
import type { BackupStatus, RestoreReport } from '../../../../electron/shared/export';
import type { Annotation } from '../../../../electron/shared/notes';
import { ApiError } from '../../api';
import { useI18n, type Locale, type Translate } from '../../i18n';
import { defaultNotes, hasNavigated, hrefFor } from '../../router';
import { saveFile, toBase64 } from '../export/files';
import { BilingualError, type Bilingual } from './BilingualError';

/** Largest backup the contract takes (50 MB). */
const MAX_BYTES = 50 * 1024 * 1024;
/** An absolute path: `/…`, `C:\…` or `C:/…`, `\\server\share` (the contract's own check). */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

function bilingual(e: unknown): Bilingual {
  return e instanceof ApiError ? { nl: e.nl, en: e.en } : { nl: String(e), en: String(e) };
}

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(
    date,
  );
}

type Overview = Result<'notes.overview'>;

export function BackupView({
  api,
  onError,
  onSettings,
}: {
  api: RaadsmapApi;
  onError: (e: unknown) => void;
  onSettings: (settings: Settings) => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [folder, setFolder] = useState('');
  const [folderBusy, setFolderBusy] = useState(false);
  const [folderError, setFolderError] = useState<Bilingual | null>(null);
  const [folderDone, setFolderDone] = useState<string | null>(null);
  const [makeBusy, setMakeBusy] = useState(false);
  const [makeError, setMakeError] = useState<Bilingual | null>(null);
  const [made, setMade] = useState<Result<'backup.create'> | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<Bilingual | null>(null);
  const [report, setReport] = useState<{ fileName: string; report: RestoreReport; overview: Overview } | null>(null);

  useEffect(() => {
    document.title = `${t('backup.title')} — Raadsmap`;
  }, [t]);

  const refresh = useCallback(
    () =>
      api['backup.status']({}).then((s) => {
        setStatus(s);
        return s;
      }, onError),
    [api, onError],
  );

  useEffect(() => {
    let live = true;
    api['backup.status']({}).then((s) => {
      if (!live) return;
      setStatus(s);
      setFolder(s.folder ?? '');
    }, onError);
    return () => {
      live = false;
    };
  }, [api, onError]);

  const ready = status !== null;
  useEffect(() => {
    if (ready && hasNavigated()) heading.current?.focus();
  }, [ready]);

  const saveFolder = async (value: string | null) => {
    setFolderError(null);
    setFolderDone(null);
    const path = value?.trim() ?? null;
    if (path !== null && !ABSOLUTE.test(path)) {
      setFolderError({
        nl: `“${path}” is geen volledig pad. Begin met / (Mac, Linux) of met een stationsletter zoals E:\\ (Windows).`,
        en: `“${path}” is not a full path. Start with / (Mac, Linux) or with a drive letter such as E:\\ (Windows).`,
      });
      return;
    }
    setFolderBusy(true);
    try {
      const settings = await api['settings.update']({ backupFolder: path || null });
      onSettings(settings);
      setFolder(settings.backupFolder ?? '');
      setFolderDone(
        settings.backupFolder ? t('backup.folder.saved', { path: settings.backupFolder }) : t('backup.folder.cleared'),
      );
      await refresh();
    } catch (e) {
      setFolderError(bilingual(e));
    } finally {
      setFolderBusy(false);
    }
  };

  const makeBackup = async () => {
    setMakeError(null);
    setMade(null);
    setMakeBusy(true);
    try {
      const result = await api['backup.create']({});
      saveFile(result.fileName, 'application/vnd.sqlite3', result.dataBase64);
      setMade(result);
    } catch (e) {
      setMakeError(bilingual(e));
    } finally {
      setMakeBusy(false);
    }
  };

  const restore = async (event: React.FormEvent) => {
    event.preventDefault();
    setRestoreError(null);
    setReport(null);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setRestoreError({ nl: 'Kies eerst een back-upbestand.', en: 'Choose a backup file first.' });
      return;
    }
    if (file.size > MAX_BYTES) {
      const mb = (file.size / 1024 / 1024).toFixed(1);
      setRestoreError({
        nl: `“${file.name}” is te groot (${mb} MB); een back-up mag hier hoogstens 50 MB zijn.`,
        en: `“${file.name}” is too large (${mb} MB); a backup may be at most 50 MB here.`,
      });
      return;
    }
    setRestoreBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (bytes.length === 0)
        throw new ApiError('backup-invalid', `“${file.name}” is leeg.`, `“${file.name}” is empty.`);
      const result = await api['backup.restore']({ fileName: file.name, dataBase64: toBase64(bytes) });
      const overview = await api['notes.overview']({});
      setReport({ fileName: file.name, report: result, overview });
      if (fileInput.current) fileInput.current.value = '';
    } catch (e) {
      setRestoreError(bilingual(e));
    } finally {
      setRestoreBusy(false);
    }
  };

  return (
    <div className="page page--backup" data-testid={status ? 'backup-ready' : 'backup-loading'}>
      <h1 ref={heading} tabIndex={-1}>
        {t('backup.title')}
      </h1>
      <p className="lead">{t('backup.intro')}</p>

      <section className="backup-section" aria-labelledby={`${id}-status`}>
        <h2 id={`${id}-status`}>{t('backup.status.title')}</h2>
        {!status ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <>
            <dl className="backup-facts">
              <div>
                <dt>{t('backup.status.last')}</dt>
                <dd data-testid="backup-last">
                  {status.last
                    ? t('backup.status.lastValue', {
                        date: formatDateTime(status.last.createdAt, locale),
                        file: status.last.fileName,
                      })
                    : t('backup.status.none')}
                </dd>
              </div>
              <div>
                <dt>{t('backup.status.folder')}</dt>
                <dd data-testid="backup-folder">{status.folder ?? t('backup.status.folder.none')}</dd>
              </div>
            </dl>
            {status.reminder && (
              <div className="alert alert--warning" data-testid="backup-reminder">
                <p className="alert__title">{t('backup.reminder.title')}</p>
                <p>{t('backup.reminder')}</p>
              </div>
            )}
            {status.error && <BilingualError title={t('backup.error.title')} error={status.error} />}
          </>
        )}
      </section>

      <section className="backup-section" aria-labelledby={`${id}-folder-title`}>
        <h2 id={`${id}-folder-title`}>{t('backup.folder.title')}</h2>
        <form
          className="backup-folder"
          onSubmit={(e) => {
            e.preventDefault();
            void saveFolder(folder);
          }}
        >
          <label className="field-label" htmlFor={`${id}-folder`}>
            {t('backup.folder.label')}
          </label>
          <p className="field-hint" id={`${id}-folder-hint`}>
            {t('backup.folder.hint')}
          </p>
          <input
            id={`${id}-folder`}
            className="text-input backup-folder__input"
            type="text"
            value={folder}
            spellCheck={false}
            autoComplete="off"
            maxLength={4096}
            aria-describedby={`${id}-folder-hint`}
            aria-invalid={folderError ? true : undefined}
            disabled={folderBusy}
            onChange={(e) => {
              setFolder(e.target.value);
              setFolderDone(null);
            }}
          />
          <div className="backup-actions">
            <button type="submit" className="button" disabled={folderBusy || folder.trim() === ''}>
              {t('backup.folder.save')}
            </button>
            {status?.folder && (
              <button
                type="button"
                className="button button--secondary"
                disabled={folderBusy}
                onClick={() => void saveFolder(null)}
              >
                {t('backup.folder.clear')}
              </button>
            )}
          </div>
          {folderError && <BilingualError title={t('backup.folder.failed')} error={folderError} />}
          <div role="status">{folderDone && <p className="backup-done">{folderDone}</p>}</div>
        </form>
      </section>

      <section className="backup-section" aria-labelledby={`${id}-make`}>
        <h2 id={`${id}-make`}>{t('backup.make.title')}</h2>
        <p>{t('backup.make.hint')}</p>
        <button type="button" className="button" onClick={() => void makeBackup()} disabled={makeBusy}>
          {t('backup.make.button')}
        </button>
        {makeError && <BilingualError title={t('backup.make.failed')} error={makeError} />}
        <div role="status">
          {makeBusy ? (
            <p>{t('backup.make.busy')}</p>
          ) : made ? (
            <p className="backup-done" data-testid="backup-made">
              {t('backup.make.done', {
                file: made.fileName,
                counts: t('backup.counts', {
                  annotations: made.info.counts.annotations,
                  positions: made.info.counts.positions,
                  tags: made.info.counts.tags,
                }),
              })}{' '}
              {t('export.done.where')}
            </p>
          ) : null}
        </div>
      </section>

      <section className="backup-section" aria-labelledby={`${id}-restore`}>
        <h2 id={`${id}-restore`}>{t('backup.restore.title')}</h2>
        <form onSubmit={restore}>
          <p id={`${id}-restore-hint`}>{t('backup.restore.hint')}</p>
          <label className="field-label" htmlFor={`${id}-file`}>
            {t('backup.restore.file')}
          </label>
          <input
            id={`${id}-file`}
            ref={fileInput}
            type="file"
            accept=".rmbackup"
            aria-describedby={`${id}-restore-hint`}
            disabled={restoreBusy}
            onChange={() => {
              setRestoreError(null);
              setReport(null);
            }}
          />
          <div className="backup-actions">
            <button type="submit" className="button" disabled={restoreBusy}>
              {t('backup.restore.button')}
            </button>
          </div>
          {restoreError && (
            <BilingualError title={t('backup.restore.failed')} error={restoreError}>
              {/* The app's own refusals say it already; a problem before the call does not. */}
              {!/niets gewijzigd/i.test(restoreError.nl) && <p>{t('backup.restore.nothingChanged')}</p>}
            </BilingualError>
          )}
          <div role="status">{restoreBusy && <p>{t('backup.restore.busy')}</p>}</div>
        </form>
        {report && <RestoreReportView fileName={report.fileName} report={report.report} overview={report.overview} />}
      </section>
    </div>
  );
}

function counts(t: Translate, parts: Array<[key: Parameters<Translate>[0], n: number]>): string {
  return parts
    .filter(([, n]) => n > 0)
    .map(([key, n]) => t(key, { n }))
    .join(', ');
}

function RestoreReportView({
  fileName,
  report,
  overview,
}: {
  fileName: string;
  report: RestoreReport;
  overview: Overview;
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const a = report.annotations;
  const p = report.positions;
  const annotations = new Map<string, Annotation & { documentTitle: string }>(
    overview.annotations.map((x) => [x.id, x]),
  );
  const titles = new Map<string, string>([
    ...overview.annotations.map((x) => [x.documentId, x.documentTitle] as const),
    ...overview.positions.map((x) => [x.documentId, x.documentTitle] as const),
  ]);
  const none = t('backup.report.none');
  const line = (text: string) => text || none;
  const describe = (k: RestoreReport['keptNewer'][number]): string => {
    if (k.kind === 'color')
      return t('backup.report.keptNewer.color', { id: k.id, local: k.local ?? '', backup: k.backup ?? '' });
    const letter = k.documentId ? (titles.get(k.documentId) ?? k.documentId) : '';
    if (k.kind === 'position') {
      const label = k.id.slice(k.id.lastIndexOf('/') + 1);
      return t('backup.report.keptNewer.position', { label, letter });
    }
    const found = annotations.get(k.id);
    if (!found) return t('backup.report.keptNewer.annotationUnknown', { id: k.id });
    const quote = found.quote.exact.length > 80 ? `${found.quote.exact.slice(0, 79)}…` : found.quote.exact;
    return t('backup.report.keptNewer.annotation', { quote, letter });
  };
  return (
    <div
      className="alert alert--success backup-report"
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby="backup-report-title"
      data-testid="backup-report"
    >
      <h3 id="backup-report-title">{t('backup.report.title')}</h3>
      <p>
        {t('backup.report.from', {
          file: fileName,
          date: formatDateTime(report.backup.createdAt, locale),
          version: report.backup.appVersion,
        })}
      </p>
      <dl className="backup-facts">
        <div>
          <dt>{t('backup.report.annotations')}</dt>
          <dd>
            {line(
              counts(t, [
                ['backup.report.added', a.added],
                ['backup.report.updated', a.updated],
                ['backup.report.deleted', a.deleted],
                ['backup.report.kept', a.kept],
                ['backup.report.unchanged', a.unchanged],
              ]),
            )}
          </dd>
        </div>
        <div>
          <dt>{t('backup.report.positions')}</dt>
          <dd>
            {line(
              counts(t, [
                ['backup.report.added', p.added],
                ['backup.report.updated', p.updated],
                ['backup.report.kept', p.kept],
                ['backup.report.unchanged', p.unchanged],
              ]),
            )}
          </dd>
        </div>
        <div>
          <dt>{t('backup.report.tags')}</dt>
          <dd>
            {line(
              counts(t, [
                ['backup.report.added', report.tags.added],
                ['backup.report.matched', report.tags.matched],
              ]),
            )}
          </dd>
        </div>
      </dl>
      {report.keptNewer.length > 0 && (
        <>
          <h4>{t('backup.report.keptNewer')}</h4>
          <p>{t('backup.report.keptNewer.hint')}</p>
          <ul data-testid="backup-kept">
            {report.keptNewer.map((k) => (
              <li key={`${k.kind}-${k.id}`}>
                {describe(k)}
                {k.kind !== 'color' && k.local && (
                  <span className="muted">
                    {' '}
                    — {t('backup.report.keptNewer.when', { date: formatDateTime(k.local, locale) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.waitingForLetters.length > 0 && (
        <>
          <h4>{t('backup.report.waiting')}</h4>
          <p>{t('backup.report.waiting.hint')}</p>
          <ul data-testid="backup-waiting">
            {report.waitingForLetters.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      {report.safetyBackup && (
        <p className="backup-safety">{t('backup.report.safety', { path: report.safetyBackup })}</p>
      )}
      <p>
        <a href={hrefFor({ name: 'notes', params: defaultNotes() })}>{t('backup.report.toNotes')}</a>
      </p>
    </div>
  );
}
