/**
 * One search over the letters (content.db) and the user's notes (notes.db), merged into one ranking.
 *
 * Ranking: bm25 with column weights (headings and decisions above running text, compound parts
 * below), then a re-rank of the best candidates that puts words found as typed above words found only
 * through their stem. When exact and stemmed matching find little, a derivation fallback (shortened
 * stems, `solidair` → `solidariteit`) adds hits below them.
 */
import type { LetterDocument, Section } from '../../shared/model';
import { fold } from './analyze';
import type { CompoundSplitter } from './compounds';
import { COLUMN_WEIGHTS } from './fts';
import { hasPositive, parseQuery, queryTerms, toMatchExpression, type MatchMode, type ParsedQuery } from './query';
import { findMatches, makeSnippet, type Matcher } from './snippet';
import type { Suggester } from './suggest';

export type HitKind = 'text' | 'heading' | 'decision' | 'note';

export interface SearchFilters {
  /** Only these letters. */
  documentIds?: string[];
  /** Only this section (with documentIds of one letter). */
  sectionId?: string;
  /** Letter date range, ISO `YYYY-MM-DD`, inclusive. */
  dateFrom?: string;
  dateTo?: string;
  /** Only notes carrying one of these tags (letters with these tags, once tags exist). */
  tags?: string[];
  /** Only the user's own notes, annotations and positions. */
  onlyNotes?: boolean;
}

export interface SearchRequest extends SearchFilters {
  text: string;
  limit?: number;
  offset?: number;
  /** Also count the hits per letter over all matches (`documents`); costs a pass over every match. */
  facets?: boolean;
}

export interface SearchHit {
  documentId: string;
  documentTitle: string;
  reference: string | null;
  date: string | null;
  section: string | null;
  sectionId: string | null;
  paragraphId: string | null;
  decisionLabel: string | null;
  /** For kind `note`: the note's id in notes.db. */
  noteId: string | null;
  kind: HitKind;
  snippet: string;
  score: number;
}

export interface SearchTerm {
  folded: string;
  stem: string;
  prefix: boolean;
}

export interface SearchResponse {
  query: string;
  total: number;
  hits: SearchHit[];
  /** Hits per letter over all matches (for grouping and the letter filter); empty unless asked for. */
  documents: Array<{ documentId: string; title: string; count: number }>;
  /** What the reader marks: the words looked for. */
  terms: SearchTerm[];
  mode: MatchMode;
  /** A corrected query when the words look mistyped. */
  didYouMean: string | null;
  /** Why there are no hits when the query itself is the reason (empty, only stop words). */
  message: { nl: string; en: string } | null;
}

/** One side of the search: letters in content.db or notes in notes.db. */
export interface SearchSource {
  /** Best `k` units for a MATCH expression with filters, and the count of all matches. */
  top(expression: string, filters: SearchFilters, k: number): { candidates: Candidate[]; total: number };
  /** Matches per letter. */
  facets(expression: string, filters: SearchFilters): Array<{ documentId: string; title: string; count: number }>;
  /** Loads what a hit shows. */
  load(ids: number[]): UnitRow[];
}

export interface Candidate {
  source: 'content' | 'notes';
  id: number;
  score: number;
}

export interface UnitRow {
  source: 'content' | 'notes';
  id: number;
  documentId: string;
  documentTitle: string;
  reference: string | null;
  date: string | null;
  kind: HitKind;
  sectionId: string | null;
  section: string | null;
  paragraphId: string | null;
  decisionLabel: string | null;
  noteId: string | null;
  text: string;
}

const FEW_HITS = 5;
const EXACT_BOOST = 0.6;

export class SearchEngine {
  constructor(
    private readonly sources: { content: SearchSource; notes: SearchSource | null },
    private readonly splitter: () => CompoundSplitter,
    private readonly suggester: Suggester | null,
  ) {}

  search(request: SearchRequest): SearchResponse {
    const limit = Math.max(1, Math.min(request.limit ?? 20, 200));
    const offset = Math.max(0, request.offset ?? 0);
    const parsed = parseQuery(request.text);
    const base: SearchResponse = {
      query: request.text,
      total: 0,
      hits: [],
      documents: [],
      terms: [],
      mode: 'normal',
      didYouMean: null,
      message: null,
    };
    if (!hasPositive(parsed)) {
      base.message = emptyMessage(request.text, parsed);
      return base;
    }
    base.terms = termsOf(parsed);
    const normal = this.run(parsed, 'normal', request, limit + offset);
    const candidates = normal.candidates;
    let mode: MatchMode = 'normal';
    let total = normal.total;
    if (total < FEW_HITS) {
      // Few hits for the words themselves: look for relatives (solidair → solidariteit) as well.
      const derived = this.run(parsed, 'derivation', request, limit + offset);
      if (derived.total > total) {
        mode = 'derivation';
        const seen = new Set(candidates.map(key));
        // Derived hits rank below every hit of the words themselves.
        const floor = candidates.length > 0 ? Math.min(...candidates.map((c) => c.score)) / 2 : 1;
        const maxDerived = Math.max(...derived.candidates.map((c) => c.score), 1e-9);
        for (const c of derived.candidates) {
          if (!seen.has(key(c))) candidates.push({ ...c, score: (c.score / maxDerived) * floor * 0.99 });
        }
        total = derived.total;
      }
    }
    const matcher: Matcher = {
      words: queryTerms(parsed),
      prefixes: new Set(base.terms.filter((t) => t.prefix).map((t) => t.folded)),
      mode,
    };
    const rows = this.loadRows(candidates);
    const splitter = this.splitter();
    const ranked = candidates
      .map((c) => {
        const row = rows.get(key(c));
        if (!row) return null;
        const matches = findMatches(row.text, matcher, splitter);
        const exactWords = new Set(matches.filter((m) => m.exact).map((m) => fold(row.text.slice(m.start, m.end))))
          .size;
        const exactShare = matcher.words.length ? Math.min(1, exactWords / matcher.words.length) : 0;
        const score = c.score * (1 + EXACT_BOOST * exactShare);
        return { row, matches, score };
      })
      .filter((x): x is NonNullable<typeof x> => x !== null)
      .sort((a, b) => b.score - a.score || a.row.id - b.row.id)
      .slice(offset, offset + limit);
    const documents = request.facets ? this.facets(parsed, mode, request) : [];
    return {
      ...base,
      total,
      mode,
      hits: ranked.map(({ row, matches, score }) => ({
        documentId: row.documentId,
        documentTitle: row.documentTitle,
        reference: row.reference,
        date: row.date,
        section: row.section,
        sectionId: row.sectionId,
        paragraphId: row.paragraphId,
        decisionLabel: row.decisionLabel,
        noteId: row.noteId,
        kind: row.kind,
        snippet: makeSnippet(row.text, matches),
        score: Number(score.toPrecision(6)),
      })),
      documents,
      didYouMean: total === 0 && this.suggester ? this.suggester.correct(parsed) : null,
    };
  }

  private activeSources(filters: SearchFilters): SearchSource[] {
    const sources: SearchSource[] = [];
    // Tags and "only my notes" narrow the search to what the user wrote.
    if (!filters.onlyNotes && !(filters.tags && filters.tags.length > 0)) sources.push(this.sources.content);
    if (this.sources.notes) sources.push(this.sources.notes);
    return sources;
  }

  private run(parsed: ParsedQuery, mode: MatchMode, filters: SearchFilters, k: number) {
    const expression = toMatchExpression(parsed, mode);
    const candidates: Candidate[] = [];
    let total = 0;
    if (!expression) return { candidates, total };
    // Re-ranking looks a little further than the page: exact matches may sit just below it by bm25 alone.
    const window = k + Math.max(20, k);
    for (const source of this.activeSources(filters)) {
      const top = source.top(expression, filters, window);
      // bm25 depends on each index's own statistics (a handful of notes against thousands of
      // paragraphs), so each source is scaled to its best hit before the rankings are merged.
      const best = Math.max(...top.candidates.map((c) => c.score), 0);
      for (const c of top.candidates) candidates.push({ ...c, score: best > 0 ? c.score / best : 0 });
      total += top.total;
    }
    return { candidates, total };
  }

  private facets(parsed: ParsedQuery, mode: MatchMode, filters: SearchFilters): SearchResponse['documents'] {
    const expression = toMatchExpression(parsed, mode);
    if (!expression) return [];
    const counts = new Map<string, { documentId: string; title: string; count: number }>();
    for (const source of this.activeSources(filters)) {
      for (const f of source.facets(expression, filters)) {
        const entry = counts.get(f.documentId);
        if (entry) entry.count += f.count;
        else counts.set(f.documentId, { ...f });
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title, 'nl'));
  }

  private loadRows(candidates: Candidate[]): Map<string, UnitRow> {
    const out = new Map<string, UnitRow>();
    const content = candidates.filter((c) => c.source === 'content').map((c) => c.id);
    const notes = candidates.filter((c) => c.source === 'notes').map((c) => c.id);
    for (const row of this.sources.content.load(content)) out.set(`content:${row.id}`, row);
    if (this.sources.notes) for (const row of this.sources.notes.load(notes)) out.set(`notes:${row.id}`, row);
    return out;
  }
}

function key(c: { source: string; id: number }): string {
  return `${c.source}:${c.id}`;
}

function termsOf(parsed: ParsedQuery): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (const group of parsed.groups)
    for (const clause of group) {
      if (clause.type === 'word')
        out.push({ folded: clause.word.folded, stem: clause.word.stem, prefix: clause.prefix });
      else for (const w of clause.words) out.push({ folded: w.folded, stem: w.stem, prefix: false });
    }
  return out;
}

function emptyMessage(text: string, parsed: ParsedQuery): { nl: string; en: string } {
  if (parsed.droppedStopWords.length > 0) {
    const words = parsed.droppedStopWords.map((w) => `"${w}"`).join(', ');
    return {
      nl: `Alleen veelvoorkomende woorden (${words}): die zoekt Raadsmap niet los. Voeg een inhoudelijk woord toe, of zet een zin tussen aanhalingstekens.`,
      en: `Only very common words (${words}): Raadsmap does not search for those alone. Add a word with meaning, or put a phrase in quotes.`,
    };
  }
  if (parsed.excluded.length > 0) {
    return {
      nl: 'Alleen uitgesloten woorden: geef ook een woord op dat er wél in moet staan.',
      en: 'Only excluded words: also give a word that must appear.',
    };
  }
  if (text.trim() === '') return { nl: 'Typ een zoekterm.', en: 'Type something to search for.' };
  return {
    nl: 'Deze zoekvraag bevat geen woorden om op te zoeken.',
    en: 'This search contains no words to search for.',
  };
}

export const COLUMN_WEIGHT_SQL = COLUMN_WEIGHTS.join(', ');

export interface DocumentMatch {
  target: 'paragraph' | 'section-title' | 'title';
  id: string | null;
  start: number;
  end: number;
}

/**
 * Every match of a query inside one letter, in reading order, with the same Dutch analysis as the
 * search (stems, compounds, accents; derivations when nothing else matches). For Ctrl+F and for
 * marking the words of a search hit in the reader.
 */
export function findInDocument(
  doc: LetterDocument,
  text: string,
  splitter: CompoundSplitter,
): { terms: SearchTerm[]; matches: DocumentMatch[]; message: { nl: string; en: string } | null } {
  const parsed = parseQuery(text);
  if (!hasPositive(parsed)) return { terms: [], matches: [], message: emptyMessage(text, parsed) };
  const terms = termsOf(parsed);
  const prefixes = new Set(terms.filter((t) => t.prefix).map((t) => t.folded));
  const collect = (mode: MatchMode): DocumentMatch[] => {
    const matcher: Matcher = { words: queryTerms(parsed), prefixes, mode };
    const out: DocumentMatch[] = [];
    const add = (target: DocumentMatch['target'], id: string | null, value: string) => {
      for (const m of findMatches(value, matcher, splitter)) out.push({ target, id, start: m.start, end: m.end });
    };
    add('title', null, doc.title);
    const walk = (sections: Section[]) => {
      for (const section of sections) {
        if (section.title) add('section-title', section.id, section.title);
        for (const p of section.paragraphs) add('paragraph', p.id, p.text);
        walk(section.sections);
      }
    };
    walk(doc.sections);
    return out;
  };
  let matches = collect('normal');
  if (matches.length === 0) matches = collect('derivation');
  return { terms, matches, message: null };
}
