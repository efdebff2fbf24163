/**
 * The options of Raadsmap's one window, as pure data (VS Code keeps these in one factory too).
 * No Electron import at runtime: the unit tests assert every security-relevant preference here.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const WINDOW_TITLE = 'Raadsmap';
export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 480;
/** The renderer's page background, so no white flash appears before the first paint in dark mode. */
export const BACKGROUND_LIGHT = '#ffffff';
export const BACKGROUND_DARK = '#1e1e1e';

export function windowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    // The renderer is a web page: no Node, its own JavaScript world, an OS-sandboxed process.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spellchecker downloads dictionaries from Google; Raadsmap is offline-first.
    spellcheck: false,
    devTools: true,
  };
}

export interface WindowOptionsInput {
  preloadPath: string;
  /** nativeTheme.shouldUseDarkColors at creation time. */
  dark: boolean;
  /** Optional window icon (Linux; Windows and macOS take it from the package). */
  icon?: string;
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1200,
    height: 800,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    backgroundColor: input.dark ? BACKGROUND_DARK : BACKGROUND_LIGHT,
    // Shown on 'ready-to-show', so the user never sees an empty frame.
    show: false,
    autoHideMenuBar: true,
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: windowWebPreferences(input.preloadPath),
  };
}
