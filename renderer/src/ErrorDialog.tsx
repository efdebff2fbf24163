import { useEffect, useRef } from 'react';
import type { ApiError } from './api';
import { useI18n } from './i18n';

/** A modal message in the user's language, with the other language below it. */
export function ErrorDialog({ error, onClose }: { error: ApiError; onClose: () => void }) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const primary = locale === 'nl' ? error.nl : error.en;
  const secondary = locale === 'nl' ? error.en : error.nl;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="error-title" onClose={onClose} role="alertdialog">
      <h2 id="error-title">{t('error.title')}</h2>
      <p>{primary}</p>
      <p className="muted" lang={locale === 'nl' ? 'en' : 'nl'}>
        <span className="visually-hidden">{t('error.otherLanguage')}: </span>
        {secondary}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => ref.current?.close()} autoFocus>
          {t('error.close')}
        </button>
      </div>
    </dialog>
  );
}
