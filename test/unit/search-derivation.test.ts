/**
 * Derivations (solidair → solidariteit): when the words themselves find little, the search falls
 * back to a shortened stem (`derivationRoot`) and shows those hits below the real ones. The pairs
 * here do not occur in the bundled letter; test/fixtures/search/afleidingen.txt holds only the derived
 * forms, one per paragraph, so each base-form query can only succeed through the fallback.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivationRoot, fold, stem, tokenize } from '../../electron/core/search/analyze';
import type { Services } from '../../electron/core/services';
import type { LetterDocument } from '../../electron/shared/model';
import {
  STRATEGY_ID,
  STRATEGY_TEXT,
  allMarks,
  expectValidResponse,
  fixture,
  marks,
  openTempServices,
  paragraphId,
} from './search-helpers';

/** [query in its base form, the derived word as the fixture letter writes it]. */
const PAIRS: Array<[string, string]> = [
  ['cultuur', 'culturele'],
  ['identiteit', 'identieke'],
  ['ambitie', 'ambitieuze'],
  ['Europa', 'Europese'],
  ['industrie', 'industriële'],
  ['crimineel', 'criminaliteit'],
  ['religie', 'Religieuze'],
  ['filosofie', 'filosofische'],
  ['historie', 'historische'],
  ['agressie', 'Agressief'],
  ['creatie', 'Creatieve'],
  ['productie', 'productieve'],
  ['effectief', 'effectiviteit'],
  ['nationaal', 'nationaliteit'],
  ['liberaal', 'liberalisme'],
  ['technologie', 'Technologische'],
  ['ecologie', 'ecologische'],
  ['psychologie', 'Psychologische'],
  ['illegaal', 'illegaliteit'],
  ['loyaal', 'Loyaliteit'],
  ['mobiel', 'mobiliteit'],
  ['stabiel', 'stabiliteit'],
  ['flexibel', 'Flexibiliteit'],
  ['harmonie', 'harmonische'],
  ['diplomatie', 'Diplomatieke'],
  ['fiscaal', 'fiscaliteit'],
  ['rationeel', 'rationaliteit'],
  ['elektrisch', 'elektriciteit'],
  ['intensief', 'intensiteit'],
  ['geografie', 'geografische'],
  ['drama', 'dramatische'],
  ['Afrika', 'Afrikaanse'],
  ['humaan', 'humaniteit'],
  ['toerisme', 'toerist'],
  ['symbool', 'symbolische'],
  ['fantasie', 'fantastische'],
  ['biologie', 'biologische'],
  ['transparant', 'Transparantie'],
  ['actueel', 'actualiteit'],
  ['visueel', 'visualisatie'],
  ['educatie', 'educatief'],
  ['competent', 'competentie'],
  ['consistent', 'Consistentie'],
];

let services: Services;
let dispose: () => void;
let derivedId: string;
let derivedDoc: LetterDocument;
let mixedId: string;
let mixedDoc: LetterDocument;

beforeAll(() => {
  ({ services, dispose } = openTempServices());
  derivedId = services.importLetter(fixture('afleidingen.txt'), 'afleidingen.txt').documentId;
  mixedId = services.importLetter(fixture('afleidingen-gemengd.txt'), 'afleidingen-gemengd.txt').documentId;
  derivedDoc = services.content.getDocument(derivedId);
  mixedDoc = services.content.getDocument(mixedId);
});
afterAll(() => dispose());

describe('derivation pairs that the bundled letter does not contain', () => {
  it('has at least 20 pairs, and neither word of any pair (nor an inflection of it) is in "Gemeenten 2024"', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(20);
    const letterStems = new Set(tokenize(STRATEGY_TEXT).map((t) => t.stem));
    const letterWords = new Set(tokenize(STRATEGY_TEXT).map((t) => t.folded));
    for (const [base, derived] of PAIRS) {
      for (const w of [fold(base), fold(derived)]) {
        expect(letterWords.has(w), w).toBe(false);
        expect(letterStems.has(stem(w)), w).toBe(false);
      }
      // And the pair really differs in its stem: only the fallback can join them.
      expect(stem(fold(base))).not.toBe(stem(fold(derived)));
    }
  });

  it.each(PAIRS)('%s finds the paragraph with only "%s", in derivation mode', (base, derived) => {
    const r = services.search.search({ text: base, documentIds: [derivedId], limit: 50 });
    expectValidResponse(r, 50, false);
    expect(r.mode).toBe('derivation');
    const id = paragraphId(derivedDoc, derived);
    const hit = r.hits.find((h) => h.paragraphId === id);
    expect(hit, `${base} → ${derived}`).toBeDefined();
    expect(marks(hit!.snippet)).toContain(derived);
  });

  it('every derived hit, in any letter, marks a word that shares the root of the query (no unrelated words)', () => {
    let strategyHits = 0;
    for (const [base] of PAIRS) {
      const root = derivationRoot(stem(fold(base)))!;
      expect(root, base).not.toBeNull();
      const r = services.search.search({ text: base, limit: 50 });
      strategyHits += r.hits.filter((h) => h.documentId === STRATEGY_ID).length;
      for (const h of r.hits) {
        const words = marks(h.snippet);
        expect(words.length, `${base}: ${h.snippet}`).toBeGreaterThan(0);
        // A derived word itself, or a compound with it as a part (productie → standaardproducten).
        for (const word of words) {
          const parts = [fold(word), ...(services.splitter().split(fold(word)) ?? [])];
          expect(
            parts.some((p) => stem(p).startsWith(root)),
            `${base}: ${word}`,
          ).toBe(true);
        }
      }
    }
    // The bundled letter has none of these words: at most a stray relative there.
    expect(strategyHits).toBeLessThanOrEqual(2);
  });
});

describe('derived hits rank below the words themselves', () => {
  it.each([
    ['cultuur', 'De cultuur van samenwerken', 'Het culturele aanbod groeit'],
    ['ambitie', 'De ambitie van het college', 'De ambitieuze plannen'],
  ])('%s: the paragraph with the word ranks first, its derivation below with a lower score', (q, own, derived) => {
    const r = services.search.search({ text: q, documentIds: [mixedId] });
    expectValidResponse(r, 20, false);
    expect(r.mode).toBe('derivation');
    const ownHit = r.hits.find((h) => h.paragraphId === paragraphId(mixedDoc, own));
    const derivedHit = r.hits.find((h) => h.paragraphId === paragraphId(mixedDoc, derived));
    expect(ownHit && derivedHit).toBeTruthy();
    expect(derivedHit!.score).toBeLessThan(ownHit!.score);
    // Everything that has the word itself (the paragraph and the heading "Cultuur en ambitie")
    // ranks above the derivation.
    const withWord = r.hits.filter((h) => marks(h.snippet).some((m) => fold(m) === fold(q)));
    expect(withWord.length).toBe(2);
    for (const h of withWord) expect(h.score).toBeGreaterThan(derivedHit!.score);
  });

  it('over both letters, every exact or stemmed hit ranks above every derived one', () => {
    const r = services.search.search({ text: 'cultuur', limit: 50 });
    expectValidResponse(r, 50, false);
    const isOwn = (snippet: string) => marks(snippet).some((m) => stem(fold(m)) === stem('cultuur'));
    const ranks = r.hits.map((h) => isOwn(h.snippet));
    expect(ranks[0]).toBe(true);
    expect(ranks.lastIndexOf(true)).toBeLessThan(ranks.indexOf(false));
    expect(ranks.filter((x) => !x).length).toBeGreaterThanOrEqual(2);
  });

  it('with enough hits of the word itself, no derivations are added', () => {
    const r = services.search.search({ text: 'gemeente', limit: 100 });
    expect(r.mode).toBe('normal');
    for (const word of allMarks(r)) expect(fold(word)).toContain('gemeente');
  });
});

describe('no garbage from the fallback', () => {
  it.each(['xqzvbw', 'blorptang', 'zwembad', 'kwispeldoorn'])('%s (no relative anywhere) finds nothing', (q) => {
    const r = services.search.search({ text: q, facets: true });
    expectValidResponse(r, 20);
    expect(r.total).toBe(0);
    expect(r.hits).toEqual([]);
  });

  it.each([
    // One hit each in the bundled letter, so the fallback runs; its root must stay specific.
    ['verhaal', /^verha/u], // not verh-: verhouden
    ['partij', /^partij/u], // not part-: participatieve, partnerschap
    ['college', /^colleg/u], // not colle-: collectieve
    ['vooral', /^voora/u], // not voor-: voorwaarde, voorzitter
  ])('%s: every mark matches %s', (q, pattern) => {
    const r = services.search.search({ text: q, documentIds: [STRATEGY_ID], limit: 50 });
    expect(r.total).toBeGreaterThan(0);
    for (const word of allMarks(r)) expect(fold(word)).toMatch(pattern);
  });
});

describe('derivationRoot', () => {
  it.each([
    ['solidair', 'solid'],
    ['democratie', 'democr'],
    ['democratisch', 'democrat'],
    ['financieel', 'financi'],
    ['visueel', 'visu'],
    ['mobiel', 'mobi'],
    ['regio', 'regio'],
    ['loyal', 'loyal'],
    ['verhal', 'verhal'],
    ['partij', 'partij'],
  ])('%s → %s', (s, root) => {
    expect(derivationRoot(s)).toBe(root);
  });

  it('is null for short words and numbers', () => {
    for (const s of ['raad', 'wet', '2024', 'lbr19']) expect(derivationRoot(s)).toBeNull();
  });

  it('is always a prefix of the stem, at least 4 letters, and 4 only after a suffix of 3 or more', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,20}$/), (word) => {
        const s = stem(word);
        const root = derivationRoot(s);
        if (root === null) return;
        expect(s.startsWith(root)).toBe(true);
        expect(root.length).toBeGreaterThanOrEqual(4);
        if (root.length === 4) expect(s.length - root.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 2000 },
    );
  });
});
