/**
 * notes.db: the user's annotations, tags and positions. Every write is one transaction on a
 * database opened with synchronous=FULL, and the search index is updated inside it: a note that
 * was acknowledged is on disk and findable. Deleting an annotation only marks it (undo restores it).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { RaadsmapError } from '../errors';
import { fold } from '../search/analyze';
import type { NotesSearchIndex } from '../search/notes-index';
import { anchor, quoteAt, type Selectors } from '../anchoring/anchor';
import type { DocumentText } from '../../shared/text';
import type { ImportedAnnotation } from './w3c';
import {
  HIGHLIGHT_COLOR_IDS,
  MAX_TAG_LENGTH,
  STANCES,
  type AnchorState,
  type Annotation,
  type HighlightColor,
  type HighlightColorId,
  type Position,
  type PositionPatch,
  type TagInfo,
} from '../../shared/notes';

export interface DecisionRef {
  label: string;
  text: string;
  hash: string;
}

/** What the store needs from the letters: the canonical text, and the decisions of a letter. */
export interface LetterSource {
  text(documentId: string): DocumentText;
  decisions(documentId: string): DecisionRef[];
  title(documentId: string): string | null;
}

/** An annotation as notes.db stores it. */
export interface AnnotationRow {
  id: string;
  document_id: string;
  paragraph_id: string | null;
  color: HighlightColorId;
  note: string;
  exact: string;
  prefix: string;
  suffix: string;
  pos_start: number;
  pos_end: number;
  anchor: AnchorState;
  origin_json: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface PositionRow {
  document_id: string;
  decision_label: string;
  stance: Position['stance'];
  status: Position['status'];
  reasoning: string;
  questions: string;
  inbreng: string;
  amendment_text: string;
  motion_findings: string;
  motion_considerations: string;
  motion_requests: string;
  decision_hash: string | null;
  decision_text: string | null;
  updated_at: string;
}

export interface NewAnnotation {
  documentId: string;
  start: number;
  end: number;
  color: HighlightColorId;
  note?: string;
  tags?: string[];
}

export interface AnnotationUpdate {
  id: string;
  note?: string;
  color?: HighlightColorId;
  tags?: string[];
  range?: { start: number; end: number };
}

/** What `deleteTag` removed, so `restoreTag` can put it back (undo). */
export interface DeletedTag {
  name: string;
  annotationIds: string[];
  documentIds: string[];
}

export interface ImportReport {
  /** New annotations. */
  added: number;
  /** Existing ids whose imported copy was newer. */
  updated: number;
  /** Existing ids kept as they were (the local copy is as new or newer). */
  kept: number;
  /** Per anchor state, of added and updated annotations. */
  anchors: Record<AnchorState, number>;
  ids: string[];
}

export function tagKey(name: string): string {
  return fold(name.trim().replace(/\s+/g, ' '));
}

function cleanTag(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean || clean.length > MAX_TAG_LENGTH) {
    throw new RaadsmapError(
      'invalid-tag',
      `Een label moet 1 tot ${MAX_TAG_LENGTH} tekens lang zijn.`,
      `A tag must be 1 to ${MAX_TAG_LENGTH} characters long.`,
    );
  }
  return clean;
}

function notFound(what: 'annotation' | 'tag', id: string | number): RaadsmapError {
  return what === 'annotation'
    ? new RaadsmapError(
        'annotation-not-found',
        `Notitie ${id} bestaat niet (meer).`,
        `Note ${id} does not exist (any more).`,
      )
    : new RaadsmapError('tag-not-found', `Label ${id} bestaat niet (meer).`, `Tag ${id} does not exist (any more).`);
}

export class NotesStore {
  constructor(
    private readonly db: Db,
    private readonly letters: LetterSource,
    private readonly index: NotesSearchIndex,
  ) {}

  // ── Highlight colours ────────────────────────────────────────────────────────────────────

  colors(): HighlightColor[] {
    return this.db.prepare('SELECT id, label FROM highlight_colors ORDER BY ord').all() as HighlightColor[];
  }

  renameColor(id: HighlightColorId, label: string): HighlightColor[] {
    const clean = label.trim().replace(/\s+/g, ' ');
    if (!clean || clean.length > 40) {
      throw new RaadsmapError(
        'invalid-color-label',
        'Een betekenis moet 1 tot 40 tekens lang zijn.',
        'A meaning must be 1 to 40 characters long.',
      );
    }
    this.db.prepare('UPDATE highlight_colors SET label = ? WHERE id = ?').run(clean, id);
    return this.colors();
  }

  // ── Annotations ──────────────────────────────────────────────────────────────────────────

  listAnnotations(filter: { documentId?: string } = {}): Annotation[] {
    const rows = (
      filter.documentId
        ? this.db
            .prepare(
              'SELECT * FROM annotations WHERE document_id = ? AND deleted_at IS NULL ORDER BY pos_start, created_at',
            )
            .all(filter.documentId)
        : this.db
            .prepare('SELECT * FROM annotations WHERE deleted_at IS NULL ORDER BY document_id, pos_start, created_at')
            .all()
    ) as AnnotationRow[];
    return this.hydrate(rows);
  }

  getAnnotation(id: string): Annotation {
    const row = this.db.prepare('SELECT * FROM annotations WHERE id = ? AND deleted_at IS NULL').get(id) as
      AnnotationRow | undefined;
    if (!row) throw notFound('annotation', id);
    return this.hydrate([row])[0]!;
  }

  createAnnotation(input: NewAnnotation, now = new Date()): Annotation {
    const { text, blocks } = this.letters.text(input.documentId);
    const { start, end } = this.validRange(text, input.start, input.end);
    const id = randomUUID();
    const quote = quoteAt(text, start, end);
    const paragraph = blocks.find((b) => b.kind === 'paragraph' && b.start <= start && start < b.end + 2) ?? null;
    const stamp = now.toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO annotations (id, document_id, paragraph_id, color, note, exact, prefix, suffix, pos_start, pos_end,
             anchor, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`,
        )
        .run(
          id,
          input.documentId,
          paragraph?.id ?? null,
          input.color,
          input.note ?? '',
          quote.exact,
          quote.prefix,
          quote.suffix,
          start,
          end,
          stamp,
          stamp,
        );
      this.setAnnotationTags(id, input.tags ?? []);
      this.reindexAnnotation(id);
    })();
    return this.getAnnotation(id);
  }

  updateAnnotation(update: AnnotationUpdate, now = new Date()): Annotation {
    const current = this.getAnnotation(update.id);
    this.db.transaction(() => {
      if (update.note !== undefined || update.color !== undefined) {
        this.db
          .prepare('UPDATE annotations SET note = ?, color = ?, updated_at = ? WHERE id = ?')
          .run(update.note ?? current.note, update.color ?? current.color, now.toISOString(), update.id);
      }
      if (update.range) {
        // Re-attaching: the passage the user chose in the current letter becomes the new anchor.
        const { text, blocks } = this.letters.text(current.documentId);
        const { start, end } = this.validRange(text, update.range.start, update.range.end);
        const quote = quoteAt(text, start, end);
        const paragraph = blocks.find((b) => b.kind === 'paragraph' && b.start <= start && start < b.end + 2) ?? null;
        this.db
          .prepare(
            `UPDATE annotations SET exact = ?, prefix = ?, suffix = ?, pos_start = ?, pos_end = ?, paragraph_id = ?,
               anchor = 'anchored', updated_at = ? WHERE id = ?`,
          )
          .run(
            quote.exact,
            quote.prefix,
            quote.suffix,
            start,
            end,
            paragraph?.id ?? null,
            now.toISOString(),
            update.id,
          );
      }
      if (update.tags !== undefined) {
        this.setAnnotationTags(update.id, update.tags);
        this.db.prepare('UPDATE annotations SET updated_at = ? WHERE id = ?').run(now.toISOString(), update.id);
      }
      this.reindexAnnotation(update.id);
    })();
    return this.getAnnotation(update.id);
  }

  /** Marks an annotation deleted (undo: `restoreAnnotation`). Positions that link to it keep the link. */
  deleteAnnotation(id: string, now = new Date()): { id: string; linkedDecisions: string[] } {
    const current = this.getAnnotation(id);
    this.db.transaction(() => {
      this.db.prepare('UPDATE annotations SET deleted_at = ? WHERE id = ?').run(now.toISOString(), id);
      this.index.remove(`annotation:${id}`);
    })();
    return { id, linkedDecisions: current.linkedDecisions };
  }

  restoreAnnotation(id: string): Annotation {
    const changed = this.db.transaction(() => {
      const r = this.db
        .prepare('UPDATE annotations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL')
        .run(id);
      if (r.changes > 0) this.reindexAnnotation(id);
      return r.changes;
    })();
    if (!changed && !this.db.prepare('SELECT 1 FROM annotations WHERE id = ?').get(id))
      throw notFound('annotation', id);
    return this.getAnnotation(id);
  }

  /**
   * Re-anchors every annotation on a letter against its current text (after the letter changed).
   * Returns how many ended in each state. Nothing is deleted: an orphan keeps its quote.
   */
  reanchorDocument(documentId: string, now = new Date()): Record<AnchorState, number> {
    const { text, blocks } = this.letters.text(documentId);
    const counts: Record<AnchorState, number> = { anchored: 0, moved: 0, changed: 0, orphan: 0 };
    const rows = this.db.prepare('SELECT * FROM annotations WHERE document_id = ?').all(documentId) as AnnotationRow[];
    this.db.transaction(() => {
      for (const row of rows) {
        const result = anchor(text, this.selectorsOf(row));
        if (row.deleted_at === null) counts[result.state]++;
        const paragraph =
          result.state === 'orphan'
            ? null
            : (blocks.find((b) => b.kind === 'paragraph' && b.start <= result.start && result.start < b.end + 2) ??
              null);
        this.db
          .prepare(
            `UPDATE annotations SET anchor = ?, pos_start = ?, pos_end = ?, paragraph_id = COALESCE(?, paragraph_id)
             WHERE id = ?`,
          )
          .run(result.state, result.start, result.end, paragraph?.id ?? null, row.id);
      }
    })();
    void now;
    return counts;
  }

  /**
   * Imports a colleague's annotations: merged by id, marked with where they came from, anchored in
   * the current letters like any note. Unanchorable ones are kept as orphans with their quote.
   * One transaction: a failure leaves the existing notes untouched.
   */
  importAnnotations(items: ImportedAnnotation[], source: string, now = new Date()): ImportReport {
    const report: ImportReport = {
      added: 0,
      updated: 0,
      kept: 0,
      anchors: { anchored: 0, moved: 0, changed: 0, orphan: 0 },
      ids: [],
    };
    const stamp = now.toISOString();
    const texts = new Map<string, DocumentText | null>();
    const textOf = (documentId: string) => {
      if (!texts.has(documentId)) {
        try {
          texts.set(documentId, this.letters.text(documentId));
        } catch {
          texts.set(documentId, null); // the letter is not installed (yet): the note waits as an orphan
        }
      }
      return texts.get(documentId)!;
    };
    this.db.transaction(() => {
      for (const item of items) {
        const existing = this.db.prepare('SELECT updated_at FROM annotations WHERE id = ?').get(item.id) as
          { updated_at: string } | undefined;
        const importedStamp = item.modified ?? item.created ?? '';
        if (existing && existing.updated_at >= importedStamp) {
          report.kept++;
          continue;
        }
        const doc = textOf(item.documentId);
        const hint = item.position ?? { start: 0, end: 0 };
        const result = doc
          ? anchor(doc.text, { quote: item.quote, position: hint })
          : { state: 'orphan' as const, start: hint.start, end: hint.end };
        const paragraph =
          doc && result.state !== 'orphan'
            ? (doc.blocks.find((b) => b.kind === 'paragraph' && b.start <= result.start && result.start < b.end + 2) ??
              null)
            : null;
        const origin = JSON.stringify({
          creator: item.creator,
          source,
          importedAt: stamp,
          originalId: item.id,
        });
        const values = [
          item.documentId,
          paragraph?.id ?? null,
          item.color,
          item.note,
          item.quote.exact,
          item.quote.prefix,
          item.quote.suffix,
          result.start,
          result.state === 'orphan' ? result.start : result.end,
          result.state,
          origin,
        ];
        if (existing) {
          this.db
            .prepare(
              `UPDATE annotations SET document_id = ?, paragraph_id = ?, color = ?, note = ?, exact = ?, prefix = ?,
                 suffix = ?, pos_start = ?, pos_end = ?, anchor = ?, origin_json = ?, updated_at = ?, deleted_at = NULL
               WHERE id = ?`,
            )
            .run(...values, importedStamp || stamp, item.id);
          report.updated++;
        } else {
          this.db
            .prepare(
              `INSERT INTO annotations (document_id, paragraph_id, color, note, exact, prefix, suffix, pos_start, pos_end,
                 anchor, origin_json, created_at, updated_at, id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(...values, item.created ?? stamp, importedStamp || stamp, item.id);
          report.added++;
        }
        this.setAnnotationTags(item.id, item.tags);
        this.reindexAnnotation(item.id);
        report.anchors[result.state]++;
        report.ids.push(item.id);
      }
    })();
    return report;
  }

  private selectorsOf(row: AnnotationRow): Selectors {
    return {
      quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
      position: { start: row.pos_start, end: row.pos_end },
    };
  }

  private validRange(text: string, start: number, end: number): { start: number; end: number } {
    if (!(start >= 0 && end <= text.length && end > start) || !text.slice(start, end).trim()) {
      throw new RaadsmapError(
        'invalid-range',
        'Deze selectie valt buiten de brief of bevat geen tekst. Selecteer de passage opnieuw.',
        'This selection is outside the letter or holds no text. Select the passage again.',
      );
    }
    // Leading and trailing white space is not part of a passage.
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    return { start: start + lead, end: end - trail };
  }

  private hydrate(rows: AnnotationRow[]): Annotation[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const tags = new Map<string, string[]>();
    for (const t of this.db
      .prepare(
        `SELECT at.annotation_id AS id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.annotation_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
      )
      .all(ids) as Array<{ id: string; name: string }>) {
      const list = tags.get(t.id) ?? [];
      list.push(t.name);
      tags.set(t.id, list);
    }
    const links = new Map<string, string[]>();
    for (const l of this.db
      .prepare(
        `SELECT annotation_id AS id, decision_label AS label FROM position_links
         WHERE annotation_id IN (SELECT value FROM json_each(?)) ORDER BY decision_label`,
      )
      .all(ids) as Array<{ id: string; label: string }>) {
      const list = links.get(l.id) ?? [];
      list.push(l.label);
      links.set(l.id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      documentId: r.document_id,
      paragraphId: r.paragraph_id,
      color: (HIGHLIGHT_COLOR_IDS as readonly string[]).includes(r.color) ? r.color : 'geel',
      note: r.note,
      quote: { exact: r.exact, prefix: r.prefix, suffix: r.suffix },
      position: { start: r.pos_start, end: r.pos_end },
      tags: tags.get(r.id) ?? [],
      anchor: r.anchor,
      origin: r.origin_json ? (JSON.parse(r.origin_json) as Annotation['origin']) : null,
      linkedDecisions: links.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** Brings the search index in line with an annotation as stored (also used by restore). */
  reindexAnnotation(id: string): void {
    const row = this.db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined;
    if (!row || row.deleted_at !== null) {
      this.index.remove(`annotation:${id}`);
      return;
    }
    const a = this.hydrate([row])[0]!;
    const color = this.colors().find((c) => c.id === a.color)?.label ?? '';
    this.index.upsert({
      key: `annotation:${id}`,
      kind: 'annotation',
      documentId: a.documentId,
      paragraphId: a.paragraphId,
      title: color,
      // The note, and the passage it is on: "only my notes" also finds highlights by their words.
      text: [a.note, a.quote.exact].filter(Boolean).join('\n'),
      tags: a.tags,
      updatedAt: a.updatedAt,
    });
  }

  // ── Tags ─────────────────────────────────────────────────────────────────────────────────

  private ensureTag(name: string, now = new Date()): number {
    const clean = cleanTag(name);
    const key = tagKey(clean);
    const existing = this.db.prepare('SELECT id FROM tags WHERE key = ?').pluck().get(key) as number | undefined;
    if (existing !== undefined) return existing;
    return Number(
      this.db.prepare('INSERT INTO tags (name, key, created_at) VALUES (?, ?, ?)').run(clean, key, now.toISOString())
        .lastInsertRowid,
    );
  }

  private setAnnotationTags(annotationId: string, names: string[]): void {
    const ids = [...new Set(names.map((n) => this.ensureTag(n)))];
    this.db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId);
    const insert = this.db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const tagId of ids) insert.run(annotationId, tagId);
  }

  listTags(): TagInfo[] {
    return this.db
      .prepare(
        `SELECT t.id, t.name,
           (SELECT COUNT(*) FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id
            WHERE at.tag_id = t.id AND a.deleted_at IS NULL) AS annotationCount,
           (SELECT COUNT(*) FROM document_tags dt WHERE dt.tag_id = t.id) AS documentCount
         FROM tags t ORDER BY t.name COLLATE NOCASE`,
      )
      .all() as TagInfo[];
  }

  documentTags(documentId: string): string[] {
    return this.db
      .prepare(
        `SELECT t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id = ?
         ORDER BY t.name COLLATE NOCASE`,
      )
      .pluck()
      .all(documentId) as string[];
  }

  /** Tags per letter, for the library and its tag filter. */
  allDocumentTags(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const r of this.db
      .prepare(
        `SELECT dt.document_id AS doc, t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id
         ORDER BY t.name COLLATE NOCASE`,
      )
      .all() as Array<{ doc: string; name: string }>)
      (out[r.doc] ??= []).push(r.name);
    return out;
  }

  setDocumentTags(documentId: string, names: string[]): string[] {
    this.db.transaction(() => {
      const ids = [...new Set(names.map((n) => this.ensureTag(n)))];
      this.db.prepare('DELETE FROM document_tags WHERE document_id = ?').run(documentId);
      const insert = this.db.prepare('INSERT INTO document_tags (document_id, tag_id) VALUES (?, ?)');
      for (const id of ids) insert.run(documentId, id);
    })();
    return this.documentTags(documentId);
  }

  /** Renames a tag. A name another tag already has is refused: that is a merge. */
  renameTag(id: number, name: string): TagInfo[] {
    const clean = cleanTag(name);
    this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM tags WHERE id = ?').get(id)) throw notFound('tag', id);
      const other = this.db.prepare('SELECT id, name FROM tags WHERE key = ? AND id <> ?').get(tagKey(clean), id) as
        { id: number; name: string } | undefined;
      if (other) {
        throw new RaadsmapError(
          'tag-exists',
          `Er is al een label "${other.name}". Voeg de labels samen in plaats van te hernoemen.`,
          `A tag "${other.name}" already exists. Merge the tags instead of renaming.`,
        );
      }
      this.db.prepare('UPDATE tags SET name = ?, key = ? WHERE id = ?').run(clean, tagKey(clean), id);
      this.reindexTagged([id]);
    })();
    return this.listTags();
  }

  /** Moves everything tagged with `sourceIds` to `targetId` and removes the sources. */
  mergeTags(sourceIds: number[], targetId: number): TagInfo[] {
    this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM tags WHERE id = ?').get(targetId)) throw notFound('tag', targetId);
      for (const source of sourceIds.filter((s) => s !== targetId)) {
        this.db
          .prepare(
            'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ?',
          )
          .run(targetId, source);
        this.db
          .prepare(
            'INSERT OR IGNORE INTO document_tags (document_id, tag_id) SELECT document_id, ? FROM document_tags WHERE tag_id = ?',
          )
          .run(targetId, source);
        this.db.prepare('DELETE FROM tags WHERE id = ?').run(source);
      }
      this.reindexTagged([targetId]);
    })();
    return this.listTags();
  }

  /** Removes a tag from everything it is on; the annotations themselves stay. Returns what `restoreTag` needs. */
  deleteTag(id: number): DeletedTag {
    return this.db.transaction(() => {
      const tag = this.db.prepare('SELECT name FROM tags WHERE id = ?').get(id) as { name: string } | undefined;
      if (!tag) throw notFound('tag', id);
      const annotationIds = this.db
        .prepare('SELECT annotation_id FROM annotation_tags WHERE tag_id = ?')
        .pluck()
        .all(id) as string[];
      const documentIds = this.db
        .prepare('SELECT document_id FROM document_tags WHERE tag_id = ?')
        .pluck()
        .all(id) as string[];
      this.db.prepare('DELETE FROM tags WHERE id = ?').run(id);
      for (const a of annotationIds) this.reindexAnnotation(a);
      return { name: tag.name, annotationIds, documentIds };
    })();
  }

  restoreTag(deleted: DeletedTag): TagInfo[] {
    this.db.transaction(() => {
      const id = this.ensureTag(deleted.name);
      const known = new Set(this.db.prepare('SELECT id FROM annotations').pluck().all() as string[]);
      for (const a of deleted.annotationIds.filter((x) => known.has(x)))
        this.db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)').run(a, id);
      for (const d of deleted.documentIds)
        this.db.prepare('INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (?, ?)').run(d, id);
      for (const a of deleted.annotationIds.filter((x) => known.has(x))) this.reindexAnnotation(a);
    })();
    return this.listTags();
  }

  private reindexTagged(tagIds: number[]): void {
    const ids = this.db
      .prepare('SELECT DISTINCT annotation_id FROM annotation_tags WHERE tag_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(tagIds)) as string[];
    for (const id of ids) this.reindexAnnotation(id);
  }

  // ── Positions ────────────────────────────────────────────────────────────────────────────

  /** One position per requested decision of the letter (defaults where nothing was saved). */
  listPositions(documentId: string): Position[] {
    let decisions: DecisionRef[];
    try {
      decisions = this.letters.decisions(documentId);
    } catch (error) {
      // A letter whose pack was removed: its positions are kept and listed as they were saved.
      if (!(error instanceof RaadsmapError && error.code === 'document-not-found')) throw error;
      decisions = [];
    }
    const rows = new Map(
      (this.db.prepare('SELECT * FROM positions WHERE document_id = ?').all(documentId) as PositionRow[]).map((r) => [
        r.decision_label,
        r,
      ]),
    );
    const out = decisions.map((d) => this.positionOf(documentId, d, rows.get(d.label) ?? null));
    // Positions on decisions that are no longer in the letter are kept and shown, never dropped.
    for (const [label, row] of rows) {
      if (!decisions.some((d) => d.label === label)) out.push(this.positionOf(documentId, null, row, label));
    }
    return out;
  }

  /** Every saved position (for the notes overview and `notes list`). */
  listAllPositions(): Position[] {
    const rows = this.db.prepare('SELECT * FROM positions ORDER BY document_id, decision_label').all() as PositionRow[];
    return rows.map((row) => {
      let decision: DecisionRef | null = null;
      try {
        decision = this.letters.decisions(row.document_id).find((d) => d.label === row.decision_label) ?? null;
      } catch {
        decision = null;
      }
      return this.positionOf(row.document_id, decision, row);
    });
  }

  savePosition(documentId: string, decisionLabel: string, patch: PositionPatch, now = new Date()): Position {
    const decision = this.letters.decisions(documentId).find((d) => d.label === decisionLabel);
    const existing = this.db
      .prepare('SELECT * FROM positions WHERE document_id = ? AND decision_label = ?')
      .get(documentId, decisionLabel) as PositionRow | undefined;
    if (!decision && !existing) {
      throw new RaadsmapError(
        'decision-not-found',
        `Besluit ${decisionLabel} staat niet in deze brief.`,
        `Decision ${decisionLabel} is not in this letter.`,
      );
    }
    const stamp = now.toISOString();
    this.db.transaction(() => {
      if (!existing) {
        this.db
          .prepare(`INSERT INTO positions (document_id, decision_label, created_at, updated_at) VALUES (?, ?, ?, ?)`)
          .run(documentId, decisionLabel, stamp, stamp);
      }
      const sets: string[] = ['updated_at = ?'];
      const values: unknown[] = [stamp];
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = ?`);
        values.push(value);
      };
      if (patch.stance !== undefined) set('stance', patch.stance);
      if (patch.status !== undefined) set('status', patch.status);
      if (patch.reasoning !== undefined) set('reasoning', patch.reasoning);
      if (patch.questions !== undefined) set('questions', patch.questions);
      if (patch.inbreng !== undefined) set('inbreng', patch.inbreng);
      if (patch.amendmentText !== undefined) set('amendment_text', patch.amendmentText);
      if (patch.motion?.findings !== undefined) set('motion_findings', patch.motion.findings);
      if (patch.motion?.considerations !== undefined) set('motion_considerations', patch.motion.considerations);
      if (patch.motion?.requests !== undefined) set('motion_requests', patch.motion.requests);
      if (decision) {
        set('decision_hash', decision.hash);
        set('decision_text', decision.text);
      }
      this.db
        .prepare(`UPDATE positions SET ${sets.join(', ')} WHERE document_id = ? AND decision_label = ?`)
        .run(...values, documentId, decisionLabel);
      this.reindexPosition(documentId, decisionLabel);
    })();
    return this.listPositions(documentId).find((p) => p.decisionLabel === decisionLabel)!;
  }

  /** Links (or unlinks) an annotation as a passage a position rests on. */
  linkAnnotation(
    documentId: string,
    decisionLabel: string,
    annotationId: string,
    linked: boolean,
    now = new Date(),
  ): Position {
    this.getAnnotation(annotationId);
    this.db.transaction(() => {
      if (
        !this.db
          .prepare('SELECT 1 FROM positions WHERE document_id = ? AND decision_label = ?')
          .get(documentId, decisionLabel)
      )
        this.savePosition(documentId, decisionLabel, {}, now);
      if (linked)
        this.db
          .prepare(
            'INSERT OR IGNORE INTO position_links (document_id, decision_label, annotation_id, created_at) VALUES (?, ?, ?, ?)',
          )
          .run(documentId, decisionLabel, annotationId, now.toISOString());
      else
        this.db
          .prepare('DELETE FROM position_links WHERE document_id = ? AND decision_label = ? AND annotation_id = ?')
          .run(documentId, decisionLabel, annotationId);
      this.db
        .prepare('UPDATE positions SET updated_at = ? WHERE document_id = ? AND decision_label = ?')
        .run(now.toISOString(), documentId, decisionLabel);
    })();
    return this.listPositions(documentId).find((p) => p.decisionLabel === decisionLabel)!;
  }

  private positionOf(
    documentId: string,
    decision: DecisionRef | null,
    row: PositionRow | null,
    label?: string,
  ): Position {
    const decisionLabel = decision?.label ?? row?.decision_label ?? label ?? '';
    const links = row
      ? (this.db
          .prepare(
            `SELECT l.annotation_id FROM position_links l JOIN annotations a ON a.id = l.annotation_id
             WHERE l.document_id = ? AND l.decision_label = ? AND a.deleted_at IS NULL ORDER BY a.pos_start`,
          )
          .pluck()
          .all(documentId, decisionLabel) as string[])
      : [];
    return {
      documentId,
      decisionLabel,
      stance: row?.stance ?? 'nog-bepalen',
      status: row?.status ?? 'concept',
      reasoning: row?.reasoning ?? '',
      questions: row?.questions ?? '',
      inbreng: row?.inbreng ?? '',
      amendmentText: row?.amendment_text ?? '',
      motion: {
        findings: row?.motion_findings ?? '',
        considerations: row?.motion_considerations ?? '',
        requests: row?.motion_requests ?? '',
      },
      linkedAnnotationIds: links,
      decisionText: row?.decision_text ?? decision?.text ?? null,
      decisionChanged:
        Boolean(row?.decision_hash && decision && row.decision_hash !== decision.hash) ||
        (row !== null && decision === null),
      updatedAt: row?.updated_at ?? null,
    };
  }

  /** Brings the search index in line with a position as stored (also used by restore). */
  reindexPosition(documentId: string, decisionLabel: string): void {
    const row = this.db
      .prepare('SELECT * FROM positions WHERE document_id = ? AND decision_label = ?')
      .get(documentId, decisionLabel) as PositionRow | undefined;
    const key = `position:${documentId}:${decisionLabel}`;
    const text = row
      ? [
          row.reasoning,
          row.questions,
          row.inbreng,
          row.amendment_text,
          row.motion_findings,
          row.motion_considerations,
          row.motion_requests,
        ]
          .filter((t) => t.trim())
          .join('\n')
      : '';
    if (!row || !text) {
      this.index.remove(key);
      return;
    }
    this.index.upsert({
      key,
      kind: 'position',
      documentId,
      decisionLabel,
      title: `Standpunt ${decisionLabel} ${STANCE_WORDS[row.stance]}`,
      text,
      updatedAt: row.updated_at,
    });
  }
}

/** Searchable words for a stance (Dutch, as users type them). */
const STANCE_WORDS: Record<(typeof STANCES)[number], string> = {
  'nog-bepalen': 'nog bepalen',
  voor: 'voor',
  tegen: 'tegen',
  'voor-met-amendement': 'voor met amendement',
  motie: 'motie',
  onthouding: 'onthouding',
};
