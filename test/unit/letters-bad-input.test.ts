/**
 * Bad input gets a clear RaadsmapError, in Dutch and in English, naming the file — and no document.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LETTER_BYTES } from '../../electron/core/letters/decode';
import { parseLetter } from '../../electron/core/letters/parse';
import { RaadsmapError, type ErrorCode } from '../../electron/core/errors';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A small but complete letter, to show that only the bad part makes an import fail. */
const GOOD_LETTER = `Aan de leden

Datum
3 maart 2021

Onderwerp
Proef met digitale stemming

Geacht college en gemeenteraad,

Wij stellen een proef voor met digitaal stemmen in de ALV.

Met vriendelijke groet,

Vereniging van Nederlandse Gemeenten
`;

function failure(bytes: Uint8Array, fileName: string): RaadsmapError {
  let result: unknown;
  try {
    result = parseLetter(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(RaadsmapError);
    return error as RaadsmapError;
  }
  throw new Error(`"${fileName}" was imported as "${(result as { title: string }).title}"`);
}

const CASES: Array<[what: string, fileName: string, bytes: () => Uint8Array, code: ErrorCode, nl: RegExp, en: RegExp]> =
  [
    ['an empty file', 'leeg.txt', () => new Uint8Array(0), 'empty-file', /is leeg/, /is empty/],
    ['whitespace only', 'wit.txt', () => utf8('  \n\n\t \r\n   \n'), 'empty-file', /is leeg/, /is empty/],
    [
      'a byte order mark only',
      'bom.md',
      () => new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]),
      'empty-file',
      /is leeg/,
      /is empty/,
    ],
    [
      'binary data with NUL bytes',
      'binair.txt',
      () => new Uint8Array([0x44, 0x61, 0x74, 0x75, 0x6d, 0x00, 0x01, 0x02, 0x03, 0xff]),
      'binary-file',
      /geen tekstbestand/,
      /not a text file/,
    ],
    [
      'a PNG image',
      'plaatje.txt',
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      'binary-file',
      /geen tekstbestand/,
      /not a text file/,
    ],
    [
      'a letter with a NUL byte far beyond the first 8 KB',
      'laat-binair.txt',
      () => {
        const text = utf8(GOOD_LETTER + 'x'.repeat(20_000));
        const bytes = new Uint8Array(text.length + 1);
        bytes.set(text);
        return bytes;
      },
      'binary-file',
      /geen tekstbestand/,
      /not a text file/,
    ],
    [
      'control characters',
      'stuurtekens.txt',
      () => new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x07 : 0x41))),
      'binary-file',
      /geen tekstbestand/,
      /not a text file/,
    ],
    [
      'Latin-1 text (invalid UTF-8)',
      'latin1.txt',
      () => new Uint8Array([...utf8('Datum: 8 mei 2019\nOnderwerp: Caf'), 0xe9, ...utf8(' en terras\n')]),
      'invalid-utf8',
      /geen geldige UTF-8/,
      /not valid UTF-8/,
    ],
    [
      'a truncated UTF-8 sequence',
      'afgebroken.md',
      () => new Uint8Array([...utf8('# Brief\n\nGeacht college, financi'), 0xc3]),
      'invalid-utf8',
      /geen geldige UTF-8/,
      /not valid UTF-8/,
    ],
    [
      'a file over 50 MB',
      'groot.txt',
      () => new Uint8Array(MAX_LETTER_BYTES + 1).fill(0x61),
      'file-too-large',
      /te groot .* hoogstens 50 MB/,
      /too large .* at most 50 MB/,
    ],
    [
      'a CSV file',
      'gemeenten.txt',
      () =>
        utf8(
          'gemeente;inwoners;provincie\nUtrecht;361924;Utrecht\nZwolle;130592;Overijssel\nTilburg;224702;Noord-Brabant\n',
        ),
      'no-letter-structure',
      /geen briefstructuur/,
      /No letter structure/,
    ],
    [
      'random prose',
      'verhaal.txt',
      () =>
        utf8(
          'Het regende de hele dag. De kat lag op de bank en keek naar buiten.\n\nNiemand had zin om naar de markt te gaan, dus bleven we binnen en speelden een spel.\n',
        ),
      'no-letter-structure',
      /geen briefstructuur/,
      /No letter structure/,
    ],
    [
      'prose under a single title',
      'vakantie.txt',
      () => utf8('Onze vakantie\n\nWe gingen naar de Ardennen. Het was er mooi.\n\nVolgend jaar gaan we weer.\n'),
      'no-letter-structure',
      /geen briefstructuur/,
      /No letter structure/,
    ],
    [
      'Markdown without any letter part',
      'notities.md',
      () => utf8('# Notities\n\nBoodschappen voor zaterdag.\n\n- melk\n- brood\n'),
      'no-letter-structure',
      /geen briefstructuur/,
      /No letter structure/,
    ],
    [
      'letterhead fields without any text',
      'alleen-kop.txt',
      () => utf8('Datum: 8 mei 2019\nOnderwerp: Gemeenten 2024\n'),
      'no-letter-structure',
      /geen briefstructuur/,
      /No letter structure/,
    ],
    [
      'a .pdf file',
      'ledenbrief.pdf',
      () => utf8('%PDF-1.7\n1 0 obj\n'),
      'unsupported-format',
      /kan niet worden ingelezen/,
      /cannot be imported/,
    ],
    ['a .docx file', 'ledenbrief.docx', () => utf8(GOOD_LETTER), 'unsupported-format', /\.txt/, /\.txt/],
    ['a file without extension', 'ledenbrief', () => utf8(GOOD_LETTER), 'unsupported-format', /\.md/, /\.md/],
    [
      'a PDF saved with a .txt name',
      'ledenbrief.txt',
      () => new Uint8Array([...utf8('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
      'unsupported-format',
      /PDF-bestand/,
      /PDF file/,
    ],
    [
      'a Word document saved with a .md name',
      'ledenbrief.md',
      () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      'unsupported-format',
      /Word\/ZIP-bestand/,
      /Word\/ZIP file/,
    ],
  ];

describe('bad input is refused with a clear message', () => {
  it.each(CASES)('%s', (_what, fileName, bytes, code, nl, en) => {
    const error = failure(bytes(), fileName);
    expect(error.code).toBe(code);
    expect(error.nl.trim()).not.toBe('');
    expect(error.en.trim()).not.toBe('');
    expect(error.nl).not.toBe(error.en);
    expect(error.nl).toContain(`"${fileName}"`);
    expect(error.en).toContain(`"${fileName}"`);
    expect(error.nl).toMatch(nl);
    expect(error.en).toMatch(en);
    expect(error.message).toBe(error.en);
    expect(error.bilingual()).toBe(`${error.nl}\n${error.en}`);
  });
});

describe('the limits are where they say', () => {
  it('allows at most 50 MB', () => {
    expect(MAX_LETTER_BYTES).toBe(50 * 1024 * 1024);
  });

  it('checks the size before reading the content', () => {
    // 50 MB + 1 of NUL bytes: too large, not "binary".
    expect(failure(new Uint8Array(MAX_LETTER_BYTES + 1), 'nullen.txt').code).toBe('file-too-large');
  });

  it('imports the good letter the bad cases are made of, and again after a failure', () => {
    expect(() => parseLetter(new Uint8Array(0), 'leeg.txt')).toThrow(RaadsmapError);
    const doc = parseLetter(utf8(GOOD_LETTER), 'proef.txt');
    expect(doc.title).toBe('Proef met digitale stemming');
    expect(doc.date).toBe('2021-03-03');
    expect(parseLetter(utf8(GOOD_LETTER), 'proef.md').title).toBe('Proef met digitale stemming');
  });

  it('parses a large letter of many wrapped lines in linear time', () => {
    // 100 000 wrapped lines in one paragraph, continued across a page break: this used to take minutes.
    const line = 'en de uitvoering van de gemeentelijke taken vraagt om een zorgvuldige afwe-';
    const text = `Datum: 8 mei 2019\nOnderwerp: Lang\n\nAanleiding\n\nHet begin van een zin die doorloopt\n\n${`${line}\n`.repeat(100_000)}ging.\n`;
    const started = Date.now();
    const doc = parseLetter(utf8(text), 'lang.txt');
    expect(Date.now() - started).toBeLessThan(10_000);
    const paragraph = doc.sections[0]!.paragraphs[0]!;
    expect(doc.sections[0]!.paragraphs).toHaveLength(1);
    expect(paragraph.text.startsWith('Het begin van een zin die doorloopt en de uitvoering')).toBe(true);
    expect(paragraph.text.endsWith('zorgvuldige afweging.')).toBe(true);
  });

  it('reads UTF-16 with a byte order mark, CRLF line ends and a UTF-8 BOM', () => {
    const expected = parseLetter(utf8(GOOD_LETTER), 'proef.txt');
    const utf16 = new Uint8Array(2 + GOOD_LETTER.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < GOOD_LETTER.length; i++) {
      const c = GOOD_LETTER.charCodeAt(i);
      utf16[2 + i * 2] = c & 0xff;
      utf16[3 + i * 2] = c >> 8;
    }
    const crlf = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(GOOD_LETTER.replace(/\n/g, '\r\n'))]);
    for (const bytes of [utf16, crlf]) {
      const doc = parseLetter(bytes, 'proef.txt');
      expect({ ...doc, source: null }).toEqual({ ...expected, source: null });
    }
  });
});
