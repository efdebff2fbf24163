/**
 * Exports of what the user wrote, in four formats, from one collected selection (collect.ts):
 * Markdown, Word (.docx), PDF and W3C Web Annotation JSON-LD. Used by `raadsmap export` and by the
 * contract's `export.create` (which hands the bytes to the renderer to save).
 */
import { EXPORT_EXTENSIONS, EXPORT_MIME_TYPES, type ExportFormat } from '../../shared/export';
import { collectExport, type ExportData, type ExportOptions, type ExportSource } from './collect';
import { renderDocx } from './docx';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf';
import { renderW3c } from './w3c';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  data: ExportData;
}

export interface CreateExportOptions extends ExportOptions {
  format: ExportFormat;
  /** The moment of the export (tests pass a fixed one). */
  now?: Date;
  /** Time zone for dates in the document (default: the machine's). */
  timeZone?: string;
  /** Raadsmap's version, named in the W3C export's generator. */
  version?: string;
}

/** `standpuntbepaling-2026-11-12.docx` (local date). */
export function exportFileName(format: ExportFormat, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const base = format === 'w3c' ? 'raadsmap-annotaties' : 'standpuntbepaling';
  return `${base}-${day}.${EXPORT_EXTENSIONS[format]}`;
}

export async function createExport(source: ExportSource, options: CreateExportOptions): Promise<ExportFile> {
  const now = options.now ?? new Date();
  const data = collectExport(
    source,
    { documentIds: options.documentIds, tags: options.tags, include: options.include },
    now,
  );
  const tz = options.timeZone ? { timeZone: options.timeZone } : {};
  let bytes: Uint8Array;
  switch (options.format) {
    case 'md':
      bytes = Buffer.from(renderMarkdown(data, tz), 'utf8');
      break;
    case 'docx':
      bytes = await renderDocx(data, tz);
      break;
    case 'pdf':
      bytes = await renderPdf(data, tz);
      break;
    case 'w3c':
      bytes = Buffer.from(`${JSON.stringify(renderW3c(data, options.version), null, 2)}\n`, 'utf8');
      break;
  }
  return { fileName: exportFileName(options.format, now), mimeType: EXPORT_MIME_TYPES[options.format], bytes, data };
}

export { collectExport, type ExportData, type ExportOptions } from './collect';
export { writeFileAtomic } from './write';
