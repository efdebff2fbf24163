/**
 * The Dutch analysis under the search (analyze.ts) and the query parser (query.ts): folding, tokens
 * with offsets, stems that join inflected forms (and keep content words away from function words),
 * and how the user's text becomes clauses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, isStopWord, stem, tokenize } from '../../electron/core/search/analyze';
import { parseQuery, queryTerms, toMatchExpression, type Clause } from '../../electron/core/search/query';

const stemOf = (word: string) => stem(fold(word));

describe('fold', () => {
  it.each([
    ['Creëren', 'creeren'],
    ['persé', 'perse'],
    ['HÉÉL', 'heel'],
    ['financiën', 'financien'],
    ['wĳk', 'wijk'],
    ['Ĳssel', 'ijssel'],
    ['ﬁnanciën', 'financien'],
    ['Çà', 'ca'],
  ])('%s → %s', (input, out) => {
    expect(fold(input)).toBe(out);
  });
});

describe('tokenize', () => {
  it('gives every word with offsets into the original text', () => {
    const text = "De wĳk-raad (VNG) creëert regio's; 19/030 ﬁ.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.folded)).toEqual([
      'de',
      'wijk',
      'raad',
      'vng',
      'creeert',
      'regio',
      's',
      '19',
      '030',
      'fi',
    ]);
    for (const t of tokens) expect(fold(text.slice(t.start, t.end))).toBe(t.folded);
  });

  it('property: tokens are ordered, do not overlap, and cover every letter and digit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const tokens = tokenize(text);
        let last = 0;
        let covered = '';
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          last = t.end;
          covered += text.slice(t.start, t.end);
        }
        const letters = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]).join('');
        expect(covered).toBe(letters);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('stem: inflected forms meet their base form', () => {
  it.each([
    ['gemeente', 'gemeenten', 'gemeentes', 'gemeentelijke'],
    ['college', 'colleges'],
    ['functie', 'functies'],
    ['subsidie', 'subsidies'],
    ['strategie', 'strategieën'],
    ['idee', 'ideeën'],
    ['procedure', 'procedures'],
    ['plan', 'plannen'],
    ['stem', 'stemmen'],
    ['proces', 'processen'],
    ['brief', 'brieven'],
    ['bedrijf', 'bedrijven'],
    ['huis', 'huizen'],
    ['prijs', 'prijzen'],
    ['grens', 'grenzen'],
    ['mens', 'mensen'],
    ['kans', 'kansen'],
    ['arts', 'artsen'],
    ['overheid', 'overheden'],
    ['taak', 'taken'],
    ['opgave', 'opgaven', 'opgaves'],
    ['bijeenkomst', 'bijeenkomsten'],
  ])('%s', (...forms) => {
    const stems = new Set(forms.map(stemOf));
    expect([...stems], forms.join(', ')).toHaveLength(1);
  });

  it.each([
    ['overheid', 'over'],
    ['overheden', 'over'],
    ['mens', 'men'],
    ['kans', 'kan'],
    ['meten', 'met'],
    ['zaal', 'zal'],
    ['eenheid', 'een'],
  ])('the content word %s does not stem to the function word %s', (word, functionWord) => {
    expect(stemOf(word)).not.toBe(stemOf(functionWord));
  });

  it('property: no content word of Dutch shape stems to a function word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{3,14}$/), (word) => {
        if (isStopWord(word)) return;
        expect(isStopWord(stem(word)), `${word} → ${stem(word)}`).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps numbers and short words as they are, and is stable', () => {
    expect(stem('2024')).toBe('2024');
    expect(stem('de')).toBe('de');
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,16}$/), (w) => {
        expect(stem(w)).toBe(stem(w));
        expect(stem(w).length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseQuery', () => {
  const shape = (c: Clause) =>
    c.type === 'word' ? `${c.word.folded}${c.prefix ? '*' : ''}` : `"${c.words.map((w) => w.folded).join(' ')}"`;
  const groups = (q: string) => parseQuery(q).groups.map((g) => g.map(shape));
  const excluded = (q: string) => parseQuery(q).excluded.map(shape);

  it.each([
    ['gemeente energie', [['gemeente'], ['energie']], []],
    ['gemeente OR energie klimaat', [['gemeente', 'energie'], ['klimaat']], []],
    ['gemeente OF energie', [['gemeente', 'energie']], []],
    ['gemeente AND energie EN klimaat', [['gemeente'], ['energie'], ['klimaat']], []],
    ['energie -klimaat', [['energie']], ['klimaat']],
    ['energie NOT klimaat', [['energie']], ['klimaat']],
    ['energie NIET klimaat', [['energie']], ['klimaat']],
    ['energie -"rode draad"', [['energie']], ['"rode draad"']],
    ['"Raad van State"', [['"raad van state"']], []],
    ['„Raad van State“', [['"raad van state"']], []],
    ['"Raad van State', [['"raad van state"']], []],
    ['"energie"', [['energie']], []],
    ['energ*', [['energ*']], []],
    ['mede-overheden', [['"mede overheden"']], []],
    ['Lbr. 19/030', [['lbr'], ['"19 030"']], []],
    ['energie-', [['energie']], []],
    ['co-financiering -', [['"co financiering"']], []],
    ['NEAR(energie klimaat, 5)', [['energie'], ['klimaat'], ['5']], []],
    ['energie NEAR/3 klimaat', [['energie'], ['klimaat']], []],
    ['OR energie', [['energie']], []],
    ['de energie', [['energie']], []],
    ['"de energie"', [['"de energie"']], []],
  ])('%j', (q, g, x) => {
    expect(groups(q)).toEqual(g);
    expect(excluded(q)).toEqual(x);
  });

  it('keeps the stop words it drops, for the message', () => {
    expect(parseQuery('de het een').droppedStopWords).toEqual(['de', 'het', 'een']);
    expect(parseQuery('de het een').groups).toEqual([]);
  });

  it('marks phrase words with their phrase, stop words left out of the marks', () => {
    const terms = queryTerms(parseQuery('raad "Raad van State"'));
    expect(terms.map((t) => [t.folded, t.phrase?.index ?? null])).toEqual([
      ['raad', null],
      ['raad', 0],
      ['state', 2],
    ]);
    expect(terms[1]!.phrase!.words.map((w) => w.folded)).toEqual(['raad', 'van', 'state']);
  });

  it('the MATCH expression quotes every token and joins them itself', () => {
    const phrase = ['raad', 'van', 'state'].map(stemOf).join(' ');
    // A phrase with a stop word also asks for its common grams (pairs with the stop word).
    const grams = `grams : "${stemOf('raad')}_${stemOf('van')}" AND grams : "${stemOf('van')}_${stemOf('state')}"`;
    expect(toMatchExpression(parseQuery('gemeente "Raad van State" -klimaat'))).toBe(
      `(({head body parts} : ("${stemOf('gemeente')}")) AND ((({head body} : "${phrase}") AND ${grams}))) NOT ({head body parts} : ("${stemOf('klimaat')}"))`,
    );
    expect(toMatchExpression(parseQuery('"; DROP TABLE x; --'))).toBe(
      `{head body} : "${['drop', 'table', 'x'].map(stemOf).join(' ')}"`,
    );
    expect(toMatchExpression(parseQuery('de'))).toBeNull();
  });
});
