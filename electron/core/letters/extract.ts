/**
 * A letter file in any supported format → the structured document model. Text and Markdown are
 * read as by parseLetter; PDF, web pages (HTML) and Word documents (.docx) are first turned into
 * the text or Markdown form the letter parser understands, so sections, metadata and decisions are
 * found the same way whatever the format. `source.format` records the real format.
 */
import type { LetterDocument } from '../../shared/model';
import { RaadsmapError } from '../errors';
import {
  checkLetterSize,
  decodeLetterBytes,
  formatFromFileName,
  normaliseLetterText,
  SUPPORTED_LETTER_EXTENSIONS,
} from './decode';
import { docxToHtml } from './docx';
import { letterFileError } from './file-errors';
import { htmlToLetterText, type HtmlLetterText } from './html';
import { parseLetter, parseLetterText, sha256Hex, type ParseOptions } from './parse';
import { pdfToLetterText } from './pdf';

export { SUPPORTED_LETTER_EXTENSIONS };
export type { LetterFileErrorCode } from './file-errors';

export async function parseLetterFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<LetterDocument> {
  const format = formatFromFileName(fileName);
  if (format === 'text' || format === 'markdown') return parseLetter(bytes, fileName, options);
  checkLetterSize(bytes, fileName);
  if (bytes.byteLength === 0) {
    throw new RaadsmapError('empty-file', `"${fileName}" is leeg.`, `"${fileName}" is empty.`);
  }
  const sha256 = sha256Hex(bytes);
  let converted: HtmlLetterText;
  if (format === 'pdf') {
    converted = { text: await pdfToLetterText(bytes, fileName), syntax: 'text' };
  } else {
    const html = format === 'docx' ? await docxToHtml(bytes, fileName) : decodeHtml(bytes, fileName);
    converted = htmlToLetterText(html, { whole: format === 'docx' });
    if (!/\p{L}/u.test(converted.text)) {
      throw format === 'docx'
        ? letterFileError(
            'docx-unreadable',
            `"${fileName}" bevat geen tekst. Vraag om een nieuwe kopie, of om de PDF- of webversie van de brief.`,
            `"${fileName}" holds no text. Ask for a new copy, or for the PDF or website version of the letter.`,
          )
        : letterFileError(
            'html-no-text',
            `In "${fileName}" staat geen brieftekst: de pagina bevat alleen menu's, scripts of opmaak, of is leeg. Sla de pagina van de brief zelf op, of gebruik de PDF- of Word-versie.`,
            `"${fileName}" holds no letter text: the page has only menus, scripts or styling, or is empty. Save the page of the letter itself, or use the PDF or Word version.`,
          );
    }
  }
  return parseLetterText(
    normaliseLetterText(converted.text),
    fileName,
    { syntax: converted.syntax, format, sha256 },
    options,
  );
}

/**
 * The text of an HTML file: UTF-8 (or UTF-16 with a byte order mark), or the character set the
 * page declares when it is not UTF-8 (older sites write windows-1252).
 */
function decodeHtml(bytes: Uint8Array, fileName: string): string {
  try {
    return decodeLetterBytes(bytes, fileName);
  } catch (error) {
    if (!(error instanceof RaadsmapError) || error.code !== 'invalid-utf8') throw error;
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const charset = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
    if (!charset || /^utf-?8$/i.test(charset)) throw error;
    let text: string;
    try {
      text = new TextDecoder(charset).decode(bytes);
    } catch {
      throw error;
    }
    return normaliseLetterText(text);
  }
}
