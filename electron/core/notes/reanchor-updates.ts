/**
 * Carries the user's notes across pack updates.
 *
 * content.db and notes.db cannot share one atomic transaction. So an install first commits the new
 * letters together with a record of the update and of each changed letter's text before it
 * (content.db), and then this module re-anchors the notes of every update not yet applied, in one
 * notes.db transaction per update that also records "applied up to update N of content.db X".
 * Killed in between, the next start finds the update still pending and does it again; done twice,
 * the second run finds nothing pending. Nothing is ever deleted: a note whose passage is gone
 * becomes an orphan ("verweesd") with its quote.
 */
import { anchor } from '../anchoring/anchor';
import { createReanchorer } from '../anchoring/reanchor';
import type { ContentStore, PackUpdateRecord } from '../content/store';
import type { Db } from '../db/open';
import type { AnchorState } from '../../shared/notes-constants';
import { documentText, type DocumentText, type TextBlock } from '../../shared/text';
import type { AnnotationRow, NotesStore } from './store';

/** The columns of an annotation row that re-anchoring reads. */
type Row = Pick<
  AnnotationRow,
  'id' | 'paragraph_id' | 'exact' | 'prefix' | 'suffix' | 'pos_start' | 'pos_end' | 'anchor' | 'deleted_at'
>;

export interface ReanchorRun {
  updates: number;
  notes: Record<AnchorState, number>;
}

/** The paragraph a canonical offset falls in (blocks are in text order). */
export function paragraphAt(blocks: readonly TextBlock[], offset: number): string | null {
  let lo = 0;
  let hi = blocks.length - 1;
  let found: TextBlock | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (b.start <= offset) {
      found = b;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && found.kind === 'paragraph' && offset < found.end + 2 ? found.id : null;
}

export class UpdateReanchoring {
  constructor(
    private readonly db: Db,
    private readonly content: ContentStore,
    private readonly notes: NotesStore,
  ) {}

  private get instance(): string {
    return this.content.instanceId();
  }

  lastApplied(): number {
    const row = this.db
      .prepare('SELECT last_update FROM reanchor_progress WHERE content_instance = ?')
      .get(this.instance) as { last_update: number } | undefined;
    return row?.last_update ?? 0;
  }

  pending(): PackUpdateRecord[] {
    const last = this.lastApplied();
    return this.content
      .listUpdates()
      .filter((u) => u.id > last)
      .reverse();
  }

  /** Applies every pending update, oldest first. Returns what happened to the notes. */
  run(onProgress?: (done: number, total: number) => void): ReanchorRun {
    const pending = this.pending();
    const total: ReanchorRun = { updates: 0, notes: { anchored: 0, moved: 0, changed: 0, orphan: 0 } };
    pending.forEach((update, i) => {
      onProgress?.(i, pending.length);
      const counts = this.apply(update);
      total.updates++;
      for (const k of Object.keys(counts) as AnchorState[]) total.notes[k] += counts[k];
    });
    onProgress?.(pending.length, pending.length);
    return total;
  }

  private apply(update: PackUpdateRecord): Record<AnchorState, number> {
    const counts: Record<AnchorState, number> = { anchored: 0, moved: 0, changed: 0, orphan: 0 };
    const instance = this.instance;
    const changes = this.content.textChangesOf(update.id);
    const select = this.db.prepare(
      `SELECT id, paragraph_id, exact, prefix, suffix, pos_start, pos_end, anchor, deleted_at
       FROM annotations WHERE document_id = ?`,
    );
    const write = this.db.prepare(
      'UPDATE annotations SET anchor = ?, pos_start = ?, pos_end = ?, paragraph_id = ? WHERE id = ?',
    );
    const report = this.db.prepare(
      `INSERT OR REPLACE INTO reanchor_report (content_instance, update_id, annotation_id, document_id, state_before, state)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const reindex: string[] = [];
    const store = (
      documentId: string,
      row: Row,
      state: AnchorState,
      start: number,
      end: number,
      text: DocumentText,
    ) => {
      const paragraph = state === 'orphan' ? row.paragraph_id : paragraphAt(text.blocks, start);
      write.run(state, start, state === 'orphan' ? start : end, paragraph, row.id);
      report.run(instance, update.id, row.id, documentId, row.anchor, state);
      if (paragraph !== row.paragraph_id) reindex.push(row.id);
      if (row.deleted_at === null) counts[state]++;
    };

    this.db.transaction(() => {
      for (const change of changes) {
        // A letter that left the library: its notes stay as they are until it returns.
        if (!change.after) continue;
        const rows = select.all(change.documentId) as Row[];
        if (rows.length === 0) continue;
        const before = documentText(change.before);
        const after = documentText(change.after);
        const reanchor = createReanchorer(before.text, after.text);
        for (const row of rows) {
          const result = reanchor({
            quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
            position: { start: row.pos_start, end: row.pos_end },
            state: row.anchor,
          });
          store(change.documentId, row, result.state, result.start, result.end, after);
        }
      }
      // Letters new to the library: notes that were waiting for them (imported before the
      // letter was installed) are anchored by their quote.
      for (const doc of update.added) {
        const waiting = (select.all(doc.id) as Row[]).filter((row) => row.anchor === 'orphan');
        if (waiting.length === 0) continue;
        let text: DocumentText;
        try {
          text = documentText(this.content.getDocument(doc.id));
        } catch {
          continue; // gone again since
        }
        for (const row of waiting) {
          const result = anchor(text.text, {
            quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
            position: { start: row.pos_start, end: row.pos_end },
          });
          store(doc.id, row, result.state, result.start, result.end, text);
        }
      }
      for (const id of reindex) this.notes.reindexAnnotation(id);
      this.db
        .prepare(
          `INSERT INTO reanchor_progress (content_instance, last_update) VALUES (?, ?)
           ON CONFLICT (content_instance) DO UPDATE SET last_update = excluded.last_update`,
        )
        .run(instance, update.id);
    })();
    return counts;
  }

  /** The per-note report of one update. */
  reportOf(
    updateId: number,
  ): Array<{ annotationId: string; documentId: string; stateBefore: AnchorState; state: AnchorState }> {
    return (
      this.db
        .prepare(
          `SELECT annotation_id, document_id, state_before, state FROM reanchor_report
           WHERE content_instance = ? AND update_id = ? ORDER BY document_id, annotation_id`,
        )
        .all(this.instance, updateId) as Array<{
        annotation_id: string;
        document_id: string;
        state_before: AnchorState;
        state: AnchorState;
      }>
    ).map((r) => ({
      annotationId: r.annotation_id,
      documentId: r.document_id,
      stateBefore: r.state_before,
      state: r.state,
    }));
  }
}
