/**
 * Suggestions while typing and "Bedoelde u …?": MiniSearch over the vocabulary, the letter titles
 * and the section headings only (small, held in memory), never over the whole text, which stays in
 * SQLite FTS5. Rebuilt lazily when the index changed.
 */
import MiniSearch from 'minisearch';
import type { Db } from '../db/open';
import { fold, isStopWord } from './analyze';
import type { ParsedQuery } from './query';

export interface Suggestion {
  /** What the search field gets when the suggestion is picked. */
  text: string;
  kind: 'word' | 'heading' | 'title';
  /** For headings and titles: where it points. */
  documentId: string | null;
  sectionId: string | null;
  /** How many units contain the word (for kind word). */
  count: number;
}

interface Entry {
  id: number;
  text: string;
  kind: Suggestion['kind'];
  documentId: string | null;
  sectionId: string | null;
  count: number;
}

export class Suggester {
  private index: MiniSearch<Entry> | null = null;
  private entries: Entry[] = [];
  private words = new Map<string, Entry>();
  private generation = -1;

  constructor(
    private readonly db: Db,
    private readonly currentGeneration: () => number,
  ) {}

  private ensure(): MiniSearch<Entry> {
    const gen = this.currentGeneration();
    if (this.index && gen === this.generation) return this.index;
    const entries: Entry[] = [];
    const vocab = this.db.prepare('SELECT word, display, units FROM search_vocab').all() as Array<{
      word: string;
      display: string;
      units: number;
    }>;
    this.words = new Map();
    for (const v of vocab) {
      if (v.word.length < 3 || isStopWord(v.word)) continue;
      const entry: Entry = {
        id: entries.length,
        text: v.display,
        kind: 'word',
        documentId: null,
        sectionId: null,
        count: v.units,
      };
      entries.push(entry);
      this.words.set(v.word, entry);
    }
    const headings = this.db
      .prepare(
        `SELECT i.doc_id, u.section_id, u.text FROM search_units u JOIN search_indexed i ON i.document = u.document
         WHERE u.kind = 'heading' AND u.paragraph_id IS NULL`,
      )
      .all() as Array<{ doc_id: string; section_id: string | null; text: string }>;
    for (const h of headings) {
      entries.push({
        id: entries.length,
        text: h.text,
        kind: h.section_id ? 'heading' : 'title',
        documentId: h.doc_id,
        sectionId: h.section_id,
        count: 0,
      });
    }
    const index = new MiniSearch<Entry>({
      fields: ['text'],
      storeFields: [],
      processTerm: (term) => fold(term),
      searchOptions: { prefix: true, fuzzy: 0.2, boost: { text: 1 } },
    });
    index.addAll(entries);
    this.index = index;
    this.entries = entries;
    this.generation = gen;
    return index;
  }

  /**
   * Up to `limit` suggestions for what is being typed: completions of the last word (words that
   * start with it first, the most frequent first; then close misspellings), and headings and letter
   * titles that match the whole text.
   */
  suggest(text: string, limit = 8): Suggestion[] {
    const trimmed = text.trim();
    if (trimmed.length < 2) return [];
    const index = this.ensure();
    const lastWord = trimmed.split(/\s+/).pop() ?? '';
    const head = trimmed.slice(0, trimmed.length - lastWord.length);
    const typed = fold(lastWord);
    const words =
      typed.length < 2
        ? []
        : index
            .search(lastWord, {
              prefix: true,
              fuzzy: (term) => (term.length > 4 ? 0.2 : false),
              filter: (r) => this.entries[r.id as number]!.kind === 'word',
            })
            // MiniSearch's best 200 are plenty to choose from (a 2-letter prefix matches thousands).
            .slice(0, 200)
            .map((r) => this.entries[r.id as number]!)
            .filter((e) => fold(e.text) !== typed || e.count > 0)
            .sort((a, b) => {
              const ap = fold(a.text).startsWith(typed) ? 0 : 1;
              const bp = fold(b.text).startsWith(typed) ? 0 : 1;
              return ap - bp || b.count - a.count || a.text.localeCompare(b.text, 'nl');
            });
    const places = index
      .search(trimmed, {
        prefix: true,
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        combineWith: 'AND',
        filter: (r) => this.entries[r.id as number]!.kind !== 'word',
      })
      .map((r) => this.entries[r.id as number]!);
    const out: Suggestion[] = [];
    const seen = new Set<string>();
    const add = (e: Entry) => {
      const value = e.kind === 'word' ? head + e.text : e.text;
      const k = `${e.kind}:${fold(value)}:${e.documentId ?? ''}:${e.sectionId ?? ''}`;
      if (seen.has(k) || out.length >= limit) return;
      seen.add(k);
      out.push({ text: value, kind: e.kind, documentId: e.documentId, sectionId: e.sectionId, count: e.count });
    };
    // Several words that together name a heading or letter: that place is the best guess.
    if (head.trim()) for (const e of places.slice(0, 3)) add(e);
    // Places (headings, titles) keep up to three of the slots when there are enough words.
    const placeSlots = Math.min(3, places.length);
    for (const e of words.slice(0, Math.max(limit - placeSlots, 1))) add(e);
    for (const e of places) add(e);
    for (const e of words) add(e);
    return out;
  }

  /**
   * A corrected query when some words are unknown: each unknown word replaced by the closest known
   * word (MiniSearch fuzzy match, most frequent first). Null when nothing better is known.
   */
  correct(parsed: ParsedQuery): string | null {
    const index = this.ensure();
    let changed = false;
    const parts: string[] = [];
    for (const group of parsed.groups) {
      const alternatives: string[] = [];
      for (const clause of group) {
        const words = clause.type === 'word' ? [clause.word] : clause.words;
        const fixed = words.map((w) => {
          if (this.words.has(w.folded) || w.folded.length < 4 || isStopWord(w.folded)) return w.raw;
          const best = index
            .search(w.folded, {
              fuzzy: w.folded.length > 7 ? 2 : 1,
              prefix: false,
              filter: (r) => this.entries[r.id as number]!.kind === 'word',
            })
            .map((r) => this.entries[r.id as number]!)
            .filter((e) => e.kind === 'word')
            .sort(
              (a, b) =>
                editDistance(w.folded, fold(a.text)) - editDistance(w.folded, fold(b.text)) || b.count - a.count,
            )[0];
          if (!best) return w.raw;
          changed = true;
          return best.text;
        });
        alternatives.push(clause.type === 'phrase' ? `"${fixed.join(' ')}"` : fixed.join(' '));
      }
      parts.push(alternatives.join(' OR '));
    }
    return changed ? parts.join(' ') : null;
  }
}

/** Damerau-Levenshtein (optimal string alignment) distance, for ordering corrections. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}
