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
  | 'pdf-unreadable'
  | 'pdf-password'
  | 'pdf-no-text'
  | 'docx-unreadable'
  | 'html-no-text'
  | 'file-not-found'
  | 'database-from-future'
  | 'database-invalid'
  | 'pack-invalid'
  | 'pack-signature-invalid'
  | 'pack-unsigned'
  | 'pack-untrusted-key'
  | 'pack-wrong-key'
  | 'pack-already-installed'
  | 'pack-older-version'
  | 'pack-not-installed'
  | 'pack-bundled'
  | 'pack-busy'
  | 'key-invalid'
  | 'file-exists'
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
