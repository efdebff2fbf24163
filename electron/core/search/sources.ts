/**
 * The SQL side of the search: candidates, totals and per-letter counts from one FTS5 table.
 *
 * bm25 scores every match it is asked to order, and a frequent word matches tens of thousands of
 * paragraphs. So the ranking window is bounded: when a query matches more than `WINDOW` units,
 * only the first `WINDOW` in the index's static order (headings and decisions, then the newest
 * letters; see rowid.ts) are scored. The total still counts every match.
 */
import type { Db } from '../db/open';
import { fold } from './analyze';
import type { Candidate, SearchFilters, SearchSource, UnitRow } from './engine';
import { COLUMN_WEIGHTS } from './fts';
import { ORD_SQL, SEQ_SQL } from './rowid';

export const WINDOW = 500;

interface Filter {
  sql: string;
  params: unknown[];
}

/** Filters as expressions on the rowid: FTS5 keeps walking its doclist, no lookup per row. */
function contentFilter(db: Db, filters: SearchFilters): Filter {
  const docWhere: string[] = [];
  const params: unknown[] = [];
  if (filters.documentIds && filters.documentIds.length > 0) {
    docWhere.push('doc_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.documentIds));
  }
  if (filters.dateFrom) {
    docWhere.push('doc_date >= ?');
    params.push(filters.dateFrom);
  }
  if (filters.dateTo) {
    docWhere.push('doc_date <= ?');
    params.push(filters.dateTo);
  }
  const parts: string[] = [];
  if (docWhere.length > 0)
    parts.push(`${SEQ_SQL('search_fts.rowid')} IN (SELECT seq FROM search_indexed WHERE ${docWhere.join(' AND ')})`);
  if (filters.sectionId) {
    // A section with its subsections is a run of reading-order positions in one letter.
    const range = sectionRange(db, filters.documentIds?.[0] ?? null, filters.sectionId);
    if (!range) return { sql: '0', params: [] };
    parts.push(`${SEQ_SQL('search_fts.rowid')} = ? AND ${ORD_SQL('search_fts.rowid')} BETWEEN ? AND ?`);
    params.push(range.seq, range.from, range.to);
  }
  return { sql: parts.join(' AND '), params };
}

function sectionRange(
  db: Db,
  docId: string | null,
  sectionId: string,
): { seq: number; from: number; to: number } | null {
  if (!docId) return null;
  const row = db
    .prepare(
      `WITH RECURSIVE tree(pk) AS (
         SELECT s.pk FROM sections s JOIN search_indexed i ON i.document = s.document
         WHERE i.doc_id = ? AND s.section_id = ?
         UNION ALL SELECT s.pk FROM sections s JOIN tree t ON s.parent = t.pk
       )
       SELECT i.seq AS seq, MIN(u.ord) AS lo, MAX(u.ord) AS hi
       FROM search_indexed i JOIN search_units u ON u.document = i.document
       WHERE i.doc_id = ? AND u.section_id IN (SELECT section_id FROM sections WHERE pk IN (SELECT pk FROM tree))`,
    )
    .get(docId, sectionId, docId) as { seq: number | null; lo: number | null; hi: number | null };
  if (row.seq === null || row.lo === null || row.hi === null) return null;
  return { seq: row.seq, from: row.lo, to: row.hi };
}

const BM25 = (table: string) => `bm25(${table}, ${COLUMN_WEIGHTS.join(', ')})`;

/**
 * Ranking with a bounded window; shared by letters and notes. bm25 costs a docsize lookup per
 * scored row, so only the first `WINDOW` matches in static order are scored (and sorted here);
 * the total is counted separately only when there are more.
 */
export function rankedTop(
  db: Db,
  table: string,
  expression: string,
  filter: Filter,
  k: number,
): { candidates: Array<{ id: number; score: number }>; total: number } {
  const where = filter.sql ? `${table} MATCH ? AND ${filter.sql}` : `${table} MATCH ?`;
  const rows = db
    .prepare(`SELECT rowid, -${BM25(table)} FROM ${table} WHERE ${where} LIMIT ?`)
    .raw()
    .all(expression, ...filter.params, WINDOW) as Array<[number, number]>;
  let total = rows.length;
  if (rows.length >= WINDOW) {
    total = db
      .prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`)
      .pluck()
      .get(expression, ...filter.params) as number;
  }
  rows.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return { candidates: rows.slice(0, k).map(([id, score]) => ({ id, score })), total };
}

export function contentSource(db: Db): SearchSource {
  const docBySeq = db.prepare(
    `SELECT i.seq, i.doc_id, d.title FROM search_indexed i JOIN documents d ON d.pk = i.document
     WHERE i.seq IN (SELECT value FROM json_each(?))`,
  );
  return {
    top(expression, filters, k) {
      const { candidates, total } = rankedTop(db, 'search_fts', expression, contentFilter(db, filters), k);
      return { total, candidates: candidates.map((c): Candidate => ({ source: 'content', id: c.id, score: c.score })) };
    },
    facets(expression, filters) {
      const f = contentFilter(db, filters);
      const rows = db
        .prepare(
          `SELECT ${SEQ_SQL('search_fts.rowid')} AS seq, COUNT(*) AS n FROM search_fts
           WHERE search_fts MATCH ? ${f.sql ? `AND ${f.sql}` : ''} GROUP BY 1`,
        )
        .all(expression, ...f.params) as Array<{ seq: number; n: number }>;
      const docs = new Map(
        (
          docBySeq.all(JSON.stringify(rows.map((r) => r.seq))) as Array<{ seq: number; doc_id: string; title: string }>
        ).map((d) => [d.seq, d]),
      );
      return rows.flatMap((r) => {
        const d = docs.get(r.seq);
        return d ? [{ documentId: d.doc_id, title: d.title, count: r.n }] : [];
      });
    },
    load(ids): UnitRow[] {
      if (ids.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT u.id, u.kind, u.section_id, u.section_title, u.paragraph_id, u.decision_label,
             COALESCE(u.text, p.text, '') AS text, d.doc_id, d.title, d.reference, d.date
           FROM search_units u
           JOIN documents d ON d.pk = u.document
           LEFT JOIN paragraphs p ON u.text IS NULL AND p.document = u.document AND p.paragraph_id = u.paragraph_id
           WHERE u.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids)) as Array<{
        id: number;
        kind: 'text' | 'heading' | 'decision';
        section_id: string | null;
        section_title: string | null;
        paragraph_id: string | null;
        decision_label: string | null;
        text: string;
        doc_id: string;
        title: string;
        reference: string | null;
        date: string | null;
      }>;
      return rows.map((r) => ({
        source: 'content',
        id: r.id,
        documentId: r.doc_id,
        documentTitle: r.title,
        reference: r.reference,
        date: r.date,
        kind: r.kind,
        sectionId: r.section_id,
        section: r.section_title,
        paragraphId: r.paragraph_id,
        decisionLabel: r.decision_label,
        noteId: null,
        text: r.text,
      }));
    },
  };
}

/** Filters on notes: `(rowid + 0)` keeps SQLite from turning them into one FTS lookup per row. */
function notesFilter(contentDb: Db, filters: SearchFilters): Filter {
  const where: string[] = [];
  const params: unknown[] = [];
  let docIds = filters.documentIds && filters.documentIds.length > 0 ? filters.documentIds : null;
  if (filters.dateFrom || filters.dateTo) {
    // The date is the letter's: ask content.db which letters fall in the range.
    const inRange = contentDb
      .prepare(
        `SELECT doc_id FROM search_indexed WHERE doc_date IS NOT NULL
         AND (? IS NULL OR doc_date >= ?) AND (? IS NULL OR doc_date <= ?)`,
      )
      .pluck()
      .all(
        filters.dateFrom ?? null,
        filters.dateFrom ?? null,
        filters.dateTo ?? null,
        filters.dateTo ?? null,
      ) as string[];
    docIds = docIds ? docIds.filter((d) => inRange.includes(d)) : inRange;
  }
  if (docIds) {
    where.push('document_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(docIds));
  }
  if (filters.sectionId) {
    where.push('section_id = ?');
    params.push(filters.sectionId);
  }
  if (filters.tags && filters.tags.length > 0) {
    where.push('id IN (SELECT unit FROM note_search_tags WHERE tag IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(filters.tags.map((t) => fold(t.trim()))));
  }
  if (where.length === 0) return { sql: '', params };
  return {
    sql: `(note_search_fts.rowid + 0) IN (SELECT id FROM note_search_units WHERE ${where.join(' AND ')})`,
    params,
  };
}

export function notesSource(notesDb: Db, contentDb: Db): SearchSource {
  const docInfo = contentDb.prepare(
    `SELECT d.title, d.reference, d.date FROM documents d WHERE d.doc_id = ? ORDER BY d.installed_seq DESC LIMIT 1`,
  );
  const info = (documentId: string) =>
    (docInfo.get(documentId) as { title: string; reference: string | null; date: string | null } | undefined) ?? {
      title: documentId,
      reference: null,
      date: null,
    };
  return {
    top(expression, filters, k) {
      const { candidates, total } = rankedTop(
        notesDb,
        'note_search_fts',
        expression,
        notesFilter(contentDb, filters),
        k,
      );
      return { total, candidates: candidates.map((c): Candidate => ({ source: 'notes', id: c.id, score: c.score })) };
    },
    facets(expression, filters) {
      const f = notesFilter(contentDb, filters);
      const rows = notesDb
        .prepare(
          `SELECT u.document_id AS doc, COUNT(*) AS n FROM note_search_fts JOIN note_search_units u ON u.id = note_search_fts.rowid
           WHERE note_search_fts MATCH ? ${f.sql ? `AND ${f.sql}` : ''} GROUP BY u.document_id`,
        )
        .all(expression, ...f.params) as Array<{ doc: string; n: number }>;
      return rows.map((r) => ({ documentId: r.doc, title: info(r.doc).title, count: r.n }));
    },
    load(ids): UnitRow[] {
      if (ids.length === 0) return [];
      const rows = notesDb
        .prepare(
          `SELECT id, note_key, document_id, paragraph_id, section_id, decision_label, title, text
           FROM note_search_units WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids)) as Array<{
        id: number;
        note_key: string;
        document_id: string;
        paragraph_id: string | null;
        section_id: string | null;
        decision_label: string | null;
        title: string | null;
        text: string;
      }>;
      return rows.map((r) => {
        const doc = info(r.document_id);
        return {
          source: 'notes',
          id: r.id,
          documentId: r.document_id,
          documentTitle: doc.title,
          reference: doc.reference,
          date: doc.date,
          kind: 'note',
          sectionId: r.section_id,
          section: r.title,
          paragraphId: r.paragraph_id,
          decisionLabel: r.decision_label,
          noteId: r.note_key,
          text: r.text,
        };
      });
    },
  };
}
