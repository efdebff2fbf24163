/**
 * The measuring process of `npm run bench:packs` (forked by run.ts, so its peak RSS is the app's:
 * open the data folder, install the pack, search, annotate, update). Gets the config path as its
 * argument and answers with one IPC message { ok, result | error }. Progress goes to stderr.
 *
 *   1. openServices on an empty data folder (default content installed as on first start).
 *   2. packs.install(v1) with the user's confirmation of the key's fingerprint; time per phase
 *      (the onProgress phase changes), peak RSS (getrusage: this process's whole life so far).
 *   3. A few searches (first call, then the median of 5).
 *   4. N annotations on ranges of the canonical text, in one notes.db transaction.
 *   5. The data folder is closed and copied; packs.install(v2) on the original: re-anchoring is
 *      the 'reanchor' phase until 'done'; the summary's note counts.
 *   6. On the copy: content.installPack(v2) (the content half of an install, as an interrupted
 *      install leaves it), then packs.reanchoring.run() alone.
 */
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openServices, type Services } from '../../electron/core/services';
import { documentText } from '../../electron/shared/text';
import type { InstallProgress, PackUpdateSummary } from '../../electron/shared/packs';
import { prng, type Random } from '../bench-search/corpus';
import { summariseProfile, timeStatements, type ProfileSummary } from './profile';
import type { Db } from '../../electron/core/db/open';

export interface ChildConfig {
  root: string;
  workDir: string;
  v1: string;
  v2: string;
  fingerprint: string;
  annotations: number;
  seed: number;
  queries: string[];
  profile: boolean;
}

type Phase = NonNullable<InstallProgress>['phase'];

export interface InstallTiming {
  totalMs: number;
  /** Per phase, from its first progress call to the next phase's (done: until install() returned). */
  phases: Partial<Record<Phase, number>>;
  /** 'reanchor' + the 'done' call (re-anchoring, as the brief defines it). */
  reanchorMs: number;
}

export interface ChildResult {
  open: { ms: number };
  import: InstallTiming & {
    peakRssMB: number;
    rssAfterMB: number;
    heapAfterMB: number;
    contentDbMB: number;
    documents: number;
    profile?: ProfileSummary;
  };
  search: Array<{ text: string; firstMs: number; medianMs: number; total: number; hits: number }>;
  annotations: { count: number; letters: number; ms: number; byKind: Record<string, number> };
  reopen: { ms: number };
  update: InstallTiming & {
    changedLetters: number;
    notes: PackUpdateSummary['notes'];
    reportCount: number;
    reportStates: Record<string, number>;
    notesOnChangedLetters: number;
    peakRssMB: number;
    profile?: ProfileSummary;
  };
  isolated: {
    contentInstallMs: number;
    pendingUpdates: number;
    runMs: number;
    notes: Record<string, number>;
    profile?: ProfileSummary;
  };
}

const log = (line: string) => process.stderr.write(`bench:packs: ${line}\n`);
const MB = 1024 * 1024;
const peakRssMB = () => process.resourceUsage().maxRSS / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function fileMB(...files: string[]): number {
  let total = 0;
  for (const f of files) {
    try {
      total += statSync(f).size;
    } catch {
      /* no -wal */
    }
  }
  return total / MB;
}

/** An onProgress that notes when each phase starts, and the timings once install() returned. */
function phaseClock() {
  const marks: Array<{ phase: Phase; t: number }> = [];
  let lastLog = 0;
  const onProgress = (p: NonNullable<InstallProgress>) => {
    const now = performance.now();
    if (marks[marks.length - 1]?.phase !== p.phase) {
      marks.push({ phase: p.phase, t: now });
      log(`  ${p.phase}`);
    } else if (p.total > 1 && now - lastLog > 2000) {
      lastLog = now;
      log(`  ${p.phase} ${p.done}/${p.total}`);
    }
  };
  const finish = (t0: number, t1: number): InstallTiming => {
    const phases: Partial<Record<Phase, number>> = {};
    marks.forEach((m, i) => {
      phases[m.phase] = (marks[i + 1]?.t ?? t1) - m.t;
    });
    const reanchorStart = marks.find((m) => m.phase === 'reanchor')?.t;
    const doneAt = marks.find((m) => m.phase === 'done')?.t;
    return {
      totalMs: t1 - t0,
      phases,
      reanchorMs: reanchorStart !== undefined && doneAt !== undefined ? doneAt - reanchorStart : NaN,
    };
  };
  return { onProgress, finish };
}

/** Runs `fn` under the V8 sampling profiler when asked (the summary names the dominant functions). */
async function profiled<T>(on: boolean, dbs: Db[], fn: () => T): Promise<{ value: T; profile?: ProfileSummary }> {
  if (!on) return { value: fn() };
  const timers = dbs.map((db) => timeStatements(db));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: fn() };
  } catch (error) {
    outcome = { error };
  }
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const sql = timers
    .flatMap((t) => t.stop())
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  if ('error' in outcome) throw outcome.error;
  return { value: outcome.value, profile: { ...summariseProfile(profile, process.cwd()), sql } };
}

function search(s: Services, queries: string[]): ChildResult['search'] {
  return queries.map((text) => {
    const t0 = performance.now();
    const first = s.search.search({ text, limit: 20 });
    const firstMs = performance.now() - t0;
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      s.search.search({ text, limit: 20 });
      times.push(performance.now() - t);
    }
    log(`  ${text}: ${first.total} hits, ${firstMs.toFixed(1)} ms first, ${median(times).toFixed(1)} ms median`);
    return { text, firstMs, medianMs: median(times), total: first.total, hits: first.hits.length };
  });
}

const NOTES = [
  'Navragen bij de griffie wat dit voor onze begroting betekent.',
  'Sterk punt: meenemen in de inbreng van de fractie.',
  'Hier ben ik het niet mee eens; te vrijblijvend.',
  'Koppelen aan de Kadernota en het coalitieakkoord.',
  'Wat betekent dit concreet voor kleine gemeenten zoals de onze?',
  'Vraag voor de ALV: wie betaalt dit?',
];

/** Sentences of a paragraph as [start, end) offsets relative to it. */
function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[^.;!?]+[.;!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let a = m.index;
    let b = m.index + m[0].length;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b - a >= 3) out.push([a, b]);
  }
  return out;
}

/**
 * A highlight on letter text as readers make them: a whole sentence (50 %), a phrase of 2–8 words
 * inside a sentence (35 %), or a whole paragraph (15 %).
 */
function pickRange(
  rand: Random,
  text: string,
  block: { start: number; end: number },
): { start: number; end: number; kind: string } {
  const para = text.slice(block.start, block.end);
  const r = rand();
  if (r < 0.15) return { start: block.start, end: block.end, kind: 'paragraph' };
  const sentences = sentenceRanges(para);
  if (!sentences.length) return { start: block.start, end: block.end, kind: 'paragraph' };
  const [a, b] = sentences[Math.floor(rand() * sentences.length)]!;
  if (r < 0.65) return { start: block.start + a, end: block.start + b, kind: 'sentence' };
  const words: Array<[number, number]> = [];
  const re = /\S+/g;
  const sentence = para.slice(a, b);
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) words.push([a + m.index, a + m.index + m[0].length]);
  const n = Math.min(words.length, 2 + Math.floor(rand() * 7));
  const from = Math.floor(rand() * (words.length - n + 1));
  const start = words[from]![0];
  // A phrase rarely includes the sentence's closing punctuation.
  const end =
    words[from + n - 1]![1] - (/[.,;:!?]$/.test(para.slice(words[from + n - 1]![0], words[from + n - 1]![1])) ? 1 : 0);
  return { start: block.start + start, end: block.start + Math.max(start + 1, end), kind: 'phrase' };
}

function annotate(s: Services, ids: string[], count: number, seed: number): ChildResult['annotations'] {
  const rand = prng((seed ^ 0xa770) >>> 0);
  const byKind: Record<string, number> = {};
  const used = new Set<string>();
  // The letters' canonical text, read before the clock starts: the figure is createAnnotation's.
  const texts = new Map(ids.map((id) => [id, documentText(s.content.getDocument(id))]));
  const t0 = performance.now();
  s.notesDb.transaction(() => {
    // Each note on a random letter (uniform), a random paragraph of it.
    for (let i = 0; i < count; i++) {
      const id = ids[Math.floor(rand() * ids.length)]!;
      used.add(id);
      const { text, blocks } = texts.get(id)!;
      const paragraphs = blocks.filter((b) => b.kind === 'paragraph' && b.end - b.start > 3);
      const block = paragraphs[Math.floor(rand() * paragraphs.length)]!;
      const range = pickRange(rand, text, block);
      byKind[range.kind] = (byKind[range.kind] ?? 0) + 1;
      s.notes.createAnnotation({
        documentId: id,
        start: range.start,
        end: range.end,
        color: 'geel',
        note: rand() < 0.6 ? NOTES[Math.floor(rand() * NOTES.length)]! : '',
      });
      if ((i + 1) % 2000 === 0) log(`  ${i + 1}/${count} annotations`);
    }
  })();
  return { count, letters: used.size, ms: performance.now() - t0, byKind };
}

async function run(config: ChildConfig): Promise<ChildResult> {
  const resourcesDir = join(config.root, 'resources');
  const dataDir = join(config.workDir, 'data');
  const copyDir = join(config.workDir, 'data-isolated');

  log('opening an empty data folder (default content installed)');
  let t = performance.now();
  let s = openServices({ dataDir, resourcesDir });
  const openMs = performance.now() - t;

  log('importing v1');
  const v1 = new Uint8Array(readFileSync(config.v1));
  const clock1 = phaseClock();
  let t0 = performance.now();
  const imported = await profiled(config.profile, [s.contentDb, s.notesDb], () =>
    s.packs.install(v1, { trustFingerprint: config.fingerprint, onProgress: clock1.onProgress }),
  );
  const timing1 = clock1.finish(t0, performance.now());
  const importPeak = peakRssMB();
  const mem = process.memoryUsage();
  s.contentDb.pragma('wal_checkpoint(TRUNCATE)');
  const importResult: ChildResult['import'] = {
    ...timing1,
    peakRssMB: importPeak,
    rssAfterMB: mem.rss / MB,
    heapAfterMB: mem.heapUsed / MB,
    contentDbMB: fileMB(join(dataDir, 'content.db'), join(dataDir, 'content.db-wal')),
    documents: imported.value.added.length,
    ...(imported.profile ? { profile: imported.profile } : {}),
  };
  log(`  ${(timing1.totalMs / 1000).toFixed(1)} s, peak RSS ${importPeak.toFixed(0)} MB`);

  log('searching');
  const searches = search(s, config.queries);

  log(`creating ${config.annotations} annotations`);
  const ids = s.content.listDocumentIdsInPack('bench-ledenbrieven');
  const annotations = annotate(s, ids, config.annotations, config.seed);
  log(`  ${(annotations.ms / 1000).toFixed(1)} s`);

  // A copy of the data folder with v1 and the annotations, for the isolated re-anchoring run.
  s.close();
  cpSync(dataDir, copyDir, { recursive: true });
  t = performance.now();
  s = openServices({ dataDir, resourcesDir });
  const reopenMs = performance.now() - t;

  log('installing v2 (the update)');
  const v2 = new Uint8Array(readFileSync(config.v2));
  const clock2 = phaseClock();
  t0 = performance.now();
  const updated = await profiled(config.profile, [s.contentDb, s.notesDb], () =>
    s.packs.install(v2, { trustFingerprint: config.fingerprint, onProgress: clock2.onProgress }),
  );
  const timing2 = clock2.finish(t0, performance.now());
  const summary = updated.value;
  const report = s.packs.reanchoring.reportOf(summary.id);
  const reportStates: Record<string, number> = {};
  for (const r of report) reportStates[r.state] = (reportStates[r.state] ?? 0) + 1;
  const changedIds = new Set(summary.changed.map((d) => d.id));
  const notesOnChanged = s.notesDb
    .prepare('SELECT document_id FROM annotations WHERE deleted_at IS NULL')
    .pluck()
    .all()
    .filter((id) => changedIds.has(id as string)).length;
  const update: ChildResult['update'] = {
    ...timing2,
    changedLetters: summary.changed.length,
    notes: summary.notes,
    reportCount: report.length,
    reportStates,
    notesOnChangedLetters: notesOnChanged,
    peakRssMB: peakRssMB(),
    ...(updated.profile ? { profile: updated.profile } : {}),
  };
  log(`  re-anchoring ${(timing2.reanchorMs / 1000).toFixed(2)} s: ${JSON.stringify(summary.notes)}`);
  s.close();

  log('isolated: content.installPack(v2), then packs.reanchoring.run()');
  const c = openServices({ dataDir: copyDir, resourcesDir });
  let isolated: ChildResult['isolated'];
  try {
    const { pack } = c.packs.open(v2);
    const m = pack.manifest;
    t = performance.now();
    c.content.installPack(
      {
        info: { id: m.id, title: m.title, version: m.version, publisher: m.publisher, issued: m.issued },
        manifestJson: pack.manifestJson,
        documents: pack.documents,
      },
      'file',
    );
    const contentInstallMs = performance.now() - t;
    const pendingUpdates = c.packs.reanchoring.pending().length;
    t = performance.now();
    const ran = await profiled(config.profile, [c.contentDb, c.notesDb], () => c.packs.reanchoring.run());
    const runMs = performance.now() - t;
    isolated = {
      contentInstallMs,
      pendingUpdates,
      runMs,
      notes: ran.value.notes,
      ...(ran.profile ? { profile: ran.profile } : {}),
    };
    log(`  run() ${(runMs / 1000).toFixed(2)} s: ${JSON.stringify(ran.value.notes)}`);
  } finally {
    c.close();
  }

  return {
    open: { ms: openMs },
    import: importResult,
    search: searches,
    annotations,
    reopen: { ms: reopenMs },
    update,
    isolated,
  };
}

const configFile = process.argv[2];
if (!configFile || !process.send) {
  process.stderr.write('child.ts is started by scripts/bench-packs/run.ts\n');
  process.exit(2);
}
const config = JSON.parse(readFileSync(configFile, 'utf8')) as ChildConfig;
run(config).then(
  (result) => {
    writeFileSync(join(config.workDir, 'result.json'), JSON.stringify(result));
    process.send!({ ok: true }, () => process.exit(0));
  },
  (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send!({ ok: false, error: message }, () => process.exit(1));
  },
);
