import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RaadsmapApi, Settings } from '../../electron/shared/contract';
import { ApiError } from './api';
import { ErrorDialog } from './ErrorDialog';
import { ImportDialog } from './features/import/ImportDialog';
import { LibraryView } from './features/library/LibraryView';
import { ReaderView } from './features/reader/ReaderView';
import { SearchBox } from './features/search/SearchBox';
import { SearchView } from './features/search/SearchView';
import { I18nContext, translator, type Locale } from './i18n';
import { defaultNotes, hrefFor, navigate, useRoute, type PrintParams } from './router';
import { useExportRequests } from './features/export/files';
import { SettingsBar } from './SettingsBar';
import { fromFile, usePackDrop, usePackRequests, useShellOpenFile, type PackSource } from './features/packs/open';

// The notes overview and tag management load on first use: the library and the reader start
// without parsing them.
const NotesView = lazy(() => import('./features/notes/NotesView').then((m) => ({ default: m.NotesView })));
const TagManager = lazy(() => import('./features/tags/TagManager').then((m) => ({ default: m.TagManager })));
// export & backup: loaded on first use as well.
const ExportDialog = lazy(() => import('./features/export/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const PrintView = lazy(() => import('./features/export/PrintView').then((m) => ({ default: m.PrintView })));
const BackupView = lazy(() => import('./features/backup/BackupView').then((m) => ({ default: m.BackupView })));
// packs: the screens and the install dialog load on first use.
const PacksView = lazy(() => import('./features/packs/PacksView').then((m) => ({ default: m.PacksView })));
const UpdateView = lazy(() => import('./features/packs/UpdateView').then((m) => ({ default: m.UpdateView })));
const GriffieView = lazy(() => import('./features/packs/GriffieView').then((m) => ({ default: m.GriffieView })));
const InstallDialog = lazy(() => import('./features/packs/InstallDialog').then((m) => ({ default: m.InstallDialog })));

const DEFAULT_SETTINGS: Settings = { locale: 'nl', fontScale: 100, theme: 'system' };

function isEditable(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || !!el.closest('input, textarea, select'));
}

export function App({ api }: { api: RaadsmapApi }) {
  const route = useRoute();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [exportPreset, setExportPreset] = useState<Partial<PrintParams> | null>(null);
  useExportRequests(setExportPreset);
  const [libraryVersion, setLibraryVersion] = useState(0);
  // The install dialog: closed (null), asking for a file ('pick'), or opening one.
  const [packRequest, setPackRequest] = useState<{ source: PackSource | null; n: number } | null>(null);
  const requestPack = useCallback((source: PackSource | 'pick') => {
    if (document.querySelector('dialog[open]')) return;
    setPackRequest((r) => ({ source: source === 'pick' ? null : source, n: (r?.n ?? 0) + 1 }));
  }, []);
  usePackRequests(requestPack);
  useShellOpenFile(requestPack);
  const onDropFile = useCallback((file: File) => requestPack(fromFile(file)), [requestPack]);
  const dragging = usePackDrop(onDropFile);
  const searchInput = useRef<HTMLInputElement>(null);

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
    if (route.name === 'library') document.title = `${t('library.title')} — Raadsmap`;
    else if (route.name === 'reader') document.title = 'Raadsmap';
  }, [route, t]);

  // The search field is always at hand: Ctrl+K (Cmd+K) from anywhere; `/` in the library when not
  // typing; Ctrl+F outside a letter (in a letter Ctrl+F searches that letter).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const toSearch =
        (mod && !e.altKey && !e.shiftKey && key === 'k') ||
        (mod && !e.altKey && !e.shiftKey && key === 'f' && route.name !== 'reader') ||
        (e.key === '/' && !mod && !e.altKey && route.name === 'library' && !isEditable(e.target));
      if (!toSearch || !searchInput.current) return;
      e.preventDefault();
      searchInput.current.focus();
      searchInput.current.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route.name]);

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
            <a
              href={hrefFor({ name: 'notes', params: defaultNotes() })}
              aria-current={route.name === 'notes' || route.name === 'tags' ? 'page' : undefined}
            >
              {t('nav.notes')}
            </a>
            <a
              href={hrefFor({ name: 'packs' })}
              aria-current={route.name === 'packs' || route.name === 'packUpdate' ? 'page' : undefined}
            >
              {t('nav.packs')}
            </a>
            <a href={hrefFor({ name: 'griffie' })} aria-current={route.name === 'griffie' ? 'page' : undefined}>
              {t('nav.griffie')}
            </a>
            <button type="button" className="button button--secondary" onClick={() => setImportOpen(true)}>
              {t('import.open')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => requestPack('pick')}>
              {t('packs.open')}
            </button>
          </nav>
          <SearchBox api={api} route={route} inputRef={searchInput} version={libraryVersion} />
          <SettingsBar settings={effective} onChange={updateSettings} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'library' ? (
          <LibraryView api={api} onError={fail} version={libraryVersion} tag={route.tag ?? null} />
        ) : route.name === 'search' ? (
          <SearchView api={api} params={route.params} version={libraryVersion} onError={fail} />
        ) : route.name === 'notes' ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <NotesView api={api} params={route.params} onError={fail} />
          </Suspense>
        ) : route.name === 'print' ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <PrintView api={api} params={route.params} onError={fail} />
          </Suspense>
        ) : route.name === 'backup' ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <BackupView api={api} onError={fail} onSettings={setSettings} />
          </Suspense>
        ) : route.name === 'packs' ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <PacksView
              api={api}
              onError={fail}
              version={libraryVersion}
              onChanged={() => setLibraryVersion((v) => v + 1)}
            />
          </Suspense>
        ) : route.name === 'packUpdate' ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <UpdateView key={route.id} api={api} id={route.id} onError={fail} />
          </Suspense>
        ) : route.name === 'griffie' ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <GriffieView api={api} onError={fail} />
          </Suspense>
        ) : route.name === 'tags' ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <TagManager api={api} onError={fail} />
          </Suspense>
        ) : (
          <ReaderView
            key={route.documentId}
            api={api}
            documentId={route.documentId}
            target={route.target}
            query={route.query ?? null}
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
      {packRequest && (
        <Suspense fallback={null}>
          <InstallDialog
            key={packRequest.n}
            api={api}
            source={packRequest.source}
            onClose={() => setPackRequest(null)}
            onInstalled={(summary) => {
              setPackRequest(null);
              setLibraryVersion((v) => v + 1);
              navigate({ name: 'packUpdate', id: summary.id });
            }}
          />
        </Suspense>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
          <div className="drop-overlay__box">
            <p className="drop-overlay__title">{t('packs.drop')}</p>
            <p className="drop-overlay__hint">{t('packs.drop.hint')}</p>
          </div>
        </div>
      )}
      {exportPreset && (
        <Suspense fallback={null}>
          <ExportDialog api={api} preset={exportPreset} onClose={() => setExportPreset(null)} />
        </Suspense>
      )}
      {error && <ErrorDialog error={error} onClose={() => setError(null)} />}
    </I18nContext.Provider>
  );
}
