/**
 * Which better-sqlite3 binary Electron main loads. No Electron import: main passes in
 * `app.isPackaged` and `process.versions.electron`, and the unit tests can too.
 *
 * node_modules/better-sqlite3 keeps its Node-ABI build, so `npm test` and the CLI run under Node.
 * - Packaged: electron-builder rebuilt node_modules for Electron (npmRebuild), use the default.
 * - Development (`npm start`): use `.cache/electron-native/<electron version>/better_sqlite3.node`,
 *   built for Electron's ABI by scripts/electron-native.mjs, as better-sqlite3's `nativeBinding`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type NativeBinding =
  { kind: 'default' } | { kind: 'binding'; path: string } | { kind: 'missing'; path: string; nl: string; en: string };

export function electronNativeBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, '.cache', 'electron-native', electronVersion, 'better_sqlite3.node');
}

export interface NativeBindingInput {
  isPackaged: boolean;
  electronVersion: string;
  /** The checkout's root folder (dist/electron/../..). */
  appRoot: string;
  exists?: (file: string) => boolean;
}

export function resolveNativeBinding(input: NativeBindingInput): NativeBinding {
  if (input.isPackaged) return { kind: 'default' };
  const path = electronNativeBindingPath(input.appRoot, input.electronVersion);
  if ((input.exists ?? existsSync)(path)) return { kind: 'binding', path };
  return {
    kind: 'missing',
    path,
    nl:
      `SQLite voor Electron ${input.electronVersion} ontbreekt (${path}). ` +
      'Start Raadsmap met `npm start`, dat deze bouwt, of voer `node scripts/electron-native.mjs` uit.',
    en:
      `SQLite for Electron ${input.electronVersion} is missing (${path}). ` +
      'Start Raadsmap with `npm start`, which builds it, or run `node scripts/electron-native.mjs`.',
  };
}
