/**
 * What an export holds, gathered once for every format: the chosen letters, their requested
 * decisions with the member's positions, and the annotations with a precise reference (Lbr.-nummer,
 * section, paragraph, decision). Only what the user wrote is exported; letters are named, not copied.
 *
 * Selection rules:
 * - `documentIds`: only these letters (each appears even when nothing is written on it yet).
 *   Without it, every letter with at least one selected note or saved position, including letters
 *   that are not installed here (their notes keep their quote and decision text).
 * - `tags` (folded like everywhere: case and accents do not matter): an annotation is selected when
 *   it or its letter carries one of the tags; a position when its letter carries one of the tags or
 *   it rests on a selected annotation.
 * - `include`: `annotations` (every highlighted passage), `notes` (the text written on them; alone
 *   it selects only annotations that have a note), `positions` (stance, reasoning, inbreng, drafts),
 *   `questions` (open questions per decision; alone it selects only decisions that have questions).
 * Deleted annotations are never exported.
 */
import { RaadsmapError } from '../errors';
import { tagKey } from '../notes/store';
import type { Services } from '../services';
import type { Annotation, HighlightColor, Position } from '../../shared/notes';
import type { LetterDocument, Section } from '../../shared/model';
import { EXPORT_PARTS, type ExportPart } from '../../shared/export';
import { documentText } from '../../shared/text';

export interface ExportOptions {
  documentIds?: string[] | undefined;
  tags?: string[] | undefined;
  include?: ExportPart[] | undefined;
}

export interface PassageReference {
  /** `Lbr. 19/030`, or null. */
  lbr: string | null;
  /** Section titles from the top down to the passage's section. */
  sectionPath: string[];
  paragraphId: string | null;
  /** The decision the passage states, when it is one. */
  decisionLabel: string | null;
}

export interface ExportAnnotation {
  id: string;
  documentId: string;
  quote: string;
  /** The note; '' when there is none or notes are not included. */
  note: string;
  color: Annotation['color'];
  colorLabel: string;
  tags: string[];
  anchor: Annotation['anchor'];
  creator: string | null;
  createdAt: string;
  updatedAt: string;
  reference: PassageReference;
  /** The annotation as stored (for the W3C export). */
  source: Annotation;
}

export interface ExportDecision {
  label: string;
  /** The decision's text: from the installed letter, else as it read when the position was saved. */
  text: string;
  stem: string | null;
  /** The stem when it differs from the previous decision's (printed once above its decisions). */
  stemIntro: string | null;
  /** Null when nothing was saved for this decision yet ("nog bepalen"). */
  position: Position | null;
  /** Annotations the position rests on (selected ones only). */
  passages: ExportAnnotation[];
}

export interface ExportLetter {
  documentId: string;
  title: string;
  reference: string | null;
  date: string | null;
  subject: string | null;
  installed: boolean;
  tags: string[];
  decisions: ExportDecision[];
  annotations: ExportAnnotation[];
}

export interface ExportData {
  generatedAt: Date;
  include: ReadonlySet<ExportPart>;
  filters: { documentIds: string[]; tags: string[] };
  colors: HighlightColor[];
  letters: ExportLetter[];
  counts: { letters: number; annotations: number; positions: number; questions: number };
}

/** Everything the export needs from the services (so a test can hand in its own). */
export type ExportSource = Pick<Services, 'content' | 'notes'>;

export function normaliseInclude(include?: readonly ExportPart[]): Set<ExportPart> {
  const set = new Set(include && include.length ? include : EXPORT_PARTS);
  return set;
}

function sectionIndex(doc: LetterDocument): Map<string, { path: string[]; decisionLabel: string | null }> {
  const index = new Map<string, { path: string[]; decisionLabel: string | null }>();
  const walk = (sections: Section[], parents: string[]) => {
    for (const s of sections) {
      const path = s.title ? [...parents, s.title] : parents;
      index.set(`section:${s.id}`, { path, decisionLabel: null });
      for (const p of s.paragraphs) {
        index.set(p.id, { path, decisionLabel: p.decisionLabel && !p.decisionStem ? p.decisionLabel : null });
      }
      walk(s.sections, path);
    }
  };
  walk(doc.sections, []);
  return index;
}

export function collectExport(source: ExportSource, options: ExportOptions = {}, now = new Date()): ExportData {
  const include = normaliseInclude(options.include);
  const wantedTags = new Set((options.tags ?? []).map(tagKey).filter(Boolean));
  const wantedDocs = options.documentIds?.length ? [...new Set(options.documentIds)] : null;
  const colors = source.notes.colors();
  const colorLabel = new Map(colors.map((c) => [c.id, c.label]));
  const documentTags = source.notes.allDocumentTags();
  const installed = new Map(source.content.listDocuments().map((d) => [d.id, d]));

  const letterTagged = (documentId: string) =>
    wantedTags.size === 0 || (documentTags[documentId] ?? []).some((t) => wantedTags.has(tagKey(t)));

  // Annotations: live ones, filtered by tag and by what is included.
  const allAnnotations = source.notes.listAnnotations();
  const withText = include.has('notes');
  const selectedAnnotations = allAnnotations.filter((a) => {
    if (wantedDocs && !wantedDocs.includes(a.documentId)) return false;
    if (wantedTags.size && !letterTagged(a.documentId) && !a.tags.some((t) => wantedTags.has(tagKey(t)))) return false;
    return true;
  });
  const shownAnnotations = selectedAnnotations.filter((a) =>
    include.has('annotations') ? true : withText && a.note.trim() !== '',
  );
  const selectedIds = new Set(selectedAnnotations.map((a) => a.id));

  // Positions: every saved one, filtered like the annotations.
  const savedPositions = source.notes
    .listAllPositions()
    .filter((p) => !wantedDocs || wantedDocs.includes(p.documentId))
    .filter(
      (p) =>
        wantedTags.size === 0 || letterTagged(p.documentId) || p.linkedAnnotationIds.some((id) => selectedIds.has(id)),
    );
  const wantPositions = include.has('positions');
  const wantQuestions = include.has('questions');
  const positionShown = (p: Position) => wantPositions || (wantQuestions && p.questions.trim() !== '');

  // Which letters: the chosen ones, else every letter something is exported for.
  let ids: string[];
  if (wantedDocs) {
    for (const id of wantedDocs) {
      const known =
        installed.has(id) ||
        allAnnotations.some((a) => a.documentId === id) ||
        savedPositions.some((p) => p.documentId === id);
      if (!known) {
        throw new RaadsmapError(
          'document-not-found',
          `De brief "${id}" is niet geïnstalleerd en er zijn geen notities bij.`,
          `The letter "${id}" is not installed and has no notes.`,
        );
      }
    }
    ids = wantedDocs;
  } else {
    const used = new Set<string>([
      ...shownAnnotations.map((a) => a.documentId),
      ...(wantPositions || wantQuestions ? savedPositions.filter(positionShown).map((p) => p.documentId) : []),
    ]);
    // Library order for installed letters, then the others by id.
    ids = [
      ...[...installed.keys()].filter((id) => used.has(id)),
      ...[...used].filter((id) => !installed.has(id)).sort(),
    ];
  }

  const letters: ExportLetter[] = [];
  let questionCount = 0;
  for (const documentId of ids) {
    const summary = installed.get(documentId) ?? null;
    let doc: LetterDocument | null = null;
    if (summary) {
      try {
        doc = source.content.getDocument(documentId);
      } catch {
        doc = null;
      }
    }
    const index = doc ? sectionIndex(doc) : null;
    const text = doc ? documentText(doc) : null;
    const referenceOf = (a: Annotation): PassageReference => {
      let where = a.paragraphId && index ? (index.get(a.paragraphId) ?? null) : null;
      if (!where && index && text && a.anchor !== 'orphan') {
        // A passage on a heading: the section it titles.
        const block = text.blocks.find((b) => b.start <= a.position.start && a.position.start < b.end);
        if (block?.kind === 'section-title' && block.id) where = index.get(`section:${block.id}`) ?? null;
      }
      return {
        lbr: doc?.reference ?? summary?.reference ?? null,
        sectionPath: where?.path ?? [],
        paragraphId: a.paragraphId,
        decisionLabel: where?.decisionLabel ?? null,
      };
    };
    const toExport = (a: Annotation): ExportAnnotation => ({
      id: a.id,
      documentId: a.documentId,
      quote: a.quote.exact,
      note: withText ? a.note : '',
      color: a.color,
      colorLabel: colorLabel.get(a.color) ?? a.color,
      tags: a.tags,
      anchor: a.anchor,
      creator: a.origin?.creator ?? null,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      reference: referenceOf(a),
      source: a,
    });
    const annotations = shownAnnotations.filter((a) => a.documentId === documentId).map(toExport);
    const byId = new Map(selectedAnnotations.filter((a) => a.documentId === documentId).map((a) => [a.id, a]));

    const decisions: ExportDecision[] = [];
    if (wantPositions || wantQuestions) {
      const saved = new Map(
        savedPositions.filter((p) => p.documentId === documentId).map((p) => [p.decisionLabel, p] as const),
      );
      // With a tag filter, only the positions it selects (all of them when the letter carries the tag).
      const everyDecision = (wantedTags.size === 0 || letterTagged(documentId)) && wantPositions;
      const labels: Array<{ label: string; text: string; stem: string | null }> = [];
      for (const d of doc?.decisions ?? []) labels.push({ label: d.label, text: d.text, stem: d.stem ?? null });
      for (const [label, p] of saved) {
        if (!labels.some((l) => l.label === label)) labels.push({ label, text: p.decisionText ?? '', stem: null });
      }
      for (const l of labels) {
        const position = saved.get(l.label) ?? null;
        // An unsaved decision ("nog bepalen") is listed when the whole letter's positions are asked for.
        if (position ? !positionShown(position) : !everyDecision) continue;
        if (position?.questions.trim() && wantQuestions) questionCount++;
        decisions.push({
          label: l.label,
          text: l.text || position?.decisionText || '',
          stem: l.stem,
          stemIntro: l.stem && l.stem !== decisions.at(-1)?.stem ? l.stem : null,
          position,
          passages: (position?.linkedAnnotationIds ?? [])
            .map((id) => byId.get(id))
            .filter((a): a is Annotation => a !== undefined)
            .map(toExport),
        });
      }
    }
    letters.push({
      documentId,
      title: doc?.title ?? summary?.title ?? documentId,
      reference: doc?.reference ?? summary?.reference ?? null,
      date: doc?.date ?? summary?.date ?? null,
      subject: doc?.subject ?? summary?.subject ?? null,
      installed: Boolean(summary),
      tags: documentTags[documentId] ?? [],
      decisions,
      annotations,
    });
  }
  return {
    generatedAt: now,
    include,
    filters: { documentIds: wantedDocs ?? [], tags: options.tags ?? [] },
    colors,
    letters,
    counts: {
      letters: letters.length,
      annotations: letters.reduce((n, l) => n + l.annotations.length, 0),
      positions: letters.reduce((n, l) => n + l.decisions.filter((d) => d.position !== null).length, 0),
      questions: questionCount,
    },
  };
}

// ── Shared wording (Dutch: the exports are for the fractie) ────────────────────────────────────

export const STANCE_LABELS: Record<Position['stance'], string> = {
  'nog-bepalen': 'Nog bepalen',
  voor: 'Voor',
  tegen: 'Tegen',
  'voor-met-amendement': 'Voor met amendement',
  motie: 'Motie',
  onthouding: 'Onthouding',
};

export const STATUS_LABELS: Record<Position['status'], string> = { concept: 'Concept', definitief: 'Definitief' };

export const PART_LABELS: Record<ExportPart, string> = {
  annotations: 'gemarkeerde passages',
  notes: 'notities',
  positions: 'standpunten',
  questions: 'open vragen',
};

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** `2019-05-08` → `8 mei 2019` (a calendar date, no time zone involved). */
export function dutchDate(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return null;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** The export's own moment, in the user's time zone (or the one given): `12 november 2026, 09:30`. */
export function dutchDateTime(date: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${dutchDate(`${get('year')}-${get('month')}-${get('day')}`)}, ${get('hour')}:${get('minute')}`;
}

/** "Lbr. 19/030 · Rode draden › Belastinggebied · besluit 1c" */
export function referenceText(r: PassageReference): string {
  const parts = [r.lbr, r.sectionPath.length ? r.sectionPath.join(' › ') : null];
  if (r.decisionLabel) parts.push(`besluit ${r.decisionLabel}`);
  return parts.filter(Boolean).join(' · ');
}

/** A one-line description of the selection, for the heading of every format. */
export function selectionText(data: ExportData): string {
  const letters = data.filters.documentIds.length
    ? `brieven: ${data.letters.map((l) => l.reference ?? l.title).join(', ')}`
    : 'alle brieven';
  const tags = data.filters.tags.length ? ` · labels: ${data.filters.tags.join(', ')}` : '';
  const parts = EXPORT_PARTS.filter((p) => data.include.has(p)).map((p) => PART_LABELS[p]);
  return `Selectie: ${letters}${tags} · onderdelen: ${parts.join(', ')}`;
}

/** The motion's three parts, as a fractie writes them. */
export function motionParts(p: Position): Array<{ label: string; text: string }> {
  return [
    { label: 'Constaterende dat', text: p.motion.findings },
    { label: 'Overwegende dat', text: p.motion.considerations },
    { label: 'Verzoekt het college', text: p.motion.requests },
  ].filter((m) => m.text.trim());
}

export const ANCHOR_NOTES: Record<Annotation['anchor'], string | null> = {
  anchored: null,
  moved: 'passage verplaatst in een nieuwere versie van de brief',
  changed: 'passage gewijzigd in een nieuwere versie van de brief: nakijken',
  orphan: 'passage staat niet meer in de brief (oorspronkelijk citaat)',
};
