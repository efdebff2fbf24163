/**
 * Query parsing safety: any string the user can type goes through the real search (SQLite FTS5 on a
 * temporary data folder) without an error and with a valid response, and the words in hostile input
 * still count (`gemeente)`, `"Raad van State`, `energie:`, `(belasting`, `gemeente AND`).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, isStopWord, stem, tokenize } from '../../electron/core/search/analyze';
import { findInDocument } from '../../electron/core/search/engine';
import { parseQuery, toMatchExpression } from '../../electron/core/search/query';
import type { Services } from '../../electron/core/services';
import type { LetterDocument } from '../../electron/shared/model';
import {
  STRATEGY_ID,
  allMarks,
  allParagraphs,
  allSections,
  expectValidResponse,
  openTempServices,
} from './search-helpers';

let services: Services;
let dispose: () => void;
let doc: LetterDocument;
/** Words of the bundled letter (as written) that a plain search finds. */
let letterWords: string[];

beforeAll(() => {
  ({ services, dispose } = openTempServices());
  doc = services.content.getDocument(STRATEGY_ID);
  // The searchable text of the letter: its title, headings and paragraphs (not the letterhead).
  const texts = [doc.title, ...allSections(doc).map((s) => s.title ?? ''), ...allParagraphs(doc).map((p) => p.text)];
  const seen = new Set<string>();
  letterWords = [];
  for (const text of texts) {
    for (const t of tokenize(text)) {
      const raw = text.slice(t.start, t.end);
      if (seen.has(t.folded) || t.folded.length < 4 || !/^\p{L}+$/u.test(raw) || isStopWord(t.folded)) continue;
      seen.add(t.folded);
      letterWords.push(raw);
    }
  }
});
afterAll(() => dispose());

/** Characters and operators FTS5 (or a naive parser) would choke on; no letters or digits of their own. */
const SYMBOL = fc.constantFrom(..."()*:^{}[]+~!?.,;/\\|&<>=@#$%_'’`".split(''), ' ', '  ', '\t', '\n', '\u00a0');
const QUOTE_PAIR = fc.constantFrom('""', '“”', '„“', '" ( "', '"*"', '"-"');
const OPERATOR = fc.constantFrom(' AND ', ' OR ', ' NEAR ', ' NEAR/3 ', ' EN ', ' OF ', ' AND OR ');
const NEGATION = fc.constantFrom(' NOT ', ' NIET ', '-', ' -', ' -"', ' NOT "');
const DUTCH = fc.constantFrom('gemeente', 'Raad', 'van', 'State', 'energie', 'solidariteit', 'de', 'één', 'creëren');

/** Hostile text: any mix of the above, Dutch words, lone quotes and brackets. */
const hostile = fc
  .array(fc.oneof(SYMBOL, QUOTE_PAIR, OPERATOR, NEGATION, DUTCH, fc.constantFrom('"', '“', '„', '(', ')')), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

/** Every kind of string: printable Unicode, any code point (lone surrogates too), ASCII, and hostile mixes. */
const anyInput = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  hostile,
);

describe('no input breaks the search', () => {
  it('10,000 random and hostile strings: no error, and a valid response', () => {
    let withHits = 0;
    fc.assert(
      fc.property(anyInput, fc.boolean(), (text, facets) => {
        const r = services.search.search({ text, limit: 10, facets });
        expectValidResponse(r, 10, facets);
        expect(r.query).toBe(text);
        if (r.total > 0) withHits++;
        else if (r.message === null) expect(r.hits).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
    // The hostile mixes contain Dutch words: a good share of the inputs really searched.
    expect(withHits).toBeGreaterThan(300);
  });

  it('the MATCH expression is built only from quoted tokens and FTS5 operators', () => {
    const QUOTED = /"(?:[^"]|"")*"/gu;
    fc.assert(
      fc.property(anyInput, fc.constantFrom('normal', 'derivation'), (text, mode) => {
        const expression = toMatchExpression(parseQuery(text), mode as 'normal' | 'derivation');
        if (expression === null) return;
        const outside = expression.replace(QUOTED, ' ');
        expect(outside).toMatch(/^(?:\s|\(|\)|\*|AND|OR|NOT|\{head body\} :|\{head body parts\} :|grams :)*$/u);
        // The raw input never appears unquoted: nothing of it is left outside the quotes.
        expect(outside.replace(/AND|OR|NOT|head|body|parts|grams/g, '')).not.toMatch(/[\p{L}\p{N}]/u);
      }),
      { numRuns: 5_000 },
    );
  });

  it('in-letter find and suggestions take the same strings without an error', () => {
    const splitter = services.splitter();
    fc.assert(
      fc.property(anyInput, (text) => {
        const found = findInDocument(doc, text, splitter);
        for (const m of found.matches) expect(m.end).toBeGreaterThan(m.start);
        expect(Array.isArray(services.suggester.suggest(text))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('words in hostile input still count', () => {
  it.each([
    ['gemeente)', 'gemeente'],
    ['"Raad van State', 'raad'],
    ['energie:', 'energie'],
    ['(belasting', 'belastinggebied'],
    ['gemeente AND', 'gemeente'],
    ['OR solidariteit', 'solidariteit'],
    ['solidariteit OR', 'solidariteit'],
    ['NEAR(energie klimaat)', 'energie'],
    ['energie NEAR/3 klimaat', 'energie'],
    ['^energie', 'energie'],
    ['energie*)', 'energie'],
    ['{energie}', 'energie'],
    ['[wederkerigheid]', 'wederkerigheid'],
    ['"solidariteit', 'solidariteit'],
    ['solidariteit"', 'solidariteit'],
    ['((("solidariteit', 'solidariteit'],
    ['- solidariteit', 'solidariteit'],
    ['solidariteit -', 'solidariteit'],
    ['solidariteit NOT', 'solidariteit'],
    ['AND AND OR NOT', null],
  ])('%j', (text, marked) => {
    const r = services.search.search({ text, facets: true });
    expectValidResponse(r, 20);
    if (marked === null) {
      expect(r.total).toBe(0);
      expect(r.message).not.toBeNull();
      return;
    }
    expect(r.total).toBeGreaterThan(0);
    expect(allMarks(r).map(fold)).toContain(marked);
  });

  it('any word of the letter among hostile symbols (not negated) finds hits that mark it', () => {
    // Left of the word: no negation can apply to it (no NOT, no '-' right before it), quotes in pairs.
    const left = fc
      .tuple(
        fc.array(fc.oneof(SYMBOL, QUOTE_PAIR, OPERATOR, fc.constantFrom('-', ' - ', '(', ')')), { maxLength: 6 }),
        SYMBOL,
      )
      .map(([parts, sep]) => parts.join('') + sep);
    const right = fc.array(
      fc.oneof(
        SYMBOL,
        QUOTE_PAIR,
        OPERATOR,
        NEGATION.filter((n) => !n.includes('"')),
      ),
      {
        maxLength: 6,
      },
    );
    const inside = fc.array(SYMBOL, { maxLength: 4 }).map((p) => p.join(''));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        left,
        fc.boolean(),
        fc.boolean(),
        inside,
        right,
        (pick, l, openQuote, star, ins, r) => {
          const word = letterWords[pick % letterWords.length]!;
          // An open quote makes a phrase of the word and what follows up to the closing quote: only
          // symbols there, then the rest.
          const text = openQuote ? `${l}"${word}${ins}"${r.join('')}` : `${l}${word}${star ? '*' : ''}${r.join('')}`;
          const res = services.search.search({ text, limit: 50 });
          expect(res.total, text).toBeGreaterThan(0);
          const target = stem(fold(word));
          expect(
            allMarks(res).some(
              (m) => fold(m) === fold(word) || stem(fold(m)) === target || fold(m).includes(fold(word)),
            ),
            text,
          ).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('every word of the letter, searched on its own, finds hits that mark it', () => {
    expect(letterWords.length).toBeGreaterThan(400);
    for (const w of letterWords) {
      const r = services.search.search({ text: w, limit: 50 });
      expect(r.total, w).toBeGreaterThan(0);
      expect(
        allMarks(r).some((m) => fold(m) === fold(w)),
        w,
      ).toBe(true);
    }
  });
});
