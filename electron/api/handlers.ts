/**
 * The handlers behind the contract. Both transports (Electron IPC and the loopback bridge) call
 * `dispatch`, which validates the method name and the payload before any handler runs.
 */
import { contract, isMethod, type Args, type Envelope, type Method, type Result } from '../shared/contract';
import { isRaadsmapError, RaadsmapError } from '../core/errors';
import { parseWebAnnotations } from '../core/notes/w3c';
import { findInDocument } from '../core/search/engine';
import type { Services } from '../core/services';

export interface HandlerContext {
  services: Services;
  transport: 'ipc' | 'bridge';
  version: string;
}

type Handlers = { [M in Method]: (args: Args<M>) => Result<M> };

export function createHandlers(ctx: HandlerContext): Handlers {
  const { services } = ctx;
  return {
    'app.info': () => ({ name: 'Raadsmap', version: ctx.version, dataDir: services.dataDir, transport: ctx.transport }),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'library.list': () => services.content.listDocuments(),
    'documents.get': ({ id }) => services.content.getDocument(id),
    'letters.import': ({ fileName, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      return services.importLetter(bytes, fileName);
    },
    'search.query': (request) => services.search.search(request),
    'search.suggest': ({ text, limit }) => services.suggester.suggest(text, limit),
    'search.inDocument': ({ documentId, text }) =>
      findInDocument(services.content.getDocument(documentId), text, services.splitter()),
    'notes.colors': () => services.notes.colors(),
    'notes.renameColor': ({ id, label }) => services.notes.renameColor(id, label),
    'notes.overview': () => {
      const titles = new Map(services.content.listDocuments().map((d) => [d.id, d.title]));
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
  };
}

function invalidRequest(detail: string): RaadsmapError {
  return new RaadsmapError(
    'invalid-request',
    `Ongeldig verzoek aan Raadsmap: ${detail}`,
    `Invalid request to Raadsmap: ${detail}`,
  );
}

/** Validates and runs one call. Never throws: errors become an envelope both languages can show. */
export function dispatch(handlers: Handlers, method: unknown, payload: unknown): Envelope<unknown> {
  try {
    if (!isMethod(method))
      throw invalidRequest(`onbekende aanroep / unknown call ${JSON.stringify(String(method)).slice(0, 80)}`);
    const parsed = contract[method].args.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidRequest(`${method}: ${issue ? `${issue.path.join('.') || 'payload'} ${issue.message}` : 'payload'}`);
    }
    const handler = handlers[method] as (args: unknown) => unknown;
    return { ok: true, value: handler(parsed.data) };
  } catch (error) {
    if (isRaadsmapError(error)) return { ok: false, error: { code: error.code, nl: error.nl, en: error.en } };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'internal', nl: `Er ging iets mis: ${detail}`, en: `Something went wrong: ${detail}` },
    };
  }
}
