/**
 * Hit highlighting: `findMatches` and `makeSnippet` mark whole words only (compound words whole),
 * escape every other `<`, `>` and `&`, and show the marked words; `findInDocument` gives offsets that
 * slice exactly the matched words out of the letter's texts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, stem } from '../../electron/core/search/analyze';
import { findInDocument, type DocumentMatch } from '../../electron/core/search/engine';
import { parseQuery, queryTerms, type MatchMode } from '../../electron/core/search/query';
import { escapeText, findMatches, makeSnippet, type Matcher } from '../../electron/core/search/snippet';
import type { Services } from '../../electron/core/services';
import type { LetterDocument } from '../../electron/shared/model';
import {
  STRATEGY_ID,
  allParagraphs,
  allSections,
  expectValidResponse,
  fixture,
  marks,
  openTempServices,
  paragraphId,
  unescapeHtml,
} from './search-helpers';

let services: Services;
let dispose: () => void;
let strategy: LetterDocument;
let signsId: string;
let signs: LetterDocument;

beforeAll(() => {
  ({ services, dispose } = openTempServices());
  strategy = services.content.getDocument(STRATEGY_ID);
  signsId = services.importLetter(fixture('opmaak.txt'), 'opmaak.txt').documentId;
  signs = services.content.getDocument(signsId);
});
afterAll(() => dispose());

function matcherFor(query: string, mode: MatchMode = 'normal'): Matcher {
  const parsed = parseQuery(query);
  const prefixes = new Set<string>();
  for (const group of parsed.groups)
    for (const c of group) if (c.type === 'word' && c.prefix) prefixes.add(c.word.folded);
  return { words: queryTerms(parsed), prefixes, mode };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Checks a snippet against its source text: without the marks and unescaped, it is a piece of the
 * (whitespace-collapsed) text; every mark is a whole word there; nothing but <mark> is a tag.
 */
function expectWellFormedSnippet(snippet: string, source: string): void {
  const clean = source.replace(/\s+/g, ' ');
  expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  expect(snippet).not.toMatch(/&(?!amp;|lt;|gt;)/);
  const body = snippet.replace(/^…/, '').replace(/…$/, '');
  const plain = unescapeHtml(body.replace(/<\/?mark>/g, ''));
  const at = clean.indexOf(plain);
  expect(at, `snippet is a piece of the text: ${snippet}`).toBeGreaterThanOrEqual(0);
  // Walk the marks and check the characters around each one in the text.
  let offset = at;
  for (const part of body.split(/(<mark>.*?<\/mark>)/)) {
    const m = /^<mark>(.*)<\/mark>$/.exec(part);
    const text = unescapeHtml(m ? m[1]! : part);
    if (m) {
      expect(text.length).toBeGreaterThan(0);
      expect(WORD_CHAR.test(clean[offset - 1] ?? ' '), `no word character before "${text}"`).toBe(false);
      expect(WORD_CHAR.test(clean[offset + text.length] ?? ' '), `no word character after "${text}"`).toBe(false);
    }
    offset += text.length;
  }
}

describe('snippets of real hits', () => {
  it('escape <, > and & and mark the query word: <script> and a < b > c & d', () => {
    const r = services.search.search({ text: 'belasting', documentIds: [signsId] });
    expectValidResponse(r, 20, false);
    const byParagraph = (fragment: string) => r.hits.find((h) => h.paragraphId === paragraphId(signs, fragment))!;
    const script = byParagraph('<script>');
    expect(script.snippet).toBe(
      'Een formulier met &lt;script&gt;alert("x")&lt;/script&gt; in het veld <mark>belasting</mark> wordt geweigerd.',
    );
    const formula = byParagraph('a < b > c & d');
    expect(formula.snippet).toContain('geldt a &lt; b &gt; c &amp; d voor elke <mark>belasting</mark> die');
    const bold = byParagraph('<b>vet</b>');
    expect(bold.snippet).toContain('&lt;b&gt;vet&lt;/b&gt;');
    for (const h of r.hits) {
      const source = allParagraphs(signs).find((p) => p.id === h.paragraphId)?.text ?? h.section ?? '';
      expectWellFormedSnippet(h.snippet, source);
    }
  });

  it('marks compound words whole: toeristenbelasting, hondenbelasting, belastinggebied, belastingdruk', () => {
    const r = services.search.search({ text: 'belasting', documentIds: [signsId] });
    const all = r.hits.flatMap((h) => marks(h.snippet));
    expect(all).toEqual(
      expect.arrayContaining(['toeristenbelasting', 'hondenbelasting', 'belastinggebied', 'belastingdruk']),
    );
    expect(r.hits.find((h) => h.paragraphId === paragraphId(signs, 'toeristenbelasting'))!.snippet).toContain(
      '<mark>toeristenbelasting</mark> &amp; de <mark>hondenbelasting</mark>',
    );
  });

  it('every hit of a set of queries over the bundled letter shows well-formed, whole-word marks', () => {
    const texts = new Map<string, string>();
    for (const p of allParagraphs(strategy)) texts.set(p.id, p.text);
    for (const q of [
      'gemeente',
      'energie',
      'energ*',
      'transitie',
      'solidair',
      '"Raad van State"',
      'regio',
      'financien',
      'gemeenten',
      'samenwerking',
      'uitvoering',
      'VNG',
      '2024',
      'mede-overheden',
      'VNG-Kadernota',
      "regio's",
    ]) {
      const r = services.search.search({ text: q, documentIds: [STRATEGY_ID], limit: 100 });
      expect(r.total, q).toBeGreaterThan(0);
      for (const h of r.hits) {
        const source = h.paragraphId ? texts.get(h.paragraphId)! : (h.section ?? h.documentTitle);
        expectWellFormedSnippet(h.snippet, source);
        expect(marks(h.snippet).length, `${q}: ${h.snippet}`).toBeGreaterThan(0);
      }
    }
  });

  it('a snippet of a long paragraph shows the word as typed, not only its relatives', () => {
    const r = services.search.search({ text: 'beheer', documentIds: [STRATEGY_ID] });
    expect(r.hits.flatMap((h) => marks(h.snippet))).toContain('beheer');
    const zorg = services.search.search({ text: 'financien', documentIds: [STRATEGY_ID] });
    expect(zorg.hits.flatMap((h) => marks(h.snippet))).toContain('financiën');
  });
});

describe('findMatches and makeSnippet', () => {
  it('marks whole words only, also for prefixes, stems, parts and derivations', () => {
    const splitter = services.splitter();
    const text = 'De energietransitie, energie-armoede en (energiek) beleid: solidariteit & solidair<br>gemeenten.';
    const cases: Array<[string, MatchMode, string[]]> = [
      ['energie', 'normal', ['energietransitie', 'energie']],
      ['energ*', 'normal', ['energietransitie', 'energie', 'energiek']],
      ['transitie', 'normal', ['energietransitie']],
      ['solidair', 'derivation', ['solidariteit', 'solidair']],
      ['gemeente', 'normal', ['gemeenten']],
      ['br', 'normal', ['br']],
    ];
    for (const [q, mode, expected] of cases) {
      const found = findMatches(text, matcherFor(q, mode), splitter);
      expect(
        found.map((m) => text.slice(m.start, m.end)),
        q,
      ).toEqual(expected);
      expectWellFormedSnippet(makeSnippet(text, found), text);
    }
  });

  it('marks the words of a phrase only where the phrase stands', () => {
    const text = 'De raad besluit. De Raad van State adviseert; de state van de raad niet.';
    const found = findMatches(text, matcherFor('"Raad van State"'), services.splitter());
    expect(found.map((m) => [m.start, text.slice(m.start, m.end)])).toEqual([
      [text.indexOf('Raad van'), 'Raad'],
      [text.indexOf('State'), 'State'],
    ]);
    // A loose word next to the phrase still marks everywhere.
    const loose = findMatches(text, matcherFor('raad "Raad van State"'), services.splitter());
    expect(loose.map((m) => text.slice(m.start, m.end))).toEqual(['raad', 'Raad', 'State', 'raad']);
  });

  it('flags a match as exact only when the word is written as typed (after folding)', () => {
    const splitter = services.splitter();
    const text = 'Gemeente, gemeenten en GEMEENTE; Creëren en creeren.';
    const found = findMatches(text, matcherFor('gemeente creëren'), splitter);
    expect(found.map((m) => [text.slice(m.start, m.end), m.exact])).toEqual([
      ['Gemeente', true],
      ['gemeenten', false],
      ['GEMEENTE', true],
      ['Creëren', true],
      ['creeren', true],
    ]);
  });

  it('escapes text around and inside marks, and keeps whitespace runs readable', () => {
    const text = 'a<b>\n\n  belasting &amp; <mark>belasting</mark>';
    const snippet = makeSnippet(text, findMatches(text, matcherFor('belasting')));
    expect(snippet).toBe('a&lt;b&gt; <mark>belasting</mark> &amp;amp; &lt;mark&gt;<mark>belasting</mark>&lt;/mark&gt;');
    expect(escapeText('<>&"\'')).toBe('&lt;&gt;&amp;"\'');
  });

  it('property: for any text of Dutch words and symbols, snippets are pieces of the text with whole-word marks', () => {
    const splitter = services.splitter();
    const WORDS = [
      'gemeente',
      'gemeenten',
      'Tekortgemeenten',
      'belastinggebied',
      'energietransitie',
      'energie',
      'creëren',
      'persé',
      'wĳkraad',
      'solidariteit',
      'regio',
      "regio's",
      'mede-overheden',
      'Raad',
      'State',
      '2024',
    ];
    const SEP = [' ', ', ', '. ', ' <', '> ', ' & ', '\n\n', '  ', ' (', ') ', '-', "'", '"', ' <mark> ', '…'];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEP)), { minLength: 1, maxLength: 80 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(
        text,
        fc.constantFrom('gemeente', 'energie', 'belasting', 'creeren', 'perse', 'wijk', 'regio', 'raad', 'energ*'),
        fc.integer({ min: 120, max: 400 }),
        (t, q, maxChars) => {
          const found = findMatches(t, matcherFor(q), splitter);
          for (const m of found) {
            expect(WORD_CHAR.test(t[m.start - 1] ?? ' ')).toBe(false);
            expect(WORD_CHAR.test(t[m.end] ?? ' ')).toBe(false);
          }
          const snippet = makeSnippet(t, found, maxChars);
          expectWellFormedSnippet(snippet, t);
          if (found.length > 0) expect(snippet).toContain('<mark>');
          expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(maxChars * 1.7 + 2);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('findInDocument offsets', () => {
  function slices(doc: LetterDocument, matches: DocumentMatch[]): string[] {
    const paragraphs = new Map(allParagraphs(doc).map((p) => [p.id, p.text]));
    const sections = new Map(allSections(doc).map((s) => [s.id, s.title ?? '']));
    return matches.map((m) => {
      const text =
        m.target === 'paragraph'
          ? paragraphs.get(m.id!)!
          : m.target === 'section-title'
            ? sections.get(m.id!)!
            : doc.title;
      expect(text, `${m.target} ${m.id}`).toBeDefined();
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(WORD_CHAR.test(text[m.start - 1] ?? ' ')).toBe(false);
      expect(WORD_CHAR.test(text[m.end] ?? ' ')).toBe(false);
      return text.slice(m.start, m.end);
    });
  }

  it('slice to the matched words in reading order, compounds whole', () => {
    const found = findInDocument(signs, 'belasting', services.splitter());
    expect(found.message).toBeNull();
    expect(found.terms).toEqual([{ folded: 'belasting', stem: stem('belasting'), prefix: false }]);
    expect(slices(signs, found.matches)).toEqual([
      'belasting',
      'belasting',
      'toeristenbelasting',
      'hondenbelasting',
      'belastinggebied',
      'belastingdruk',
    ]);
  });

  it('find the title and headings too', () => {
    const found = findInDocument(signs, 'tekens', services.splitter());
    expect(found.matches.map((m) => m.target)).toEqual(['title', 'section-title']);
    expect(slices(signs, found.matches)).toEqual(['Tekens', 'Tekens']);
  });

  it('cover every place in the letter, also the decision repeated at its end', () => {
    const found = findInDocument(strategy, '"Raad van State"', services.splitter());
    const ids = [...new Set(found.matches.map((m) => m.id))];
    expect(ids).toEqual([
      paragraphId(strategy, 'in lijn met de aanbevelingen van de Raad van State'),
      paragraphId(strategy, 'De Raad van State noemde'),
      strategy.decisions.find((d) => d.label === '1c')!.paragraphIds[1],
    ]);
    expect(new Set(slices(strategy, found.matches))).toEqual(new Set(['Raad', 'State']));
  });

  it('fold accents and ligatures, and fall back to derivations when nothing else matches', () => {
    const splitter = services.splitter();
    expect(slices(strategy, findInDocument(strategy, 'creeren', splitter).matches)).toEqual(['creëren']);
    expect(slices(strategy, findInDocument(strategy, 'perse', splitter).matches)).toEqual(['persé']);
    const derived = findInDocument(strategy, 'solidair', splitter);
    expect(new Set(slices(strategy, derived.matches).map(fold))).toEqual(new Set(['solidariteit']));
    expect(derived.matches.length).toBe(4); // 1b twice (summary and end), twice in the body paragraph
  });

  it('give a message and no matches for an empty or stop-word-only query', () => {
    for (const q of ['', '  ', 'de het', '-gemeente']) {
      const found = findInDocument(strategy, q, services.splitter());
      expect(found.matches).toEqual([]);
      expect(found.message).not.toBeNull();
    }
  });
});
