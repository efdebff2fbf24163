/** The SQL side of the search: best candidates and match counts from one FTS5 table. */
import type { Db } from '../db/open';
import type { Candidate, SearchFilters, SearchSource, UnitRow } from './engine';
import { COLUMN_WEIGHTS } from './fts';

const BM25 = `bm25(search_fts, ${COLUMN_WEIGHTS.join(', ')})`;

function unitFilter(filters: SearchFilters): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.documentIds && filters.documentIds.length > 0) {
    where.push('u.doc_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.documentIds));
  }
  if (filters.sectionId) {
    where.push('u.section_id = ?');
    params.push(filters.sectionId);
  }
  if (filters.dateFrom) {
    where.push('u.doc_date >= ?');
    params.push(filters.dateFrom);
  }
  if (filters.dateTo) {
    where.push('u.doc_date <= ?');
    params.push(filters.dateTo);
  }
  return { sql: where.join(' AND '), params };
}

export function contentSource(db: Db): SearchSource {
  const titles = db.prepare('SELECT doc_id, title, reference, date FROM documents WHERE pk = ?');
  return {
    top(expression, filters, k): Candidate[] {
      const f = unitFilter(filters);
      const sql = f.sql
        ? `SELECT search_fts.rowid AS id, -${BM25} AS score FROM search_fts
           WHERE search_fts MATCH ? AND search_fts.rowid IN (SELECT u.id FROM search_units u WHERE ${f.sql})
           ORDER BY ${BM25} LIMIT ?`
        : `SELECT rowid AS id, -${BM25} AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY ${BM25} LIMIT ?`;
      const rows = db.prepare(sql).all(expression, ...f.params, k) as Array<{ id: number; score: number }>;
      return rows.map((r) => ({ source: 'content', id: r.id, score: r.score }));
    },
    counts(expression, filters) {
      const f = unitFilter(filters);
      const rows = db
        .prepare(
          `SELECT u.doc_id AS doc, COUNT(*) AS n FROM search_fts JOIN search_units u ON u.id = search_fts.rowid
           WHERE search_fts MATCH ? ${f.sql ? `AND ${f.sql}` : ''} GROUP BY u.doc_id`,
        )
        .all(expression, ...f.params) as Array<{ doc: string; n: number }>;
      return new Map(rows.map((r) => [r.doc, r.n]));
    },
    load(ids): UnitRow[] {
      if (ids.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT id, document, doc_id, kind, section_id, section_title, paragraph_id, decision_label, text
           FROM search_units WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids)) as Array<{
        id: number;
        document: number;
        doc_id: string;
        kind: 'text' | 'heading' | 'decision';
        section_id: string | null;
        section_title: string | null;
        paragraph_id: string | null;
        decision_label: string | null;
        text: string;
      }>;
      const docCache = new Map<number, { title: string; reference: string | null; date: string | null }>();
      return rows.map((r) => {
        let doc = docCache.get(r.document);
        if (!doc) {
          doc = titles.get(r.document) as { title: string; reference: string | null; date: string | null };
          docCache.set(r.document, doc);
        }
        return {
          source: 'content',
          id: r.id,
          documentId: r.doc_id,
          documentTitle: doc.title,
          reference: doc.reference,
          date: doc.date,
          kind: r.kind,
          sectionId: r.section_id,
          section: r.section_title,
          paragraphId: r.paragraph_id,
          decisionLabel: r.decision_label,
          noteId: null,
          text: r.text,
        };
      });
    },
  };
}
