/**
 * Variant (c): plain SQLite FTS5 without Dutch analysis: `unicode61 remove_diacritics 2` over the
 * paragraphs (content stored in the FTS table), every word quoted, words ANDed, a phrase quoted
 * whole, `energ*` as `"energ"*`; bm25 `ORDER BY rank LIMIT 20` with `snippet()`, plus a count.
 */
import { buildVocabulary, flatten, generateCorpus, type BenchQuery } from './corpus';
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

const NAME = 'fts5';
const FILE = 'fts5.db';

function build(config: ChildConfig): ChildResult {
  const paragraphs = flatten(generateCorpus(buildVocabulary(config.root, config.seed), config.size, config.seed));
  const corpusMB = rssMB();
  const { db, file } = openPlain(config.dir, FILE);
  const built = time(() => {
    db.exec(
      `CREATE VIRTUAL TABLE paragraphs USING fts5(text, doc_id UNINDEXED, section UNINDEXED,
         tokenize = 'unicode61 remove_diacritics 2')`,
    );
    const insert = db.prepare('INSERT INTO paragraphs (rowid, text, doc_id, section) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const p of paragraphs) insert.run(p.id, p.text, p.docId, p.section);
    })();
  });
  log(NAME, `index: ${(built.ms / 1000).toFixed(1)} s`);
  return {
    variant: NAME,
    phase: 'build',
    size: config.size,
    build: { ms: built.ms, bytes: closeAndMeasure(db, file) },
    rss: { corpusMB, peakMB: peakRssMB() },
  };
}

function expression(q: BenchQuery): string {
  const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;
  if (q.phrase) return quote(q.words.join(' '));
  if (q.prefix) return `${quote(q.words[0]!)}*`;
  return q.words.map(quote).join(' AND ');
}

function query(config: ChildConfig): ChildResult {
  const { db } = openPlain(config.dir, FILE);
  const top = db.prepare(
    `SELECT rowid AS id, doc_id, snippet(paragraphs, 0, '<mark>', '</mark>', '…', 24) AS snippet
     FROM paragraphs WHERE paragraphs MATCH ? ORDER BY rank LIMIT 20`,
  );
  const count = db.prepare('SELECT COUNT(*) AS n FROM paragraphs WHERE paragraphs MATCH ?');
  const search = measure(
    config.queries,
    config.runs,
    (q) => {
      const expr = expression(q);
      const hits = top.all(expr) as Array<{ id: number; doc_id: string; snippet: string }>;
      const total = (count.get(expr) as { n: number }).n;
      return hits.length > 0 ? total : 0;
    },
    { onRun: (run, s) => log(NAME, `run ${run + 1}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`) },
  );
  db.close();
  return { variant: NAME, phase: 'query', size: config.size, query: search, rss: { peakMB: peakRssMB() } };
}

main(() => {
  const { config, phase, out } = readArgs();
  if (phase === 'all') throw new Error('fts5 runs as two processes: build, then query');
  writeResult(out, phase === 'build' ? build(config) : query(config));
});
