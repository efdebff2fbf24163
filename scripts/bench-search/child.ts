/**
 * What every variant's child process shares: its arguments (`<config.json> <phase> <result.json>`),
 * the timed query loop, and the result file the runner reads. Progress goes to stderr.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median, percentile, type BenchQuery, type QueryType } from './corpus';

export interface ChildConfig {
  root: string;
  seed: number;
  size: number;
  /** A folder for this size's database files. */
  dir: string;
  runs: number;
  queries: BenchQuery[];
  prefixes: string[];
}

export type Phase = 'build' | 'rebuild' | 'query' | 'all';

export interface Stats {
  p50: number;
  p95: number;
}

export interface QueryStats extends Stats {
  /** p50 and p95 of each run; p50/p95 above are their medians. */
  runs: Stats[];
  byType: Partial<Record<QueryType, Stats>>;
  /** The very first query (cold caches), not part of the figures. */
  firstMs: number;
  /** Mean number of matches (the count each variant reports) and queries with none. */
  meanTotal: number;
  zeroHits: number;
  /** The slowest items by their median time over the runs. */
  slowest: Array<{ text: string; type?: QueryType; ms: number }>;
}

export interface ChildResult {
  variant: string;
  phase: Phase;
  size: number;
  build?: {
    ms: number;
    /** Raadsmap: the index alone, rebuilt from the stored content. */
    indexMs?: number;
    bytes: number;
    /** Raadsmap: the part of the database that is the search index (dbstat). */
    indexBytes?: number;
    corpus?: { paragraphs: number; chars: number; words: number; distinct: number; letters: number };
  };
  query?: QueryStats & {
    /** Raadsmap: mean ms per query type spent in each search-source method (SQL) and in the rest (js). */
    breakdown?: Record<string, Record<string, number>>;
  };
  /** Raadsmap: the same queries with per-letter facets, as the app's search view asks. */
  queryFacets?: QueryStats;
  suggest?: QueryStats & { buildMs: number };
  /** MB: RSS after generating the corpus (when this process does), JS heap after building, peak RSS (maxRSS). */
  rss: { corpusMB?: number; heapMB?: number; peakMB: number };
}

export function readArgs(): { config: ChildConfig; phase: Phase; out: string } {
  const [configPath, phase, out] = process.argv.slice(2);
  if (!configPath || !out || !['build', 'rebuild', 'query', 'all'].includes(phase ?? '')) {
    throw new Error('usage: node <variant>.cjs <config.json> build|rebuild|query|all <result.json>');
  }
  return { config: JSON.parse(readFileSync(configPath, 'utf8')) as ChildConfig, phase: phase as Phase, out };
}

export function log(variant: string, message: string): void {
  process.stderr.write(`  [${variant}] ${message}\n`);
}

export function rssMB(): number {
  return Math.round(process.memoryUsage.rss() / 1048576);
}

export function peakRssMB(): number {
  // maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function fileBytes(...files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += statSync(f).size;
    } catch {
      // A -wal file may be absent after a checkpoint.
    }
  }
  return n;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const WARMUP = 10;

/**
 * Runs the items `runs` times after a warm-up of 10, timing each call. `fn` returns the number of
 * matches it reports.
 */
export function measure<T extends { type?: QueryType; text: string }>(
  items: T[],
  runs: number,
  fn: (item: T) => number,
  hooks: { onRun?: (run: number, stats: Stats) => void; onTimed?: (item: T, ms: number) => void } = {},
): QueryStats {
  let firstMs = NaN;
  for (let i = 0; i < Math.min(WARMUP, items.length); i++) {
    const { ms } = time(() => fn(items[i]!));
    if (i === 0) firstMs = ms;
  }
  const perRun: Stats[] = [];
  const typeRuns = new Map<QueryType, Stats[]>();
  let totals = 0;
  let zero = 0;
  const perItem: number[][] = items.map(() => []);
  for (let run = 0; run < runs; run++) {
    const all: number[] = [];
    const byType = new Map<QueryType, number[]>();
    for (const [index, item] of items.entries()) {
      const start = performance.now();
      const total = fn(item);
      const ms = performance.now() - start;
      hooks.onTimed?.(item, ms);
      perItem[index]!.push(ms);
      all.push(ms);
      if (item.type) {
        const list = byType.get(item.type) ?? [];
        list.push(ms);
        byType.set(item.type, list);
      }
      if (run === 0) {
        totals += total;
        if (total === 0) zero++;
      }
    }
    const stats = { p50: percentile(all, 50), p95: percentile(all, 95) };
    perRun.push(stats);
    hooks.onRun?.(run, stats);
    for (const [type, list] of byType) {
      const entry = typeRuns.get(type) ?? [];
      entry.push({ p50: percentile(list, 50), p95: percentile(list, 95) });
      typeRuns.set(type, entry);
    }
  }
  const byType: Partial<Record<QueryType, Stats>> = {};
  for (const [type, list] of typeRuns) {
    byType[type] = { p50: median(list.map((s) => s.p50)), p95: median(list.map((s) => s.p95)) };
  }
  return {
    p50: median(perRun.map((s) => s.p50)),
    p95: median(perRun.map((s) => s.p95)),
    runs: perRun,
    byType,
    firstMs,
    meanTotal: items.length ? totals / items.length : 0,
    zeroHits: zero,
    slowest: items
      .map((item, i) => ({ text: item.text, ...(item.type ? { type: item.type } : {}), ms: median(perItem[i]!) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10),
  };
}

export function writeResult(out: string, result: ChildResult): void {
  writeFileSync(out, JSON.stringify(result));
}

/** Runs a child's main function; any failure is printed and exits non-zero. */
export function main(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
