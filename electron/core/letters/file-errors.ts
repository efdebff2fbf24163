/**
 * Errors of letter files in formats other than text: PDF, Word, web pages. Bilingual, naming the
 * file, like every RaadsmapError.
 */
import { RaadsmapError } from '../errors';

/** The codes these errors carry (members of ErrorCode). */
export type LetterFileErrorCode =
  'pdf-unreadable' | 'pdf-password' | 'pdf-no-text' | 'docx-unreadable' | 'html-no-text';

export function letterFileError(
  code: LetterFileErrorCode,
  nl: string,
  en: string,
  options?: { cause?: unknown },
): RaadsmapError {
  return new RaadsmapError(code, nl, en, options);
}
