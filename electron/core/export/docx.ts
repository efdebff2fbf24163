/**
 * Word export ("Standpuntbepaling"): a document a fractie can use as is. A title page, then per
 * letter a table of the requested decisions with the stances, the reasoning per decision with the
 * passages it rests on, and the marked passages with their notes. Real Word headings (Heading 1–3)
 * and styles (Title, Subtitle, Citaat); page numbers in the footer. Every text is a literal text
 * run: Word never reads it as a field, formula or markup.
 */
import type * as Docx from 'docx';
import type { IRunOptions, Paragraph, Table, TableCell, TextRun } from 'docx';
import {
  ANCHOR_NOTES,
  dutchDate,
  dutchDateTime,
  motionParts,
  referenceText,
  selectionText,
  STANCE_LABELS,
  STATUS_LABELS,
  type ExportData,
  type ExportLetter,
} from './collect';

/** Characters XML 1.0 cannot hold (and lone surrogates): dropped, or Word refuses the file. */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '').replace(/\r\n?/g, '\n');
}

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** Text as runs: each line its own run, line breaks as breaks (a newline in a run is not a break). */
function runs(W: typeof Docx, text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, i) => new W.TextRun({ ...style, text: line.replace(/\t/g, '    '), ...(i > 0 ? { break: 1 } : {}) }));
}

/** Paragraphs from user text: blank lines separate paragraphs. */
function paragraphs(W: typeof Docx, text: string, style?: string): Paragraph[] {
  return xmlSafe(text)
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => new W.Paragraph({ ...(style ? { style } : {}), children: runs(W, p.trim()) }));
}

const TEXT_WIDTH = 9638; // A4 minus 2 cm margins, in twentieths of a point
const COLUMNS = [900, 5538, 2000, 1200];

function cellOf(W: typeof Docx, text: string, width: number, header = false): TableCell {
  return new W.TableCell({
    width: { size: width, type: W.WidthType.DXA },
    ...(header ? { shading: { type: W.ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } } : {}),
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new W.Paragraph({ children: runs(W, text, header ? { bold: true } : {}) })],
  });
}

function decisionTable(W: typeof Docx, letter: ExportLetter): Table {
  const header = new W.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['Besluit', 'Besluittekst', 'Standpunt', 'Status'].map((h, i) => cellOf(W, h, COLUMNS[i]!, true)),
  });
  const rows = letter.decisions.map(
    (d) =>
      new W.TableRow({
        cantSplit: true,
        children: [
          cellOf(W, d.label, COLUMNS[0]!),
          cellOf(W, d.text, COLUMNS[1]!),
          cellOf(W, STANCE_LABELS[d.position?.stance ?? 'nog-bepalen'], COLUMNS[2]!),
          cellOf(W, d.position ? STATUS_LABELS[d.position.status] : '—', COLUMNS[3]!),
        ],
      }),
  );
  return new W.Table({
    width: { size: TEXT_WIDTH, type: W.WidthType.DXA },
    columnWidths: COLUMNS,
    rows: [header, ...rows],
  });
}

function labelled(W: typeof Docx, label: string, text: string, style?: string): Paragraph[] {
  if (!text.trim()) return [];
  return [
    new W.Paragraph({ keepNext: true, children: [new W.TextRun({ text: label, bold: true })] }),
    ...paragraphs(W, text, style),
  ];
}

function letterBlocks(W: typeof Docx, letter: ExportLetter, data: ExportData): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  out.push(
    new W.Paragraph({ heading: W.HeadingLevel.HEADING_1, pageBreakBefore: true, children: runs(W, letter.title) }),
  );
  const meta = [
    letter.reference,
    dutchDate(letter.date),
    letter.subject && letter.subject !== letter.title ? `Onderwerp: ${letter.subject}` : null,
    letter.tags.length ? `Labels: ${letter.tags.join(', ')}` : null,
  ].filter((x): x is string => Boolean(x));
  if (meta.length) out.push(new W.Paragraph({ children: runs(W, meta.join(' · '), { color: '555555' }) }));
  if (!letter.installed) {
    out.push(
      new W.Paragraph({
        children: runs(
          W,
          'Deze brief is niet geïnstalleerd; citaten en besluitteksten zoals ze bij het opslaan luidden.',
          {
            italics: true,
          },
        ),
      }),
    );
  }
  const withPositions = data.include.has('positions');
  if (letter.decisions.length) {
    if (withPositions) {
      out.push(new W.Paragraph({ heading: W.HeadingLevel.HEADING_2, children: runs(W, 'Overzicht van de besluiten') }));
      out.push(decisionTable(W, letter));
    }
    out.push(
      new W.Paragraph({
        heading: W.HeadingLevel.HEADING_2,
        children: runs(W, withPositions ? 'Afweging per besluit' : 'Open vragen per besluit'),
      }),
    );
    for (const d of letter.decisions) {
      const p = d.position;
      const stance = STANCE_LABELS[p?.stance ?? 'nog-bepalen'];
      if (d.stemIntro) out.push(new W.Paragraph({ keepNext: true, children: runs(W, d.stemIntro, { italics: true }) }));
      out.push(
        new W.Paragraph({
          heading: W.HeadingLevel.HEADING_3,
          keepNext: true,
          children: runs(W, withPositions ? `Besluit ${d.label}: ${stance}` : `Besluit ${d.label}`),
        }),
      );
      if (d.text) out.push(...paragraphs(W, d.text, 'Citaat'));
      if (p?.decisionChanged) {
        out.push(
          new W.Paragraph({
            children: runs(W, 'De besluittekst is gewijzigd sinds dit standpunt werd opgeslagen.', { italics: true }),
          }),
        );
      }
      if (!p) continue;
      if (withPositions) {
        out.push(...labelled(W, 'Afweging', p.reasoning), ...labelled(W, 'Inbreng', p.inbreng));
      }
      if (data.include.has('questions')) out.push(...labelled(W, 'Open vragen', p.questions));
      if (withPositions) {
        out.push(...labelled(W, 'Amendement (concept)', p.amendmentText));
        const motion = motionParts(p);
        if (motion.length) {
          out.push(
            new W.Paragraph({ keepNext: true, children: [new W.TextRun({ text: 'Motie (concept)', bold: true })] }),
          );
          for (const m of motion) {
            out.push(
              new W.Paragraph({ keepNext: true, children: runs(W, m.label, { italics: true }) }),
              ...paragraphs(W, m.text),
            );
          }
        }
        if (d.passages.length) {
          out.push(
            new W.Paragraph({
              keepNext: true,
              children: [new W.TextRun({ text: 'Passages waarop dit standpunt rust', bold: true })],
            }),
          );
          for (const a of d.passages) {
            out.push(...paragraphs(W, a.quote, 'Citaat'));
            const where = referenceText(a.reference);
            if (where) out.push(new W.Paragraph({ children: runs(W, where, { color: '555555', size: 18 }) }));
          }
        }
      }
    }
  }
  if (letter.annotations.length) {
    out.push(new W.Paragraph({ heading: W.HeadingLevel.HEADING_2, children: runs(W, 'Gemarkeerde passages') }));
    letter.annotations.forEach((a, i) => {
      const section = a.reference.sectionPath.at(-1) ?? letter.title;
      out.push(
        new W.Paragraph({
          heading: W.HeadingLevel.HEADING_3,
          keepNext: true,
          children: runs(W, `${i + 1}. ${section}`),
        }),
      );
      out.push(...paragraphs(W, a.quote, 'Citaat'));
      const meta = [
        referenceText(a.reference) || null,
        `${a.colorLabel} (${a.color})`,
        a.tags.length ? `labels: ${a.tags.join(', ')}` : null,
        a.creator ? `van ${a.creator}` : null,
        ANCHOR_NOTES[a.anchor],
      ].filter((x): x is string => Boolean(x));
      out.push(new W.Paragraph({ children: runs(W, meta.join(' · '), { color: '555555', size: 18 }) }));
      if (a.note.trim()) out.push(...paragraphs(W, a.note));
    });
  }
  return out;
}

export interface DocxOptions {
  timeZone?: string;
}

export async function renderDocx(data: ExportData, options: DocxOptions = {}): Promise<Uint8Array> {
  // Loaded on first use: the library is large and most runs of the app never export.
  const W = await import('docx');
  const subtitle = data.letters.length
    ? data.letters.map((l) => [l.title, l.reference].filter(Boolean).join(' — ')).join('\n')
    : 'Nog geen notities of standpunten in deze selectie.';
  const titlePage: Paragraph[] = [
    new W.Paragraph({
      spacing: { before: 2400 },
      heading: W.HeadingLevel.TITLE,
      children: runs(W, 'Standpuntbepaling'),
    }),
    new W.Paragraph({ style: 'Subtitle', children: runs(W, subtitle) }),
    new W.Paragraph({
      spacing: { before: 600 },
      children: runs(W, `Opgesteld met Raadsmap op ${dutchDateTime(data.generatedAt, options.timeZone)}`),
    }),
    new W.Paragraph({ children: runs(W, selectionText(data), { color: '555555' }) }),
  ];
  const body = data.letters.flatMap((l) => letterBlocks(W, l, data));
  const doc = new W.Document({
    creator: 'Raadsmap',
    title: 'Standpuntbepaling',
    description: selectionText(data),
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: 'Calibri Light', size: 60, color: '1F3864' } },
        heading1: { run: { font: 'Calibri Light', size: 34, color: '1F3864' }, paragraph: { spacing: { after: 160 } } },
        heading2: { run: { size: 28, color: '2E74B5' }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading3: {
          run: { size: 24, bold: true, color: '1F4D78' },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 30, color: '404040' },
        },
        {
          id: 'Citaat',
          name: 'Citaat',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '333333' },
          paragraph: {
            indent: { left: 567 },
            border: { left: { style: W.BorderStyle.SINGLE, size: 12, color: '8EAADB', space: 8 } },
          },
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: {
          first: new W.Footer({ children: [] }),
          default: new W.Footer({
            children: [
              new W.Paragraph({
                alignment: W.AlignmentType.CENTER,
                children: [
                  new W.TextRun({
                    size: 18,
                    color: '555555',
                    children: ['Standpuntbepaling · pagina ', W.PageNumber.CURRENT, ' van ', W.PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...titlePage, ...body],
      },
    ],
  });
  return new Uint8Array(await W.Packer.toBuffer(doc));
}
