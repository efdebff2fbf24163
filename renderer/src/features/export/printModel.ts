/**
 * What the print view shows: the same selection as an export (electron/core/export/collect.ts),
 * built in the renderer from `notes.overview`, `library.list` and `documents.get`.
 *
 * - `documentIds`: only these letters (each appears even with nothing written on it yet); without
 *   them every letter with a selected note or a saved position.
 * - `tags` (case and accents folded): an annotation when it or its letter carries one; a position
 *   when its letter carries one or it rests on a selected annotation.
 * - `include`: annotations, notes (alone: only annotations with a note), positions, questions
 *   (alone: only decisions with open questions).
 */
import type { LetterDocument, DocumentSummary, Section } from '../../../../electron/shared/model';
import type { Annotation, Position } from '../../../../electron/shared/notes';
import { fold } from '../notes/model';
import { EXPORT_PARTS, type PrintParams } from '../../router';

export interface PrintAnnotation {
  annotation: Annotation;
  /** The note, '' when notes are not included. */
  note: string;
  /** Section titles from the top down. */
  sectionPath: string[];
  decisionLabel: string | null;
}

export interface PrintDecision {
  label: string;
  text: string;
  stemIntro: string | null;
  position: Position | null;
  passages: PrintAnnotation[];
}

export interface PrintLetter {
  documentId: string;
  title: string;
  reference: string | null;
  date: string | null;
  installed: boolean;
  tags: string[];
  decisions: PrintDecision[];
  annotations: PrintAnnotation[];
}

export interface PrintData {
  include: Set<string>;
  letters: PrintLetter[];
}

export interface PrintSource {
  annotations: Annotation[];
  positions: Position[];
  documentTags: Record<string, string[]>;
  library: DocumentSummary[];
  documents: Map<string, LetterDocument>;
}

function tagKey(name: string): string {
  return fold(name.trim().replace(/\s+/g, ' '));
}

function sectionIndex(doc: LetterDocument): Map<string, { path: string[]; decisionLabel: string | null }> {
  const index = new Map<string, { path: string[]; decisionLabel: string | null }>();
  const walk = (sections: Section[], parents: string[]) => {
    for (const s of sections) {
      const path = s.title ? [...parents, s.title] : parents;
      for (const p of s.paragraphs) {
        index.set(p.id, { path, decisionLabel: p.decisionLabel && !p.decisionStem ? p.decisionLabel : null });
      }
      walk(s.sections, path);
    }
  };
  walk(doc.sections, []);
  return index;
}

/** The letters to fetch with `documents.get` for this selection (installed ones only). */
export function lettersNeeded(source: Omit<PrintSource, 'documents'>, params: PrintParams): string[] {
  const installed = new Set(source.library.map((d) => d.id));
  const ids = params.documentIds.length
    ? params.documentIds
    : [...new Set([...source.annotations.map((a) => a.documentId), ...source.positions.map((p) => p.documentId)])];
  return ids.filter((id) => installed.has(id));
}

export function buildPrint(source: PrintSource, params: PrintParams): PrintData {
  const include = new Set<string>(params.include.length ? params.include : EXPORT_PARTS);
  const wantedTags = new Set(params.tags.map(tagKey).filter(Boolean));
  const wantedDocs = params.documentIds.length ? [...new Set(params.documentIds)] : null;
  const installed = new Map(source.library.map((d) => [d.id, d]));
  const letterTagged = (documentId: string) =>
    wantedTags.size === 0 || (source.documentTags[documentId] ?? []).some((t) => wantedTags.has(tagKey(t)));

  const withText = include.has('notes');
  const selected = source.annotations.filter((a) => {
    if (wantedDocs && !wantedDocs.includes(a.documentId)) return false;
    if (wantedTags.size && !letterTagged(a.documentId) && !a.tags.some((t) => wantedTags.has(tagKey(t)))) return false;
    return true;
  });
  const shown = selected.filter((a) => (include.has('annotations') ? true : withText && a.note.trim() !== ''));
  const selectedIds = new Set(selected.map((a) => a.id));

  const saved = source.positions
    .filter((p) => p.updatedAt !== null)
    .filter((p) => !wantedDocs || wantedDocs.includes(p.documentId))
    .filter(
      (p) =>
        wantedTags.size === 0 || letterTagged(p.documentId) || p.linkedAnnotationIds.some((id) => selectedIds.has(id)),
    );
  const wantPositions = include.has('positions');
  const wantQuestions = include.has('questions');
  const positionShown = (p: Position) => wantPositions || (wantQuestions && p.questions.trim() !== '');

  let ids: string[];
  if (wantedDocs) ids = wantedDocs;
  else {
    const used = new Set<string>([
      ...shown.map((a) => a.documentId),
      ...(wantPositions || wantQuestions ? saved.filter(positionShown).map((p) => p.documentId) : []),
    ]);
    ids = [
      ...[...installed.keys()].filter((id) => used.has(id)),
      ...[...used].filter((id) => !installed.has(id)).sort(),
    ];
  }

  const letters: PrintLetter[] = [];
  for (const documentId of ids) {
    const summary = installed.get(documentId) ?? null;
    const doc = source.documents.get(documentId) ?? null;
    const index = doc ? sectionIndex(doc) : null;
    const toPrint = (a: Annotation): PrintAnnotation => {
      const where = a.paragraphId && index ? (index.get(a.paragraphId) ?? null) : null;
      return {
        annotation: a,
        note: withText ? a.note : '',
        sectionPath: where?.path ?? [],
        decisionLabel: where?.decisionLabel ?? null,
      };
    };
    const annotations = shown.filter((a) => a.documentId === documentId).map(toPrint);
    const byId = new Map(selected.filter((a) => a.documentId === documentId).map((a) => [a.id, a]));

    const decisions: PrintDecision[] = [];
    if (wantPositions || wantQuestions) {
      const mine = new Map(saved.filter((p) => p.documentId === documentId).map((p) => [p.decisionLabel, p] as const));
      const everyDecision = letterTagged(documentId) && wantPositions;
      const labels: Array<{ label: string; text: string; stem: string | null }> = [];
      for (const d of doc?.decisions ?? []) labels.push({ label: d.label, text: d.text, stem: d.stem ?? null });
      for (const [label, p] of mine) {
        if (!labels.some((l) => l.label === label)) labels.push({ label, text: p.decisionText ?? '', stem: null });
      }
      let lastStem: string | null = null;
      for (const l of labels) {
        const position = mine.get(l.label) ?? null;
        if (position ? !positionShown(position) : !everyDecision) continue;
        decisions.push({
          label: l.label,
          text: l.text || position?.decisionText || '',
          stemIntro: l.stem && l.stem !== lastStem ? l.stem : null,
          position,
          passages: (position?.linkedAnnotationIds ?? [])
            .map((id) => byId.get(id))
            .filter((a): a is Annotation => a !== undefined)
            .map(toPrint),
        });
        lastStem = l.stem;
      }
    }
    letters.push({
      documentId,
      title: doc?.title ?? summary?.title ?? documentId,
      reference: doc?.reference ?? summary?.reference ?? null,
      date: doc?.date ?? summary?.date ?? null,
      installed: Boolean(summary),
      tags: source.documentTags[documentId] ?? [],
      decisions,
      annotations,
    });
  }
  return { include, letters };
}
