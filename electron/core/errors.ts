/**
 * Errors a user may see. Every one carries its message in Dutch and English, so the CLI,
 * the bridge and the app can show it without guessing.
 */

export type ErrorCode =
  | 'empty-file'
  | 'binary-file'
  | 'file-too-large'
  | 'invalid-utf8'
  | 'no-letter-structure'
  | 'unsupported-format'
  | 'file-not-found'
  | 'database-from-future'
  | 'database-invalid'
  | 'pack-invalid'
  | 'document-not-found'
  | 'invalid-request'
  | 'annotation-not-found'
  | 'tag-not-found'
  | 'tag-exists'
  | 'invalid-tag'
  | 'invalid-color-label'
  | 'invalid-range'
  | 'decision-not-found'
  | 'annotations-invalid'
  | 'write-failed'
  | 'backup-invalid'
  | 'backup-from-future'
  | 'backup-failed'
  | 'usage';

export class RaadsmapError extends Error {
  readonly code: ErrorCode;
  readonly nl: string;
  readonly en: string;

  constructor(code: ErrorCode, nl: string, en: string, options?: { cause?: unknown }) {
    super(en, options);
    this.name = 'RaadsmapError';
    this.code = code;
    this.nl = nl;
    this.en = en;
  }

  /** Both languages, Dutch first: how the CLI prints it. */
  bilingual(): string {
    return `${this.nl}\n${this.en}`;
  }
}

export function isRaadsmapError(error: unknown): error is RaadsmapError {
  return error instanceof RaadsmapError;
}
