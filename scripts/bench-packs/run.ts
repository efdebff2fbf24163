/**
 * Pack benchmark: build, sign, import and update a large content pack with Raadsmap's own code
 * (no mocks; real SQLite files in a temporary data folder).
 *
 *   node scripts/build.mjs --node-only     # first, if resources/search/lexicon-nl.json is missing
 *   npm run bench:packs [-- --letters N] [-- --annotations N] [-- --json] [-- --profile]
 *
 * 1. Build: N synthetic VNG member letters (default 2,000 of ~50 paragraphs: ~100,000 paragraphs;
 *    see letters.ts) are written as .txt files with a pack.json (explicit document ids) and built
 *    with `buildPackFromFiles` (electron/core/packs/build.ts), then signed with a fresh Ed25519 key
 *    (`generateKeys` / `loadPrivateKey` / `signPackBytes`). Version 2 of the pack changes ~30 % of
 *    the letters (a spelling fix, a deleted sentence, an inserted paragraph, a reworded sentence or
 *    decision; 1–3 edits each); it is built and signed the same way.
 * 2. Import (in a forked process, child.ts, so its peak RSS is the import's): `openServices` on an
 *    empty data folder, `packs.install(v1, { trustFingerprint })`: verify, read, install (content
 *    and search index in one transaction), re-anchor. Time per phase from the onProgress phase
 *    changes. Then a few `search.search({ text, limit: 20 })` queries (first call, median of 5).
 * 3. Update: M annotations (default 10,000) on ranges of the letters' canonical text (one notes.db
 *    transaction), then `packs.install(v2)`: re-anchoring = the 'reanchor' phase until 'done', and
 *    the summary's note counts per state. Isolated: on a copy of the data folder taken before v2,
 *    `content.installPack(v2)` and then `packs.reanchoring.run()` alone.
 *
 * Progress goes to stderr; the table (or, with --json, one JSON object) to stdout. It is a
 * benchmark, not a test: the exit code is 0 whatever the figures; non-zero only when something
 * fails to run. --profile adds a CPU profile summary (functions by self and inclusive time) of the
 * two installs and the isolated re-anchoring. The temporary folder is removed at the end (--keep
 * keeps it).
 */
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildPackFromFiles, type BuiltPack } from '../../electron/core/packs/build';
import { generateKeys, loadPrivateKey, signPackBytes } from '../../electron/core/packs/sign';
import type { LetterDocument, Section } from '../../electron/shared/model';
import { prng } from '../bench-search/corpus';
import type { ChildConfig, ChildResult } from './child';
import { DEFAULT_SEED, LetterGenerator, renderLetter, type Letter } from './letters';
import type { ProfileSummary } from './profile';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const PACK_ID = 'bench-ledenbrieven';
const DEFAULTS = { letters: 2000, annotations: 10_000, paragraphs: 50, changed: 0.3 };
const TARGETS = { importMs: 60_000, reanchorMs: 5_000 };
const QUERIES = [
  'belastinggebied',
  '"Raad van State"',
  'energ*',
  'solidariteit vereniging',
  'gemeenten',
  'uitvoeringsactiviteiten',
  'verenigingsstrategie',
];
const MB = 1024 * 1024;

const log = (line: string) => process.stderr.write(`bench:packs: ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Arguments

interface Options {
  letters: number;
  annotations: number;
  seed: number;
  json: boolean;
  keep: boolean;
  profile: boolean;
}

class UsageError extends Error {}

function usage(): string {
  return (
    'Usage: npm run bench:packs -- [--letters N] [--annotations N] [--seed N] [--json] [--profile] [--keep]\n' +
    '  Needs resources/search/lexicon-nl.json (node scripts/build.mjs --node-only makes it).\n' +
    `  --letters N      letters in the pack, ~${DEFAULTS.paragraphs} paragraphs each (default ${DEFAULTS.letters})\n` +
    `  --annotations N  annotations re-anchored by the update (default ${DEFAULTS.annotations})\n` +
    `  --seed N         seed of the generated letters and annotations (default ${DEFAULT_SEED})\n` +
    '  --json           print one JSON object on stdout instead of the table\n' +
    '  --profile        CPU-profile the installs and the re-anchoring; print where the time goes\n' +
    '  --keep           keep the temporary folder (letters, packs, data folders)\n'
  );
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { ...DEFAULTS, seed: DEFAULT_SEED, json: false, keep: false, profile: false };
  const number = (name: string, value: string | undefined, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`--${name} expects a whole number ${min}–${max}, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--json') opts.json = true;
    else if (name === '--keep') opts.keep = true;
    else if (name === '--profile') opts.profile = true;
    else if (name === '--help' || name === '-h') {
      process.stdout.write(usage());
      process.exit(0);
    } else if (name === '--letters') opts.letters = number('letters', value(), 1, 5000);
    else if (name === '--annotations') opts.annotations = number('annotations', value(), 0, 1_000_000);
    else if (name === '--seed') opts.seed = number('seed', value(), 0, 2 ** 31 - 1);
    else throw new UsageError(`Unknown argument: ${arg}\n${usage()}`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Letters and packs

interface Generated {
  ms: number;
  textMB: number;
  changed: number;
  edits: Record<string, number>;
}

function writeFolder(dir: string, letters: Letter[], version: number, issued: string): void {
  mkdirSync(dir, { recursive: true });
  for (const l of letters) writeFileSync(join(dir, l.file), renderLetter(l));
  const packJson = {
    id: PACK_ID,
    title: 'Ledenbrieven VNG (benchmark)',
    version,
    publisher: 'Vereniging van Nederlandse Gemeenten',
    issued,
    changelog: version > 1 ? 'Correcties in een deel van de brieven.' : undefined,
    documents: letters.map((l, i) => ({ file: l.file, id: l.id, tags: i % 7 === 0 ? ['ALV'] : ['ledenbrief'] })),
  };
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(packJson, null, 1));
}

function generate(opts: Options, v1Dir: string, v2Dir: string): Generated {
  const t0 = performance.now();
  const gen = new LetterGenerator(root, opts.seed);
  const v1: Letter[] = [];
  const v2: Letter[] = [];
  const rand = prng((opts.seed ^ 0x2e2) >>> 0);
  const edits: Record<string, number> = {};
  let changed = 0;
  let chars = 0;
  for (let i = 0; i < opts.letters; i++) {
    const letter = gen.letter(i, DEFAULTS.paragraphs, opts.seed);
    v1.push(letter);
    if (rand() < DEFAULTS.changed) {
      const e = gen.edit(letter, rand);
      v2.push(e.letter);
      changed++;
      for (const k of e.edits) edits[k] = (edits[k] ?? 0) + 1;
    } else v2.push(letter);
  }
  writeFolder(v1Dir, v1, 1, '2024-05-08');
  writeFolder(v2Dir, v2, 2, '2024-05-22');
  for (const l of v1) chars += renderLetter(l).length;
  return { ms: performance.now() - t0, textMB: chars / MB, changed, edits };
}

interface Built {
  buildMs: number;
  signMs: number;
  bytes: number;
  letters: number;
  paragraphs: number;
  paragraphKinds: Record<string, number>;
  decisions: number;
}

function countParagraphs(docs: LetterDocument[]): {
  paragraphs: number;
  kinds: Record<string, number>;
  decisions: number;
} {
  const kinds: Record<string, number> = {};
  let paragraphs = 0;
  let decisions = 0;
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      for (const p of s.paragraphs) {
        paragraphs++;
        kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
      }
      walk(s.sections);
    }
  };
  for (const d of docs) {
    walk(d.sections);
    decisions += d.decisions.length;
  }
  return { paragraphs, kinds, decisions };
}

async function buildAndSign(dir: string, out: string, privatePem: string, label: string): Promise<Built> {
  let lastLog = 0;
  const t0 = performance.now();
  const built: BuiltPack = await buildPackFromFiles([dir], {
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - lastLog > 2000 || done === total) {
        lastLog = now;
        log(`  ${label}: ${done}/${total} letters`);
      }
    },
  });
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  const signed = signPackBytes(built.bytes, loadPrivateKey(privatePem));
  const signMs = performance.now() - t1;
  writeFileSync(out, signed.bytes);
  const counts = countParagraphs(built.input.documents.map((d) => d.model));
  return {
    buildMs,
    signMs,
    bytes: signed.bytes.byteLength,
    letters: built.input.documents.length,
    paragraphs: counts.paragraphs,
    paragraphKinds: counts.kinds,
    decisions: counts.decisions,
  };
}

// ---------------------------------------------------------------------------------------------
// The measuring process

function runChild(config: ChildConfig, workDir: string): Promise<ChildResult> {
  const file = join(workDir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  return new Promise((resolve, reject) => {
    // fork() passes on this process's execArgv: the tsx loader.
    const child = fork(join(here, 'child.ts'), [file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    child.stdout!.pipe(process.stderr, { end: false });
    let answer: { ok: boolean; error?: string } | null = null;
    child.on('message', (m) => {
      answer = m as typeof answer;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (answer?.ok) resolve(JSON.parse(readFileSync(join(workDir, 'result.json'), 'utf8')) as ChildResult);
      else
        reject(
          new Error(
            answer?.error ??
              `the measuring process ended without a result (${signal ? `signal ${signal}` : `exit code ${code}`})`,
          ),
        );
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Report

interface Report {
  benchmark: 'packs';
  seed: number;
  node: string;
  cpus: number;
  loadavgBefore: number[];
  loadavgAfter: number[];
  git: { commit: string; dirty: boolean } | null;
  generated: Generated & { letters: number };
  build: Built;
  buildV2: Built;
  packMB: number;
  child: ChildResult;
  targets: Array<{ figure: string; value: number; target: string; met: boolean }>;
}

const sec = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s` : '—');
const msf = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)) + ' ms';
const int = (n: number) => Math.round(n).toLocaleString('en');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))))
    .map((r) => `  ${r.join('  ')}`.trimEnd())
    .join('\n');
}

function profileLines(title: string, p: ProfileSummary | undefined): string[] {
  if (!p) return [];
  const out = [`  ${title} — CPU profile, ${sec(p.ms)} sampled`];
  out.push('    self time:');
  for (const e of p.self.slice(0, 10))
    out.push(`      ${e.pct.toFixed(1).padStart(5)} %  ${msf(e.ms).padStart(9)}  ${e.fn}`);
  out.push('    inclusive (electron/ and node_modules/ functions):');
  for (const e of p.inclusive.slice(0, 14))
    out.push(`      ${e.pct.toFixed(1).padStart(5)} %  ${msf(e.ms).padStart(9)}  ${e.fn}`);
  if (p.sql?.length) {
    out.push('    SQL statements by time (run/get/all, triggers included; timed separately):');
    for (const q of p.sql.slice(0, 8))
      out.push(`      ${msf(q.ms).padStart(9)}  ${int(q.calls).padStart(7)} calls  ${q.sql}`);
  }
  return out;
}

function render(r: Report): string {
  const c = r.child;
  const lines: string[] = [];
  lines.push(
    `Raadsmap pack benchmark — seed ${r.seed}, ${r.node}, ${r.cpus} CPUs, load average ${r.loadavgBefore
      .map((x) => x.toFixed(2))
      .join(' ')} before / ${r.loadavgAfter.map((x) => x.toFixed(2)).join(' ')} after` +
      (r.git ? `; engine ${r.git.commit}${r.git.dirty ? ' + uncommitted changes in electron/' : ''}` : ''),
  );
  const phase = (
    t: ChildResult['import'] | ChildResult['update'],
    p: 'verify' | 'read' | 'install' | 'reanchor' | 'done',
  ) => sec(t.phases[p] ?? NaN);
  const rows: string[][] = [['figure', 'value', 'target', 'met?']];
  const target = (figure: string) => r.targets.find((t) => t.figure === figure);
  const row = (figure: string, value: string, t?: string) => {
    const tg = target(figure);
    rows.push([figure, value, t ?? tg?.target ?? '', tg ? (tg.met ? 'yes' : 'NO') : '']);
  };
  row('build: letters / paragraphs', `${int(r.build.letters)} / ${int(r.build.paragraphs)}`);
  row('build: text of the letters', `${r.generated.textMB.toFixed(1)} MB`);
  row('build: buildPackFromFiles', sec(r.build.buildMs));
  row('build: signPackBytes', msf(r.build.signMs));
  row('build: pack size (signed)', `${r.packMB.toFixed(1)} MB`);
  row('import: packs.install total', sec(c.import.totalMs));
  row('  verify (signature)', phase(c.import, 'verify'));
  row('  read (unzip, hashes, schemas)', phase(c.import, 'read'));
  row('  install (content + search index)', phase(c.import, 'install'));
  row('  reanchor', phase(c.import, 'reanchor'));
  row('  done → returned (summary)', phase(c.import, 'done'));
  row('import: peak RSS', `${int(c.import.peakRssMB)} MB`);
  row('import: content.db size', `${c.import.contentDbMB.toFixed(0)} MB`);
  row(
    'annotations: created (1 transaction)',
    `${int(c.annotations.count)} on ${int(c.annotations.letters)} letters in ${sec(c.annotations.ms)}`,
  );
  row(
    'update v2: letters changed',
    `${int(c.update.changedLetters)} of ${int(r.build.letters)} (${int(c.update.notesOnChangedLetters)} notes on them)`,
  );
  row('update v2: packs.install total', sec(c.update.totalMs));
  row('  verify', phase(c.update, 'verify'));
  row('  read', phase(c.update, 'read'));
  row('  install', phase(c.update, 'install'));
  row('update v2: re-anchoring (reanchor → done)', sec(c.update.reanchorMs));
  row('  done → returned (summary)', phase(c.update, 'done'));
  const n = c.update.notes;
  row(
    'update v2: notes anchored/moved/changed/orphan',
    `${int(n.anchored)} / ${int(n.moved)} / ${int(n.changed)} / ${int(n.orphan)}`,
  );
  row('isolated: content.installPack(v2)', sec(c.isolated.contentInstallMs));
  row('isolated: packs.reanchoring.run()', sec(c.isolated.runMs));
  const m = c.isolated.notes;
  row(
    'isolated: anchored/moved/changed/orphan',
    `${int(m.anchored ?? 0)} / ${int(m.moved ?? 0)} / ${int(m.changed ?? 0)} / ${int(m.orphan ?? 0)}`,
  );
  row('peak RSS of the measuring process', `${int(c.update.peakRssMB)} MB`);
  lines.push(table(rows));
  lines.push('');
  const searchRows = [['search({ text, limit: 20 }) after the import', 'first', 'median of 5', 'hits', 'shown']];
  for (const q of c.search) searchRows.push([q.text, msf(q.firstMs), msf(q.medianMs), int(q.total), String(q.hits)]);
  lines.push(table(searchRows));
  lines.push('');
  const edits = Object.entries(r.generated.edits)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  lines.push(
    `  v2: ${r.generated.changed} letters edited (${edits}); the re-anchoring report lists ${int(c.update.reportCount)} notes ` +
      `(every note on a changed letter). Annotation kinds: ${Object.entries(c.annotations.byKind)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}.`,
  );
  lines.push(
    `  Paragraph kinds: ${Object.entries(r.build.paragraphKinds)
      .map(([k, v]) => `${int(v)} ${k}`)
      .join(', ')}; ${int(r.build.decisions)} decisions. v2 build ${sec(r.buildV2.buildMs)}; ` +
      `opening the data folder ${sec(c.open.ms)} (empty), ${sec(c.reopen.ms)} (with the pack).`,
  );
  lines.push(...profileLines('import v1 (packs.install)', c.import.profile));
  lines.push(...profileLines('update v2 (packs.install)', c.update.profile));
  lines.push(...profileLines('isolated packs.reanchoring.run()', c.isolated.profile));
  return lines.join('\n') + '\n';
}

function gitState(): { commit: string; dirty: boolean } | null {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return {
      commit: git('rev-parse', '--short', 'HEAD').trim(),
      dirty: git('status', '--porcelain', '--', 'electron').trim() !== '',
    };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (!existsSync(join(root, 'resources', 'search', 'lexicon-nl.json'))) {
    process.stderr.write(
      'bench:packs: resources/search/lexicon-nl.json is missing: run `node scripts/build.mjs --node-only` first\n',
    );
    process.exit(1);
  }
  const started = performance.now();
  const loadavgBefore = loadavg();
  const workDir = mkdtempSync(join(tmpdir(), 'raadsmap-bench-packs-'));
  let report: Report;
  try {
    const v1Dir = join(workDir, 'letters-v1');
    const v2Dir = join(workDir, 'letters-v2');
    log(`generating ${opts.letters} letters (v1) and their corrected versions (v2) in ${workDir}`);
    const generated = generate(opts, v1Dir, v2Dir);
    log(
      `  ${sec(generated.ms)}, ${generated.textMB.toFixed(1)} MB of text, ${generated.changed} letters changed in v2`,
    );
    const keys = generateKeys();
    log('building v1');
    const v1 = join(workDir, 'v1.raadsmap');
    const v2 = join(workDir, 'v2.raadsmap');
    const build = await buildAndSign(v1Dir, v1, keys.privatePem, 'v1');
    log(`  ${sec(build.buildMs)}, ${(build.bytes / MB).toFixed(1)} MB, ${build.paragraphs} paragraphs`);
    log('building v2');
    const buildV2 = await buildAndSign(v2Dir, v2, keys.privatePem, 'v2');
    const child = await runChild(
      {
        root,
        workDir,
        v1,
        v2,
        fingerprint: keys.fingerprint,
        annotations: opts.annotations,
        seed: opts.seed,
        queries: QUERIES,
        profile: opts.profile,
      },
      workDir,
    );
    report = {
      benchmark: 'packs',
      seed: opts.seed,
      node: process.version,
      cpus: availableParallelism(),
      loadavgBefore,
      loadavgAfter: loadavg(),
      git: gitState(),
      generated: { ...generated, letters: opts.letters },
      build,
      buildV2,
      packMB: build.bytes / MB,
      child,
      targets: [
        {
          figure: 'import: packs.install total',
          value: child.import.totalMs,
          target: `≤ ${TARGETS.importMs / 1000} s`,
          met: child.import.totalMs <= TARGETS.importMs,
        },
        {
          figure: 'update v2: re-anchoring (reanchor → done)',
          value: child.update.reanchorMs,
          target: `≤ ${TARGETS.reanchorMs / 1000} s`,
          met: child.update.reanchorMs <= TARGETS.reanchorMs,
        },
        {
          figure: 'isolated: packs.reanchoring.run()',
          value: child.isolated.runMs,
          target: `≤ ${TARGETS.reanchorMs / 1000} s`,
          met: child.isolated.runMs <= TARGETS.reanchorMs,
        },
      ],
    };
  } finally {
    if (opts.keep) log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  if (opts.letters !== DEFAULTS.letters || opts.annotations !== DEFAULTS.annotations)
    log(`note: the targets are meant for ${DEFAULTS.letters} letters and ${DEFAULTS.annotations} annotations`);
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : render(report));
  log(`${sec(performance.now() - started)} in all`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:packs: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
