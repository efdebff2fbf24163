/**
 * PDF export, written without a browser (pdf-lib): a print-ready A4 layout with the same content
 * as the Word export — title page, per letter a table of decisions and stances, the reasoning per
 * decision, the marked passages with their notes; page numbers in the footer.
 *
 * Font: DejaVu Sans (regular, bold, oblique; from the `dejavu-fonts-ttf` package, Bitstream Vera /
 * DejaVu licence: free to embed and redistribute), embedded as a subset. It covers Dutch and most
 * of Unicode's Latin, Greek, Cyrillic, Arabic and many symbols; any character it has no glyph for
 * is replaced by U+FFFD (or dropped when it is invisible anyway: joiners, variation selectors,
 * controls), so no note can make the export fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfLib from 'pdf-lib';
import { resolveResourcesDir } from '../paths';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
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

export type FontStyle = 'regular' | 'bold' | 'italic';

const FONT_FILES: Record<FontStyle, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
};

let fontCache: Record<FontStyle, Uint8Array> | null = null;

/**
 * The TTF files: from `RAADSMAP_FONTS`, else `resources/fonts/` when the fonts are shipped there,
 * else the `dejavu-fonts-ttf` package.
 */
export function fontBytes(): Record<FontStyle, Uint8Array> {
  if (fontCache) return fontCache;
  const shipped = join(resolveResourcesDir(), 'fonts');
  const folder =
    process.env.RAADSMAP_FONTS ??
    (existsSync(join(shipped, FONT_FILES.regular))
      ? shipped
      : join(dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')), 'ttf'));
  fontCache = {
    regular: readFileSync(join(folder, FONT_FILES.regular)),
    bold: readFileSync(join(folder, FONT_FILES.bold)),
    italic: readFileSync(join(folder, FONT_FILES.italic)),
  };
  return fontCache;
}

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Invisible characters (controls, joiners, direction marks, variation selectors, tags): dropped. */
const INVISIBLE: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe007f],
  [0xe0100, 0xe01ef],
];
const invisible = (cp: number) => INVISIBLE.some(([from, to]) => cp >= from && cp <= to);

/**
 * Scripts fontkit shapes with its Indic or Universal Shaping Engine. The build pdf-lib ships cannot
 * run those shapers (they throw), and without proper shaping they would be drawn wrongly anyway:
 * their characters are replaced. (DejaVu has glyphs for one of them, Tifinagh.)
 */
const COMPLEX_SCRIPTS =
  'Bengali Devanagari Gujarati Gurmukhi Kannada Khmer Malayalam Oriya Tamil Telugu Balinese Batak Brahmi ' +
  'Buginese Buhid Chakma Cham Duployan Egyptian_Hieroglyphs Grantha Hanunoo Javanese Kaithi Kayah_Li ' +
  'Kharoshthi Khojki Khudawadi Lepcha Limbu Mahajani Meetei_Mayek Modi Pahawh_Hmong Rejang Saurashtra ' +
  'Sharada Siddham Sinhala Sundanese Syloti_Nagri Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tibetan ' +
  'Tifinagh Tirhuta';
const COMPLEX_SHAPING = new RegExp(
  `[${COMPLEX_SCRIPTS.split(' ')
    .map((script) => `\\p{Script=${script}}`)
    .join('')}]`,
  'u',
);

/** The text with every character the font cannot draw replaced (U+FFFD) or, if invisible, dropped. */
export function drawable(text: string, font: GlyphFont): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\t') out += '    ';
    else if (cp >= 0xd800 && cp <= 0xdfff)
      out += '\ufffd'; // a lone surrogate
    else if (invisible(cp)) continue;
    else if (font.hasGlyphForCodePoint(cp) && !COMPLEX_SHAPING.test(ch)) out += ch;
    else out += '\ufffd';
  }
  return out;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 62, bottom: 70, left: 62, right: 62 };
const WIDTH = A4[0] - MARGIN.left - MARGIN.right;
type Colour = readonly [number, number, number];
const INK: Colour = [0.1, 0.1, 0.1];
const QUOTE: Colour = [0.2, 0.2, 0.2];
const MUTED: Colour = [0.35, 0.35, 0.35];
const ACCENT: Colour = [0.12, 0.22, 0.39];
const RULE: Colour = [0.56, 0.67, 0.86];
const HEADER_FILL: Colour = [0.85, 0.89, 0.95];

interface TextStyle {
  style?: FontStyle;
  size?: number;
  color?: Colour;
  indent?: number;
  /** Space after the block. */
  after?: number;
  /** Keep this much room below the block's first line (a heading stays with what follows). */
  keepNext?: number;
}

class Layout {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly P: typeof PdfLib,
    private readonly doc: PDFDocument,
    private readonly fonts: Record<FontStyle, PDFFont>,
    private readonly glyphs: Record<FontStyle, GlyphFont>,
  ) {}

  private c(colour: Colour) {
    return this.P.rgb(colour[0], colour[1], colour[2]);
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN.top;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  private width(word: string, style: FontStyle, size: number): number {
    const key = `${style}\u0000${word}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.fonts[style].widthOfTextAtSize(word, 1);
      this.widths.set(key, w);
    }
    return w * size;
  }

  /** The word itself, or — should the font engine still fail on it — replacement characters. */
  private safe(word: string, style: FontStyle): string {
    try {
      this.width(word, style, 1);
      return word;
    } catch {
      return '\ufffd'.repeat([...word].length);
    }
  }

  /** Lines of at most `max` points: breaks at spaces, and inside a word only when it is too long. */
  wrap(text: string, style: FontStyle, size: number, max: number): string[] {
    const lines: string[] = [];
    for (const source of text.replace(/\r\n?/g, '\n').split('\n')) {
      const raw = drawable(source, this.glyphs[style]);
      const words = raw
        .split(/ +/)
        .filter((w, i, all) => w !== '' || (i === 0 && all.length === 1))
        .map((w) => this.safe(w, style));
      let line = '';
      let lineWidth = 0;
      const space = this.width(' ', style, size);
      for (let word of words) {
        let w = this.width(word, style, size);
        if (line && lineWidth + space + w <= max) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line) lines.push(line);
        // A word wider than the line: split it by characters (widths add up: no kerning here).
        while (w > max) {
          let cut = '';
          let cutWidth = 0;
          for (const ch of word) {
            const cw = this.width(ch, style, size);
            if (cut && cutWidth + cw > max) break;
            cut += ch;
            cutWidth += cw;
          }
          lines.push(cut);
          word = word.slice(cut.length);
          w -= cutWidth;
        }
        line = word;
        lineWidth = w;
      }
      lines.push(line);
    }
    return lines;
  }

  lineHeight(size: number): number {
    return size * 1.38;
  }

  text(text: string, options: TextStyle = {}): void {
    const style = options.style ?? 'regular';
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const lh = this.lineHeight(size);
    const lines = this.wrap(text, style, size, WIDTH - indent);
    this.ensure(lh + (options.keepNext ?? 0));
    for (const line of lines) {
      this.ensure(lh);
      this.y -= lh;
      if (line) {
        this.page.drawText(line, {
          x: MARGIN.left + indent,
          y: this.y + (lh - size) / 2 + size * 0.22,
          size,
          font: this.fonts[style],
          color: this.c(options.color ?? INK),
        });
      }
    }
    this.y -= options.after ?? size * 0.6;
  }

  /** User text: paragraphs separated by blank lines. */
  paragraphs(text: string, options: TextStyle = {}): void {
    const parts = text
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .filter((p) => p.trim());
    for (const p of parts) this.text(p.trim(), options);
  }

  /** A quoted passage: oblique, indented, with a bar on the left (drawn per page it spans). */
  quote(text: string): void {
    const size = 10;
    const lh = this.lineHeight(size);
    const indent = 16;
    const lines = text
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .filter((p) => p.trim())
      .flatMap((p, i) => [...(i > 0 ? [''] : []), ...this.wrap(p.trim(), 'italic', size, WIDTH - indent - 4)]);
    // A short quote stays on one page; a long one starts with at least two lines.
    this.ensure(lh * (lines.length <= 6 ? lines.length : 2));
    let barTop = this.y;
    for (const line of lines) {
      if (this.y - lh < MARGIN.bottom) {
        this.bar(barTop, this.y);
        this.newPage();
        barTop = this.y;
      }
      this.y -= lh;
      if (line) {
        this.page.drawText(line, {
          x: MARGIN.left + indent,
          y: this.y + (lh - size) / 2 + size * 0.22,
          size,
          font: this.fonts.italic,
          color: this.c(QUOTE),
        });
      }
    }
    this.bar(barTop, this.y);
    this.y -= 6;
  }

  private bar(top: number, bottom: number): void {
    this.page.drawRectangle({
      x: MARGIN.left + 3,
      y: bottom + 1,
      width: 2.5,
      height: top - bottom - 2,
      color: this.c(RULE),
    });
  }

  rule(): void {
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: A4[0] - MARGIN.right, y: this.y },
      thickness: 0.6,
      color: this.c(RULE),
    });
    this.y -= 10;
  }

  /** A table with a header row repeated on every page; a row never splits across pages. */
  table(widths: number[], header: string[], rows: string[][]): void {
    const size = 9;
    const lh = this.lineHeight(size);
    const pad = 4;
    const cellLines = (cells: string[], style: FontStyle) =>
      cells.map((c, i) => this.wrap(c.replace(/\s+/g, ' '), style, size, widths[i]! - 2 * pad));
    const maxRow = A4[1] - MARGIN.top - MARGIN.bottom - 3 * lh - 2 * pad;
    const drawRow = (lines: string[][], style: FontStyle, fill: Colour | null) => {
      const longest = Math.max(1, ...lines.map((l) => l.length));
      let height = longest * lh + 2 * pad;
      if (height > maxRow) {
        // A cell longer than a page: cut with an ellipsis (the Word and Markdown exports keep it whole).
        const keep = Math.floor((maxRow - 2 * pad) / lh);
        lines = lines.map((l) => (l.length > keep ? [...l.slice(0, keep - 1), `${l[keep - 1] ?? ''} …`] : l));
        height = keep * lh + 2 * pad;
      }
      const top = this.y;
      let x = MARGIN.left;
      lines.forEach((cell, i) => {
        const w = widths[i]!;
        this.page.drawRectangle({
          x,
          y: top - height,
          width: w,
          height,
          borderColor: this.c(RULE),
          borderWidth: 0.6,
          ...(fill ? { color: this.c(fill) } : {}),
        });
        cell.forEach((line, j) => {
          if (!line) return;
          this.page.drawText(line, {
            x: x + pad,
            y: top - pad - (j + 1) * lh + (lh - size) / 2 + size * 0.22,
            size,
            font: this.fonts[style],
            color: this.c(INK),
          });
        });
        x += w;
      });
      this.y = top - height;
    };
    const headerLines = cellLines(header, 'bold');
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lh + 2 * pad;
    this.ensure(headerHeight + lh + 2 * pad);
    drawRow(headerLines, 'bold', HEADER_FILL);
    for (const row of rows) {
      const lines = cellLines(row, 'regular');
      const height = Math.min(maxRow, Math.max(...lines.map((l) => l.length)) * lh + 2 * pad);
      if (this.y - height < MARGIN.bottom) {
        this.newPage();
        drawRow(headerLines, 'bold', HEADER_FILL);
      }
      drawRow(lines, 'regular', null);
    }
    this.y -= 12;
  }
}

function heading(layout: Layout, level: 1 | 2 | 3, text: string): void {
  const size = level === 1 ? 17 : level === 2 ? 13 : 11;
  if (level > 1) layout.space(level === 2 ? 8 : 4);
  layout.text(text, {
    style: 'bold',
    size,
    color: level === 3 ? INK : ACCENT,
    after: level === 1 ? 6 : 3,
    keepNext: 3 * layout.lineHeight(10),
  });
}

function labelled(layout: Layout, label: string, text: string): void {
  if (!text.trim()) return;
  layout.text(label, { style: 'bold', size: 10, after: 2, keepNext: layout.lineHeight(10) });
  layout.paragraphs(text);
}

function drawLetter(layout: Layout, letter: ExportLetter, data: ExportData): void {
  layout.newPage();
  heading(layout, 1, letter.title);
  const meta = [
    letter.reference,
    dutchDate(letter.date),
    letter.subject && letter.subject !== letter.title ? `Onderwerp: ${letter.subject}` : null,
    letter.tags.length ? `Labels: ${letter.tags.join(', ')}` : null,
  ].filter((x): x is string => Boolean(x));
  if (meta.length) layout.text(meta.join(' · '), { color: MUTED, size: 9.5 });
  if (!letter.installed) {
    layout.text('Deze brief is niet geïnstalleerd; citaten en besluitteksten zoals ze bij het opslaan luidden.', {
      style: 'italic',
      size: 9.5,
    });
  }
  layout.rule();
  const withPositions = data.include.has('positions');
  if (letter.decisions.length) {
    if (withPositions) {
      heading(layout, 2, 'Overzicht van de besluiten');
      layout.table(
        [52, WIDTH - 52 - 118 - 70, 118, 70],
        ['Besluit', 'Besluittekst', 'Standpunt', 'Status'],
        letter.decisions.map((d) => [
          d.label,
          d.text,
          STANCE_LABELS[d.position?.stance ?? 'nog-bepalen'],
          d.position ? STATUS_LABELS[d.position.status] : '—',
        ]),
      );
    }
    heading(layout, 2, withPositions ? 'Afweging per besluit' : 'Open vragen per besluit');
    for (const d of letter.decisions) {
      const p = d.position;
      const stance = STANCE_LABELS[p?.stance ?? 'nog-bepalen'];
      if (d.stemIntro) {
        layout.space(4);
        layout.text(d.stemIntro, { style: 'italic', size: 9.5, color: MUTED, after: 0, keepNext: 40 });
      }
      heading(layout, 3, withPositions ? `Besluit ${d.label}: ${stance}` : `Besluit ${d.label}`);
      if (d.text) layout.quote(d.text);
      if (p?.decisionChanged) {
        layout.text('De besluittekst is gewijzigd sinds dit standpunt werd opgeslagen.', { style: 'italic', size: 9 });
      }
      if (!p) continue;
      if (withPositions) {
        labelled(layout, 'Afweging', p.reasoning);
        labelled(layout, 'Inbreng', p.inbreng);
      }
      if (data.include.has('questions')) labelled(layout, 'Open vragen', p.questions);
      if (withPositions) {
        labelled(layout, 'Amendement (concept)', p.amendmentText);
        const motion = motionParts(p);
        if (motion.length) {
          layout.text('Motie (concept)', { style: 'bold', after: 2, keepNext: layout.lineHeight(10) });
          for (const m of motion) {
            layout.text(m.label, { style: 'italic', after: 1, keepNext: layout.lineHeight(10) });
            layout.paragraphs(m.text);
          }
        }
        if (d.passages.length) {
          layout.text('Passages waarop dit standpunt rust', {
            style: 'bold',
            after: 2,
            keepNext: layout.lineHeight(10),
          });
          for (const a of d.passages) {
            layout.quote(a.quote);
            const where = referenceText(a.reference);
            if (where) layout.text(where, { color: MUTED, size: 8.5, indent: 16 });
          }
        }
      }
    }
  }
  if (letter.annotations.length) {
    heading(layout, 2, 'Gemarkeerde passages');
    letter.annotations.forEach((a, i) => {
      heading(layout, 3, `${i + 1}. ${a.reference.sectionPath.at(-1) ?? letter.title}`);
      layout.quote(a.quote);
      const meta = [
        referenceText(a.reference) || null,
        `${a.colorLabel} (${a.color})`,
        a.tags.length ? `labels: ${a.tags.join(', ')}` : null,
        a.creator ? `van ${a.creator}` : null,
        ANCHOR_NOTES[a.anchor],
      ].filter((x): x is string => Boolean(x));
      layout.text(meta.join(' · '), { color: MUTED, size: 8.5 });
      if (a.note.trim()) layout.paragraphs(a.note);
    });
  }
}

export interface PdfOptions {
  timeZone?: string;
}

export async function renderPdf(data: ExportData, options: PdfOptions = {}): Promise<Uint8Array> {
  // Loaded on first use: the libraries are large and most runs of the app never export.
  const P = await import('pdf-lib');
  const fontkit = (await import('@pdf-lib/fontkit')).default;
  const doc = await P.PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  const fonts = {
    regular: await doc.embedFont(bytes.regular, { subset: true }),
    bold: await doc.embedFont(bytes.bold, { subset: true }),
    italic: await doc.embedFont(bytes.italic, { subset: true }),
  };
  const glyphs = {
    regular: fontkit.create(bytes.regular) as unknown as GlyphFont,
    bold: fontkit.create(bytes.bold) as unknown as GlyphFont,
    italic: fontkit.create(bytes.italic) as unknown as GlyphFont,
  };
  const when = dutchDateTime(data.generatedAt, options.timeZone);
  doc.setTitle('Standpuntbepaling', { showInWindowTitleBar: true });
  doc.setSubject(selectionText(data));
  doc.setCreator('Raadsmap');
  doc.setProducer('Raadsmap (pdf-lib)');
  doc.setLanguage('nl-NL');
  doc.setCreationDate(data.generatedAt);
  doc.setModificationDate(data.generatedAt);

  const layout = new Layout(P, doc, fonts, glyphs);
  layout.newPage();
  layout.space(150);
  layout.text('Standpuntbepaling', { style: 'bold', size: 30, color: ACCENT, after: 14 });
  if (data.letters.length) {
    for (const l of data.letters) {
      layout.text([l.title, l.reference].filter(Boolean).join(' — '), { size: 14, color: MUTED, after: 4 });
    }
  } else {
    layout.text('Nog geen notities of standpunten in deze selectie.', { size: 13, color: MUTED });
  }
  layout.space(30);
  layout.rule();
  layout.text(`Opgesteld met Raadsmap op ${when}`, { size: 10 });
  layout.text(selectionText(data), { size: 9, color: MUTED });

  for (const letter of data.letters) drawLetter(layout, letter, data);

  const total = layout.pages.length;
  layout.pages.forEach((page, i) => {
    if (i === 0) return;
    const label = `Standpuntbepaling · ${when} · pagina ${i + 1} van ${total}`;
    const size = 8;
    const w = fonts.regular.widthOfTextAtSize(label, size);
    page.drawText(label, {
      x: (A4[0] - w) / 2,
      y: MARGIN.bottom / 2,
      size,
      font: fonts.regular,
      color: P.rgb(MUTED[0], MUTED[1], MUTED[2]),
    });
  });
  return doc.save();
}
