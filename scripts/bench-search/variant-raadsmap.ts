/**
 * Variant (a): Raadsmap's own search, the real engine on a real content.db.
 *
 * build: the corpus is installed as one pack of letters with `ContentStore.installPack` (content
 *   tables and search index in one transaction: that is the build time). Size = content.db + -wal
 *   after a checkpoint; the search_* part of it from dbstat.
 * rebuild: a fresh process opens content.db and times `searchIndex.rebuild()` (the index alone).
 * query: a fresh process opens that content.db as the app does, and times `SearchEngine.search`
 *   ({ text, limit: 20 }: top 20 with snippets and the total), then the same with `facets: true`
 *   (per-letter counts, as the app's search view asks), then `Suggester.suggest(prefix, 8)`. The
 *   search source is wrapped to split each search's time into its SQL calls and the rest.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CompoundSplitter, dutchLexicon } from '../../electron/core/search/compounds';
import { ContentStore } from '../../electron/core/content/store';
import { CONTENT_APPLICATION_ID, contentMigrations } from '../../electron/core/db/content-migrations';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { SearchEngine } from '../../electron/core/search/engine';
import { contentSource } from '../../electron/core/search/sources';
import { Suggester } from '../../electron/core/search/suggest';
import { buildVocabulary, generateCorpus, type BenchQuery } from './corpus';
import {
  fileBytes,
  log,
  main,
  measure,
  peakRssMB,
  readArgs,
  rssMB,
  time,
  writeResult,
  type ChildConfig,
  type ChildResult,
} from './child';

const NAME = 'raadsmap';

function open(config: ChildConfig): { db: Db; file: string; store: ContentStore; splitter: () => CompoundSplitter } {
  const file = join(config.dir, 'content.db');
  const db = openDatabase(file, {
    label: 'content.db',
    applicationId: CONTENT_APPLICATION_ID,
    migrations: contentMigrations,
    synchronous: 'NORMAL',
  });
  let shared: CompoundSplitter | null = null;
  const splitter = () => (shared ??= new CompoundSplitter(dutchLexicon(join(config.root, 'resources'))));
  const store = new ContentStore(db, { splitter });
  return { db, file, store, splitter };
}

function build(config: ChildConfig): ChildResult {
  const vocab = buildVocabulary(config.root, config.seed);
  const corpus = generateCorpus(vocab, config.size, config.seed);
  const corpusMB = rssMB();
  log(NAME, `corpus: ${corpus.letters.length} letters, ${(corpus.chars / 1e6).toFixed(1)} MB of text`);
  const { db, file, store } = open(config);
  const install = time(() =>
    store.installPack(
      {
        info: { id: 'bench', title: 'Benchmark', version: 1, publisher: null, issued: null },
        manifestJson: '{}',
        documents: corpus.letters,
      },
      'file',
    ),
  );
  const heapMB = Math.round(process.memoryUsage().heapUsed / 1048576);
  log(NAME, `installPack: ${(install.ms / 1000).toFixed(1)} s; JS heap after it ${heapMB} MB`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  let indexBytes: number | undefined;
  try {
    indexBytes =
      (db.prepare(`SELECT SUM(pgsize) AS n FROM dbstat WHERE name LIKE 'search%'`).get() as { n: number | null }).n ??
      undefined;
  } catch {
    indexBytes = undefined; // dbstat not compiled in
  }
  db.close();
  const { letters: _letters, ...figures } = corpus;
  return {
    variant: NAME,
    phase: 'build',
    size: config.size,
    build: {
      ms: install.ms,
      bytes: fileBytes(file, `${file}-wal`),
      indexBytes,
      corpus: { ...figures, letters: Math.ceil(config.size / 100) },
    },
    rss: { corpusMB, heapMB, peakMB: peakRssMB() },
  };
}

/** The index alone, rebuilt from the stored content in a fresh process (as after an analysis upgrade). */
function rebuild(config: ChildConfig): ChildResult {
  const { db, store } = open(config);
  const rebuilt = time(() => store.searchIndex.rebuild());
  log(NAME, `searchIndex.rebuild: ${(rebuilt.ms / 1000).toFixed(1)} s (${rebuilt.value.units} units)`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    variant: NAME,
    phase: 'rebuild',
    size: config.size,
    build: { ms: rebuilt.ms, bytes: NaN },
    rss: { peakMB: peakRssMB() },
  };
}

/**
 * Wraps every method of a search source so the time spent in it is added to `spent[name]`: the SQL
 * side of a search (candidates and count, per-letter facets, loading the hits' rows) against the rest
 * (parsing, re-ranking, snippets), without touching the engine.
 */
function timed<T extends object>(source: T, spent: Record<string, number>): T {
  return new Proxy(source, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        const start = performance.now();
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        } finally {
          spent[prop] = (spent[prop] ?? 0) + performance.now() - start;
        }
      };
    },
  });
}

function query(config: ChildConfig): ChildResult {
  const { db, store, splitter } = open(config);
  const spent: Record<string, number> = {};
  const suggester = new Suggester(db, () => store.searchIndex.generation);
  const engine = new SearchEngine({ content: timed(contentSource(db), spent), notes: null }, splitter, suggester);
  // The first suggestion builds the in-memory MiniSearch over the vocabulary and headings (a search
  // without hits would otherwise build it for "did you mean").
  const first = time(() => suggester.suggest('gem', 8));
  // Where the time of each timed search went, summed per query type.
  const breakdown: Record<string, Record<string, number>> = {};
  const counted: Record<string, number> = {};
  const onTimed = (q: BenchQuery, ms: number) => {
    const entry = (breakdown[q.type] ??= {});
    let sql = 0;
    for (const [part, t] of Object.entries(spent)) {
      entry[part] = (entry[part] ?? 0) + t;
      sql += t;
    }
    entry.js = (entry.js ?? 0) + ms - sql;
    counted[q.type] = (counted[q.type] ?? 0) + 1;
  };
  const run = (request: (q: BenchQuery) => Parameters<SearchEngine['search']>[0], label: string) =>
    measure(
      config.queries,
      config.runs,
      (q) => {
        for (const k of Object.keys(spent)) spent[k] = 0;
        return engine.search(request(q)).total;
      },
      {
        onRun: (r, s) => log(NAME, `${label} run ${r + 1}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`),
        ...(label === 'search' ? { onTimed } : {}),
      },
    );
  const search = run((q) => ({ text: q.text, limit: 20 }), 'search');
  for (const [type, parts] of Object.entries(breakdown))
    for (const part of Object.keys(parts)) parts[part]! /= counted[type]!;
  // As the app's search view asks: with the per-letter counts (facets) as well.
  const withFacets = run((q) => {
    const request = { text: q.text, limit: 20, facets: true };
    return request;
  }, 'search+facets');
  const suggest = measure(
    config.prefixes.map((text) => ({ text })),
    config.runs,
    (p) => suggester.suggest(p.text, 8).length,
    { onRun: (r, s) => log(NAME, `suggest run ${r + 1}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`) },
  );
  db.close();
  return {
    variant: NAME,
    phase: 'query',
    size: config.size,
    query: { ...search, breakdown },
    queryFacets: withFacets,
    suggest: { ...suggest, buildMs: first.ms },
    rss: { peakMB: peakRssMB() },
  };
}

main(() => {
  const { config, phase, out } = readArgs();
  if (phase === 'all') throw new Error('raadsmap runs as three processes: build, rebuild, query');
  writeResult(out, phase === 'build' ? build(config) : phase === 'rebuild' ? rebuild(config) : query(config));
});
