import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RaadsmapApi, Settings } from '../../electron/shared/contract';
import { ApiError } from './api';
import { ErrorDialog } from './ErrorDialog';
import { ImportDialog } from './features/import/ImportDialog';
import { LibraryView } from './features/library/LibraryView';
import { ReaderView } from './features/reader/ReaderView';
import { I18nContext, translator, type Locale } from './i18n';
import { hrefFor, navigate, useRoute } from './router';
import { SettingsBar } from './SettingsBar';

const DEFAULT_SETTINGS: Settings = { locale: 'nl', fontScale: 100, theme: 'system' };

export function App({ api }: { api: RaadsmapApi }) {
  const route = useRoute();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [libraryVersion, setLibraryVersion] = useState(0);

  const fail = useCallback((e: unknown) => {
    setError(e instanceof ApiError ? e : new ApiError('internal', String(e), String(e)));
  }, []);

  useEffect(() => {
    api['settings.get']({}).then(setSettings, (e: unknown) => {
      setSettings(DEFAULT_SETTINGS);
      fail(e);
    });
  }, [api, fail]);

  const effective = settings ?? DEFAULT_SETTINGS;
  useEffect(() => {
    const root = document.documentElement;
    root.lang = effective.locale;
    root.dataset.theme = effective.theme;
    root.style.setProperty('--font-scale', String(effective.fontScale / 100));
  }, [effective.locale, effective.theme, effective.fontScale]);

  const updateSettings = useCallback(
    (patch: Partial<Settings>) => {
      setSettings((s) => ({ ...(s ?? DEFAULT_SETTINGS), ...patch }));
      api['settings.update'](patch).then(setSettings, fail);
    },
    [api, fail],
  );

  const i18n = useMemo(
    () => ({ locale: effective.locale as Locale, t: translator(effective.locale) }),
    [effective.locale],
  );
  const { t } = i18n;

  useEffect(() => {
    document.title = route.name === 'library' ? `${t('library.title')} — Raadsmap` : 'Raadsmap';
  }, [route, t]);

  if (!settings) {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="brand" href={hrefFor({ name: 'library' })}>
            <span className="brand__mark" aria-hidden="true">
              R
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </a>
          <nav aria-label={t('nav.main')} className="main-nav">
            <a href={hrefFor({ name: 'library' })} aria-current={route.name === 'library' ? 'page' : undefined}>
              {t('nav.library')}
            </a>
            <button type="button" className="button button--secondary" onClick={() => setImportOpen(true)}>
              {t('import.open')}
            </button>
          </nav>
          <SettingsBar settings={effective} onChange={updateSettings} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'library' ? (
          <LibraryView api={api} onError={fail} version={libraryVersion} />
        ) : (
          <ReaderView
            key={route.documentId}
            api={api}
            documentId={route.documentId}
            target={route.target}
            onError={fail}
          />
        )}
      </main>
      {importOpen && (
        <ImportDialog
          api={api}
          onClose={() => setImportOpen(false)}
          onImported={(documentId) => {
            setImportOpen(false);
            setLibraryVersion((v) => v + 1);
            navigate({ name: 'reader', documentId, target: null });
          }}
        />
      )}
      {error && <ErrorDialog error={error} onClose={() => setError(null)} />}
    </I18nContext.Provider>
  );
}
