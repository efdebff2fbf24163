/** Where Raadsmap keeps its data and finds its bundled resources. No Electron import: the CLI uses it too. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Raadsmap';

/**
 * The per-user data folder: `--data DIR`, else `RAADSMAP_DATA`, else the OS app-data path
 * (the same folder Electron's `app.getPath('userData')` gives for productName Raadsmap).
 */
export function resolveDataDir(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (explicit) return resolve(explicit);
  if (env.RAADSMAP_DATA) return resolve(env.RAADSMAP_DATA);
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}

/**
 * The bundled `resources/` folder: `RAADSMAP_RESOURCES`, else next to the built code
 * (dist/…/../resources in a checkout, `process.resourcesPath/resources` when packaged).
 */
export function resolveResourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RAADSMAP_RESOURCES) return resolve(env.RAADSMAP_RESOURCES);
  const candidates = [
    join(__dirname, '..', 'resources'),
    join(__dirname, '..', '..', 'resources'),
    join(__dirname, '..', '..', '..', 'resources'),
  ];
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.unshift(join(packaged, 'resources'));
  return candidates.find((c) => existsSync(join(c, 'default-content', 'pack.json'))) ?? candidates[0]!;
}
