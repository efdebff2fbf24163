import { useEffect, useId, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';

const MAX_BYTES = 50 * 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** "Brief importeren…": choose a letter (.txt, .md, .pdf, .html, .docx); a refusal is shown in Dutch and English. */
export function ImportDialog({
  api,
  onClose,
  onImported,
}: {
  api: RaadsmapApi;
  onClose: () => void;
  onImported: (documentId: string) => void;
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ nl: string; en: string } | null>(null);
  const inputId = useId();
  const helpId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

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
        nl: `"${file.name}" is te groot (${mb} MB); een brief mag hoogstens 50 MB zijn.`,
        en: `"${file.name}" is too large (${mb} MB); a letter may be at most 50 MB.`,
      });
      return;
    }
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await api['letters.import']({ fileName: file.name, dataBase64: toBase64(bytes) });
      onImported(result.documentId);
    } catch (e) {
      setError(e instanceof ApiError ? { nl: e.nl, en: e.en } : { nl: String(e), en: String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="import-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="import-title">{t('import.title')}</h2>
        <p id={helpId}>{t('import.help')}</p>
        <label htmlFor={inputId} className="field-label">
          {t('import.file')}
        </label>
        <input
          id={inputId}
          ref={fileInput}
          type="file"
          accept=".txt,.md,.markdown,.pdf,.html,.htm,.docx,text/plain,text/markdown,application/pdf,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-describedby={helpId}
          disabled={busy}
        />
        {error && (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">{t('import.failed')}</p>
            <p>{locale === 'nl' ? error.nl : error.en}</p>
            <p className="muted" lang={locale === 'nl' ? 'en' : 'nl'}>
              {locale === 'nl' ? error.en : error.nl}
            </p>
            <p>{t('import.nothingChanged')}</p>
          </div>
        )}
        {busy && <p role="status">{t('import.busy')}</p>}
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => ref.current?.close()}
            disabled={busy}
          >
            {t('import.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy}>
            {t('import.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
