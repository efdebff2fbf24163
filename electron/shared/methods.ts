/**
 * The names of the contract's calls, without their schemas, so the preload can expose them
 * without bundling zod. `contract.ts` is checked against this list at compile time.
 */
export const METHOD_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'library.list',
  'documents.get',
  'letters.import',
  'search.query',
  'search.suggest',
  'search.inDocument',
  'notes.colors',
  'notes.renameColor',
  'notes.overview',
  'notes.import',
  'annotations.list',
  'annotations.create',
  'annotations.update',
  'annotations.delete',
  'annotations.restore',
  'tags.list',
  'tags.rename',
  'tags.merge',
  'tags.delete',
  'tags.restore',
  'documents.setTags',
  'documents.allTags',
  'positions.list',
  'positions.save',
  'positions.link',
  'export.create',
  'backup.create',
  'backup.status',
  'backup.restore',
  'documents.original',
  'packs.inspect',
  'packs.install',
  'packs.progress',
  'packs.list',
  'packs.remove',
  'packs.updates',
  'packs.update',
  'packs.keys',
  'packs.untrustKey',
  'griffie.preview',
  'griffie.build',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** The one event main sends to the page: a `.raadsmap` file the user double-clicked ({fileName, dataBase64}). */
export const OPEN_FILE_CHANNEL = 'raadsmap:event:open-file';

/** IPC channel for a method. */
export function channelFor(method: MethodName): string {
  return `raadsmap:${method}`;
}
