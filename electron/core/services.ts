/**
 * The core services one process owns: both databases, the content store, settings.
 * Opened by Electron main, by `serve`, and by every CLI command that reads data.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentStore } from './content/store';
import { CONTENT_APPLICATION_ID, contentMigrations } from './db/content-migrations';
import { NOTES_APPLICATION_ID, notesMigrations } from './db/notes-migrations';
import { openDatabase, type Db } from './db/open';
import { RaadsmapError } from './errors';
import { parseLetter } from './letters/parse';
import { buildPack, safeOriginalName } from './packs/build';
import { readPack } from './packs/format';
import { PackManager } from './packs/manager';
import { resolveResourcesDir } from './paths';
import { CompoundSplitter, dutchLexicon } from './search/compounds';
import { SearchEngine } from './search/engine';
import { NotesStore, type LetterSource } from './notes/store';
import { NotesSearchIndex } from './search/notes-index';
import { contentSource, notesSource } from './search/sources';
import { Suggester } from './search/suggest';
import { SettingsStore } from './settings';
import { documentText, type DocumentText } from '../shared/text';
import type { LetterDocument } from '../shared/model';

export const LOCAL_PACK_ID = 'eigen-documenten';

export interface ServicesOptions {
  dataDir: string;
  resourcesDir?: string;
  nativeBinding?: string;
}

export interface Services {
  dataDir: string;
  contentDb: Db;
  notesDb: Db;
  content: ContentStore;
  settings: SettingsStore;
  search: SearchEngine;
  suggester: Suggester;
  /** The notes' search index: the notes services write to it in their own transactions. */
  notesIndex: NotesSearchIndex;
  /** Annotations, tags and positions (notes.db). */
  notes: NotesStore;
  /** Content packs: install, inspect, remove, updates and their per-note reports, trusted keys. */
  packs: PackManager;
  /** The Dutch compound splitter (its lexicon loads on first use). */
  splitter: () => CompoundSplitter;
  /** Imports a plain-text or Markdown letter into the local pack "Eigen documenten". */
  importLetter: (bytes: Uint8Array, fileName: string) => { documentId: string; title: string; decisionCount: number };
  /** Imports a parsed letter (any format, see letters/extract.ts) into "Eigen documenten". */
  importDocument: (
    doc: LetterDocument,
    original?: { name: string; bytes: Uint8Array },
  ) => { documentId: string; title: string; decisionCount: number };
  close: () => void;
}

export function openServices(options: ServicesOptions): Services {
  mkdirSync(options.dataDir, { recursive: true });
  const contentDb = openDatabase(join(options.dataDir, 'content.db'), {
    label: 'content.db',
    applicationId: CONTENT_APPLICATION_ID,
    migrations: contentMigrations,
    synchronous: 'NORMAL',
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  let notesDb: Db;
  try {
    notesDb = openDatabase(join(options.dataDir, 'notes.db'), {
      label: 'notes.db',
      applicationId: NOTES_APPLICATION_ID,
      migrations: notesMigrations,
      synchronous: 'FULL',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    contentDb.close();
    throw error;
  }
  const resourcesDir = options.resourcesDir ?? resolveResourcesDir();
  let sharedSplitter: CompoundSplitter | null = null;
  const splitter = () => (sharedSplitter ??= new CompoundSplitter(dutchLexicon(resourcesDir)));
  const content = new ContentStore(contentDb, { splitter });
  const settings = new SettingsStore(notesDb);
  ensureDefaultContent(content, resourcesDir);
  const notesIndex = new NotesSearchIndex(notesDb, splitter);
  const notes = new NotesStore(notesDb, letterSource(content), notesIndex);
  const packs = new PackManager(content, notes, notesDb);
  // Re-anchoring that an earlier run did not finish (killed during an update) is done now.
  packs.reanchoring.run();
  const suggester = new Suggester(contentDb, () => content.searchIndex.generation);
  const search = new SearchEngine(
    { content: contentSource(contentDb), notes: notesSource(notesDb, contentDb) },
    splitter,
    suggester,
  );

  const importDocument = (doc: LetterDocument, original?: { name: string; bytes: Uint8Array }) => {
    // Imported letters live in the local pack; a re-import of the same letter replaces its copy.
    const existing = content.getPack(LOCAL_PACK_ID);
    const docs = existing ? listPackDocuments(content, LOCAL_PACK_ID).filter((d) => d.id !== doc.id) : [];
    const originals = new Map<string, { name: string; bytes: Uint8Array }>();
    for (const d of docs) {
      const kept = content.getOriginalInPack(LOCAL_PACK_ID, d.id);
      if (kept) originals.set(d.id, kept);
    }
    if (original) originals.set(doc.id, original);
    const info = {
      id: LOCAL_PACK_ID,
      title: 'Eigen documenten',
      version: (existing?.version ?? 0) + 1,
      publisher: null,
      issued: null,
    };
    content.installPack(
      {
        info,
        manifestJson: JSON.stringify({ ...info, documents: [...docs, doc].map((d) => d.id) }),
        documents: [...docs, doc],
        originals,
      },
      'local',
    );
    // A new copy of a letter that was imported before: its notes follow it.
    packs.reanchoring.run();
    return { documentId: doc.id, title: doc.title, decisionCount: doc.decisions.length };
  };
  const importLetter = (bytes: Uint8Array, fileName: string) =>
    importDocument(parseLetter(bytes, fileName), { name: safeOriginalName(fileName), bytes });

  return {
    dataDir: options.dataDir,
    contentDb,
    notesDb,
    content,
    settings,
    search,
    suggester,
    notesIndex,
    notes,
    packs,
    splitter,
    importLetter,
    importDocument,
    close: () => {
      contentDb.close();
      notesDb.close();
    },
  };
}

/** The letters as the notes store sees them: canonical text (cached per installed copy) and decisions. */
function letterSource(content: ContentStore): LetterSource {
  const cache = new Map<string, { generation: number; text: DocumentText }>();
  return {
    text(documentId) {
      const generation = content.searchIndex.generation;
      const hit = cache.get(documentId);
      if (hit && hit.generation === generation) return hit.text;
      const text = documentText(content.getDocument(documentId));
      cache.set(documentId, { generation, text });
      return text;
    },
    decisions(documentId) {
      return content.getDocument(documentId).decisions.map((d) => ({ label: d.label, text: d.text, hash: d.hash }));
    },
    title(documentId) {
      try {
        return content.getDocument(documentId).title;
      } catch {
        return null;
      }
    },
  };
}

function listPackDocuments(content: ContentStore, packId: string) {
  return content.listDocumentIdsInPack(packId).map((id) => content.getDocumentFromPack(packId, id));
}

/**
 * First start installs the default content from resources/: `default.raadsmap` when a built pack
 * ships there, else the letters in `default-content/` built by the same pack builder.
 * A newer bundled version replaces an older one; an installed equal or newer version is kept.
 */
export function ensureDefaultContent(content: ContentStore, resourcesDir: string): void {
  const folder = join(resourcesDir, 'default-content');
  let manifest: { id?: string; version?: number };
  try {
    manifest = JSON.parse(readFileSync(join(folder, 'pack.json'), 'utf8')) as typeof manifest;
  } catch (cause) {
    throw new RaadsmapError(
      'file-not-found',
      `De standaardinhoud ontbreekt in ${folder}.`,
      `The default content is missing from ${folder}.`,
      { cause },
    );
  }
  const installed = manifest.id ? content.getPack(manifest.id) : null;
  if (installed && installed.version >= (manifest.version ?? 1)) return;
  const built = buildPack([folder]);
  const pack = readPack(built.bytes);
  content.installPack(
    {
      info: {
        id: pack.manifest.id,
        title: pack.manifest.title,
        version: pack.manifest.version,
        publisher: pack.manifest.publisher,
        issued: pack.manifest.issued,
      },
      manifestJson: pack.manifestJson,
      documents: pack.documents,
      originals: new Map(
        pack.manifest.documents.map((d) => [d.id, { name: d.original.name, bytes: pack.originals.get(d.id)! }]),
      ),
    },
    'bundled',
  );
}
