/**
 * A V8 CPU profile (the inspector's Profiler.stop, as `node --cpu-prof` writes) reduced to where
 * the time went: functions by self time, and the project's functions by inclusive time (time with
 * that function anywhere on the stack, each sample counted once per function).
 */
import type { Profiler } from 'node:inspector';
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../electron/core/db/open';

export interface ProfileEntry {
  fn: string;
  ms: number;
  pct: number;
}

export interface ProfileSummary {
  ms: number;
  self: ProfileEntry[];
  inclusive: ProfileEntry[];
  /** SQL statements by time in run/get/all (triggers included), when timed. */
  sql?: Array<{ sql: string; ms: number; calls: number }>;
}

/** The original (TypeScript) line of a position in tsx's output, 1-based; the output's when unknown. */
function originalLine(url: string, line: number, column: number): number {
  try {
    const map = findSourceMap(url.startsWith('file://') ? fileURLToPath(url) : url);
    const entry = map?.findEntry(line, column) as { originalLine?: number } | undefined;
    if (entry && typeof entry.originalLine === 'number') return entry.originalLine + 1;
  } catch {
    /* no map */
  }
  return line + 1;
}

export function summariseProfile(profile: Profiler.Profile, root: string, top = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const prefix = `file://${root}/`;
  const labels = new Map<number, { key: string; project: boolean }>();
  const label = (id: number): { key: string; project: boolean } => {
    let l = labels.get(id);
    if (!l) labels.set(id, (l = labelOf(id)));
    return l;
  };
  const labelOf = (id: number): { key: string; project: boolean } => {
    const f = nodes.get(id)!.callFrame;
    let url = f.url.startsWith(prefix) ? f.url.slice(prefix.length) : f.url;
    if (url.startsWith(root + '/')) url = url.slice(root.length + 1);
    url = url.replace(/^.*node_modules\//, 'node_modules/');
    const name = f.functionName || '(anonymous)';
    const key = url ? `${name} ${url}:${originalLine(f.url, f.lineNumber, f.columnNumber)}` : name;
    return { key, project: url.startsWith('electron/') || url.startsWith('node_modules/') };
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    // The time until the next sample is this sample's.
    const us = Math.max(0, deltas[i + 1] ?? 0);
    total += us;
    const id = samples[i]!;
    const own = label(id).key;
    self.set(own, (self.get(own) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(at);
      if (!l.project || seen.has(l.key)) continue;
      seen.add(l.key);
      inclusive.set(l.key, (inclusive.get(l.key) ?? 0) + us);
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => ({ fn, ms: us / 1000, pct: total ? (100 * us) / total : 0 }));
  return { ms: total / 1000, self: list(self), inclusive: list(inclusive) };
}

/**
 * Times every statement prepared on `db` from now on (run/get/all; iterate only to its creation),
 * by SQL text. `stop()` restores prepare and returns the statements by total time.
 */
export function timeStatements(db: Db): { stop: () => Array<{ sql: string; ms: number; calls: number }> } {
  const totals = new Map<string, { ms: number; calls: number }>();
  const original = db.prepare;
  const patched = function (this: Db, source: string) {
    const statement = original.call(db, source) as unknown as Record<string, (...args: unknown[]) => unknown>;
    const sql = source.replace(/\s+/g, ' ').trim().slice(0, 110);
    for (const method of ['run', 'get', 'all', 'iterate']) {
      const fn = statement[method]!;
      statement[method] = (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return fn.apply(statement, args);
        } finally {
          const entry = totals.get(sql) ?? { ms: 0, calls: 0 };
          entry.ms += performance.now() - t0;
          entry.calls++;
          totals.set(sql, entry);
        }
      };
    }
    return statement;
  };
  (db as { prepare: unknown }).prepare = patched;
  return {
    stop: () => {
      (db as { prepare: unknown }).prepare = original;
      return [...totals]
        .map(([sql, t]) => ({ sql, ...t }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 10);
    },
  };
}
