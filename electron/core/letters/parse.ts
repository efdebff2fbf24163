/**
 * Letter import: text or Markdown → the structured document model.
 * Pure (no I/O): callers pass bytes and a file name, and get a LetterDocument or a RaadsmapError.
 */
import { createHash } from 'node:crypto';
import type { Decision, LetterDocument, MetadataField, Paragraph, Section, TextMark } from '../../shared/model';
import { RaadsmapError } from '../errors';
import {
  classify,
  dropFooters,
  extractMetadata,
  joinPageBreaks,
  splitMarkdownBlocks,
  splitTextBlocks,
  type Unit,
} from './blocks';
import { decodeLetterBytes, formatFromFileName, type LetterFormat } from './decode';
import { normaliseReference, parseDutchDate } from './metadata';

export interface ParseOptions {
  /** A document id given by pack.json; otherwise derived from the Lbr.-nummer or a hash. */
  id?: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hash of a decision text, insensitive to whitespace and case, to detect real changes. */
export function decisionHash(text: string): string {
  return sha256Hex(text.replace(/\s+/g, ' ').trim().toLowerCase()).slice(0, 16);
}

export function documentIdFor(reference: string | null, title: string, date: string | null): string {
  if (reference) {
    const m = /(\d{2})\/(\d{2,4})/.exec(reference);
    if (m) return `lbr-${m[1]}-${m[2]}`;
  }
  return `doc-${sha256Hex(`${title.trim().toLowerCase()}|${date ?? ''}`).slice(0, 12)}`;
}

const DECISION_HEADING =
  /^(gevraagde?\s+besluit(en)?|gevraagd\s+besluit|voorgestelde?\s+besluit(en)?|besluit(en)?|voorstel(len)?|te nemen besluit(en)?|ontwerpbesluit)\s*:?$/i;
const TOP_LEVEL_HEADING =
  /^(samenvatting|aanleiding|inleiding|toelichting|achtergrond|vervolg(proces)?|tot slot|afsluitend|communicatie|bijlagen?|inhoud\b.*|financi[eë]le?\s+\S+)$/i;
const CLOSING_RE = /^(met (vriendelijke|hartelijke|collegiale) groet(en)?|hoogachtend)\b/i;
const SALUTATION_RE = /^(geachte?|beste|lieve)\b.*,$/i;

/** Markdown inline syntax that is not emphasis: links and images keep their text, code its content. */
function stripInlineMarkdown(raw: string): string {
  return raw
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1');
}

function extractMarks(input: string, markdown: boolean): { text: string; marks?: TextMark[] } {
  const raw = markdown ? stripInlineMarkdown(input) : input;
  const re = markdown
    ? /\*\*([^*\n]+?)\*\*|__([^_\n]+?)__|\*([^*\s][^*\n]*?)\*|(?<![\p{L}\d])_([^_\s][^_\n]*?)_(?![\p{L}\d])/gu
    : /\*\*([^*\n]+?)\*\*|\*([^*\s][^*\n]*?)\*/g;
  const marks: TextMark[] = [];
  let text = '';
  let last = 0;
  for (const m of raw.matchAll(re)) {
    const inner = m.slice(1).find((g) => g !== undefined)!;
    const strong = m[0].startsWith('**') || m[0].startsWith('__');
    text += raw.slice(last, m.index);
    const start = text.length;
    text += inner;
    marks.push({ start, end: text.length, type: strong ? 'strong' : 'em' });
    last = m.index! + m[0].length;
  }
  text += raw.slice(last);
  if (markdown) text = text.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
  return marks.length ? { text, marks } : { text };
}

function stripDecisionText(text: string): string {
  return text.replace(/\s*;\s*(en|of)?\s*$/i, '').trim();
}

interface Builder {
  sections: Section[];
  stack: Section[];
  lead: Section;
  paragraphCount: number;
  sectionCount: number;
}

/**
 * Reads a text or Markdown letter file. Synchronous, so PDF, web pages and Word documents are not
 * read here: those go through `parseLetterFile` (extract.ts), which accepts every format.
 */
export function parseLetter(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): LetterDocument {
  const format = formatFromFileName(fileName);
  if (format !== 'text' && format !== 'markdown') {
    const name = { pdf: 'PDF-bestand', html: 'webpagina (HTML)', docx: 'Word-document' }[format];
    const nameEn = { pdf: 'PDF file', html: 'web page (HTML)', docx: 'Word document' }[format];
    throw new RaadsmapError(
      'unsupported-format',
      `"${fileName}" kan niet worden ingelezen als tekstbestand (.txt, .md): het is een ${name}; zo'n bestand wordt gelezen door parseLetterFile.`,
      `"${fileName}" cannot be imported as a text file (.txt, .md): it is a ${nameEn}, which parseLetterFile reads.`,
    );
  }
  const text = decodeLetterBytes(bytes, fileName);
  return parseLetterText(text, fileName, { syntax: format, format, sha256: sha256Hex(bytes) }, options);
}

/** Where a letter's text came from: the syntax the parser reads it in, and the original file. */
export interface LetterTextSource {
  /** How to read the text: plain text (headings guessed from the layout) or Markdown. */
  syntax: 'text' | 'markdown';
  /** The format of the original file, as recorded in `source.format`. */
  format: LetterFormat;
  /** SHA-256 of the original file's bytes. */
  sha256: string;
}

/**
 * The structure of a letter from its text (already decoded and normalised, see decode.ts):
 * sections, paragraphs, metadata and decisions.
 */
export function parseLetterText(
  text: string,
  fileName: string,
  source: LetterTextSource,
  options: ParseOptions = {},
): LetterDocument {
  const format = source.syntax;
  const markdown = format === 'markdown';

  const rawBlocks = markdown ? splitMarkdownBlocks(text) : splitTextBlocks(text);
  const { blocks: afterMeta, entries, addressee, title: frontTitle } = extractMetadata(rawBlocks);
  const units = joinPageBreaks(classify(dropFooters(afterMeta), format));

  // Markdown: a single leading H1 is the document title, not a section.
  let mdTitle: string | null = null;
  if (markdown) {
    // Text before it (an addressee line, say) may precede it, but no other heading.
    const h1s = units.filter((u) => u.type === 'heading' && u.level === 1);
    const firstHeading = units.findIndex((u) => u.type === 'heading');
    const first = units[firstHeading];
    if (h1s.length === 1 && first?.type === 'heading' && first.level === 1) {
      mdTitle = extractMarks(first.text, true).text;
      units.splice(firstHeading, 1);
      for (const u of units) if (u.type === 'heading' && u.level) u.level = Math.max(1, u.level - 1);
    }
  }

  const b: Builder = {
    sections: [],
    stack: [],
    lead: { id: 's00', title: null, level: 0, paragraphs: [], sections: [] },
    paragraphCount: 0,
    sectionCount: 0,
  };
  const current = () => b.stack[b.stack.length - 1] ?? b.lead;
  const addParagraph = (p: Omit<Paragraph, 'id'>): Paragraph => {
    b.paragraphCount++;
    const para: Paragraph = { id: `p${String(b.paragraphCount).padStart(3, '0')}`, ...p };
    current().paragraphs.push(para);
    return para;
  };

  const levels = headingLevels(units);
  // Headings whose section (up to the next heading) holds a list item.
  const headingHasItems = new Set<number>();
  let lastHeading = -1;
  units.forEach((u, i) => {
    if (u.type === 'heading') lastHeading = i;
    else if (u.type === 'item' && lastHeading >= 0) headingHasItems.add(lastHeading);
  });
  const decisionsByLabel = new Map<string, Decision>();
  let inDecisions = false;
  let stem: { number: string; text: string; paragraph: Paragraph; subItems: number } | null = null;
  let decisionOrdinal = 0;
  /** Whether the current decision section has a list; if not, its first paragraph is the decision. */
  let sectionHasItems = false;
  let proseDecisionTaken = false;
  const proseDecisions: Paragraph[] = [];
  let itemDecisions = 0;
  let closingSeen = false;
  const signatureLines: string[] = [];
  let salutationSeen = false;

  const recordDecision = (label: string, rawText: string, paragraph: Paragraph, stemText?: string) => {
    const text = stripDecisionText(rawText);
    paragraph.decisionLabel = label;
    const existing = decisionsByLabel.get(label);
    const decision: Decision = {
      label,
      text,
      hash: decisionHash(text),
      paragraphIds: [...(existing?.paragraphIds ?? []), paragraph.id],
    };
    if (stemText) decision.stem = stemText;
    decisionsByLabel.set(label, decision);
  };

  units.forEach((unit, index) => {
    if (unit.type === 'heading' && !closingSeen) {
      const level = levels.get(index) ?? 1;
      while (b.stack.length && b.stack[b.stack.length - 1]!.level >= level) b.stack.pop();
      b.sectionCount++;
      const section: Section = {
        id: `s${String(b.sectionCount).padStart(2, '0')}`,
        title: markdown ? extractMarks(unit.text, true).text : unit.text,
        level,
        paragraphs: [],
        sections: [],
      };
      (b.stack.length ? b.stack[b.stack.length - 1]!.sections : b.sections).push(section);
      b.stack.push(section);
      inDecisions = DECISION_HEADING.test(section.title!);
      stem = null;
      decisionOrdinal = 0;
      proseDecisionTaken = false;
      sectionHasItems = headingHasItems.has(index);
      return;
    }
    const textOf = (u: Unit) => extractMarks(u.text, markdown);
    if (closingSeen) {
      const lines = unit.type === 'heading' ? [unit.text] : unit.type === 'paragraph' ? unit.lines : [];
      if (lines.length && lines.every((l) => l.length <= 80)) {
        for (const line of lines) {
          signatureLines.push(line);
          addParagraph({ kind: 'signature', text: line });
        }
        return;
      }
    }
    if (unit.type === 'paragraph' && isClosing(unit.lines[0]!)) {
      // "Met vriendelijke groet," — possibly with the signature in the same block, no blank line between.
      closingSeen = true;
      inDecisions = false;
      addParagraph({ kind: 'closing', text: unit.lines[0]! });
      for (const line of unit.lines.slice(1)) {
        signatureLines.push(line);
        addParagraph({ kind: 'signature', text: line });
      }
      return;
    }
    if (unit.type === 'paragraph' && !salutationSeen && SALUTATION_RE.test(unit.text) && unit.text.length <= 80) {
      salutationSeen = true;
      if (b.stack.length) {
        // The salutation opens the letter proper: it does not belong to the summary's last section.
        b.stack.length = 0;
        b.sectionCount++;
        const section: Section = {
          id: `s${String(b.sectionCount).padStart(2, '0')}`,
          title: null,
          level: 1,
          paragraphs: [],
          sections: [],
        };
        b.sections.push(section);
        b.stack.push(section);
        inDecisions = false;
      }
      addParagraph({ kind: 'salutation', text: unit.text });
      return;
    }
    if (unit.type === 'paragraph') {
      const para = addParagraph({ kind: 'paragraph', ...textOf(unit) });
      if (inDecisions && !sectionHasItems && !proseDecisionTaken) {
        // A decision stated as prose, with no list: one item to take a position on.
        proseDecisionTaken = true;
        proseDecisions.push(para);
        recordDecision('1', para.text, para);
      }
      return;
    }
    if (unit.type !== 'item') return;
    const { text, marks } = textOf(unit);
    const para = addParagraph({
      kind: inDecisions ? 'decision' : unit.kind === 'bullet' ? 'list-item' : 'numbered-item',
      text,
      marker: unit.marker,
      depth: unit.depth,
      ...(marks ? { marks } : {}),
    });
    if (!inDecisions) return;
    itemDecisions++;
    const activeStem = stem as { number: string; text: string; subItems: number } | null;
    if (unit.kind === 'number') {
      const next = units[index + 1];
      // Sub-items: lettered ("a."), or bullets under an item that announces them ("… als uitwerking:").
      const hasSubItems =
        next?.type === 'item' &&
        (next.kind === 'letter' || (next.kind === 'bullet' && (next.depth > unit.depth || /:$/.test(text))));
      decisionOrdinal = Math.max(decisionOrdinal, Number(unit.ordinal));
      if (hasSubItems) {
        stem = { number: unit.ordinal, text, paragraph: para, subItems: 0 };
        para.decisionStem = true;
        para.decisionLabel = unit.ordinal;
      } else {
        stem = null;
        recordDecision(unit.ordinal, text, para);
      }
    } else if (unit.kind === 'letter') {
      if (activeStem) activeStem.subItems++;
      const label = activeStem ? `${activeStem.number}${unit.ordinal}` : unit.ordinal;
      recordDecision(label, text, para, activeStem?.text);
    } else if (activeStem) {
      // A bullet under a numbered stem: lettered by its position, as "1a", "1b" ….
      const letter = String.fromCharCode(97 + Math.min(activeStem.subItems, 25));
      activeStem.subItems++;
      recordDecision(`${activeStem.number}${letter}`, text, para, activeStem.text);
    } else {
      decisionOrdinal++;
      recordDecision(String(decisionOrdinal), text, para);
    }
  });

  if (itemDecisions > 0) {
    // A listed set of decisions wins over a decision read from prose elsewhere (the summary).
    for (const para of proseDecisions) {
      delete para.decisionLabel;
      const decision = decisionsByLabel.get('1');
      if (!decision) continue;
      decision.paragraphIds = decision.paragraphIds.filter((id) => id !== para.id);
      if (!decision.paragraphIds.length) decisionsByLabel.delete('1');
    }
  }

  const meta = (key: string) => entries.find((e) => e.key === key)?.value ?? null;
  const subject = meta('subject');
  const dateValue = meta('date');
  const date = dateValue ? parseDutchDate(dateValue) : null;
  const referenceValue = meta('reference');
  const reference = referenceValue ? normaliseReference(referenceValue) : null;
  const firstHeading = findFirstTitle(b.sections);
  const baseName = fileName.replace(/\.[^.]+$/, '');
  const title =
    (markdown ? (frontTitle ?? mdTitle ?? subject) : (subject ?? frontTitle)) ?? firstHeading ?? (baseName || fileName);
  const attachmentsValue = meta('attachments');
  const attachments =
    attachmentsValue && /^([-–—]+|geen|n\.?v\.?t\.?)$/i.test(attachmentsValue.trim()) ? null : attachmentsValue;

  // Something that makes this a letter: letterhead fields, a salutation or closing, requested
  // decisions, or at least two headed parts (the Markdown title counts as one).
  const hasStructure =
    entries.some((e) => ['date', 'subject', 'reference', 'kenmerk'].includes(e.key)) ||
    salutationSeen ||
    closingSeen ||
    decisionsByLabel.size > 0 ||
    countTitledSections(b.sections) + (mdTitle !== null || frontTitle !== null ? 1 : 0) >= 2;
  if (!hasStructure || b.paragraphCount === 0) {
    throw new RaadsmapError(
      'no-letter-structure',
      `In "${fileName}" is geen briefstructuur te herkennen (geen datum, onderwerp, kenmerk, aanhef of kopjes).`,
      `No letter structure could be recognised in "${fileName}" (no date, subject, reference, salutation or headings).`,
    );
  }

  const metadata: MetadataField[] = entries.map((e) => ({ key: e.key, label: e.label, value: e.value }));
  if (addressee.length) metadata.unshift({ key: 'addressee', label: 'Aan', value: addressee.join('\n') });

  const sections = b.lead.paragraphs.length ? [b.lead, ...b.sections] : b.sections;
  return {
    id: options.id ?? documentIdFor(reference, title, date),
    title,
    date,
    reference,
    kenmerk: entries.find((e) => e.key === 'kenmerk')?.value ?? null,
    subject,
    addressee: addressee.length ? addressee.join('\n') : meta('addressee'),
    attachments,
    signatory: signatoryFrom(signatureLines),
    metadata,
    sections,
    decisions: [...decisionsByLabel.values()],
    source: { fileName, format: source.format, sha256: source.sha256 },
  };
}

/**
 * "Met vriendelijke groet," or "Hoogachtend,"; "Namens het bestuur," only as a line of its own
 * ending in a comma — "Namens gemeenten nam de VNG deel." is a sentence.
 */
function isClosing(line: string): boolean {
  const text = line.trim();
  if (text.length > 60) return false;
  return CLOSING_RE.test(text) || (/^namens\b/i.test(text) && text.endsWith(','));
}

/** Sections with a title and some content, at any depth. */
function countTitledSections(sections: Section[]): number {
  return sections.reduce(
    (n, s) =>
      n +
      (s.title !== null && (s.paragraphs.length > 0 || s.sections.length > 0) ? 1 : 0) +
      countTitledSections(s.sections),
    0,
  );
}

/** The first heading that names the letter, not a standard part of it ("Samenvatting"). */
function findFirstTitle(sections: Section[]): string | null {
  for (const s of sections) {
    if (s.title && !TOP_LEVEL_HEADING.test(s.title) && !DECISION_HEADING.test(s.title) && !s.title.endsWith('?')) {
      return s.title;
    }
  }
  return null;
}

/**
 * Heading levels for text letters, where the layout is lost: a heading directly followed by a
 * heading is a parent; well-known section names and questions are top level; otherwise a
 * heading keeps the level of the one before. Markdown levels are used as written.
 */
function headingLevels(units: Unit[]): Map<number, number> {
  const levels = new Map<number, number>();
  let previous = 1;
  let forced: number | null = null;
  units.forEach((unit, i) => {
    if (unit.type !== 'heading') return;
    let level: number;
    if (unit.level !== undefined) level = unit.level;
    else if (forced !== null) level = forced;
    else if (TOP_LEVEL_HEADING.test(unit.text) || DECISION_HEADING.test(unit.text) || unit.text.endsWith('?'))
      level = 1;
    else level = previous;
    forced = null;
    const next = units[i + 1];
    if (unit.level === undefined && next?.type === 'heading' && next.level === undefined) {
      forced = Math.min(level + 1, 3);
    }
    levels.set(i, level);
    previous = level;
  });
  return levels;
}

const ORGANISATION_RE = /\b(vereniging|gemeente|vng|stichting|ministerie|bestuur|directie|college|provincie|raad)\b/i;

function signatoryFrom(lines: string[]): string {
  const flat = lines.map((l) => l.trim()).filter(Boolean);
  const people = flat.length > 1 && ORGANISATION_RE.test(flat[0]!) ? flat.slice(1) : flat;
  return people.join(', ');
}
