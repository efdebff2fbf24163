// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/<electron version>/better_sqlite3.node,
// which Electron main loads in development (electron/main/native.ts). node_modules/better-sqlite3 keeps its
// Node build, so `npm test`, the CLI and `npm run serve` keep working from the same checkout.
//
//   node scripts/electron-native.mjs [--force]
//
// How: copy the package (without its build/) to a temp folder, then `prebuild-install --runtime electron`
// (a prebuilt binary from the better-sqlite3 release) and, failing that, `node-gyp rebuild` against the
// Electron headers. Both need the internet once. Nothing under node_modules is ever written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const STEP_TIMEOUT_MS = 10 * 60 * 1000;

/** The executable's path inside Electron's dist folder, as Electron's install.js names it. */
function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The version of the electron devDependency (node_modules/electron/package.json). */
export function electronVersion(root = ROOT) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/**
 * Finds the Electron executable WITHOUT triggering a download (which `require('electron')` from Node
 * would do): ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/path.txt + dist/.
 * Returns { path } or { path: null, reason }.
 */
export function locateElectron(root = ROOT, env = process.env) {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathTxt = join(electronDir, 'path.txt');
  const named = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, named || platformExecutable());
    return existsSync(candidate)
      ? { path: candidate }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist` };
  }
  if (!existsSync(electronDir)) return { path: null, reason: 'node_modules/electron is missing' };
  if (!named) return { path: null, reason: 'node_modules/electron/path.txt is missing: the download never completed' };
  const candidate = join(electronDir, 'dist', named);
  return existsSync(candidate) ? { path: candidate } : { path: null, reason: `${candidate} is missing` };
}

export function nativeBindingPath(version, root = ROOT) {
  return join(root, '.cache', 'electron-native', version, 'better_sqlite3.node');
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** NODE_MODULE_VERSION of an Electron release, e.g. '140' for 45.x; null when node-abi does not know it. */
function electronAbi(version) {
  try {
    return String(require('node-abi').getAbi(version, 'electron'));
  } catch {
    return null;
  }
}

/** ELF, Mach-O (thin or fat) or PE, by magic number. */
function isNativeLibrary(file) {
  const head = readFileSync(file).subarray(0, 4);
  if (head.length < 4) return false;
  const hex = head.toString('hex');
  return (
    hex === '7f454c46' ||
    ['feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe'].includes(hex) ||
    head.subarray(0, 2).toString('latin1') === 'MZ'
  );
}

/**
 * Checks that `file` is NOT the Node build: Node must refuse to load it, naming Electron's
 * NODE_MODULE_VERSION. Loading happens in a child process, so a bad binary cannot harm us.
 */
export function verifyElectronBuild(file, version, root = ROOT) {
  const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(nodeBuild) && sha256(nodeBuild) === sha256(file)) {
    return { ok: false, detail: 'identical to the Node build in node_modules/better-sqlite3' };
  }
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      'try { process.dlopen({ exports: {} }, process.argv[1]); console.log("LOADED"); } catch (e) { console.log(e.message); }',
      file,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  const output = `${probe.stdout ?? ''}${probe.stderr ?? ''}`.trim();
  if (output.includes('LOADED')) {
    return { ok: false, detail: `Node ${process.version} loads it, so it was built for Node, not Electron` };
  }
  const abi = electronAbi(version);
  const match = /NODE_MODULE_VERSION (\d+)/.exec(output);
  if (match && abi && match[1] === abi) {
    return {
      ok: true,
      detail: `built for NODE_MODULE_VERSION ${abi} (Electron ${version}); Node uses ${process.versions.modules}`,
    };
  }
  if (match) {
    return { ok: false, detail: `built for NODE_MODULE_VERSION ${match[1]}, Electron ${version} needs ${abi ?? '?'}` };
  }
  if (!isNativeLibrary(file)) return { ok: false, detail: 'not a native library (ELF, Mach-O or PE)' };
  // Some platforms refuse the file before the version check (e.g. missing Electron-only symbols):
  // it is still not the Node build, which is what we must rule out.
  return { ok: true, detail: `differs from the Node build; Node could not load it (${output.split('\n')[0] ?? ''})` };
}

/** The few lines of a tool's output that say what went wrong (the URL it tried, the network error). */
function summarise(output) {
  const lines = (output ?? '')
    .split('\n')
    .map((line) =>
      line.replace(/^(gyp (ERR!|WARN|info|http)( stack)?|prebuild-install (info|warn|http))\s*/, '').trim(),
    )
    .filter(Boolean);
  const noise =
    /^(at |node -v|node-gyp -v|not ok|System |command |cwd |it worked|using |find Python|looking for|install got an error)/;
  const telling = /(GET https?:|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|\b40[34]\b|error|not found|network|proxy)/i;
  const picked = lines.filter((line) => !noise.test(line) && telling.test(line)).slice(0, 4);
  return (picked.length > 0 ? picked : lines.slice(-3)).join(' | ');
}

function run(label, args, cwd, env) {
  process.stderr.write(`electron-native: ${label}…\n`);
  const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', timeout: STEP_TIMEOUT_MS });
  if (result.status === 0) return { ok: true };
  const why = result.error ? result.error.message : summarise(`${result.stdout}\n${result.stderr}`);
  return { ok: false, detail: `${label}: ${why || `exit code ${result.status}`}` };
}

export class NativeBuildError extends Error {
  constructor(nl, en) {
    super(en);
    this.nl = nl;
    this.en = en;
  }
}

/**
 * Makes sure the Electron build exists (builds it if not) and returns its path.
 * Throws NativeBuildError with a Dutch and an English message when it cannot.
 */
export function ensureElectronNative({ root = ROOT, version = electronVersion(root), force = false } = {}) {
  const target = nativeBindingPath(version, root);
  if (!force && existsSync(target)) return target;

  const source = join(root, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(source, 'package.json'))) {
    throw new NativeBuildError(
      'node_modules/better-sqlite3 ontbreekt: voer eerst `npm install` uit.',
      'node_modules/better-sqlite3 is missing: run `npm install` first.',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'raadsmap-electron-native-'));
  const copy = join(work, 'better-sqlite3');
  const failures = [];
  try {
    // A copy without build/: the Node build must never be mistaken for the result.
    cpSync(source, copy, {
      recursive: true,
      filter: (file) => {
        const rel = relative(source, file);
        return rel !== 'build' && !rel.startsWith(`build${sep}`) && !rel.startsWith(`node_modules${sep}`);
      },
    });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;

    const prebuild = run(
      `prebuild-install --runtime electron --target ${version}`,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime=electron',
        `--target=${version}`,
        `--arch=${process.arch}`,
        `--platform=${process.platform}`,
        '--verbose',
      ],
      copy,
      env,
    );
    if (!prebuild.ok || !existsSync(built)) {
      failures.push(prebuild.ok ? 'prebuild-install: no binary written' : prebuild.detail);
      rmSync(join(copy, 'build'), { recursive: true, force: true });
      const gyp = run(
        `node-gyp rebuild --target=${version} (Electron headers)`,
        [
          require.resolve('node-gyp/bin/node-gyp.js'),
          'rebuild',
          '--release',
          `--target=${version}`,
          `--arch=${process.arch}`,
          '--dist-url=https://electronjs.org/headers',
          `--devdir=${join(root, '.cache', 'node-gyp')}`,
        ],
        copy,
        env,
      );
      if (!gyp.ok || !existsSync(built)) failures.push(gyp.ok ? 'node-gyp: no binary written' : gyp.detail);
    }
    if (!existsSync(built)) {
      const details = failures.map((f) => `  - ${f}`).join('\n');
      throw new NativeBuildError(
        `SQLite (better-sqlite3) kon niet voor Electron ${version} worden gebouwd.\n${details}\n` +
          'Daarvoor is eenmalig internet nodig (een voorgebouwde versie of de Electron-headers downloaden),\n' +
          'plus voor het zelf bouwen een C++-compiler en Python. node_modules is niet aangeraakt:\n' +
          '`npm test` en `npm run serve` (Raadsmap in de browser) werken gewoon.',
        `SQLite (better-sqlite3) could not be built for Electron ${version}.\n${details}\n` +
          'This needs the internet once (to download a prebuilt binary or the Electron headers),\n' +
          'plus a C++ compiler and Python to compile. node_modules was not touched:\n' +
          '`npm test` and `npm run serve` (Raadsmap in the browser) still work.',
      );
    }
    const check = verifyElectronBuild(built, version, root);
    if (!check.ok) {
      throw new NativeBuildError(
        `De gebouwde better_sqlite3.node is niet voor Electron ${version}: ${check.detail}.`,
        `The built better_sqlite3.node is not for Electron ${version}: ${check.detail}.`,
      );
    }
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    cpSync(built, partial);
    renameSync(partial, target);
    writeFileSync(
      join(dirname(target), 'build-info.json'),
      `${JSON.stringify({ electron: version, abi: electronAbi(version), sha256: sha256(target), check: check.detail }, null, 2)}\n`,
    );
    process.stderr.write(`electron-native: ${relative(root, target)} (${check.detail})\n`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (invokedDirectly) {
  try {
    ensureElectronNative({ force: process.argv.includes('--force') });
  } catch (error) {
    if (error instanceof NativeBuildError) {
      process.stderr.write(`\nRaadsmap: ${error.nl}\n\nRaadsmap: ${error.en}\n`);
    } else {
      process.stderr.write(`electron-native: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exitCode = 1;
  }
}
