/**
 * PDF → letter text, with pdfjs-dist. The PDF is untrusted: no eval, no font loading, no system
 * fonts, no network; pdfjs runs in this thread ("fake worker"), as it does under Node.
 *
 * The text items of each page are grouped into lines by their baseline, lines into paragraphs by
 * the vertical gap, and pages are separated by a form feed, which the text parser reads as a page
 * break. Lines repeated in the page margins (running headers, footers, page numbers) are dropped
 * here; letterhead footers in the text are dropped by the text parser as for any extracted text.
 */
import { RaadsmapError } from '../errors';
import { letterFileError } from './file-errors';
import { matchLabelLine, matchReferenceLine, parseDutchDate } from './metadata';

/** The part of a pdfjs text item this module reads. */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  /** Baseline, PDF units, growing upwards. */
  y: number;
  /** Left edge of the first item. */
  x: number;
  size: number;
  items: PdfTextItem[];
  text: string;
}

interface PageLines {
  lines: Line[];
  /** Bottom and top of the page box. */
  bottom: number;
  top: number;
}

/** More pages than any letter has: beyond this a PDF is refused rather than read for minutes. */
const MAX_PAGES = 2000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

/** pdfjs-dist is an ES module outside the bundle: loaded on first use with a real import(). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

const fontSize = (item: PdfTextItem) => Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || item.height || 1;

/** Private-use bullets of the Symbol and Wingdings fonts, as Word writes them. */
const BULLETS = /^[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\u2022\u25aa\u25cf\u25e6\u2023\u2043]$/;

function lineText(items: PdfTextItem[], size: number): string {
  let text = '';
  let end: number | null = null;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    let str = item.str;
    if (BULLETS.test(str.trim())) str = '•';
    if (end !== null && text && str) {
      const gap = x - end;
      const spaced = /\s$/.test(text) || /^\s/.test(str);
      if (!spaced && gap > size * 0.15) {
        // A wide gap after a metadata label is the column between label and value: "Datum  8 mei 2019".
        const label = gap > size * 2 ? matchLabelLine(text) : null;
        text += label && label.value === undefined && !matchReferenceLine(text) ? ': ' : ' ';
      }
    }
    text += str;
    end = x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function groupLines(items: PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    if (!item.str || !item.transform) continue;
    // Vertical text (a rotated margin note) is not part of the letter.
    if (Math.abs(item.transform[1] ?? 0) > Math.abs(item.transform[0] ?? 0)) continue;
    const y = item.transform[5] ?? 0;
    const size = fontSize(item);
    const line = lines.find((l) => Math.abs(l.y - y) <= Math.min(l.size, size) * 0.4);
    if (line) {
      line.items.push(item);
      line.size = Math.max(line.size, size);
    } else {
      lines.push({ y, x: 0, size, items: [item], text: '' });
    }
  }
  for (const line of lines) {
    line.items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    // The size of the line is that of its text, not of a larger initial or a symbol.
    const sizes = line.items.filter((i) => i.str.trim()).map(fontSize);
    line.size = sizes.length ? median(sizes) : line.size;
    line.x = line.items[0]!.transform[4] ?? 0;
    line.text = lineText(line.items, line.size);
    // A soft hyphen at the end of a line is where a word was broken: make it a hyphen the parser mends.
    line.text = line.text.replace(/\u00ad$/, '-');
  }
  return lines.filter((l) => l.text).sort((a, b) => b.y - a.y);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The key a running header or footer line repeats under: its text, without digits (page numbers)
 * or case, and its position, as it stands at the same height on every page.
 */
const marginKey = (line: Line) =>
  `${Math.round(line.y)}|${line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ')}`;

/** Lines in the top or bottom margin of a page, where running headers and footers stand. */
function marginLines(page: PageLines): Line[] {
  const height = page.top - page.bottom;
  if (height <= 0) return [];
  return page.lines.filter((l) => l.y > page.top - height * 0.15 || l.y < page.bottom + height * 0.2);
}

/**
 * Running headers and footers: margin lines that come back at the same place on most pages (at
 * least two). Metadata (labels, dates, Lbr.-numbers) stays, as the letter parser reads it from a
 * repeated letterhead.
 */
function repeatedMarginKeys(pages: PageLines[]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(marginLines(page).map(marginKey));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.5));
  const keys = new Set<string>();
  for (const [key, count] of counts) if (count >= needed) keys.add(key);
  return keys;
}

function isMetadataLine(text: string): boolean {
  return matchLabelLine(text) !== null || matchReferenceLine(text) !== null || parseDutchDate(text) !== null;
}

/**
 * The distance between two lines of one paragraph: a low percentile of the gaps between lines of
 * about the same size, but never more than 1.6 times the type size (a letter of one-line
 * paragraphs has no gap within a paragraph to measure).
 */
function linePitch(pages: PageLines[]): number {
  const gaps: number[] = [];
  const sizes: number[] = [];
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      sizes.push(line.size);
      const prev = page.lines[i - 1];
      if (!prev) return;
      const gap = prev.y - line.y;
      if (gap > line.size * 0.5 && Math.abs(prev.size - line.size) <= line.size * 0.1) gaps.push(gap);
    });
  }
  const size = median(sizes) || 10;
  if (!gaps.length) return size * 1.2;
  gaps.sort((a, b) => a - b);
  const low = gaps[Math.floor(gaps.length * 0.2)]!;
  return Math.min(low, size * 1.6);
}

const LIST_START = /^([-•*–·▪]|\d{1,2}[.)]|[a-z][.)])\s/;

/** The pages' lines as letter text: blank lines between paragraphs, a form feed between pages. */
function pagesToText(pages: PageLines[]): string {
  const repeated = repeatedMarginKeys(pages);
  const pitch = linePitch(pages);
  const out: string[] = [];
  pages.forEach((page, p) => {
    if (p > 0) out.push('\f');
    const margins = new Set(marginLines(page));
    const lines = page.lines.filter((l) => !(margins.has(l) && repeated.has(marginKey(l)) && !isMetadataLine(l.text)));
    const left = lines.length ? Math.min(...lines.map((l) => l.x)) : 0;
    lines.forEach((line, i) => {
      const prev = lines[i - 1];
      if (prev) {
        const gap = prev.y - line.y;
        const sizeChange = Math.abs(prev.size - line.size) > Math.min(prev.size, line.size) * 0.15;
        if (gap > pitch * 1.3 || gap < 0 || sizeChange) out.push('');
      }
      // An indented list item keeps its indent: the parser reads it as a sub-item.
      const indented = line.x - left > line.size * 1.5 && LIST_START.test(line.text);
      out.push(indented ? `  ${line.text}` : line.text);
    });
  });
  return out.join('\n');
}

const letterCount = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

/**
 * The text of a PDF letter, or a RaadsmapError: damaged ('pdf-unreadable'), protected by a
 * password ('pdf-password'), or only images, a scan ('pdf-no-text').
 */
export async function pdfToLetterText(bytes: Uint8Array, fileName: string): Promise<string> {
  const pdfjs = await loadPdfJs();
  // pdfjs takes ownership of (detaches) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (cause) {
      const name = (cause as { name?: string } | null)?.name;
      if (name === 'PasswordException') {
        throw letterFileError(
          'pdf-password',
          `"${fileName}" is beveiligd met een wachtwoord en kan daarom niet worden gelezen. Vraag om een PDF zonder wachtwoord, of om de Word- of webversie van de brief.`,
          `"${fileName}" is protected by a password and cannot be read. Ask for a PDF without a password, or for the Word or website version of the letter.`,
          { cause },
        );
      }
      throw unreadable(fileName, cause);
    }
    if (doc.numPages > MAX_PAGES) {
      throw letterFileError(
        'pdf-unreadable',
        `"${fileName}" heeft ${doc.numPages} pagina's; Raadsmap leest brieven tot ${MAX_PAGES} pagina's.`,
        `"${fileName}" has ${doc.numPages} pages; Raadsmap reads letters of up to ${MAX_PAGES} pages.`,
      );
    }
    const pages: PageLines[] = [];
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent({ includeMarkedContent: false });
        const items = content.items.filter((i): i is typeof i & PdfTextItem => 'str' in i);
        const [, y0 = 0, , y1 = 0] = page.view;
        pages.push({ lines: groupLines(items), bottom: Math.min(y0, y1), top: Math.max(y0, y1) });
        page.cleanup();
      }
    } catch (cause) {
      throw unreadable(fileName, cause);
    }
    const text = pagesToText(pages);
    if (letterCount(text) < 20) {
      throw letterFileError(
        'pdf-no-text',
        `"${fileName}" bevat geen tekst, alleen afbeeldingen: waarschijnlijk is het een scan. Raadsmap kan geen tekst herkennen in afbeeldingen (geen OCR). Vraag om een PDF met tekst, of om de Word- of webversie van de brief.`,
        `"${fileName}" holds no text, only images: it is probably a scan. Raadsmap does not recognise text in images (no OCR). Ask for a PDF with text, or for the Word or website version of the letter.`,
      );
    }
    return text;
  } finally {
    await task.destroy();
  }
}

function unreadable(fileName: string, cause: unknown): RaadsmapError {
  if (cause instanceof RaadsmapError) return cause;
  return letterFileError(
    'pdf-unreadable',
    `"${fileName}" kan niet worden gelezen: het is geen geldige PDF of het bestand is beschadigd. Vraag om een nieuwe kopie van de brief.`,
    `"${fileName}" cannot be read: it is not a valid PDF, or the file is damaged. Ask for a new copy of the letter.`,
    { cause },
  );
}
