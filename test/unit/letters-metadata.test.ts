/**
 * The letterhead: labels and values, Dutch dates, Lbr.-numbers, and the ids that follow from them.
 */
import { describe, expect, it } from 'vitest';
import { joinBroken } from '../../electron/core/letters/blocks';
import {
  matchLabelLine,
  matchReferenceLine,
  normaliseReference,
  parseDutchDate,
} from '../../electron/core/letters/metadata';
import { decisionHash, documentIdFor, parseLetter, sha256Hex } from '../../electron/core/letters/parse';
import type { LetterDocument } from '../../electron/shared/model';

const parseText = (text: string, name = 'brief.txt'): LetterDocument =>
  parseLetter(new TextEncoder().encode(text), name);

const BODY = `Geacht college,

Wij informeren u over de stand van zaken.

Met vriendelijke groet,

Vereniging van Nederlandse Gemeenten
`;

describe('parseDutchDate', () => {
  it.each([
    ['8 mei 2019', '2019-05-08'],
    ['08 mei 2019', '2019-05-08'],
    ['maandag 8 mei 2019', '2019-05-08'],
    ['8 Mei 2019', '2019-05-08'],
    ['1 januari 2024', '2024-01-01'],
    ['29 februari 2024', '2024-02-29'],
    ['31 december 2023', '2023-12-31'],
    ['3 okt. 2021', '2021-10-03'],
    ['17 sept 2020', '2020-09-17'],
    ['2019-05-08', '2019-05-08'],
    ['08-05-2019', '2019-05-08'],
    ['8-5-2019', '2019-05-08'],
    ['08/05/2019', '2019-05-08'],
    ['08.05.2019', '2019-05-08'],
  ])('%s → %s', (value, iso) => {
    expect(parseDutchDate(value)).toBe(iso);
  });

  it.each(['29 februari 2023', '31 april 2020', '8 mai 2019', '2019-13-01', '32-01-2020', 'morgen', '', 'mei 2019'])(
    'refuses %j',
    (value) => {
      expect(parseDutchDate(value)).toBeNull();
    },
  );
});

describe('matchLabelLine', () => {
  it.each([
    ['Datum', { key: 'date', label: 'Datum' }],
    ['Datum:', { key: 'date', label: 'Datum' }],
    ['Datum: 8 mei 2019', { key: 'date', label: 'Datum', value: '8 mei 2019' }],
    ['Ons kenmerk', { key: 'kenmerk', label: 'Ons kenmerk' }],
    ['Kenmerk: COS/U201900264', { key: 'kenmerk', label: 'Kenmerk', value: 'COS/U201900264' }],
    ['Uw kenmerk', { key: 'other', label: 'Uw kenmerk' }],
    ['Bijlage(n)', { key: 'attachments', label: 'Bijlage(n)' }],
    ['Bijlagen: 2', { key: 'attachments', label: 'Bijlagen', value: '2' }],
    ['Onderwerp: Gemeenten 2024', { key: 'subject', label: 'Onderwerp', value: 'Gemeenten 2024' }],
    ['Telefoon', { key: 'phone', label: 'Telefoon' }],
    ['Contactpersoon: J. Jansen', { key: 'contact', label: 'Contactpersoon', value: 'J. Jansen' }],
    ['E-mail: info@example.nl', { key: 'email', label: 'E-mail', value: 'info@example.nl' }],
    ['Aan: de colleges', { key: 'addressee', label: 'Aan', value: 'de colleges' }],
    ['**Datum:** 17 mei 2022', { key: 'date', label: 'Datum', value: '17 mei 2022' }],
    ['Ledenbrief nummer', { key: 'reference', label: 'Ledenbrief nummer' }],
  ])('%j', (line, expected) => {
    expect(matchLabelLine(line)).toEqual(expected);
  });

  it.each(['Aan de leden', 'Aanleiding', 'Datum van de vergadering is nog niet bekend.', 'Geacht college,', ''])(
    'is not a label: %j',
    (line) => {
      expect(matchLabelLine(line)).toBeNull();
    },
  );
});

describe('Lbr.-numbers', () => {
  it.each([
    ['Lbr. 19/030', 'Lbr. 19/030'],
    ['Lbr 19/030', 'Lbr. 19/030'],
    ['LBR. 19 / 030', 'Lbr. 19/030'],
    ['Lbr.19/030', 'Lbr. 19/030'],
    ['Ledenbrief nummer: Lbr. 20/045', 'Lbr. 20/045'],
    ['Ledenbrief 20/045', 'Lbr. 20/045'],
    ['Lbr-nummer: 21/007', 'Lbr. 21/007'],
    ['**Ledenbrief:** Lbr. 22/033', 'Lbr. 22/033'],
  ])('%j → %s', (line, reference) => {
    expect(matchReferenceLine(line)).toBe(reference);
  });

  it('is only a reference line when the line starts with it', () => {
    expect(matchReferenceLine('Zie ook Lbr. 19/030 over dit onderwerp.')).toBeNull();
    expect(matchReferenceLine('COS/U201900264')).toBeNull();
  });

  it('normalises a reference value', () => {
    expect(normaliseReference('19/030')).toBe('Lbr. 19/030');
    expect(normaliseReference(' lbr 19/030 ')).toBe('Lbr. 19/030');
    expect(normaliseReference('onbekend')).toBe('onbekend');
  });
});

describe('document ids', () => {
  it('come from the Lbr.-nummer', () => {
    expect(documentIdFor('Lbr. 19/030', 'Gemeenten 2024', '2019-05-08')).toBe('lbr-19-030');
    expect(documentIdFor('Lbr. 20/045', 'Iets anders', null)).toBe('lbr-20-045');
  });

  it('else from a hash of title and date: stable, case- and space-insensitive in the title', () => {
    const id = documentIdFor(null, 'Uitnodiging regiobijeenkomsten', '2024-01-19');
    expect(id).toMatch(/^doc-[0-9a-f]{12}$/);
    expect(id).toBe(`doc-${sha256Hex('uitnodiging regiobijeenkomsten|2024-01-19').slice(0, 12)}`);
    expect(documentIdFor(null, '  Uitnodiging Regiobijeenkomsten ', '2024-01-19')).toBe(id);
    expect(documentIdFor(null, 'Uitnodiging regiobijeenkomsten', '2024-01-26')).not.toBe(id);
    expect(documentIdFor(null, 'Uitnodiging regiobijeenkomsten', null)).not.toBe(id);
  });

  it('are the same for the same letter across versions: text edits keep the id, a new Lbr.-nummer does not', () => {
    const v1 = parseText(`Datum: 8 mei 2019\nOns kenmerk: X/1\nLbr. 19/030\nOnderwerp: Proef\n\n${BODY}`);
    const v2 = parseText(
      `Datum: 8 mei 2019\nOns kenmerk: X/1\nLbr. 19/030\nOnderwerp: Proef\n\n${BODY.replace('stand', 'laatste stand')}`,
    );
    const other = parseText(`Datum: 8 mei 2019\nLbr. 19/031\nOnderwerp: Proef\n\n${BODY}`);
    expect(v1.id).toBe('lbr-19-030');
    expect(v2.id).toBe(v1.id);
    expect(v2.source.sha256).not.toBe(v1.source.sha256);
    expect(other.id).toBe('lbr-19-031');
  });

  it('can be given by pack.json', () => {
    expect(parseText(`Datum: 8 mei 2019\nLbr. 19/030\nOnderwerp: Proef\n\n${BODY}`, 'b.txt').id).toBe('lbr-19-030');
    expect(parseLetter(new TextEncoder().encode(`Onderwerp: Proef\n\n${BODY}`), 'b.txt', { id: 'mijn-id' }).id).toBe(
      'mijn-id',
    );
  });
});

describe('decision hashes', () => {
  it('are 16 hex characters of SHA-256 over the normalised text', () => {
    expect(decisionHash('In te stemmen met de begroting')).toBe(
      sha256Hex('in te stemmen met de begroting').slice(0, 16),
    );
    expect(decisionHash('  In te  stemmen\nmet de begroting ')).toBe(decisionHash('in te stemmen met de begroting'));
  });
});

describe('the letterhead block in a letter', () => {
  it('reads labels with the value on the next line or in the next block', () => {
    const doc = parseText(
      `Brief aan de leden\nT.a.v. het college\n\nDatum\n\n3 maart 2021\n\nOns kenmerk\nTEST/U1\nLbr. 21/007\n\nBijlage(n)\n2\n\nOnderwerp\nProef\n\n${BODY}`,
    );
    expect(doc.metadata.map((m) => [m.key, m.value])).toEqual([
      ['addressee', 'Brief aan de leden\nT.a.v. het college'],
      ['date', '3 maart 2021'],
      ['kenmerk', 'TEST/U1'],
      ['reference', 'Lbr. 21/007'],
      ['attachments', '2'],
      ['subject', 'Proef'],
    ]);
    expect(doc.sections[0]!.paragraphs[0]!.text).toBe('Geacht college,');
  });

  it('does not take the salutation for the value of a label that already has one', () => {
    const doc = parseText(`Datum\n3 maart 2021\n\nOns kenmerk\nTEST/U1\nLbr. 21/007\n\n${BODY}`);
    expect(doc.kenmerk).toBe('TEST/U1');
    expect(doc.sections[0]!.paragraphs.map((p) => p.kind)).toEqual(['salutation', 'paragraph', 'closing', 'signature']);
  });

  it('joins a subject wrapped over two lines, but not the next label', () => {
    const doc = parseText(
      `Datum\n3 maart 2021\nOnderwerp\nUitvoering van de\nWet inburgering\nBijlage(n)\n1\n\n${BODY}`,
    );
    expect(doc.subject).toBe('Uitvoering van de Wet inburgering');
    expect(doc.attachments).toBe('1');
  });

  it('keeps the first value when a repeated letterhead differs', () => {
    const doc = parseText(
      `Datum: 3 maart 2021\nOnderwerp: Proef\n\n${BODY.replace('Met vriendelijke', 'Aan de leden\n\nDatum\n4 maart 2021\n\nOns kenmerk\nTEST/U2\n\nMet vriendelijke')}`,
    );
    expect(doc.date).toBe('2021-03-03');
    expect(doc.kenmerk).toBe('TEST/U2');
    expect(doc.metadata.filter((m) => m.key === 'date')).toHaveLength(1);
  });

  it('reads "Geen" and "n.v.t." attachments as none', () => {
    expect(parseText(`Bijlage(n): geen\nOnderwerp: Proef\n\n${BODY}`).attachments).toBeNull();
    expect(parseText(`Bijlagen: n.v.t.\nOnderwerp: Proef\n\n${BODY}`).attachments).toBeNull();
    expect(parseText(`Bijlagen: 3\nOnderwerp: Proef\n\n${BODY}`).attachments).toBe('3');
  });

  it('reads front matter with Dutch or English keys, quoted values and unknown keys', () => {
    const doc = parseText(
      `---\ntitle: "Proef met front matter"\ndate: 2023-04-05\nreference: 23/015\nauteur: VNG\n---\n\n${BODY}`,
      'proef.md',
    );
    expect(doc.title).toBe('Proef met front matter');
    expect(doc.date).toBe('2023-04-05');
    expect(doc.reference).toBe('Lbr. 23/015');
    expect(doc.id).toBe('lbr-23-015');
    expect(doc.metadata).toContainEqual({ key: 'other', label: 'auteur', value: 'VNG' });
  });

  it('without a subject, titles a text letter by its first heading that is not a standard part', () => {
    const doc = parseText(`Datum: 3 maart 2021\n\nSamenvatting\n\nKort.\n\nProef met digitale stemming\n\n${BODY}`);
    expect(doc.subject).toBeNull();
    expect(doc.title).toBe('Proef met digitale stemming');
  });
});

describe('joinBroken', () => {
  it.each([
    ['gemeente-', 'lijke taken', 'gemeentelijke taken'],
    ['op-', 'nieuw', 'opnieuw'],
    ['loon-', 'en prijsontwikkeling', 'loon- en prijsontwikkeling'],
    ['zorg-', 'of welzijnsinstelling', 'zorg- of welzijnsinstelling'],
    ['Noord-', 'Holland', 'Noord-Holland'],
    ['VNG-', 'leden', 'VNG-leden'],
    ['2024-', 'brief', '2024-brief'],
    ['politie-', 'inzet', 'politie-inzet'],
    ['zee-', 'eend', 'zee-eend'],
    ['ide-', 'aal', 'ideaal'],
    ['hoe ze', 'communiceren.', 'hoe ze communiceren.'],
    ['de kosten -', 'en de baten', 'de kosten - en de baten'],
    ['', 'begin', 'begin'],
  ])('%j + %j → %j', (left, right, joined) => {
    expect(joinBroken(left, right)).toBe(joined);
  });
});
