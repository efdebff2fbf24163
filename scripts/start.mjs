// `npm start [-- --data DIR]`: starts the Raadsmap desktop app from this checkout.
//
// 1. Finds the Electron program without downloading anything (`require('electron')` would try).
//    Missing: explains in Dutch and English how to get it, and that `npm run serve` works now. Exit 1.
// 2. Builds dist/ when it is missing or older than the sources (~2 s).
// 3. Makes sure SQLite is built for Electron's ABI (scripts/electron-native.mjs, once per Electron version).
// 4. Runs Electron on dist/electron/main.cjs, passing our arguments through.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureElectronNative, electronVersion, locateElectron, NativeBuildError, ROOT } from './electron-native.mjs';

const MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');
const OUTPUTS = [MAIN, join(ROOT, 'dist', 'electron', 'preload.cjs'), join(ROOT, 'dist', 'renderer', 'index.html')];
const SOURCES = ['electron', 'renderer', 'scripts/build.mjs', 'vite.config.ts', 'package.json'];

function say(text) {
  process.stderr.write(`${text}\n`);
}

function noElectronMessage(reason) {
  let version = '?';
  try {
    version = electronVersion();
  } catch {
    // node_modules/electron itself is missing; the message below covers it.
  }
  return [
    'Raadsmap: het programma Electron is niet geïnstalleerd op deze computer.',
    `  Electron ${version} kon bij \`npm install\` niet worden gedownload (geen internet?).`,
    `  (${reason})`,
    '  Op een computer met internet: voer `npx install-electron` uit in deze map,',
    '  of verwijder node_modules/electron en voer `npm install` opnieuw uit.',
    '  Een Electron die u al heeft, kunt u aanwijzen met ELECTRON_OVERRIDE_DIST_PATH=<map>.',
    '  Zonder Electron start `npm run serve` Raadsmap in de browser, met dezelfde gegevens.',
    '',
    'Raadsmap: the Electron program is not installed on this machine.',
    `  Electron ${version} could not be downloaded during \`npm install\` (no internet?).`,
    `  (${reason})`,
    '  On a machine with internet access: run `npx install-electron` in this folder,',
    '  or delete node_modules/electron and run `npm install` again.',
    '  To use an Electron you already have, set ELECTRON_OVERRIDE_DIST_PATH=<folder>.',
    '  Without Electron, `npm run serve` starts Raadsmap in the browser, with the same data.',
  ].join('\n');
}

/** Newest modification time below `path` (a file or a folder), in ms. */
function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIsStale() {
  if (!OUTPUTS.every((file) => existsSync(file))) return true;
  const built = Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs));
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built);
}

function main() {
  const electron = locateElectron();
  if (!electron.path) {
    say(noElectronMessage(electron.reason));
    return 1;
  }

  if (buildIsStale()) {
    say('Raadsmap: bouwen… / building…');
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      say('Raadsmap: het bouwen is mislukt (zie hierboven). / The build failed (see above).');
      return build.status ?? 1;
    }
  }

  try {
    ensureElectronNative();
  } catch (error) {
    if (!(error instanceof NativeBuildError)) throw error;
    say(`Raadsmap: ${error.nl}\n\nRaadsmap: ${error.en}`);
    return 1;
  }

  // `node scripts/start.mjs -- --data DIR` works like `npm start -- --data DIR`.
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  const env = { ...process.env };
  // Set, it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron.path, [MAIN, ...args], { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    say(`Raadsmap: Electron kon niet starten / Electron could not start: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
  return null;
}

const code = main();
if (code !== null) process.exitCode = code;
