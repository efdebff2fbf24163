/**
 * The one window factory. Every BrowserWindow Raadsmap opens is made here, with the options from
 * window-options.ts, and is remembered so IPC can refuse any webContents we did not create.
 */
import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { BACKGROUND_DARK, BACKGROUND_LIGHT, windowOptions } from './window-options';

const ourWebContents = new Set<number>();

/** True when the webContents id belongs to a window this factory created and that is still open. */
export function isOurWebContents(id: number): boolean {
  return ourWebContents.has(id);
}

export interface CreateWindowOptions {
  preloadPath: string;
  icon?: string;
}

export function createMainWindow(options: CreateWindowOptions): BrowserWindow {
  const win = new BrowserWindow(
    windowOptions({
      preloadPath: options.preloadPath,
      dark: nativeTheme.shouldUseDarkColors,
      ...(options.icon ? { icon: options.icon } : {}),
    }),
  );
  const id = win.webContents.id;
  ourWebContents.add(id);

  const followTheme = () => {
    if (!win.isDestroyed())
      win.setBackgroundColor(nativeTheme.shouldUseDarkColors ? BACKGROUND_DARK : BACKGROUND_LIGHT);
  };
  nativeTheme.on('updated', followTheme);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    ourWebContents.delete(id);
    nativeTheme.off('updated', followTheme);
  });

  void win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    process.stderr.write(`raadsmap: could not load ${APP_ENTRY_URL}: ${String(error)}\n`);
  });
  return win;
}
