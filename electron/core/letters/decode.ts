import { RaadsmapError } from '../errors';

/** Largest letter file Raadsmap accepts. */
export const MAX_LETTER_BYTES = 50 * 1024 * 1024;

/** The formats a letter file may have; `source.format` in the document model. */
export type LetterFormat = 'text' | 'markdown' | 'pdf' | 'html' | 'docx';

const SUPPORTED: Record<string, LetterFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
};

/** Every file extension a letter may have, lower case with the dot: `.txt`, `.md`, `.pdf` …. */
export const SUPPORTED_LETTER_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(SUPPORTED));

/** The extension of a file name, lower case with the dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot >= 0 ? base.slice(dot).toLowerCase() : '';
}

export function formatFromFileName(fileName: string): LetterFormat {
  const format = SUPPORTED[extensionOf(fileName)];
  if (!format) {
    throw new RaadsmapError(
      'unsupported-format',
      `"${fileName}" kan niet worden ingelezen: Raadsmap leest brieven als tekst (.txt), Markdown (.md), PDF (.pdf), webpagina (.html) en Word (.docx).`,
      `"${fileName}" cannot be imported: Raadsmap reads letters as plain text (.txt), Markdown (.md), PDF (.pdf), web page (.html) and Word (.docx) files.`,
    );
  }
  return format;
}

/** Refuses a file over the size limit. */
export function checkLetterSize(bytes: Uint8Array, fileName: string): void {
  if (bytes.byteLength > MAX_LETTER_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    throw new RaadsmapError(
      'file-too-large',
      `"${fileName}" is te groot (${mb} MB); een brief mag hoogstens 50 MB zijn.`,
      `"${fileName}" is too large (${mb} MB); a letter may be at most 50 MB.`,
    );
  }
}

/**
 * The normalisation every letter text gets, whatever it came from: line endings, tabs, no-break
 * spaces and soft hyphens, Unicode NFC.
 */
export function normaliseLetterText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u00ad/g, '')
    .normalize('NFC');
}

/**
 * Turns the bytes of a letter file into normalised text, or refuses with a clear message.
 * Refuses empty, oversized, binary and non-UTF-8 input; strips a byte order mark;
 * normalises line endings and Unicode (NFC).
 */
export function decodeLetterBytes(bytes: Uint8Array, fileName: string): string {
  checkLetterSize(bytes, fileName);
  const docFormat = knownDocumentFormat(bytes);
  // A PDF or Word file named as such is no mistake: parseLetterFile reads it (this function is for text).
  const named = extensionOf(fileName);
  const expected = (docFormat === 'PDF' && named === '.pdf') || (docFormat === 'Word/ZIP' && named === '.docx');
  if (docFormat && !expected) {
    const hint =
      docFormat === 'PDF'
        ? { nl: 'Geef het de extensie .pdf', en: 'Give it the extension .pdf' }
        : docFormat === 'Word/ZIP'
          ? {
              nl: 'Is het een Word-document, geef het dan de extensie .docx',
              en: 'If it is a Word document, give it the extension .docx',
            }
          : { nl: 'Sla de brief op als Word (.docx)', en: 'Save the letter as Word (.docx)' };
    throw new RaadsmapError(
      'unsupported-format',
      `"${fileName}" is een ${docFormat}-bestand, geen tekst. ${hint.nl}, of sla de brief op als tekst (.txt) of Markdown (.md), en probeer het opnieuw.`,
      `"${fileName}" is a ${docFormat} file, not text. ${hint.en}, or save the letter as plain text (.txt) or Markdown (.md), and try again.`,
    );
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (looksBinary(bytes)) {
      throw new RaadsmapError(
        'binary-file',
        `"${fileName}" is geen tekstbestand (het bevat binaire gegevens).`,
        `"${fileName}" is not a text file (it contains binary data).`,
      );
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch (cause) {
      throw new RaadsmapError(
        'invalid-utf8',
        `"${fileName}" is geen geldige UTF-8-tekst. Sla het bestand op als UTF-8 en probeer het opnieuw.`,
        `"${fileName}" is not valid UTF-8 text. Save the file as UTF-8 and try again.`,
        { cause },
      );
    }
  }
  text = normaliseLetterText(text);
  if (text.trim() === '') {
    throw new RaadsmapError('empty-file', `"${fileName}" is leeg.`, `"${fileName}" is empty.`);
  }
  return text;
}

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF'], // %PDF-
  [[0x50, 0x4b, 0x03, 0x04], 'Word/ZIP'], // .docx, .odt, .zip
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'Word'], // .doc
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF'], // {\rtf
];

/** A document format someone may save with a .txt name: PDF, Word, RTF. */
export function knownDocumentFormat(bytes: Uint8Array): string | null {
  for (const [magic, name] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return name;
  }
  return null;
}

/** A NUL byte anywhere, or many control characters in the first 8 KB, mean binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}
