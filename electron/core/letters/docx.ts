/**
 * Word (.docx) → HTML, with mammoth; the HTML path (html.ts) does the rest. Mammoth keeps Word's
 * headings (h1–h6) and its numbered and bulleted lists (nested <ol>/<ul>), which is what the
 * sections and numbered decisions rest on; raw text would lose both. Images are left out, and
 * files the document links to are never read.
 */
import type { RaadsmapError } from '../errors';
import { knownDocumentFormat } from './decode';
import { letterFileError } from './file-errors';

/** Word's title and Dutch heading styles, besides mammoth's own map of "Heading 1" … "Heading 6". */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titel'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Kop ${n}'] => h${n}:fresh`),
];

export async function docxToHtml(bytes: Uint8Array, fileName: string): Promise<string> {
  const magic = knownDocumentFormat(bytes);
  if (magic !== 'Word/ZIP') {
    // An old Word file (.doc), or an encrypted .docx, is an OLE container, not a ZIP archive.
    const old = magic === 'Word';
    throw unreadable(
      fileName,
      old
        ? {
            nl: 'het is een oud Word-bestand (.doc) of een met een wachtwoord beveiligd document. Sla het in Word op als .docx zonder wachtwoord',
            en: 'it is an old Word file (.doc) or a password-protected document. Save it from Word as .docx without a password',
          }
        : { nl: 'het is geen Word-document (.docx)', en: 'it is not a Word document (.docx)' },
    );
  }
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    return result.value;
  } catch (cause) {
    throw unreadable(
      fileName,
      { nl: 'het bestand is beschadigd of geen Word-document', en: 'the file is damaged or not a Word document' },
      cause,
    );
  }
}

function unreadable(fileName: string, why: { nl: string; en: string }, cause?: unknown): RaadsmapError {
  return letterFileError(
    'docx-unreadable',
    `"${fileName}" kan niet worden gelezen: ${why.nl}. Vraag om een nieuwe kopie, of om de PDF- of webversie van de brief.`,
    `"${fileName}" cannot be read: ${why.en}. Ask for a new copy, or for the PDF or website version of the letter.`,
    cause === undefined ? undefined : { cause },
  );
}
