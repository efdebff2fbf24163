// Search benchmark: Raadsmap's search side by side with three baselines on synthetic Dutch corpora.
//
//   npm run bench:search [-- --sizes 1000,10000,100000] [-- --queries N] [-- --runs N] [-- --seed N]
//                        [-- --variants raadsmap,like,fts5,minisearch] [-- --keep] [-- --json]
//
// Corpora (corpus.ts): 1k, 10k and 100k paragraphs as letters of 100 paragraphs, generated from a
// seeded PRNG out of the vocabulary of the bundled letter resources/default-content/gemeenten-2024.txt
// (Zipf-like word frequencies, recurring phrases of the letter, compounds of its words, sentences of
// ~18 words, paragraphs of ~5 sentences, headings, "Gevraagde besluiten" with decision paragraphs).
// Every child process generates the same corpus from the seed; the queries are made here and handed over.
//
// Variants, each in its own child process (`node dist/bench-search/variant-*.cjs`, bundled with esbuild
// at start), so the memory figure (process.resourceUsage().maxRSS) is the variant's own:
//   (a) raadsmap    the real engine: ContentStore.installPack into a real content.db (build); a fresh
//                   process times searchIndex.rebuild() (index only); a fresh process opens it as the app
//                   does and times SearchEngine.search (top 20, snippets, total; then again with the
//                   per-letter facets the app's search view asks for) and Suggester.suggest(prefix, 8)
//   (b) like        plain paragraphs table, LIKE '%…%' per word, first 20 + COUNT(*)
//   (c) fts5        FTS5 unicode61 remove_diacritics 2, bm25 ORDER BY rank LIMIT 20, snippet(), count
//   (d) minisearch  MiniSearch over the whole corpus in memory (one process: build and query)
// Measured: build time (Raadsmap also the index alone), database size (after a WAL checkpoint;
// MiniSearch: its serialised JSON), RSS after generating the corpus, peak RSS of each process, and
// p50/p95 of the mixed queries (default 200: frequent words, other words, "phrases", prefix*,
// compounds, multi-word), after a warm-up of 10, over 3 runs: the figures are the medians of the
// runs' p50 and p95. Ratios a/b and a/c, and the targets at 100k paragraphs with PASS/MISS.
//
// Progress goes to stderr; the table (or, with --json, one JSON object) to stdout. It is a benchmark,
// not a test: the exit code is 0 whatever the figures; non-zero only when something fails to run.
// The full run (100k) takes several minutes and MiniSearch needs ~1 GB; use --sizes 1000,10000 to try.
import { build } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = join(root, 'dist', 'bench-search');
const VARIANTS = ['raadsmap', 'like', 'fts5', 'minisearch'];
const LABELS = {
  raadsmap: '(a) Raadsmap',
  like: '(b) LIKE scan',
  fts5: '(c) FTS5 plain',
  minisearch: '(d) MiniSearch',
};
const TARGET_SIZE = 100_000;
const TARGETS = { p95Ms: 10, likeSpeedup: 50, buildRatio: 5, suggestP95Ms: 5, rssMB: 250 };

// ---------------------------------------------------------------------------------------------
// Arguments

class UsageError extends Error {}

function usage() {
  return (
    'Usage: npm run bench:search [-- options]\n' +
    '  --sizes A,B,…     corpus sizes in paragraphs (default 1000,10000,100000)\n' +
    '  --queries N       queries per run (default 200)\n' +
    '  --runs N          runs of the query set per variant; p50/p95 are their medians (default 3)\n' +
    '  --seed N          PRNG seed (default 20190508)\n' +
    '  --variants a,b    some of raadsmap,like,fts5,minisearch (default all)\n' +
    '  --keep            keep the temporary databases (their folder is printed)\n' +
    '  --json            print one JSON object on stdout instead of the table\n'
  );
}

function parseArgs(argv) {
  const opts = {
    sizes: [1000, 10_000, 100_000],
    queries: 200,
    runs: 3,
    seed: null,
    variants: VARIANTS,
    keep: false,
    json: false,
  };
  const whole = (name, value, min, max) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`${name} expects a whole number ${min}–${max}, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--json') opts.json = true;
    else if (name === '--keep') opts.keep = true;
    else if (name === '--help' || name === '-h') {
      process.stdout.write(usage());
      process.exit(0);
    } else if (name === '--sizes')
      opts.sizes = value()
        .split(',')
        .map((s) => whole('--sizes', s.trim().replace(/_/g, ''), 10, 1_000_000));
    else if (name === '--queries') opts.queries = whole('--queries', value(), 10, 100_000);
    else if (name === '--runs') opts.runs = whole('--runs', value(), 1, 50);
    else if (name === '--seed') opts.seed = whole('--seed', value(), 0, 2 ** 31 - 1);
    else if (name === '--variants') {
      const list = value()
        .split(',')
        .map((s) => s.trim());
      for (const v of list) if (!VARIANTS.includes(v)) throw new UsageError(`Unknown variant: ${v}\n${usage()}`);
      opts.variants = VARIANTS.filter((v) => list.includes(v));
    } else throw new UsageError(`Unknown argument: ${arg}\n${usage()}`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Children

async function bundle() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: root,
    define: { __RAADSMAP_VERSION__: JSON.stringify(pkg.version) },
    external: ['better-sqlite3', 'electron'],
    entryPoints: ['corpus', ...VARIANTS.map((v) => `variant-${v}`)].map((name) => ({
      in: `scripts/bench-search/${name}.ts`,
      out: name,
    })),
    outdir: OUT_DIR,
    outExtension: { '.js': '.cjs' },
  });
}

function runChild(variant, phase, configFile, workDir) {
  const out = join(workDir, `result-${variant}-${phase}.json`);
  const args = [join(OUT_DIR, `variant-${variant}.cjs`), configFile, phase, out];
  // MiniSearch over 100k paragraphs peaks around 1 GB of heap.
  if (variant === 'minisearch') args.unshift('--max-old-space-size=3072');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    // Only the runner writes to stdout.
    child.stdout.pipe(process.stderr, { end: false });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && existsSync(out)) resolve(JSON.parse(readFileSync(out, 'utf8')));
      else reject(new Error(`${variant} (${phase}) failed: ${signal ? `signal ${signal}` : `exit code ${code}`}`));
    });
  });
}

async function runVariant(variant, configFile, workDir) {
  if (variant === 'minisearch') {
    const r = await runChild(variant, 'all', configFile, workDir);
    return {
      build: r.build,
      query: r.query,
      rss: { corpusMB: r.rss.corpusMB, buildPeakMB: null, queryPeakMB: null, peakMB: r.rss.peakMB },
    };
  }
  const b = await runChild(variant, 'build', configFile, workDir);
  const r = variant === 'raadsmap' ? await runChild(variant, 'rebuild', configFile, workDir) : null;
  const q = await runChild(variant, 'query', configFile, workDir);
  return {
    build: r ? { ...b.build, indexMs: r.build.ms } : b.build,
    query: q.query,
    ...(q.queryFacets ? { queryFacets: q.queryFacets } : {}),
    ...(q.suggest ? { suggest: q.suggest } : {}),
    rss: {
      corpusMB: b.rss.corpusMB,
      ...(b.rss.heapMB ? { heapAfterBuildMB: b.rss.heapMB } : {}),
      buildPeakMB: b.rss.peakMB,
      ...(r ? { rebuildPeakMB: r.rss.peakMB } : {}),
      queryPeakMB: q.rss.peakMB,
      peakMB: Math.max(b.rss.peakMB, r?.rss.peakMB ?? 0, q.rss.peakMB),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

function ratios(v) {
  const a = v.raadsmap;
  const out = {};
  if (a && v.like) out.aOverB = { p50: a.query.p50 / v.like.query.p50, p95: a.query.p95 / v.like.query.p95 };
  if (a && v.fts5)
    out.aOverC = {
      p50: a.query.p50 / v.fts5.query.p50,
      p95: a.query.p95 / v.fts5.query.p95,
      build: a.build.ms / v.fts5.build.ms,
      indexOnly: a.build.indexMs / v.fts5.build.ms,
    };
  return out;
}

function targets(sizeResult) {
  if (!sizeResult) return null;
  const a = sizeResult.variants.raadsmap;
  const r = sizeResult.ratios;
  const applies = sizeResult.paragraphs === TARGET_SIZE;
  const row = (name, value, unit, pass) => ({ name, value, unit, pass: applies && value !== null ? pass : null });
  return {
    paragraphs: sizeResult.paragraphs,
    applies,
    items: [
      row(`Raadsmap top-20 p95 ≤ ${TARGETS.p95Ms} ms`, a?.query.p95 ?? null, 'ms', a?.query.p95 <= TARGETS.p95Ms),
      row(
        `≥ ${TARGETS.likeSpeedup}× faster than LIKE at p50`,
        r.aOverB ? 1 / r.aOverB.p50 : null,
        '×',
        r.aOverB && 1 / r.aOverB.p50 >= TARGETS.likeSpeedup,
      ),
      row(
        `build ≤ ${TARGETS.buildRatio}× plain FTS5`,
        r.aOverC?.build ?? null,
        '×',
        r.aOverC && r.aOverC.build <= TARGETS.buildRatio,
      ),
      row(
        `suggestions p95 ≤ ${TARGETS.suggestP95Ms} ms`,
        a?.suggest?.p95 ?? null,
        'ms',
        a?.suggest?.p95 <= TARGETS.suggestP95Ms,
      ),
      // The app in use is the query process; the build process also holds the whole generated corpus
      // (as the app would hold a pack's documents while installing it).
      row(
        `Raadsmap peak RSS ≤ ${TARGETS.rssMB} MB (searching)`,
        a?.rss.queryPeakMB ?? null,
        'MB',
        a?.rss.queryPeakMB <= TARGETS.rssMB,
      ),
      row(
        `Raadsmap peak RSS ≤ ${TARGETS.rssMB} MB (installing the corpus)`,
        a?.rss.buildPeakMB ?? null,
        'MB',
        a?.rss.buildPeakMB <= TARGETS.rssMB,
      ),
      row(
        `Raadsmap peak RSS ≤ ${TARGETS.rssMB} MB (rebuilding the index)`,
        a?.rss.rebuildPeakMB ?? null,
        'MB',
        a?.rss.rebuildPeakMB <= TARGETS.rssMB,
      ),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Table

const int = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en'));
const ms = (n) =>
  n === null || n === undefined || Number.isNaN(n)
    ? '—'
    : n < 10
      ? n.toFixed(2)
      : n < 100
        ? n.toFixed(1)
        : n.toFixed(0);
const sec = (n) => (n === null || n === undefined ? '—' : `${(n / 1000).toFixed(n < 10_000 ? 2 : 1)} s`);
const mb = (n) => (n === null || n === undefined ? '—' : `${(n / 1048576).toFixed(1)} MB`);
const times = (n) => (n >= 10 ? `${n.toFixed(0)}×` : `${n.toFixed(2)}×`);
const faster = (ratio) => (ratio <= 1 ? `${times(1 / ratio)} faster` : `${times(ratio)} slower`);

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))))
    .map((r) => `  ${r.join('  ')}`.trimEnd())
    .join('\n');
}

function render(report) {
  const lines = [];
  const mix = Object.entries(report.queries.types)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  lines.push(
    `Raadsmap search benchmark — seed ${report.seed}, ${report.queries.count} queries × ${report.runs} runs ` +
      `(medians of the runs' p50/p95), ${report.node}, ${report.cpus} CPUs`,
  );
  lines.push(`Query mix: ${mix}. Top 20 with snippets and a count of all matches.`);
  if (report.git)
    lines.push(`Engine: ${report.git.commit}${report.git.dirty ? ' + uncommitted changes in electron/' : ''}`);
  for (const s of report.sizes) {
    const c = s.corpus;
    lines.push('');
    lines.push(
      `── ${int(s.paragraphs)} paragraphs: ${int(c.letters)} letters, ${(c.chars / 1e6).toFixed(1)} MB of text, ` +
        `${(c.words / 1e6).toFixed(2)} M words, ${int(c.distinct)} distinct ──`,
    );
    const rows = [
      [
        'variant',
        'build',
        'index only',
        'size',
        'RSS corpus',
        'RSS build',
        'RSS query',
        'peak RSS',
        'p50 ms',
        'p95 ms',
        'first ms',
        'mean count',
        'no hits',
      ],
    ];
    for (const name of VARIANTS) {
      const v = s.variants[name];
      if (!v) continue;
      rows.push([
        LABELS[name],
        sec(v.build.ms),
        v.build.indexMs ? sec(v.build.indexMs) : '—',
        mb(v.build.bytes) + (name === 'minisearch' ? ' JSON' : ''),
        `${int(v.rss.corpusMB)} MB`,
        v.rss.buildPeakMB ? `${int(v.rss.buildPeakMB)} MB` : '—',
        v.rss.queryPeakMB ? `${int(v.rss.queryPeakMB)} MB` : '—',
        `${int(v.rss.peakMB)} MB`,
        ms(v.query.p50),
        ms(v.query.p95),
        ms(v.query.firstMs),
        int(v.query.meanTotal),
        `${v.query.zeroHits}`,
      ]);
      if (v.queryFacets) {
        const f = v.queryFacets;
        const row = ["    + facets (app's search view)", ...Array(7).fill('')];
        rows.push([...row, ms(f.p50), ms(f.p95), ms(f.firstMs), int(f.meanTotal), `${f.zeroHits}`]);
      }
    }
    lines.push(table(rows));
    const a = s.variants.raadsmap;
    if (a)
      lines.push(
        `  Raadsmap: index tables (search_*) ${mb(a.build.indexBytes)} of ${mb(a.build.bytes)}; ` +
          `JS heap after installPack ${int(a.rss.heapAfterBuildMB)} MB; ` +
          `"index only" = searchIndex.rebuild() in a fresh process, peak RSS ${int(a.rss.rebuildPeakMB)} MB`,
      );
    const r = s.ratios;
    if (r.aOverB)
      lines.push(
        `  a/b (Raadsmap / LIKE):  p50 ${r.aOverB.p50.toFixed(3)} (${faster(r.aOverB.p50)}), ` +
          `p95 ${r.aOverB.p95.toFixed(3)} (${faster(r.aOverB.p95)})`,
      );
    if (r.aOverC)
      lines.push(
        `  a/c (Raadsmap / FTS5):  p50 ${r.aOverC.p50.toFixed(2)}, p95 ${r.aOverC.p95.toFixed(2)}, ` +
          `build ${r.aOverC.build.toFixed(2)} (index only ${r.aOverC.indexOnly.toFixed(2)})`,
      );
    // Per query type: where the time goes.
    const types = Object.keys(report.queries.types);
    const present = VARIANTS.filter((n) => s.variants[n]);
    const typeRows = [['p50 / p95 ms by type', ...present.map((n) => LABELS[n])]];
    for (const t of types) {
      typeRows.push([
        `${t} (${report.queries.types[t]})`,
        ...present.map((n) => {
          const st = s.variants[n].query.byType[t];
          return st ? `${ms(st.p50)} / ${ms(st.p95)}` : '—';
        }),
      ]);
    }
    lines.push(table(typeRows));
    if (a?.query.breakdown) {
      const parts = [...new Set(Object.values(a.query.breakdown).flatMap((b) => Object.keys(b)))];
      const order = (p) => (p === 'js' ? 1 : 0);
      parts.sort((x, y) => order(x) - order(y));
      const name = (p) => (p === 'js' ? 'JS (parse, re-rank, snippets)' : `SQL ${p}()`);
      const rowsB = [['Raadsmap mean ms by part', ...parts.map(name)]];
      for (const t of types) {
        const b = a.query.breakdown[t];
        if (b) rowsB.push([t, ...parts.map((p) => ms(b[p] ?? 0))]);
      }
      lines.push(table(rowsB));
    }
    if (a?.query.slowest)
      lines.push(
        `  Raadsmap slowest (median ms): ${a.query.slowest
          .slice(0, 8)
          .map((q) => `${q.text} [${q.type}] ${ms(q.ms)}`)
          .join(' · ')}`,
      );
    if (a?.suggest)
      lines.push(
        `  Suggestions (Suggester.suggest, ${report.prefixes} prefixes): p50 ${ms(a.suggest.p50)} ms, ` +
          `p95 ${ms(a.suggest.p95)} ms; first call (builds its index) ${ms(a.suggest.buildMs)} ms`,
      );
  }
  const t = report.targets;
  lines.push('');
  if (!t) lines.push('Targets: Raadsmap was not run.');
  else {
    lines.push(
      t.applies
        ? `Targets at ${int(t.paragraphs)} paragraphs:`
        : `Targets apply at ${int(TARGET_SIZE)} paragraphs (not run); figures at ${int(t.paragraphs)} for reference:`,
    );
    const rows = t.items.map((i) => [
      i.name,
      i.value === null
        ? '—'
        : i.unit === '×'
          ? times(i.value)
          : i.unit === 'MB'
            ? `${int(i.value)} MB`
            : `${ms(i.value)} ms`,
      i.pass === null ? '—' : i.pass ? 'PASS' : 'MISS',
    ]);
    lines.push(table(rows));
  }
  return lines.join('\n') + '\n';
}

/** Which engine was measured: the commit, and whether electron/ had uncommitted changes. */
function gitState() {
  try {
    const run = (...args) =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return {
      commit: run('rev-parse', '--short', 'HEAD').trim(),
      dirty: run('status', '--porcelain', '--', 'electron').trim() !== '',
    };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (!existsSync(join(root, 'resources', 'search', 'lexicon-nl.json')))
    process.stderr.write('bench:search: resources/search/lexicon-nl.json is missing (npm run build makes it)\n');
  const started = Date.now();
  process.stderr.write('bench:search: bundling…\n');
  await bundle();
  const corpus = createRequire(import.meta.url)(join(OUT_DIR, 'corpus.cjs'));
  const seed = opts.seed ?? corpus.DEFAULT_SEED;
  const vocab = corpus.buildVocabulary(root, seed);
  const queries = corpus.makeQueries(vocab, opts.queries, seed);
  const prefixes = corpus.makePrefixes(vocab, opts.queries, seed);
  const types = {};
  for (const t of Object.keys(corpus.QUERY_MIX)) {
    const n = queries.filter((q) => q.type === t).length;
    if (n > 0) types[t] = n;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'raadsmap-bench-search-'));
  const report = {
    benchmark: 'search',
    seed,
    runs: opts.runs,
    node: process.version,
    cpus: availableParallelism(),
    queries: { count: queries.length, types, examples: queries.slice(0, 12).map((q) => q.text) },
    prefixes: prefixes.length,
    git: gitState(),
    sizes: [],
    targets: null,
  };
  try {
    for (const size of opts.sizes) {
      process.stderr.write(`bench:search: ${size.toLocaleString('en')} paragraphs\n`);
      const dir = join(workDir, String(size));
      mkdirSync(dir, { recursive: true });
      const configFile = join(dir, 'config.json');
      writeFileSync(configFile, JSON.stringify({ root, seed, size, dir, runs: opts.runs, queries, prefixes }));
      const variants = {};
      let corpusFigures = null;
      for (const name of opts.variants) {
        process.stderr.write(` ${LABELS[name]}\n`);
        variants[name] = await runVariant(name, configFile, workDir);
        corpusFigures ??= variants[name].build.corpus ?? null;
      }
      if (!corpusFigures) {
        // Only baselines ran: count the corpus here.
        const c = corpus.generateCorpus(vocab, size, seed);
        corpusFigures = {
          paragraphs: c.paragraphs,
          chars: c.chars,
          words: c.words,
          distinct: c.distinct,
          letters: c.letters.length,
        };
      }
      report.sizes.push({ paragraphs: size, corpus: corpusFigures, variants, ratios: ratios(variants) });
      if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    if (opts.keep) process.stderr.write(`bench:search: kept ${workDir}\n`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  const withA = report.sizes.filter((s) => s.variants.raadsmap);
  report.targets = targets(withA.find((s) => s.paragraphs === TARGET_SIZE) ?? withA[withA.length - 1]);
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : render(report));
  process.stderr.write(`bench:search: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((error) => {
  process.stderr.write(`bench:search: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
