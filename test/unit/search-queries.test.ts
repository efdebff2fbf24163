/**
 * A labelled set of Dutch queries over the bundled letter "Gemeenten 2024" (real SQLite, through
 * openServices on a temporary data folder), each with the paragraphs, headings or decisions it must
 * find, the words its snippets must mark, and what it must not find. Then the ranking rules:
 * headings and decisions above running text, words as typed above inflected forms, one hit for a
 * decision repeated in the summary and at the end, typo correction and the messages for empty
 * queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../electron/core/search/analyze';
import type { SearchHit, SearchResponse } from '../../electron/core/search/engine';
import type { Services } from '../../electron/core/services';
import type { LetterDocument } from '../../electron/shared/model';
import {
  STRATEGY_ID,
  allMarks,
  expectValidResponse,
  fixture,
  marks,
  openTempServices,
  paragraphId,
  paragraphText,
} from './search-helpers';

let services: Services;
let dispose: () => void;
let doc: LetterDocument;

beforeAll(() => {
  ({ services, dispose } = openTempServices());
  doc = services.content.getDocument(STRATEGY_ID);
});
afterAll(() => dispose());

const LIMIT = 100;

function search(text: string, extra: { documentIds?: string[] } = {}): SearchResponse {
  const r = services.search.search({ text, limit: LIMIT, facets: true, ...extra });
  expectValidResponse(r, LIMIT);
  return r;
}

/** Ids of the paragraphs that contain each fragment of the letter. */
function ids(...fragments: string[]): string[] {
  return fragments.map((f) => paragraphId(doc, f));
}

function paragraphHits(r: SearchResponse): string[] {
  return r.hits.filter((h) => h.paragraphId !== null).map((h) => h.paragraphId!);
}

function rankOf(r: SearchResponse, pred: (h: SearchHit) => boolean): number {
  const i = r.hits.findIndex(pred);
  expect(i, 'the expected hit is in the results').toBeGreaterThanOrEqual(0);
  return i;
}

interface Case {
  q: string;
  /** Fragments of paragraphs that must be hits (body text, salutations, decisions). */
  finds?: string[];
  /** Fragments of paragraphs that must not be hits. */
  notFinds?: string[];
  /** Section headings that must be hits of kind `heading`. */
  headings?: string[];
  /** Decision labels that must be hits of kind `decision`. */
  decisions?: string[];
  /** Words (as written in the letter) that some snippet must mark. */
  marked?: string[];
  /** Every marked word, folded, must match. */
  everyMark?: RegExp;
  total?: number;
  mode?: 'normal' | 'derivation';
}

/** Expected hits over the bundled letter, grouped by the rule they exercise. */
const CASES: Record<string, Case[]> = {
  'accent folding': [
    { q: 'creeren', finds: ['staan creëren gemeenten verbinding'], marked: ['creëren'], total: 1 },
    { q: 'creëren', finds: ['staan creëren gemeenten verbinding'], marked: ['creëren'], total: 1 },
    { q: 'CREËREN', finds: ['staan creëren gemeenten verbinding'], marked: ['creëren'], total: 1 },
    { q: 'perse', finds: ['Het zijn niet persé'], marked: ['persé'], total: 1 },
    { q: 'financien', finds: ['zijn de financiën beter beheersbaar'], marked: ['financiën'] },
    { q: 'beinvloeden', finds: ['eisen nieuwe spelers hun gelijk en beïnvloeden'], marked: ['beïnvloeden'] },
    { q: 'efficient', finds: ['ellende voorkomen én efficiënt omgaan'], marked: ['efficiënt'] },
    { q: 'heel', finds: ['kwaliteiten vanuit héél Nederland', 'Heel kort gesteld'], marked: ['héél', 'Heel'] },
  ],
  inflection: [
    {
      q: 'gemeente',
      finds: [
        'die ze in hun gemeente waarnemen',
        'De opgaven voor gemeenten zijn groot',
        'de gemeentelijke dienstverlening',
      ],
      marked: ['gemeente', 'gemeenten', 'gemeentelijke'],
    },
    {
      q: 'gemeentelijk',
      finds: ['de gemeentelijke dienstverlening', 'Omdat de gemeentelijke middelen'],
      decisions: ['1c'],
      marked: ['gemeentelijke', 'gemeentelijk'],
    },
    {
      q: 'opgave',
      finds: ['Een andere opgave die gemeenten', 'De opgaven voor gemeenten'],
      marked: ['opgave', 'opgaven'],
    },
    {
      q: 'bijeenkomst',
      finds: ['Na twaalf provinciale bijeenkomsten', 'Op de bijeenkomsten werd'],
      marked: ['bijeenkomsten'],
    },
    { q: 'taak', finds: ['een taak gezamenlijk oppakken', 'meer taken aan gemeenten'], marked: ['taak', 'taken'] },
    { q: 'verschil', finds: ['verschillen tussen regio', 'verschillen opgaven, aanpakken'], marked: ['verschillen'] },
    { q: 'kans', finds: ['zeer veel kansen biedt'], marked: ['kansen'] },
    {
      q: 'mensen',
      finds: ['de overheid mensen met een hulpvraag', 'leefomgeving en mens en'],
      marked: ['mensen', 'mens'],
    },
    {
      q: 'overheid',
      finds: ['de overheid mensen met een hulpvraag', 'als eerste overheid', 'verschillende overheidslagen'],
      decisions: ['1c'],
      marked: ['overheid', 'overheden', 'overheidslagen'],
      // Snowball stems overheid to "over": the preposition must not be found.
      everyMark: /^overhe/,
    },
    { q: 'uitvoeren', headings: ['Uitvoering'], finds: ['taken kan uitvoeren'], marked: ['Uitvoering', 'uitvoeren'] },
  ],
  'compounds and prefixes': [
    {
      q: 'belasting',
      decisions: ['1c'],
      finds: ['een groter gemeentelijk belastinggebied'],
      marked: ['belastinggebied'],
    },
    {
      q: 'energie',
      finds: ['klimaat en energie', 'is de energietransitie', 'zoals de energietransitie en verduurzaming'],
      marked: ['energie', 'energietransitie'],
      total: 3,
    },
    { q: 'gemeenten', finds: ['het Fonds Tekortgemeenten'], marked: ['Tekortgemeenten'] },
    { q: 'transitie', finds: ['is de energietransitie'], marked: ['energietransitie'] },
    {
      q: 'samenwerking',
      finds: ['Regionale samenwerking is altijd nodig', 'vorm in netwerksamenwerking'],
      decisions: ['1c'],
      marked: ['samenwerking', 'netwerksamenwerking', 'samenwerkingsprogramma'],
    },
    {
      q: 'raad',
      finds: ['Geacht college en gemeenteraad', 'de rol van de raad niet uithollen'],
      marked: ['gemeenteraad', 'raad'],
    },
    {
      q: 'functie',
      finds: ['Doorontwikkeling van de kennisfunctie', 'krijgt de platformfunctie', 'goede beheerfunctie'],
      marked: ['kennisfunctie', 'platformfunctie', 'beheerfunctie'],
    },
    {
      q: 'zorg',
      finds: ['schuldhulpverlening en jeugdzorg', 'zorgverzekeraars, zorgaanbieders'],
      marked: ['zorg', 'zorgen'],
    },
    { q: 'strategie', decisions: ['1'], marked: ['verenigingsstrategie'] },
    {
      q: 'energ*',
      finds: ['klimaat en energie', 'is de energietransitie'],
      marked: ['energie', 'energietransitie'],
      total: 3,
    },
    { q: 'gemeent*', finds: ['Geacht college en gemeenteraad', 'het Fonds Tekortgemeenten'], marked: ['gemeenteraad'] },
    { q: 'solidari*', decisions: ['1b'], finds: ['Binnen onze vereniging is solidariteit'], marked: ['solidariteit'] },
  ],
  'phrases, exclusion, OR': [
    {
      q: '"Raad van State"',
      decisions: ['1c'],
      finds: ['De Raad van State noemde'],
      marked: ['Raad', 'State'],
      total: 2,
    },
    { q: '"State van Raad"', total: 0 },
    { q: '"rol van de raad"', finds: ['versterking van de rol van de raad'], total: 1 },
    { q: 'energie -energietransitie', finds: ['klimaat en energie'], notFinds: ['is de energietransitie'], total: 1 },
    { q: 'energie NOT klimaat', finds: ['is de energietransitie'], notFinds: ['klimaat en energie'], total: 2 },
    { q: 'energie NIET klimaat', finds: ['is de energietransitie'], notFinds: ['klimaat en energie'], total: 2 },
    {
      q: 'solidariteit -"Fonds Tekortgemeenten"',
      decisions: ['1b'],
      notFinds: ['Binnen onze vereniging is solidariteit'],
    },
    {
      q: 'solidariteit OR wederkerigheid',
      decisions: ['1b', '1c'],
      finds: ['Binnen onze vereniging is solidariteit', "'Wederkerigheid' is hierbij"],
      marked: ['solidariteit', 'wederkerigheid'],
      total: 4,
    },
    { q: 'klimaat OF duurzaamheid', finds: ['klimaat en energie'], total: 1 },
    { q: 'klimaat digitalisering', finds: ['klimaat en energie'], total: 1 },
    { q: 'klimaat solidariteit', total: 0 },
  ],
  'kinds and derivations': [
    { q: 'solidair', decisions: ['1b'], finds: ['Binnen onze vereniging is solidariteit'], mode: 'derivation' },
    { q: 'democratisch', headings: ['Democratisch besturen'], finds: ['rond democratisch besturen'] },
    { q: 'informatiesamenleving', headings: ['Informatiesamenleving'], finds: ['binnen de informatiesamenleving'] },
    { q: 'wederkerigheid', decisions: ['1c'], finds: ["'Wederkerigheid' is hierbij"], total: 2 },
    { q: 'Kadernota', decisions: ['1e'], marked: ['Kadernota'], total: 1 },
    { q: 'rode draden', headings: ['Rode draden'], finds: ['De eerste rode draad is regionale'] },
  ],
};

describe('labelled Dutch queries over "Gemeenten 2024"', () => {
  for (const [group, cases] of Object.entries(CASES)) {
    describe(group, () => {
      for (const c of cases) {
        it(`${c.q}`, () => {
          const r = search(c.q);
          const found = paragraphHits(r);
          for (const id of ids(...(c.finds ?? []))) {
            expect(found, `${c.q} finds ${id}: ${paragraphText(doc, id).slice(0, 60)}`).toContain(id);
          }
          for (const id of ids(...(c.notFinds ?? []))) expect(found).not.toContain(id);
          for (const title of c.headings ?? []) {
            expect(r.hits.some((h) => h.kind === 'heading' && h.section === title && h.paragraphId === null)).toBe(
              true,
            );
          }
          for (const label of c.decisions ?? []) {
            expect(r.hits.filter((h) => h.kind === 'decision' && h.decisionLabel === label)).toHaveLength(1);
          }
          const marked = allMarks(r);
          for (const word of c.marked ?? []) expect(marked).toContain(word);
          if (c.everyMark) for (const word of marked) expect(fold(word)).toMatch(c.everyMark);
          if (c.total !== undefined) expect(r.total).toBe(c.total);
          if (c.mode) expect(r.mode).toBe(c.mode);
          if (c.total !== 0) {
            expect(r.total).toBeGreaterThan(0);
            // Every hit shows at least one marked word of the query.
            for (const h of r.hits) expect(marks(h.snippet).length, `${c.q}: ${h.snippet}`).toBeGreaterThan(0);
          }
        });
      }
    });
  }

  it('the set has at least 40 queries', () => {
    expect(Object.values(CASES).flat().length).toBeGreaterThanOrEqual(40);
  });
});

describe('phrases against the same words unquoted', () => {
  it('"gemeentelijke uitvoering" finds only the adjacent words, unquoted finds more', () => {
    const quoted = search('"gemeentelijke uitvoering"');
    const loose = search('gemeentelijke uitvoering');
    const q = paragraphHits(quoted);
    expect(q).toEqual(
      expect.arrayContaining(
        ids('gemeentelijke uitvoering, het fysieke domein', 'Gezamenlijke Gemeentelijke Uitvoering'),
      ),
    );
    for (const id of q) expect(fold(paragraphText(doc, id))).toContain('gemeentelijke uitvoering');
    expect(paragraphHits(loose)).toEqual(expect.arrayContaining(q));
    expect(loose.total).toBeGreaterThan(quoted.total);
    // A paragraph with both words apart: found unquoted only.
    const apart = paragraphId(doc, 'Nu de uitvoering van steeds meer taken aan gemeenten');
    expect(paragraphHits(loose)).toContain(apart);
    expect(q).not.toContain(apart);
  });

  it('stop words count inside quotes: "rol van de raad" is not "rol raad"', () => {
    const quoted = search('"rol van de raad"');
    const loose = search('rol raad');
    const ministerParagraph = paragraphId(doc, 'De Raad van State noemde in dat verband');
    expect(paragraphHits(loose)).toContain(ministerParagraph);
    expect(paragraphHits(quoted)).not.toContain(ministerParagraph);
    expect(loose.total).toBeGreaterThan(quoted.total);
  });

  it('an unterminated quote is a phrase to the end', () => {
    const r = search('"Raad van State');
    expect(r.total).toBe(2);
    expect(r.hits.map((h) => h.decisionLabel ?? h.paragraphId)).toEqual(
      expect.arrayContaining(['1c', paragraphId(doc, 'De Raad van State noemde')]),
    );
  });
});

describe('ranking', () => {
  it('a heading ranks above running text with the same word, with a strictly higher score', () => {
    for (const [q, heading, body] of [
      ['democratisch', 'Democratisch besturen', 'rond democratisch besturen'],
      ['informatiesamenleving', 'Informatiesamenleving', 'binnen de informatiesamenleving'],
      ['uitvoering', 'Uitvoering', 'Nu de uitvoering van steeds meer taken'],
    ] as const) {
      const r = search(q);
      const h = rankOf(r, (x) => x.kind === 'heading' && x.section === heading);
      const b = rankOf(r, (x) => x.paragraphId === paragraphId(doc, body));
      expect(h, q).toBeLessThan(b);
      expect(r.hits[h]!.score).toBeGreaterThan(r.hits[b]!.score);
      expect(r.hits[0]!.kind).toBe('heading');
    }
  });

  it('a decision ranks above running text with the same word, with a strictly higher score', () => {
    for (const [q, label, body] of [
      ['solidariteit', '1b', 'Binnen onze vereniging is solidariteit'],
      ['wederkerigheid', '1c', "'Wederkerigheid' is hierbij"],
      ['belastinggebied', '1c', 'een groter gemeentelijk belastinggebied'],
    ] as const) {
      const r = search(q);
      const d = rankOf(r, (x) => x.kind === 'decision' && x.decisionLabel === label);
      const b = rankOf(r, (x) => x.paragraphId === paragraphId(doc, body));
      expect(d, q).toBeLessThan(b);
      expect(r.hits[d]!.score).toBeGreaterThan(r.hits[b]!.score);
    }
  });

  it('a decision repeated in the summary and at the end is one hit, of kind decision, at its first place', () => {
    for (const [q, label] of [
      ['solidariteit', '1b'],
      ['wederkerigheid', '1c'],
      ['GGU', '1d'],
      ['Kadernota', '1e'],
      ['verenigingsstrategie', '1'],
    ] as const) {
      const r = search(q);
      const decisionHits = r.hits.filter((h) => h.decisionLabel === label);
      expect(decisionHits, q).toHaveLength(1);
      expect(decisionHits[0]!.kind).toBe('decision');
      const decision = doc.decisions.find((d) => d.label === label);
      if (decision) {
        // The letter has it twice (summary and end); the hit points to the first.
        expect(decision.paragraphIds.length).toBe(2);
        expect(decisionHits[0]!.paragraphId).toBe(decision.paragraphIds[0]);
      }
      // No other hit carries the same text.
      const texts = r.hits.filter((h) => h.paragraphId).map((h) => paragraphText(doc, h.paragraphId!));
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('the top running-text hit for "gemeente" has the word as typed, not only gemeenten', () => {
    const r = search('gemeente');
    const text = r.hits.filter((h) => h.kind === 'text');
    expect(text.length).toBeGreaterThan(5);
    expect(marks(text[0]!.snippet).map(fold)).toContain('gemeente');
    // And "gemeenten" as typed puts a paragraph with gemeenten first, not one with only gemeente.
    const plural = search('gemeenten').hits.filter((h) => h.kind === 'text');
    expect(marks(plural[0]!.snippet).map(fold)).toContain('gemeenten');
  });

  it('in two paragraphs that differ only in the form of one word, the form as typed scores strictly higher', () => {
    const { services: own, dispose: done } = openTempServices();
    try {
      const letter = own.importLetter(
        Buffer.from(
          [
            'Datum',
            '1 juli 2024',
            '',
            'Onderwerp',
            'Exact en gestemd',
            '',
            'Geacht college,',
            '',
            'Het college van de gemeente bespreekt het hitteplan met de wijkraad.',
            '',
            'Het college van de gemeenten bespreekt het hitteplan met de wijkraad.',
            '',
            'Met vriendelijke groet,',
            '',
            'T. Tester',
          ].join('\n'),
        ),
        'exact.txt',
      );
      const letterDoc = own.content.getDocument(letter.documentId);
      const singular = paragraphId(letterDoc, 'de gemeente bespreekt');
      const plural = paragraphId(letterDoc, 'de gemeenten bespreekt');
      for (const [q, typed, other] of [
        ['gemeente', singular, plural],
        ['gemeenten', plural, singular],
      ] as const) {
        const r = own.search.search({ text: q, documentIds: [letter.documentId] });
        expectValidResponse(r, 20, false);
        const a = r.hits.find((h) => h.paragraphId === typed);
        const b = r.hits.find((h) => h.paragraphId === other);
        expect(a && b, q).toBeTruthy();
        expect(a!.score, q).toBeGreaterThan(b!.score);
        expect(r.hits.indexOf(a!)).toBeLessThan(r.hits.indexOf(b!));
      }
    } finally {
      done();
    }
  });

  it('scores descend in every result list, and better hits score strictly higher', () => {
    for (const q of Object.values(CASES)
      .flat()
      .map((c) => c.q)) {
      const r = search(q);
      for (let i = 1; i < r.hits.length; i++) expect(r.hits[i]!.score).toBeLessThanOrEqual(r.hits[i - 1]!.score);
    }
    // Two words found together beat one of them alone.
    const r = search('solidariteit OR verdelingsvraagstukken');
    const both = rankOf(r, (h) => h.decisionLabel === '1b');
    const one = rankOf(r, (h) => h.paragraphId === paragraphId(doc, 'Binnen onze vereniging is solidariteit'));
    expect(r.hits[both]!.score).toBeGreaterThan(r.hits[one]!.score);
  });
});

describe('typos, empty queries and stop words', () => {
  it('energietransitei → no hits and "did you mean energietransitie"', () => {
    const r = search('energietransitei');
    expect(r.total).toBe(0);
    expect(r.didYouMean).toBe('energietransitie');
    expect(search(r.didYouMean!).total).toBe(2);
  });

  it.each([
    ['wederkerigheit', 'wederkerigheid'],
    ['democratei', 'democratie'],
  ])('%s → no hits and "did you mean %s"', (typo, fixed) => {
    const r = search(typo);
    expect(r.total).toBe(0);
    expect(r.didYouMean).toBe(fixed);
    expect(search(fixed).didYouMean).toBeNull();
  });

  it('a typo whose shortened stem still finds the word gets those hits, and nothing else', () => {
    const r = search('solidariteid');
    expect(r.mode).toBe('derivation');
    expect(r.hits.map((h) => h.decisionLabel ?? h.paragraphId)).toEqual([
      '1b',
      paragraphId(doc, 'Binnen onze vereniging is solidariteit'),
    ]);
    expect(new Set(allMarks(r).map(fold))).toEqual(new Set(['solidariteit']));
  });

  it.each([
    ['', 'Typ'],
    ['   ', 'Typ'],
    ['de het een', 'de'],
    ['van de', 'van'],
    ['"" () * : ^ -', null],
    ['-gemeente', null],
    ['NOT energie', null],
  ])('%j returns a message in Dutch and English and no hits', (q, nlContains) => {
    const r = search(q);
    expect(r.total).toBe(0);
    expect(r.hits).toEqual([]);
    expect(r.message).not.toBeNull();
    expect(r.message!.nl).not.toBe(r.message!.en);
    if (nlContains) expect(r.message!.nl).toContain(nlContains);
  });

  it('a stop word next to a real word is ignored, not an error', () => {
    const r = search('de solidariteit');
    expect(r.message).toBeNull();
    expect(r.total).toBe(search('solidariteit').total);
  });
});

describe('accents and plurals in an imported letter', () => {
  let letterId: string;
  let letterDoc: LetterDocument;
  beforeAll(() => {
    letterId = services.importLetter(fixture('verbuigingen.txt'), 'verbuigingen.txt').documentId;
    letterDoc = services.content.getDocument(letterId);
  });

  it.each([
    ['gemeente', 'Veel gemeentes werken samen', 'gemeentes'],
    ['college', 'De colleges van burgemeester', 'colleges'],
    ['functie', 'Nieuwe functies vragen', 'functies'],
    ['strategie', 'De strategieën voor de binnenstad', 'strategieën'],
    ['plan', 'De plannen voor de haven', 'plannen'],
    ['brief', 'De brieven aan de inwoners', 'brieven'],
    ['bedrijf', 'Kleine bedrijven krijgen', 'bedrijven'],
    ['grens', 'De grenzen van het beheergebied', 'grenzen'],
    ['proces', 'De processen voor vergunningen', 'processen'],
    ['stem', 'Alle stemmen zijn geteld', 'stemmen'],
    ['kans', 'Meer kansen voor jongeren', 'kansen'],
    ['subsidie', 'De subsidies voor verenigingen', 'subsidies'],
    ['idee', 'De ideeën van de jongerenraad', 'ideeën'],
    ['perse', 'niet persé tegen', 'persé'],
    ['persé', 'niet persé tegen', 'persé'],
    ['cafe', 'café’s en terrassen', 'café'],
    ['wijkraad', 'vergadert maandelijks', 'wĳkraad'],
    ['WĲKRAAD', 'vergadert maandelijks', 'wĳkraad'],
  ])('%s finds "%s" and marks %s', (q, fragment, word) => {
    const r = services.search.search({ text: q, documentIds: [letterId] });
    expectValidResponse(r, 20, false);
    const id = paragraphId(letterDoc, fragment);
    const hit = r.hits.find((h) => h.paragraphId === id);
    expect(hit, `${q} → ${fragment}`).toBeDefined();
    expect(marks(hit!.snippet)).toContain(word);
    // The plural also finds the singular's query back: the stems agree both ways.
    const back = services.search.search({ text: word, documentIds: [letterId] });
    expect(back.hits.some((h) => h.paragraphId === id)).toBe(true);
  });

  it('words that only look like a plural keep their own stem (proces/processen, les/lessen)', () => {
    const r = services.search.search({ text: 'processen', documentIds: [letterId] });
    expect(r.hits.map((h) => h.paragraphId)).toEqual([paragraphId(letterDoc, 'De processen voor vergunningen')]);
  });
});
