/**
 * The handlers behind the contract. Both transports (Electron IPC and the loopback bridge) call
 * `dispatch`, which validates the method name and the payload before any handler runs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, isMethod, type Args, type Envelope, type Method, type Result } from '../shared/contract';
import { createBackupAsync, localStamp } from '../core/backup/backup';
import { restoreBackup } from '../core/backup/restore';
import { backupStatus, type BackupScheduler } from '../core/backup/scheduler';
import { isRaadsmapError, RaadsmapError } from '../core/errors';
import { createExport } from '../core/export';
import { parseWebAnnotations } from '../core/notes/w3c';
import { findInDocument } from '../core/search/engine';
import type { Services } from '../core/services';
import { BACKUP_EXTENSION } from '../shared/export';
import type { InstallProgress } from '../shared/packs';
import { buildPackFromUploads, safeOriginalName } from '../core/packs/build';
import { documentPreview } from '../core/packs/manager';
import { loadPrivateKey, signPackBytes } from '../core/packs/sign';
import { parseLetterFile } from '../core/letters/extract';

export interface HandlerContext {
  services: Services;
  transport: 'ipc' | 'bridge';
  version: string;
  /** The automatic backups' scheduler, when this process runs one (its last problem shows in backup.status). */
  backupScheduler?: BackupScheduler;
}

/** Exports and backups are asynchronous (docx, pdf-lib, SQLite's online backup); every other call answers at once. */
type AsyncMethod =
  'export.create' | 'backup.create' | 'letters.import' | 'packs.install' | 'griffie.preview' | 'griffie.build';
type Handlers = {
  [M in Method]: (args: Args<M>) => M extends AsyncMethod ? Promise<Result<M>> : Result<M>;
};

/** A scratch folder for a file that arrived as bytes, removed afterwards. */
function withTempFile<T>(name: string, bytes: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'raadsmap-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  htm: 'text/html',
  md: 'text/markdown',
  markdown: 'text/markdown',
  txt: 'text/plain',
  text: 'text/plain',
};

/** The media type of an original letter file, from its extension (saved as a download, never rendered). */
function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** Lets the event loop turn (progress polls are answered) between the phases of a long call. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createHandlers(ctx: HandlerContext): Handlers {
  const { services } = ctx;
  let progress: InstallProgress = null;
  return {
    'app.info': () => ({ name: 'Raadsmap', version: ctx.version, dataDir: services.dataDir, transport: ctx.transport }),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'library.list': () => services.content.listDocuments(),
    'documents.get': ({ id }) => services.content.getDocument(id),
    'letters.import': async ({ fileName, dataBase64 }) => {
      // Any supported format: text, Markdown, PDF, a web page or Word.
      const bytes = Buffer.from(dataBase64, 'base64');
      const doc = await parseLetterFile(bytes, fileName);
      return services.importDocument(doc, { name: safeOriginalName(fileName), bytes });
    },
    'search.query': (request) => services.search.search(request),
    'search.suggest': ({ text, limit }) => services.suggester.suggest(text, limit),
    'search.inDocument': ({ documentId, text }) =>
      findInDocument(services.content.getDocument(documentId), text, services.splitter()),
    'notes.colors': () => services.notes.colors(),
    'notes.renameColor': ({ id, label }) => services.notes.renameColor(id, label),
    'notes.overview': () => {
      const titles = services.content.knownTitles();
      const title = (id: string) => titles.get(id) ?? id;
      return {
        annotations: services.notes.listAnnotations().map((a) => ({ ...a, documentTitle: title(a.documentId) })),
        positions: services.notes.listAllPositions().map((p) => ({ ...p, documentTitle: title(p.documentId) })),
        documentTags: services.notes.allDocumentTags(),
      };
    },
    'notes.import': ({ fileName, dataBase64 }) => {
      const parsed = parseWebAnnotations(Buffer.from(dataBase64, 'base64').toString('utf8'));
      return { ...services.notes.importAnnotations(parsed.annotations, fileName), skipped: parsed.skipped };
    },
    'annotations.list': ({ documentId }) =>
      services.notes.listAnnotations(documentId === undefined ? {} : { documentId }),
    'annotations.create': (input) => services.notes.createAnnotation(input),
    'annotations.update': (update) => services.notes.updateAnnotation(update),
    'annotations.delete': ({ id }) => services.notes.deleteAnnotation(id),
    'annotations.restore': ({ id }) => services.notes.restoreAnnotation(id),
    'tags.list': () => services.notes.listTags(),
    'tags.rename': ({ id, name }) => services.notes.renameTag(id, name),
    'tags.merge': ({ sourceIds, targetId }) => services.notes.mergeTags(sourceIds, targetId),
    'tags.delete': ({ id }) => services.notes.deleteTag(id),
    'tags.restore': (deleted) => services.notes.restoreTag(deleted),
    'documents.setTags': ({ documentId, tags }) => services.notes.setDocumentTags(documentId, tags),
    'documents.allTags': () => services.notes.allDocumentTags(),
    'positions.list': ({ documentId }) => services.notes.listPositions(documentId),
    'positions.save': ({ documentId, decisionLabel, patch }) =>
      services.notes.savePosition(documentId, decisionLabel, patch),
    'positions.link': ({ documentId, decisionLabel, annotationId, linked }) =>
      services.notes.linkAnnotation(documentId, decisionLabel, annotationId, linked),
    'export.create': async (request) => {
      const file = await createExport(services, { ...request, version: ctx.version });
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        dataBase64: Buffer.from(file.bytes).toString('base64'),
        counts: {
          letters: file.data.counts.letters,
          annotations: file.data.counts.annotations,
          positions: file.data.counts.positions,
        },
      };
    },
    'backup.create': async () => {
      const now = new Date();
      const fileName = `raadsmap-backup-${localStamp(now)}.${BACKUP_EXTENSION}`;
      const dir = mkdtempSync(join(tmpdir(), 'raadsmap-'));
      try {
        // The online backup API: copied between turns of the event loop, the window stays responsive.
        const made = await createBackupAsync(services.notesDb, join(dir, fileName), { version: ctx.version, now });
        return { fileName, dataBase64: readFileSync(made.path).toString('base64'), info: made.info };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    'backup.status': () => ctx.backupScheduler?.status() ?? backupStatus(services.dataDir, services.settings),
    'backup.restore': ({ fileName, dataBase64 }) =>
      withTempFile('backup.rmbackup', Buffer.from(dataBase64, 'base64'), (file) =>
        restoreBackup(services, file, { version: ctx.version, label: fileName }),
      ),
    'documents.original': ({ id }) => {
      const original = services.content.getOriginal(id);
      if (!original) return null;
      return {
        fileName: original.name,
        mediaType: mediaTypeOf(original.name),
        dataBase64: Buffer.from(original.bytes).toString('base64'),
      };
    },
    'packs.inspect': ({ dataBase64 }) => services.packs.inspect(Buffer.from(dataBase64, 'base64')),
    'packs.install': async ({ dataBase64, trustFingerprint, allowUnsigned }) => {
      if (progress) {
        throw new RaadsmapError(
          'pack-busy',
          'Er wordt al een pakket geïnstalleerd. Wacht tot dat klaar is.',
          'A pack is already being installed. Wait until it is done.',
        );
      }
      progress = { phase: 'verify', done: 0, total: 1 };
      try {
        await turn();
        const bytes = Buffer.from(dataBase64, 'base64');
        return services.packs.install(bytes, {
          ...(trustFingerprint ? { trustFingerprint } : {}),
          ...(allowUnsigned ? { allowUnsigned } : {}),
          onProgress: (p) => {
            progress = p;
          },
        });
      } finally {
        progress = null;
      }
    },
    'packs.progress': () => progress,
    'packs.list': () => services.packs.list(),
    'packs.remove': ({ id }) => services.packs.remove(id),
    'packs.updates': () => services.packs.updates(),
    'packs.update': ({ id }) => services.packs.detail(id),
    'packs.keys': () => services.packs.trust.list(),
    'packs.untrustKey': ({ fingerprint }) => {
      services.packs.trust.untrust(fingerprint);
      return services.packs.trust.list();
    },
    'griffie.preview': async ({ files }) => {
      const out = [];
      for (const f of files) {
        await turn();
        try {
          const doc = await parseLetterFile(Buffer.from(f.dataBase64, 'base64'), f.fileName);
          out.push({
            fileName: f.fileName,
            document: { ...documentPreview(doc), originalName: f.fileName },
            error: null,
          });
        } catch (error) {
          if (!isRaadsmapError(error)) throw error;
          out.push({ fileName: f.fileName, document: null, error: { code: error.code, nl: error.nl, en: error.en } });
        }
      }
      return out;
    },
    'griffie.build': async ({ files, meta, documents, privateKeyPem }) => {
      // The key is checked before the (slower) parsing, so a wrong key file is reported at once.
      const key = privateKeyPem ? loadPrivateKey(privateKeyPem) : null;
      const byName = new Map(documents.map((d) => [d.fileName, d]));
      let bytes = await buildPackFromUploads(
        {
          id: meta.id,
          title: meta.title,
          version: meta.version,
          issued: meta.issued,
          publisher: meta.publisher,
          ...(meta.meetingDate || meta.amendmentDeadline
            ? { meeting: { date: meta.meetingDate, amendmentDeadline: meta.amendmentDeadline } }
            : {}),
          ...(meta.changelog.trim() ? { changelog: meta.changelog.trim() } : {}),
        },
        files.map((f) => {
          const d = byName.get(f.fileName);
          return {
            fileName: f.fileName,
            bytes: Buffer.from(f.dataBase64, 'base64'),
            ...(d?.id ? { id: d.id } : {}),
            ...(d?.tags.length ? { tags: d.tags } : {}),
          };
        }),
      );
      let fingerprint: string | null = null;
      if (key) ({ bytes, fingerprint } = signPackBytes(bytes, key));
      return {
        fileName: `${meta.id}-v${meta.version}.raadsmap`,
        dataBase64: Buffer.from(bytes).toString('base64'),
        fingerprint,
        documentCount: files.length,
        bytes: bytes.byteLength,
      };
    },
  };
}

function invalidRequest(detail: string): RaadsmapError {
  return new RaadsmapError(
    'invalid-request',
    `Ongeldig verzoek aan Raadsmap: ${detail}`,
    `Invalid request to Raadsmap: ${detail}`,
  );
}

function failure(error: unknown): Envelope<never> {
  if (isRaadsmapError(error)) return { ok: false, error: { code: error.code, nl: error.nl, en: error.en } };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: { code: 'internal', nl: `Er ging iets mis: ${detail}`, en: `Something went wrong: ${detail}` },
  };
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Validates and runs one call. Never throws: errors become an envelope both languages can show.
 * Synchronous calls answer at once; asynchronous ones (exports) answer with a promise of the
 * envelope. Both transports use this.
 */
export function dispatchCall(
  handlers: Handlers,
  method: unknown,
  payload: unknown,
): Envelope<unknown> | Promise<Envelope<unknown>> {
  try {
    if (!isMethod(method))
      throw invalidRequest(`onbekende aanroep / unknown call ${JSON.stringify(String(method)).slice(0, 80)}`);
    const parsed = contract[method].args.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidRequest(`${method}: ${issue ? `${issue.path.join('.') || 'payload'} ${issue.message}` : 'payload'}`);
    }
    const handler = handlers[method] as (args: unknown) => unknown;
    const value = handler(parsed.data);
    if (isPromise(value)) {
      return value.then(
        (v): Envelope<unknown> => ({ ok: true, value: v }),
        (error: unknown) => failure(error),
      );
    }
    return { ok: true, value };
  } catch (error) {
    return failure(error);
  }
}

/** `dispatchCall` for callers that need an answer at once (asynchronous calls are refused). */
export function dispatch(handlers: Handlers, method: unknown, payload: unknown): Envelope<unknown> {
  const envelope = dispatchCall(handlers, method, payload);
  if (isPromise(envelope)) {
    envelope.catch(() => undefined);
    return failure(
      new RaadsmapError(
        'invalid-request',
        `${String(method)} antwoordt asynchroon (dispatchCall).`,
        `${String(method)} answers asynchronously (dispatchCall).`,
      ),
    );
  }
  return envelope;
}
