/**
 * Installing a pack: first what it holds and what installing would change (`packs.inspect`), with
 * the signature in plain words; a new publisher key shown as a fingerprint to compare before the
 * user trusts it; an unsigned pack only after a warning; the same or an older version refused.
 * While installing a progress bar follows `packs.progress`; afterwards the app shows the update.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { InstallProgress, PackPreview, PackUpdateSummary } from '../../../../electron/shared/packs';
import { ApiError } from '../../api';
import { formatDate, useI18n, type MessageKey } from '../../i18n';
import { BilingualError, type Bilingual } from '../backup/BilingualError';
import { Fingerprint } from './Fingerprint';
import { MeetingFacts } from './meeting';
import { fromFile, MAX_PACK_BYTES, PACK_EXTENSION, type PackSource } from './open';

const POLL_MS = 150;
/** Where each phase starts and ends on the bar (percent). */
const PHASES = { verify: [0, 10], read: [10, 30], install: [30, 70], reanchor: [70, 100], done: [100, 100] } as const;

type State =
  | { step: 'pick' }
  | { step: 'reading'; fileName: string }
  | { step: 'refused'; fileName: string; error: Bilingual; code: string }
  | { step: 'preview'; fileName: string; data: string; preview: PackPreview }
  | { step: 'installing'; fileName: string; data: string; preview: PackPreview; progress: InstallProgress }
  | { step: 'failed'; fileName: string; data: string; preview: PackPreview; error: Bilingual };

function bilingual(e: unknown): Bilingual & { code: string } {
  return e instanceof ApiError
    ? { nl: e.nl, en: e.en, code: e.code }
    : { nl: String(e), en: String(e), code: 'internal' };
}

function percent(progress: InstallProgress): number {
  if (!progress) return 0;
  const [from, to] = PHASES[progress.phase];
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return Math.round(from + (to - from) * share);
}

export function InstallDialog({
  api,
  source,
  onClose,
  onInstalled,
}: {
  api: RaadsmapApi;
  /** The file to open, or null to ask for one first. */
  source: PackSource | null;
  onClose: () => void;
  onInstalled: (summary: PackUpdateSummary) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const progressRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>(source ? { step: 'reading', fileName: source.fileName } : { step: 'pick' });
  const inputId = useId();
  const helpId = useId();
  const busy = state.step === 'reading' || state.step === 'installing';

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const open = useCallback(
    async (file: PackSource) => {
      setState({ step: 'reading', fileName: file.fileName });
      if (!PACK_EXTENSION.test(file.fileName)) {
        setState({
          step: 'refused',
          fileName: file.fileName,
          code: 'unsupported-format',
          error: {
            nl: `“${file.fileName}” is geen Raadsmap-pakket. Een pakket eindigt op .raadsmap.`,
            en: `“${file.fileName}” is not a Raadsmap pack. A pack ends in .raadsmap.`,
          },
        });
        return;
      }
      if (file.size !== null && file.size > MAX_PACK_BYTES) {
        const mb = (file.size / 1024 / 1024).toFixed(1);
        setState({
          step: 'refused',
          fileName: file.fileName,
          code: 'pack-invalid',
          error: {
            nl: `“${file.fileName}” is te groot (${mb} MB); een pakket mag hoogstens 100 MB zijn.`,
            en: `“${file.fileName}” is too large (${mb} MB); a pack may be at most 100 MB.`,
          },
        });
        return;
      }
      try {
        const data = await file.read();
        const preview = await api['packs.inspect']({ fileName: file.fileName, dataBase64: data });
        setState({ step: 'preview', fileName: file.fileName, data, preview });
      } catch (e) {
        const { code, ...error } = bilingual(e);
        setState({ step: 'refused', fileName: file.fileName, code, error });
      }
    },
    [api],
  );

  useEffect(() => {
    // After this render (the dialog shows "reading" at once), then the file is read and inspected.
    if (source) void Promise.resolve().then(() => open(source));
  }, [source, open]);

  // A new step: focus its heading, so a screen reader reads what the dialog now says.
  const step = state.step;
  useEffect(() => {
    // While installing, the button that started it is gone: focus stays in the dialog, on the bar.
    if (step === 'installing') progressRef.current?.focus();
    else if (step !== 'pick' && step !== 'reading') heading.current?.focus();
  }, [step]);

  const install = async (options: { trustFingerprint?: string; allowUnsigned?: boolean }) => {
    if (state.step !== 'preview' && state.step !== 'failed') return;
    const { fileName, data, preview } = state;
    setState({ step: 'installing', fileName, data, preview, progress: null });
    let running = true;
    const poll = async () => {
      while (running) {
        await new Promise((r) => window.setTimeout(r, POLL_MS));
        if (!running) break;
        try {
          const progress = await api['packs.progress']({});
          if (running && progress) {
            setState((s) => (s.step === 'installing' ? { ...s, progress } : s));
          }
        } catch {
          // The bar is a courtesy: the install's own answer decides.
        }
      }
    };
    void poll();
    try {
      const summary = await api['packs.install']({ fileName, dataBase64: data, ...options });
      running = false;
      setState((s) => (s.step === 'installing' ? { ...s, progress: { phase: 'done', done: 1, total: 1 } } : s));
      onInstalled(summary);
    } catch (e) {
      running = false;
      const { code: _code, ...error } = bilingual(e);
      setState({ step: 'failed', fileName, data, preview, error });
    }
  };

  const close = () => {
    if (!busy) ref.current?.close();
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--pack"
      aria-labelledby="install-title"
      onClose={onClose}
      onCancel={(e) => {
        if (busy) e.preventDefault();
      }}
      data-testid="install-dialog"
    >
      <h2 id="install-title" ref={heading} tabIndex={-1}>
        {t('install.title')}
      </h2>
      {state.step === 'installing' && (
        <div className="install-progress" ref={progressRef} tabIndex={-1}>
          <p className="field-label" id="install-progress-label">
            {t('install.progress')}
          </p>
          <div
            className="progress-bar progress-bar--install"
            role="progressbar"
            aria-labelledby="install-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent(state.progress)}
            aria-valuetext={phaseText(state.progress, t)}
          >
            <div className="progress-bar__fill" style={{ width: `${percent(state.progress)}%` }} />
          </div>
          <p className="install-progress__phase" aria-live="polite">
            {phaseText(state.progress, t)}
          </p>
        </div>
      )}
      {state.step === 'pick' && (
        <>
          <p id={helpId}>{t('install.help')}</p>
          <label htmlFor={inputId} className="field-label">
            {t('install.choose')}
          </label>
          <input
            id={inputId}
            type="file"
            accept=".raadsmap"
            aria-describedby={helpId}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void open(fromFile(file));
            }}
          />
        </>
      )}
      {state.step === 'reading' && (
        <p role="status" className="install-status">
          {t('install.reading', { name: state.fileName })}
        </p>
      )}
      {state.step === 'refused' && (
        <BilingualError
          title={state.code === 'pack-signature-invalid' ? t('install.sig.invalid.title') : t('install.cantOpen')}
          error={state.error}
        >
          <p>{t('install.nothing')}</p>
        </BilingualError>
      )}
      {(state.step === 'preview' || state.step === 'installing' || state.step === 'failed') && (
        <PreviewBody preview={state.preview} fileName={state.fileName} />
      )}
      {state.step === 'failed' && (
        <BilingualError title={t('install.failed')} error={state.error}>
          <p>{t('install.nothing')}</p>
        </BilingualError>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={close} disabled={busy}>
          {state.step === 'preview' &&
          state.preview.verdict !== 'same' &&
          state.preview.verdict !== 'older' &&
          !state.preview.blocked &&
          state.preview.signature.state !== 'invalid'
            ? t('install.cancel')
            : t('install.close')}
        </button>
        {state.step === 'preview' && <InstallButton preview={state.preview} onInstall={install} />}
      </div>
      <p className="visually-hidden" role="status">
        {state.step === 'preview' ? t('install.ready', { title: state.preview.title }) : ''}
      </p>
    </dialog>
  );
}

function phaseText(progress: InstallProgress, t: ReturnType<typeof useI18n>['t']): string {
  if (!progress) return t('install.phase.start');
  const phase = t(`install.phase.${progress.phase}` as MessageKey);
  return progress.total > 1 && progress.phase !== 'done'
    ? t('install.phase.count', { phase, done: progress.done, total: progress.total })
    : phase;
}

function InstallButton({
  preview,
  onInstall,
}: {
  preview: PackPreview;
  onInstall: (options: { trustFingerprint?: string; allowUnsigned?: boolean }) => void;
}) {
  const { t } = useI18n();
  if (preview.verdict === 'same' || preview.verdict === 'older' || preview.blocked) return null;
  const sig = preview.signature;
  if (sig.state === 'invalid') return null;
  if (sig.state === 'unsigned') {
    return (
      <button type="button" className="button button--danger" onClick={() => onInstall({ allowUnsigned: true })}>
        {t('install.unsigned')}
      </button>
    );
  }
  if (!sig.trusted && sig.fingerprint) {
    const fingerprint = sig.fingerprint;
    return (
      <button type="button" className="button" onClick={() => onInstall({ trustFingerprint: fingerprint })}>
        {t('install.trust')}
      </button>
    );
  }
  return (
    <button type="button" className="button" onClick={() => onInstall({})}>
      {preview.verdict === 'update' ? t('install.submit.update') : t('install.submit')}
    </button>
  );
}

function PreviewBody({ preview, fileName }: { preview: PackPreview; fileName: string }) {
  const { t, locale } = useI18n();
  const { added, changed, removed } = preview.changes;
  const sig = preview.signature;
  return (
    <div className="pack-preview" data-testid="pack-preview">
      <p className="pack-preview__title" lang="nl">
        {preview.title}
      </p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('packs.version')}</dt>
          <dd data-testid="preview-version">
            {preview.installedVersion !== null
              ? t('install.versionChange', { from: preview.installedVersion, to: preview.version })
              : t('install.versionNew', { to: preview.version })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('packs.publisher')}</dt>
          <dd lang="nl">{preview.publisher ?? '—'}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('packs.issued')}</dt>
          <dd>{preview.issued ? formatDate(preview.issued, locale) : '—'}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('install.file')}</dt>
          <dd className="facts__file">{fileName}</dd>
        </div>
      </dl>
      <MeetingFacts meeting={preview.meeting} variant="banner" />
      {preview.verdict === 'same' && (
        <div className="alert alert--info" role="note">
          <p className="alert__title">{t('install.same.title')}</p>
          <p>{t('install.same', { version: preview.version })}</p>
        </div>
      )}
      {preview.verdict === 'older' && (
        <div className="alert alert--info" role="note">
          <p className="alert__title">{t('install.older.title')}</p>
          <p>{t('install.older', { version: preview.version, installed: preview.installedVersion ?? '?' })}</p>
        </div>
      )}
      {preview.blocked && (
        <div className="alert alert--warning" role="note" data-testid="install-blocked">
          <p className="alert__title">{t('install.blocked.title')}</p>
          <p lang="nl">{preview.blocked.nl}</p>
          <p lang="en">{preview.blocked.en}</p>
        </div>
      )}
      {preview.verdict !== 'same' && preview.verdict !== 'older' && (
        <>
          <h3 className="pack-preview__heading">{t('install.letters')}</h3>
          <p>
            {t(preview.documents.length === 1 ? 'install.letters.summary.one' : 'install.letters.summary', {
              total: preview.documents.length,
              added: added.length,
              changed: changed.length,
              removed: removed.length,
            })}
          </p>
          <DocList label={t('install.added')} docs={added} />
          <DocList label={t('install.changed')} docs={changed} />
          <DocList label={t('install.removed')} docs={removed} />
          {preview.changelog && (
            <>
              <h3 className="pack-preview__heading">{t('install.changelog')}</h3>
              <p className="pack-preview__changelog" lang="nl">
                {preview.changelog}
              </p>
            </>
          )}
          <h3 className="pack-preview__heading">{t('install.sig.title')}</h3>
          {sig.state === 'valid' && sig.trusted && (
            <div className="alert alert--success" data-testid="signature">
              <p className="alert__title">{t('install.sig.trusted.title')}</p>
              <p>{t('install.sig.trusted')}</p>
              {sig.fingerprint && <Fingerprint value={sig.fingerprint} />}
            </div>
          )}
          {sig.state === 'valid' && !sig.trusted && (
            <div className="alert alert--warning" data-testid="signature">
              <p className="alert__title">{t('install.sig.untrusted.title')}</p>
              <p>{t('install.sig.untrusted')}</p>
              {sig.fingerprint && (
                <p className="fingerprint-box">
                  <span className="fingerprint-box__label">{t('packs.fingerprint')}</span>
                  <Fingerprint value={sig.fingerprint} label={false} />
                </p>
              )}
              <p>{t('install.sig.untrusted.after')}</p>
            </div>
          )}
          {sig.state === 'unsigned' && (
            <div className="alert alert--warning" data-testid="signature">
              <p className="alert__title">{t('install.sig.unsigned.title')}</p>
              <p>{t('install.sig.unsigned')}</p>
            </div>
          )}
          {sig.state === 'invalid' && (
            <div className="alert alert--error" data-testid="signature">
              <p className="alert__title">{t('install.sig.invalid.title')}</p>
              <p>{t('install.sig.invalid')}</p>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function DocList({ label, docs }: { label: string; docs: Array<{ id: string; title: string }> }) {
  if (docs.length === 0) return null;
  return (
    <div className="pack-preview__docs">
      <p className="pack-preview__docs-label">
        {label} ({docs.length})
      </p>
      <ul>
        {docs.map((d) => (
          <li key={d.id} lang="nl">
            {d.title}
          </li>
        ))}
      </ul>
    </div>
  );
}
