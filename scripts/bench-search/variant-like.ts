/**
 * Variant (b): the naive baseline. A plain `paragraphs` table, every query a `LIKE '%…%'` scan
 * (one LIKE per word, ANDed; a phrase is one LIKE; `energ*` is `%energ%`), the first 20 rows in
 * table order with a plain snippet, plus a COUNT(*) of all matches.
 */
import type { Statement } from 'better-sqlite3';
import { buildVocabulary, flatten, generateCorpus, plainSnippet, type BenchQuery } from './corpus';
import {
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
import { closeAndMeasure, openPlain } from './sqlite';

const NAME = 'like';
const FILE = 'like.db';

function build(config: ChildConfig): ChildResult {
  const paragraphs = flatten(generateCorpus(buildVocabulary(config.root, config.seed), config.size, config.seed));
  const corpusMB = rssMB();
  const { db, file } = openPlain(config.dir, FILE);
  const built = time(() => {
    db.exec('CREATE TABLE paragraphs (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, section TEXT, text TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO paragraphs (id, doc_id, section, text) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const p of paragraphs) insert.run(p.id, p.docId, p.section, p.text);
    })();
  });
  log(NAME, `table: ${(built.ms / 1000).toFixed(1)} s`);
  return {
    variant: NAME,
    phase: 'build',
    size: config.size,
    build: { ms: built.ms, bytes: closeAndMeasure(db, file) },
    rss: { corpusMB, peakMB: peakRssMB() },
  };
}

function patterns(q: BenchQuery): string[] {
  const escape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);
  return q.phrase ? [`%${escape(q.words.join(' '))}%`] : q.words.map((w) => `%${escape(w)}%`);
}

function query(config: ChildConfig): ChildResult {
  const { db } = openPlain(config.dir, FILE);
  const statements = new Map<number, { top: Statement; count: Statement }>();
  const prepared = (n: number) => {
    let s = statements.get(n);
    if (!s) {
      const where = Array.from({ length: n }, () => "text LIKE ? ESCAPE '\\'").join(' AND ');
      s = {
        top: db.prepare(`SELECT id, doc_id, text FROM paragraphs WHERE ${where} LIMIT 20`),
        count: db.prepare(`SELECT COUNT(*) AS n FROM paragraphs WHERE ${where}`),
      };
      statements.set(n, s);
    }
    return s;
  };
  const search = measure(
    config.queries,
    config.runs,
    (q) => {
      const params = patterns(q);
      const s = prepared(params.length);
      const rows = s.top.all(...params) as Array<{ id: number; doc_id: string; text: string }>;
      const needle = q.phrase ? q.words.join(' ') : q.words[0]!;
      const hits = rows.map((r) => ({ id: r.id, doc: r.doc_id, snippet: plainSnippet(r.text, needle) }));
      const total = (s.count.get(...params) as { n: number }).n;
      return hits.length > 0 ? total : 0;
    },
    { onRun: (run, s) => log(NAME, `run ${run + 1}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`) },
  );
  db.close();
  return { variant: NAME, phase: 'query', size: config.size, query: search, rss: { peakMB: peakRssMB() } };
}

main(() => {
  const { config, phase, out } = readArgs();
  if (phase === 'all') throw new Error('like runs as two processes: build, then query');
  writeResult(out, phase === 'build' ? build(config) : query(config));
});
