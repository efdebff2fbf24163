/**
 * The real strategy letter "Gemeenten 2024" (Lbr. 19/030), as text extracted from its PDF, with the
 * artefacts that come with it: a repeated letterhead, a footer block in the middle of the text,
 * sentences split at page breaks, and the decisions repeated in the summary and at the end.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decisionHash, parseLetter } from '../../electron/core/letters/parse';
import type { Paragraph, Section } from '../../electron/shared/model';
import { letterDocumentSchema } from '../../electron/shared/schemas';

const FILE = fileURLToPath(new URL('../../resources/default-content/gemeenten-2024.txt', import.meta.url));
const bytes = readFileSync(FILE);
const doc = parseLetter(bytes, 'gemeenten-2024.txt');

function paragraphs(sections: Section[]): Paragraph[] {
  return sections.flatMap((s) => [...s.paragraphs, ...paragraphs(s.sections)]);
}

const all = paragraphs(doc.sections);
const byId = (id: string): Paragraph => {
  const p = all.find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p;
};

/** `title (level)` for every section, sub-sections indented. */
function headings(sections: Section[], depth = 0): string[] {
  return sections.flatMap((s) => [
    `${'  '.repeat(depth)}${s.title ?? '(geen kop)'} (${s.level})`,
    ...headings(s.sections, depth + 1),
  ]);
}

const STEM = "'Gemeenten 2024' vast te stellen als verenigingsstrategie, met daarin als uitwerking:";

/** The five decisions exactly as the letter writes them, without "a." and the closing ";". */
const DECISIONS: Array<[label: string, text: string]> = [
  [
    '1a',
    "We werken aan versterking en doorontwikkeling van de representatieve én de participatieve democratie en ontwikkelen scenario's voor de toekomst van het lokaal bestuur",
  ],
  [
    '1b',
    'We geven een nadere invulling aan het begrip solidariteit binnen de vereniging door een pro-actievere rol te pakken bij verdelingsvraagstukken en regio-specifieke aangelegenheden',
  ],
  [
    '1c',
    "We gaan -op basis van wederkerigheid- de condities aanscherpen waaronder we met het Rijk en andere overheden samenwerkingsprogramma's uitvoeren, in lijn met de aanbevelingen van de Raad van State. Uitbreiding van het gemeentelijk belastinggebied is daarbij een belangrijke voorwaarde",
  ],
  [
    '1d',
    'We verkennen de wenselijkheid van uitbreiding van onze gezamenlijke uitvoeringsactiviteiten binnen de GGU. Deze verkenning zal op de BALV 2019 geagendeerd worden',
  ],
  ['1e', 'We beschouwen het stuk tevens als de VNG-Kadernota 2020.'],
];

describe('Gemeenten 2024: metadata', () => {
  it('matches the document schema', () => {
    expect(() => letterDocumentSchema.parse(doc)).not.toThrow();
  });

  it('reads the letterhead', () => {
    expect({
      id: doc.id,
      title: doc.title,
      date: doc.date,
      reference: doc.reference,
      kenmerk: doc.kenmerk,
      subject: doc.subject,
      addressee: doc.addressee,
      attachments: doc.attachments,
      signatory: doc.signatory,
    }).toEqual({
      id: 'lbr-19-030',
      title: 'Gemeenten 2024',
      date: '2019-05-08',
      reference: 'Lbr. 19/030',
      kenmerk: 'COS/U201900264',
      subject: 'Gemeenten 2024',
      addressee: 'Brief aan de leden\nT.a.v. het college en de raad',
      attachments: '1',
      signatory: 'mr J.H.C. van Zanen, Voorzitter',
    });
  });

  it('keeps the metadata fields with their labels as written, once each despite the repeated letterhead', () => {
    expect(doc.metadata.map((m) => [m.key, m.label, m.value])).toEqual([
      ['addressee', 'Aan', 'Brief aan de leden\nT.a.v. het college en de raad'],
      ['date', 'Datum', '8 mei 2019'],
      ['kenmerk', 'Ons kenmerk', 'COS/U201900264'],
      ['reference', 'Lbr.', 'Lbr. 19/030'],
      ['phone', 'Telefoon', '070 373 8393'],
      ['attachments', 'Bijlage(n)', '1'],
      ['subject', 'Onderwerp', 'Gemeenten 2024'],
    ]);
  });

  it('records the source', () => {
    expect(doc.source.fileName).toBe('gemeenten-2024.txt');
    expect(doc.source.format).toBe('text');
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('Gemeenten 2024: identity', () => {
  it('has the same id and content on every parse', () => {
    const again = parseLetter(readFileSync(FILE), 'gemeenten-2024.txt');
    expect(again.id).toBe('lbr-19-030');
    expect(again).toEqual(doc);
  });

  it('takes its id from the Lbr.-nummer, not from the file name', () => {
    expect(parseLetter(bytes, 'een-andere-naam.txt').id).toBe('lbr-19-030');
  });

  it('takes the id given by pack.json over the Lbr.-nummer', () => {
    const given = parseLetter(bytes, 'gemeenten-2024.txt', { id: 'strategie-2024' });
    expect(given.id).toBe('strategie-2024');
    expect(given.decisions).toEqual(doc.decisions);
  });
});

describe('Gemeenten 2024: structure', () => {
  it('has the headings in order, "Rode draden" and the themes under "Inhoud Gemeenten 2024"', () => {
    expect(headings(doc.sections)).toEqual([
      'Samenvatting (1)',
      'Gevraagde besluiten (1)',
      '(geen kop) (1)',
      'Aanleiding (1)',
      'Inhoud Gemeenten 2024 (1)',
      '  Rode draden (2)',
      '  De opgaven (2)',
      '  Informatiesamenleving (2)',
      '  Uitvoering (2)',
      '  Fysieke opgaven (2)',
      '  De inclusieve samenleving (2)',
      '  Democratisch besturen (2)',
      'Wat gaan we als vereniging doen? (1)',
      'Gevraagde besluiten (1)',
    ]);
  });

  it('numbers paragraphs p001 … in reading order, sections uniquely', () => {
    expect(all.map((p) => p.id)).toEqual(all.map((_, i) => `p${String(i + 1).padStart(3, '0')}`));
    expect(all).toHaveLength(47);
  });

  it('opens with the salutation, in a section of its own after the summary', () => {
    const salutations = all.filter((p) => p.kind === 'salutation');
    expect(salutations.map((p) => [p.id, p.text])).toEqual([['p008', 'Geacht college en gemeenteraad,']]);
    const section = doc.sections[2]!;
    expect(section.title).toBeNull();
    expect(section.paragraphs.map((p) => p.id)).toEqual(['p008']);
  });

  it('ends with the closing and the signature lines', () => {
    expect(all.slice(-4).map((p) => [p.kind, p.text])).toEqual([
      ['closing', 'Met vriendelijke groet,'],
      ['signature', 'Vereniging van Nederlandse Gemeenten'],
      ['signature', 'mr J.H.C. van Zanen'],
      ['signature', 'Voorzitter'],
    ]);
  });

  it('keeps "*nieuwe*" as emphasis, without the asterisks', () => {
    const p = all.find((x) => x.text.includes('Het zijn niet persé nieuwe opgaven'))!;
    expect(p.marks).toHaveLength(1);
    expect(p.text.slice(p.marks![0]!.start, p.marks![0]!.end)).toBe('nieuwe');
    expect(p.marks![0]!.type).toBe('em');
    expect(all.some((x) => x.text.includes('*'))).toBe(false);
  });
});

describe('Gemeenten 2024: PDF artefacts', () => {
  it('drops the footer block from the text', () => {
    for (const footer of ['Nassaulaan', 'Postbus', 'info@vng.nl', 'vng.nl', '070 - 373', '2500 GK']) {
      expect(all.filter((p) => p.text.includes(footer)).map((p) => p.id)).toEqual([]);
    }
    // The only "Vereniging van Nederlandse Gemeenten" left is the one that signs the letter.
    expect(all.filter((p) => p.text === 'Vereniging van Nederlandse Gemeenten').map((p) => p.kind)).toEqual([
      'signature',
    ]);
  });

  it('keeps the paragraphs around the footer apart, as they end and start a sentence', () => {
    const rode = doc.sections[4]!.sections[0]!;
    expect(rode.paragraphs.map((p) => p.text.slice(0, 40))).toEqual([
      'Na een terugblik op de afgelopen periode',
      "Zowel tussen als binnen regio's verschil",
      'Tegelijkertijd stippen bestuurders uit h',
      'Rode draden vonden we ook in de wijze wa',
      'De laatste rode draad is dat er een grot',
    ]);
  });

  it('joins "… hoe ze" and "communiceren. …" across the page break', () => {
    const p = all.find((x) => x.text.startsWith('Gemeenten streven naar passende dienstverlening'))!;
    expect(p.text).toContain(
      'Hierbij gaat het dus zowel over wat ze leveren, hoe ze het leveren en hoe ze communiceren. Sommige vraagstukken zijn eenvoudigweg te complex',
    );
    expect(p.text.endsWith('die een eigen, lokale, aanpak nodig hebben.')).toBe(true);
    expect(all.some((x) => x.text.startsWith('communiceren'))).toBe(false);
  });

  it('joins "… gemaakt die een" and "nieuwe basis leggen …" across the page break', () => {
    const p = all.find((x) => x.text.startsWith('Dat begint bij een adequate financiering'))!;
    expect(p.text).toContain(
      "Uiteindelijk moeten er 'horizontaal' en regionaal afspraken worden gemaakt die een nieuwe basis leggen voor een beter zorgsysteem.",
    );
    expect(p.text.endsWith('zal de VNG hiertoe in eerste instantie het initiatief nemen.')).toBe(true);
    expect(all.some((x) => x.text.startsWith('nieuwe basis'))).toBe(false);
  });
});

describe('Gemeenten 2024: decisions', () => {
  it('has the five decisions 1a–1e, each once, with their exact text', () => {
    expect(doc.decisions.map((d) => [d.label, d.text])).toEqual(DECISIONS);
  });

  it('keeps the stem on each decision', () => {
    expect(doc.decisions.map((d) => d.stem)).toEqual(DECISIONS.map(() => STEM));
  });

  it('hashes each decision text', () => {
    for (const d of doc.decisions) {
      expect(d.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(d.hash).toBe(decisionHash(d.text));
    }
    expect(new Set(doc.decisions.map((d) => d.hash)).size).toBe(5);
  });

  it('points each decision at its two places in the text: the summary and the end', () => {
    expect(doc.decisions.map((d) => d.paragraphIds)).toEqual([
      ['p003', 'p039'],
      ['p004', 'p040'],
      ['p005', 'p041'],
      ['p006', 'p042'],
      ['p007', 'p043'],
    ]);
    const summary = doc.sections[1]!.paragraphs.map((p) => p.id);
    const end = doc.sections[doc.sections.length - 1]!.paragraphs.map((p) => p.id);
    for (const d of doc.decisions) {
      const [first, second] = d.paragraphIds.map(byId);
      expect(first!.kind).toBe('decision');
      expect(second!.kind).toBe('decision');
      expect(first!.decisionLabel).toBe(d.label);
      expect(second!.decisionLabel).toBe(d.label);
      expect(summary).toContain(first!.id);
      expect(end).toContain(second!.id);
    }
  });

  it('still reads the text as written: both lists, stem first, with their markers', () => {
    for (const section of [doc.sections[1]!, doc.sections[doc.sections.length - 1]!]) {
      const list = section.paragraphs.filter((p) => p.kind === 'decision');
      expect(list.map((p) => [p.marker, p.depth, p.decisionLabel, p.decisionStem ?? false])).toEqual([
        ['1.', 0, '1', true],
        ['a.', 1, '1a', false],
        ['b.', 1, '1b', false],
        ['c.', 1, '1c', false],
        ['d.', 1, '1d', false],
        ['e.', 1, '1e', false],
      ]);
      expect(list[0]!.text).toBe(STEM);
      expect(list[1]!.text).toBe(`${DECISIONS[0]![1]};`);
      expect(list[5]!.text).toBe(DECISIONS[4]![1]);
    }
  });
});
