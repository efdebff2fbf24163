/**
 * Variant (d): MiniSearch (npm `minisearch`) over the whole corpus, in memory, in one process
 * (an in-memory index has no separate query process). Terms folded like Raadsmap (lower case, accents
 * removed), no stop words, no stems. Words ANDed; `energ*` with `prefix: true`; a phrase is its words
 * ANDed and then checked in the text. Top 20 with a plain snippet; the count is all matches.
 * Size = the serialised index (`JSON.stringify`), measured after the peak RSS was taken.
 */
import MiniSearch from 'minisearch';
import { buildVocabulary, flatten, fold, generateCorpus, plainSnippet } from './corpus';
import { log, main, measure, peakRssMB, readArgs, rssMB, time, writeResult, type ChildResult } from './child';

const NAME = 'minisearch';

main(() => {
  const { config, out } = readArgs();
  const paragraphs = flatten(generateCorpus(buildVocabulary(config.root, config.seed), config.size, config.seed));
  const corpusMB = rssMB();
  const texts = new Map(paragraphs.map((p) => [p.id, p.text]));
  const index = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    storeFields: [],
    processTerm: (term) => fold(term) || null,
  });
  const built = time(() => index.addAll(paragraphs.map((p) => ({ id: p.id, text: p.text }))));
  paragraphs.length = 0;
  log(NAME, `index: ${(built.ms / 1000).toFixed(1)} s`);
  const search = measure(
    config.queries,
    config.runs,
    (q) => {
      let results = index.search(q.words.join(' '), { combineWith: 'AND', prefix: q.prefix });
      if (q.phrase) {
        const phrase = q.words.join(' ');
        results = results.filter((r) => fold(texts.get(r.id as number)!).includes(phrase));
      }
      const needle = q.phrase ? q.words.join(' ') : q.words[0]!;
      const hits = results
        .slice(0, 20)
        .map((r) => ({ id: r.id as number, snippet: plainSnippet(texts.get(r.id as number)!, needle) }));
      return hits.length > 0 ? results.length : 0;
    },
    { onRun: (run, s) => log(NAME, `run ${run + 1}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`) },
  );
  const peakMB = peakRssMB();
  const bytes = Buffer.byteLength(JSON.stringify(index));
  const result: ChildResult = {
    variant: NAME,
    phase: 'all',
    size: config.size,
    build: { ms: built.ms, bytes },
    query: search,
    rss: { corpusMB, peakMB },
  };
  writeResult(out, result);
});
