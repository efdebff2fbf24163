/**
 * A gentle reminder while no second backup folder is chosen (`backup.status` → `reminder`), with a
 * link to the backup page. "Niet nu" hides it for the rest of the session.
 */
import { useEffect, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import { useI18n } from '../../i18n';
import { hrefFor } from '../../router';

const KEY = 'raadsmap.backupReminder.dismissed';

function dismissed(): boolean {
  try {
    return window.sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function BackupReminder({ api }: { api: RaadsmapApi }) {
  const { t } = useI18n();
  const [show, setShow] = useState(false);

  useEffect(() => {
    if (dismissed()) return;
    let live = true;
    // A reminder is a nicety: when the status cannot be read, none is shown.
    api['backup.status']({}).then(
      (s) => {
        if (live) setShow(s.reminder);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (!show) return null;
  return (
    <aside className="backup-reminder" aria-label={t('backup.reminder.region')} data-testid="backup-reminder-banner">
      <div className="backup-reminder__text">
        <p className="backup-reminder__title">{t('backup.reminder.title')}</p>
        <p>{t('backup.reminder')}</p>
      </div>
      <div className="backup-reminder__actions">
        <a className="button button--link" href={hrefFor({ name: 'backup' })}>
          {t('backup.reminder.link')}
        </a>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            try {
              window.sessionStorage.setItem(KEY, '1');
            } catch {
              // Without session storage the reminder hides until the overview is opened again.
            }
            setShow(false);
            // The button is gone: focus goes to the page's title rather than to nowhere.
            document.querySelector<HTMLElement>('main h1')?.focus();
          }}
        >
          {t('backup.reminder.dismiss')}
        </button>
      </div>
    </aside>
  );
}
