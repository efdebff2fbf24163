/**
 * Letters as PDF, web page (HTML) and Word (.docx): real files, made here with the project's own
 * libraries (pdf-lib with DejaVu Sans, docx), read by parseLetterFile to the same structure as the
 * text version. And the ways such a file can be unreadable, each with a clear bilingual message.
 */
import fontkit from '@pdf-lib/fontkit';
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, StandardFonts, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { RaadsmapError } from '../../electron/core/errors';
import { formatFromFileName } from '../../electron/core/letters/decode';
import { parseLetterFile, SUPPORTED_LETTER_EXTENSIONS } from '../../electron/core/letters/extract';
import { parseLetter } from '../../electron/core/letters/parse';
import type { LetterDocument, Paragraph as LetterParagraph, Section } from '../../electron/shared/model';
import { letterDocumentSchema } from '../../electron/shared/schemas';

const TXT_FILE = fileURLToPath(new URL('../../resources/default-content/gemeenten-2024.txt', import.meta.url));
const txtBytes = readFileSync(TXT_FILE);
const txtDoc = parseLetter(txtBytes, 'gemeenten-2024.txt');
const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

function headings(sections: Section[], depth = 0): string[] {
  return sections.flatMap((s) => [
    `${'  '.repeat(depth)}${s.title ?? '(geen kop)'} (${s.level})`,
    ...headings(s.sections, depth + 1),
  ]);
}

function paragraphs(sections: Section[]): LetterParagraph[] {
  return sections.flatMap((s) => [...s.paragraphs, ...paragraphs(s.sections)]);
}

async function failure(bytes: Uint8Array, fileName: string): Promise<RaadsmapError> {
  let result: LetterDocument;
  try {
    result = await parseLetterFile(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(RaadsmapError);
    const e = error as RaadsmapError;
    // Both languages name the file.
    expect(e.nl).toContain(`"${fileName}"`);
    expect(e.en).toContain(`"${fileName}"`);
    return e;
  }
  throw new Error(`"${fileName}" was imported as "${result.title}"`);
}

// ---------------------------------------------------------------------------------------------
// A PDF of the strategy letter: the text's lines drawn page by page, wrapped to the page width,
// a blank line in the text a paragraph gap, three or more a new page, a footer on every page.

const PAGE = { width: 595, height: 842, left: 70, top: 780, bottom: 130 };
const SIZE = 10;
const LEADING = 14;
const PARAGRAPH_GAP = 10;
const FOOTER = [
  'Vereniging van Nederlandse Gemeenten',
  'Nassaulaan 12 Den Haag | Postbus 30435 | 2500 GK Den Haag',
  '070 - 373 83 93 | info@vng.nl',
  'vng.nl',
];

/** A token that would start a list item, or ends in a hyphen: never at a line break. */
const KEEP_WITH_NEXT = /-$/;
const NO_LINE_START = /^(\d{1,2}[.)]|[a-z][.)]|[-•*–])$/;

function wrap(line: string, font: PDFFont, width: number): string[] {
  const words = line.trim().split(/\s+/);
  const out: string[] = [];
  let current = '';
  words.forEach((word, i) => {
    const candidate = current ? `${current} ${word}` : word;
    const previous = words[i - 1] ?? '';
    const mayBreak = current && !KEEP_WITH_NEXT.test(previous) && !NO_LINE_START.test(word);
    if (mayBreak && font.widthOfTextAtSize(candidate, SIZE) > width) {
      out.push(current);
      current = word;
    } else {
      current = candidate;
    }
  });
  if (current) out.push(current);
  return out;
}

async function strategyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(FONT), { subset: true });
  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.top;
  let blanks = 0;
  let drawn = false;
  const newPage = () => {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = PAGE.top;
    drawn = false;
  };
  for (const raw of txtBytes.toString('utf8').split('\n')) {
    if (!raw.trim()) {
      blanks++;
      continue;
    }
    if (drawn && blanks >= 3) newPage();
    else if (drawn && blanks > 0) y -= PARAGRAPH_GAP;
    blanks = 0;
    for (const line of wrap(raw, font, PAGE.width - 2 * PAGE.left)) {
      if (y < PAGE.bottom) newPage();
      page.drawText(line, { x: PAGE.left, y, size: SIZE, font });
      y -= LEADING;
      drawn = true;
    }
  }
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    FOOTER.forEach((line, k) => p.drawText(line, { x: PAGE.left, y: 80 - k * 11, size: 8, font }));
    p.drawText(`Pagina ${i + 1} van ${pages.length}`, { x: 450, y: 36, size: 8, font });
  });
  return pdf.save();
}

describe('a letter as PDF', () => {
  let pdfBytes: Uint8Array;
  let doc: LetterDocument;
  beforeAll(async () => {
    pdfBytes = await strategyPdf();
    doc = await parseLetterFile(pdfBytes, 'gemeenten-2024.pdf');
  });

  it('spans several pages, each with the footer', async () => {
    const pdf = await PDFDocument.load(pdfBytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(4);
  });

  it('reads the same letterhead as the text version', () => {
    const pick = (d: LetterDocument) => ({
      id: d.id,
      title: d.title,
      date: d.date,
      reference: d.reference,
      kenmerk: d.kenmerk,
      subject: d.subject,
      addressee: d.addressee,
      attachments: d.attachments,
      signatory: d.signatory,
    });
    expect(pick(doc)).toEqual(pick(txtDoc));
    expect(doc.title).toBe('Gemeenten 2024');
    expect(doc.reference).toBe('Lbr. 19/030');
    expect(doc.date).toBe('2019-05-08');
  });

  it('has the same sections, with the Dutch characters intact', () => {
    expect(headings(doc.sections)).toEqual(headings(txtDoc.sections));
    expect(paragraphs(doc.sections).some((p) => p.text.includes('beïnvloeden'))).toBe(true);
  });

  it('has the same decisions 1a–1e, word for word', () => {
    expect(doc.decisions.map((d) => [d.label, d.text, d.stem])).toEqual(
      txtDoc.decisions.map((d) => [d.label, d.text, d.stem]),
    );
    expect(doc.decisions.map((d) => d.label)).toEqual(['1a', '1b', '1c', '1d', '1e']);
  });

  it('has the same paragraphs: footers and page numbers gone, sentences mended across page breaks', () => {
    const texts = paragraphs(doc.sections).map((p) => [p.kind, p.text]);
    expect(texts).toEqual(paragraphs(txtDoc.sections).map((p) => [p.kind, p.text]));
    for (const footer of ['Nassaulaan', 'Postbus', 'info@vng.nl', 'Pagina ']) {
      expect(texts.filter(([, t]) => t!.includes(footer))).toEqual([]);
    }
  });

  it('records the PDF as its source', () => {
    expect(doc.source.format).toBe('pdf');
    expect(doc.source.fileName).toBe('gemeenten-2024.pdf');
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.source.sha256).not.toBe(txtDoc.source.sha256);
    expect(() => letterDocumentSchema.parse(doc)).not.toThrow();
  });

  it('leaves the bytes it was given intact', () => {
    expect(pdfBytes.byteLength).toBeGreaterThan(1000);
    expect(String.fromCharCode(...pdfBytes.subarray(0, 5))).toBe('%PDF-');
  });
});

// ---------------------------------------------------------------------------------------------
// A shorter letter as a Word document and as a web page.

const SHORT = {
  title: 'Proef met digitale stemming',
  date: '2021-03-03',
  reference: 'Lbr. 21/012',
  stem: 'In te stemmen met een proef met digitaal stemmen in de ALV, met daarin:',
  decisions: <Array<[string, string]>>[
    ['1a', 'een proef in de ALV van juni 2021, met stemkastjes én een app'],
    ['1b', 'een evaluatie van de proef door de commissie Bestuur & Organisatie'],
    ['1c', 'een besluit over de invoering op de BALV van november 2021.'],
  ],
};

async function shortDocx(): Promise<Uint8Array> {
  const text = (t: string) => new Paragraph({ children: [new TextRun(t)] });
  const decision = (t: string, level: number) =>
    new Paragraph({ text: t, numbering: { reference: 'besluiten', level } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'besluiten',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2.' },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          text('Aan de leden'),
          text('Datum'),
          text('3 maart 2021'),
          text('Ons kenmerk'),
          text('BB/U202100123'),
          text('Lbr. 21/012'),
          text('Onderwerp'),
          text(SHORT.title),
          new Paragraph({ text: 'Samenvatting', heading: HeadingLevel.HEADING_1 }),
          text('Het bestuur stelt een proef voor met digitaal stemmen in de ALV. Daarmee gaat het stemmen sneller.'),
          new Paragraph({ text: 'Gevraagde besluiten', heading: HeadingLevel.HEADING_1 }),
          decision(SHORT.stem, 0),
          decision(`${SHORT.decisions[0]![1]};`, 1),
          decision(`${SHORT.decisions[1]![1]};`, 1),
          decision(SHORT.decisions[2]![1], 1),
          text('Geacht college en gemeenteraad,'),
          new Paragraph({ text: 'Aanleiding', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Het stemmen met '),
              new TextRun({ text: 'stembriefjes', italics: true }),
              new TextRun(' kost in een volle zaal veel tijd. Leden vroegen om een snellere manier.'),
            ],
          }),
          new Paragraph({ text: 'Hoe werkt het?', heading: HeadingLevel.HEADING_2 }),
          text('Elke gemeente krijgt een stemkastje. De uitslag is direct zichtbaar op het scherm.'),
          text('Met vriendelijke groet,'),
          text('Vereniging van Nederlandse Gemeenten'),
          text('mr drs. A.B. de Vries'),
          text('Directeur'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const SHORT_HTML = `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>Proef met digitale stemming | VNG</title>
  <style>body { font-family: sans-serif } .menu::after { content: "Gevraagde besluiten" }</style>
  <script>window.dataLayer = []; document.write("<p>1. Geen besluit</p>");</script>
</head>
<body>
  <header class="site-header"><a href="/">VNG</a>
    <nav><ul><li><a href="/nieuws">Nieuws</a></li><li><a href="/ledenbrieven">Ledenbrieven</a></li></ul></nav>
  </header>
  <main>
    <nav aria-label="Kruimelpad"><ol><li>Home</li><li>Ledenbrieven</li></ol></nav>
    <article>
      <header><h1>Proef met digitale stemming</h1></header>
      <dl>
        <dt>Datum</dt><dd>3 maart 2021</dd>
        <dt>Ons kenmerk</dt><dd>BB/U202100123</dd>
        <dt>Lbr.</dt><dd>21/012</dd>
      </dl>
      <h2>Samenvatting</h2>
      <p>Het bestuur stelt een proef voor met digitaal stemmen in de ALV. Daarmee gaat het stemmen
         sneller.</p>
      <h2>Gevraagde besluiten</h2>
      <ol>
        <li>In te stemmen met een proef met digitaal stemmen in de ALV, met daarin:
          <ol type="a">
            <li>een proef in de ALV van juni 2021, met stemkastjes &eacute;n een app;</li>
            <li>een evaluatie van de proef door de commissie Bestuur &amp; Organisatie;</li>
            <li>een besluit over de invoering op de BALV van november&nbsp;2021.</li>
          </ol>
        </li>
      </ol>
      <p>Geacht college en gemeenteraad,</p>
      <h2>Aanleiding</h2>
      <p>Het stemmen met <em>stembriefjes</em> kost in een volle zaal veel tijd. Leden vroegen om een
         snellere manier.</p>
      <h3>Hoe werkt het?</h3>
      <p>Elke gemeente krijgt een stemkastje. De uitslag is direct zichtbaar op het scherm.</p>
      <p>Met vriendelijke groet,<br>Vereniging van Nederlandse Gemeenten<br>mr drs. A.B. de Vries<br>Directeur</p>
      <form class="newsletter"><label>Uw e-mail</label><input name="email"><button>Aanmelden</button></form>
    </article>
    <aside><h2>Gerelateerde ledenbrieven</h2><ul><li>Lbr. 20/045 Jaarverslag</li></ul></aside>
  </main>
  <footer><p>Nassaulaan 12 Den Haag | Postbus 30435 | 2500 GK Den Haag</p><p>© VNG</p></footer>
  <script src="/analytics.js"></script>
  <script>console.log("Met vriendelijke groet")</script>
</body>
</html>`;

function expectShortLetter(doc: LetterDocument): void {
  expect(doc.title).toBe(SHORT.title);
  expect(doc.date).toBe(SHORT.date);
  expect(doc.reference).toBe(SHORT.reference);
  expect(doc.kenmerk).toBe('BB/U202100123');
  expect(doc.decisions.map((d) => [d.label, d.text])).toEqual(SHORT.decisions);
  expect(doc.decisions.map((d) => d.stem)).toEqual(SHORT.decisions.map(() => SHORT.stem));
  const all = paragraphs(doc.sections);
  expect(all.filter((p) => p.kind === 'decision').map((p) => [p.marker, p.depth, p.decisionLabel])).toEqual([
    ['1.', 0, '1'],
    ['a.', 1, '1a'],
    ['b.', 1, '1b'],
    ['c.', 1, '1c'],
  ]);
  expect(all.filter((p) => p.kind === 'salutation').map((p) => p.text)).toEqual(['Geacht college en gemeenteraad,']);
  expect(all.slice(-4).map((p) => [p.kind, p.text])).toEqual([
    ['closing', 'Met vriendelijke groet,'],
    ['signature', 'Vereniging van Nederlandse Gemeenten'],
    ['signature', 'mr drs. A.B. de Vries'],
    ['signature', 'Directeur'],
  ]);
  expect(doc.signatory).toBe('mr drs. A.B. de Vries, Directeur');
  // The emphasis survives as a mark, without Markdown or HTML left in the text.
  const aanleiding = all.find((p) => p.text.startsWith('Het stemmen met stembriefjes'))!;
  expect(aanleiding.marks?.map((m) => aanleiding.text.slice(m.start, m.end))).toEqual(['stembriefjes']);
  expect(all.some((p) => /[<>*]|&\w+;/.test(p.text))).toBe(false);
  expect(() => letterDocumentSchema.parse(doc)).not.toThrow();
}

describe('a letter as a Word document (.docx)', () => {
  it('keeps the headings and the numbered decisions', async () => {
    const doc = await parseLetterFile(await shortDocx(), 'digitale-stemming.docx');
    expectShortLetter(doc);
    expect(headings(doc.sections)).toEqual([
      'Samenvatting (1)',
      'Gevraagde besluiten (1)',
      '(geen kop) (1)',
      'Aanleiding (1)',
      '  Hoe werkt het? (2)',
    ]);
    expect(doc.source.format).toBe('docx');
  });
});

describe('a letter as a web page (.html)', () => {
  it('reads the article, not the menus, scripts, aside, form or footer around it', async () => {
    const doc = await parseLetterFile(new TextEncoder().encode(SHORT_HTML), 'digitale-stemming.html');
    expectShortLetter(doc);
    expect(headings(doc.sections)).toEqual([
      'Samenvatting (1)',
      'Gevraagde besluiten (1)',
      '(geen kop) (1)',
      'Aanleiding (1)',
      '  Hoe werkt het? (2)',
    ]);
    const text = paragraphs(doc.sections)
      .map((p) => p.text)
      .join('\n');
    for (const noise of ['Nieuws', 'Kruimelpad', 'Ledenbrieven', 'dataLayer', 'Geen besluit', 'Aanmelden', 'Postbus']) {
      expect(text).not.toContain(noise);
    }
    expect(text).toContain('Bestuur & Organisatie');
    expect(doc.source.format).toBe('html');
  });

  it('reads .htm as well, and a page in windows-1252', async () => {
    const latin = SHORT_HTML.replace('<meta charset="utf-8">', '<meta charset="windows-1252">');
    const bytes = Uint8Array.from([...latin].map((c) => (c === '©' ? 0xa9 : c.charCodeAt(0))));
    const doc = await parseLetterFile(bytes, 'digitale-stemming.htm');
    expect(doc.decisions.map((d) => d.label)).toEqual(['1a', '1b', '1c']);
    expect(doc.source.format).toBe('html');
  });
});

describe('text and Markdown through parseLetterFile', () => {
  it('reads a form feed in text as a page break, mending the sentence across it', async () => {
    const text = [
      'Datum',
      '3 maart 2021',
      '',
      'Onderwerp',
      'Proef met digitale stemming',
      '',
      'Geacht college en gemeenteraad,',
      '',
      'Wij stellen een proef voor met digitaal stemmen. Die proef vindt plaats in de',
      'vergadering van de',
      '',
      '\f',
      'Algemene Ledenvergadering van juni.',
      '',
      'Met vriendelijke groet,',
    ].join('\n');
    const doc = await parseLetterFile(strToU8(text), 'pagina.txt');
    expect(paragraphs(doc.sections).map((p) => p.text)).toContain(
      'Wij stellen een proef voor met digitaal stemmen. Die proef vindt plaats in de vergadering van de Algemene Ledenvergadering van juni.',
    );
  });

  it('gives what parseLetter gives', async () => {
    expect(await parseLetterFile(txtBytes, 'gemeenten-2024.txt')).toEqual(txtDoc);
  });

  it('parseLetter refuses PDF, HTML and Word, pointing to parseLetterFile', () => {
    for (const name of ['brief.pdf', 'brief.html', 'brief.docx']) {
      let error: unknown;
      try {
        parseLetter(txtBytes, name);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RaadsmapError);
      expect((error as RaadsmapError).code).toBe('unsupported-format');
      expect((error as RaadsmapError).en).toContain('parseLetterFile');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Files that cannot be read.

/** A grey PNG, as a scanner makes (smaller): 8-bit greyscale, one IDAT chunk. */
function png(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Uint8Array) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(strToU8(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 13) % 64 < 8 ? 40 : 235;
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe('files that cannot be read get a clear message in Dutch and English', () => {
  it('a damaged PDF', async () => {
    const random = Uint8Array.from({ length: 4000 }, (_, i) => (i * 2654435761) >>> 24);
    const bytes = new Uint8Array([...strToU8('%PDF-1.7\n'), ...random]);
    const error = await failure(bytes, 'kapot.pdf');
    expect(error.code).toBe('pdf-unreadable');
    expect(error.nl).toMatch(/geen geldige PDF|beschadigd/);
    expect(error.en).toMatch(/not a valid PDF|damaged/);
  });

  it('a PDF protected by a password', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('Vertrouwelijk', { x: 50, y: 700, size: 12, font });
    // Standard security handler, revision 2, whose user password is not the empty one.
    const ctx = pdf.context;
    ctx.trailerInfo.Encrypt = ctx.register(
      ctx.obj({
        Filter: 'Standard',
        V: 1,
        R: 2,
        Length: 40,
        P: -4,
        O: PDFHexString.of('00'.repeat(32)),
        U: PDFHexString.of('11'.repeat(32)),
      }),
    );
    ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
    const error = await failure(await pdf.save({ useObjectStreams: false }), 'vertrouwelijk.pdf');
    expect(error.code).toBe('pdf-password');
    expect(error.nl).toMatch(/wachtwoord/);
    expect(error.en).toMatch(/password/);
  });

  it('a scanned PDF: only an image, no text layer', async () => {
    const pdf = await PDFDocument.create();
    const image = await pdf.embedPng(png(200, 280));
    pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    const error = await failure(await pdf.save(), 'scan.pdf');
    expect(error.code).toBe('pdf-no-text');
    expect(error.nl).toMatch(/scan/);
    expect(error.nl).toMatch(/OCR/);
    expect(error.nl).toMatch(/afbeeldingen/);
    expect(error.en).toMatch(/scan/);
    expect(error.en).toMatch(/OCR/);
    expect(error.en).toMatch(/images/);
  });

  it('a .docx that is a ZIP archive but no Word document', async () => {
    const error = await failure(zipSync({ 'notities.txt': strToU8('Geen Word-document') }), 'nep.docx');
    expect(error.code).toBe('docx-unreadable');
    expect(error.nl).toMatch(/beschadigd|geen Word-document/);
    expect(error.en).toMatch(/damaged|not a Word document/);
  });

  it('a truncated .docx', async () => {
    const whole = await shortDocx();
    const error = await failure(whole.subarray(0, Math.floor(whole.length / 2)), 'half.docx');
    expect(error.code).toBe('docx-unreadable');
  });

  it('a .docx that is not even a ZIP archive', async () => {
    const error = await failure(strToU8('Datum\n3 maart 2021\n'), 'tekst.docx');
    expect(error.code).toBe('docx-unreadable');
  });

  it('an HTML page without letter text', async () => {
    const html =
      '<!doctype html><html><head><title>VNG</title><script>var brief = "Geacht college,";</script></head>' +
      '<body><nav><a href="/">Home</a></nav><main></main><footer>Postbus 30435</footer></body></html>';
    const error = await failure(strToU8(html), 'leeg.html');
    expect(error.code).toBe('html-no-text');
    expect(error.nl).toMatch(/geen brieftekst/);
    expect(error.en).toMatch(/no letter text/);
  });

  it('an empty HTML file', async () => {
    const error = await failure(new Uint8Array(0), 'leeg.html');
    expect(error.code).toBe('empty-file');
  });

  it('an unsupported extension, with the list of formats', async () => {
    const error = await failure(strToU8('{\\rtf1 Datum}'), 'brief.rtf');
    expect(error.code).toBe('unsupported-format');
    for (const ext of ['.txt', '.md', '.pdf', '.html', '.docx']) {
      expect(error.nl).toContain(ext);
      expect(error.en).toContain(ext);
    }
    expect(() => formatFromFileName('brief.odt')).toThrow(/\.docx/);
  });

  it('lists the supported extensions', () => {
    expect([...SUPPORTED_LETTER_EXTENSIONS].sort()).toEqual(
      ['.docx', '.htm', '.html', '.markdown', '.md', '.pdf', '.text', '.txt'].sort(),
    );
  });
});
