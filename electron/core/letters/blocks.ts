/**
 * From raw text to a repaired stream of typed units (headings, paragraphs, list items …).
 * This is where PDF-extraction artefacts are mended: letterhead footers dropped, sentences
 * split across a page break joined, words hyphenated at a line end joined.
 */
import { matchLabelLine, matchReferenceLine, type MetadataKey } from './metadata';

/** A run of consecutive non-blank lines. Markdown headings carry their level. */
export interface Block {
  lines: string[];
  headingLevel?: number;
}

export interface MetaEntry {
  key: MetadataKey;
  label: string;
  value: string;
}

export type ItemKind = 'bullet' | 'number' | 'letter';

export type Unit =
  | { type: 'heading'; text: string; level?: number }
  | { type: 'paragraph'; text: string; lines: string[] }
  | { type: 'item'; kind: ItemKind; marker: string; ordinal: string; depth: number; text: string };

const BLANK = /^\s*$/;

export function splitTextBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  for (const raw of text.split('\n')) {
    if (BLANK.test(raw)) {
      if (current.length) blocks.push({ lines: current });
      current = [];
    } else {
      current.push(raw.replace(/\s+$/, ''));
    }
  }
  if (current.length) blocks.push({ lines: current });
  return blocks;
}

/** Markdown: ATX headings become their own blocks; front matter becomes `key: value` lines. */
export function splitMarkdownBlocks(text: string): Block[] {
  let body = text;
  const front: string[] = [];
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (fm) {
    front.push(...fm[1]!.split('\n').filter((l) => !BLANK.test(l)));
    body = body.slice(fm[0].length);
  }
  const blocks: Block[] = front.length ? [{ lines: front }] : [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push({ lines: current });
    current = [];
  };
  let inFence = false;
  for (const raw of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    const heading = inFence ? null : /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      flush();
      blocks.push({ lines: [heading[2]!], headingLevel: heading[1]!.length });
    } else if (BLANK.test(raw) || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) {
      flush();
    } else {
      current.push(raw.replace(/^\s{0,3}>\s?/, '').replace(/\s+$/, ''));
    }
  }
  flush();
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Metadata: the letterhead block, at the top and repeated on later pages.

const ADDRESSEE_RE = /^(brief aan|aan (de|het|alle)|t\.a\.v\.|ter attentie)/i;

function isHeaderLineBlock(block: Block): boolean {
  return (
    block.headingLevel === undefined &&
    block.lines.length <= 3 &&
    block.lines.every((l) => l.trim().length <= 60 && !/[.;]$/.test(l.trim()))
  );
}

function isLabelBlockStart(block: Block | undefined): boolean {
  if (!block || block.headingLevel !== undefined) return false;
  const first = block.lines[0]!;
  return matchLabelLine(first) !== null || matchReferenceLine(first) !== null;
}

/**
 * Takes metadata runs out of the block list. Returns the remaining blocks, the entries found
 * (first occurrence wins), and the addressee lines of the first header.
 */
export function extractMetadata(blocks: Block[]): {
  blocks: Block[];
  entries: MetaEntry[];
  addressee: string[];
} {
  const entries: MetaEntry[] = [];
  const addressee: string[] = [];
  const out: Block[] = [];
  let seenContent = false;
  const add = (entry: MetaEntry) => {
    if (!entry.value) return;
    if (entries.some((e) => e.key === entry.key && e.value === entry.value)) return;
    if (entry.key !== 'other' && entries.some((e) => e.key === entry.key)) return;
    entries.push(entry);
  };

  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    // An addressee block directly before a metadata run: at the top, or a repeated page header.
    if (
      isHeaderLineBlock(block) &&
      isLabelBlockStart(blocks[i + 1]) &&
      !isLabelBlockStart(block) &&
      (!seenContent || block.lines.every((l) => ADDRESSEE_RE.test(l.trim())))
    ) {
      if (!addressee.length) addressee.push(...block.lines.map((l) => l.trim()));
      i++;
      continue;
    }
    if (!isLabelBlockStart(block)) {
      out.push(block);
      seenContent = true;
      i++;
      continue;
    }
    // A metadata run: label blocks, each followed by its value (same block or next block).
    let consumed = false;
    while (i < blocks.length && isLabelBlockStart(blocks[i])) {
      const lines = blocks[i]!.lines;
      let pending: { key: MetadataKey; label: string } | null = null;
      const rest: string[] = [];
      for (const line of lines) {
        const ref = matchReferenceLine(line);
        const label = ref ? null : matchLabelLine(line);
        if (ref) {
          add({ key: 'reference', label: 'Lbr.', value: ref });
          if (pending?.key === 'reference') pending = null;
        } else if (label?.value !== undefined) {
          add({ key: label.key, label: label.label, value: label.value });
          pending = null;
        } else if (label) {
          pending = { key: label.key, label: label.label };
        } else if (pending) {
          add({ ...pending, value: line.trim() });
          if (pending.key !== 'kenmerk' && pending.key !== 'attachments') pending = null;
        } else {
          rest.push(line);
        }
      }
      i++;
      if (pending && i < blocks.length && !isLabelBlockStart(blocks[i])) {
        const valueBlock = blocks[i]!;
        if (valueBlock.headingLevel === undefined && valueBlock.lines.length <= 3) {
          for (const line of valueBlock.lines) add({ ...pending, value: line.trim() });
          i++;
        }
      }
      if (rest.length) {
        // Lines after the metadata in the same block are ordinary text.
        out.push({ lines: rest });
        seenContent = true;
        break;
      }
      consumed = true;
    }
    if (!consumed) seenContent = true;
  }
  return { blocks: out, entries, addressee };
}

// ---------------------------------------------------------------------------------------------
// Letterhead footers that PDF extraction left in the middle of the text.

const FOOTER_LINE: RegExp[] = [
  /\bpostbus\s+\d+/i,
  /\b\d{4}\s?[A-Z]{2}\b.*\|/,
  /\|.*\|/,
  /^(\+31|0)[\d\s\-().]{8,}(\s*\|.*)?$/,
  /^(t|tel|telefoon|f|fax)\.?:?\s*(\+31|0)[\d\s\-().]{8,}$/i,
  /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/i,
  /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(nl|com|org|eu|net|info)(\/\S*)?$/i,
  /^(pagina|page|blad)\s+\d+(\s*(van|of|\/)\s*\d+)?$/i,
  /^\d{1,3}\s*(\/|van)\s*\d{1,3}$/,
];

function isFooterBlock(block: Block): boolean {
  return (
    block.headingLevel === undefined &&
    block.lines.every((l) => FOOTER_LINE.some((re) => re.test(l.trim())))
  );
}

/** A one-line organisation name ("Vereniging van Nederlandse Gemeenten"). */
function isOrganisationLine(block: Block): boolean {
  if (block.headingLevel !== undefined || block.lines.length !== 1) return false;
  const words = block.lines[0]!.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 7 &&
    words.every((w) => /^[A-Z][\p{L}-]*$/u.test(w) || /^(van|de|der|den|voor|en|het)$/.test(w))
  );
}

export function dropFooters(blocks: Block[]): Block[] {
  const footer = blocks.map(isFooterBlock);
  for (let i = 0; i < blocks.length; i++) {
    if (!footer[i] && isOrganisationLine(blocks[i]!) && (footer[i + 1] === true || footer[i - 1] === true)) {
      footer[i] = true;
    }
  }
  return blocks.filter((_, i) => !footer[i]);
}

// ---------------------------------------------------------------------------------------------
// Classification into units.

const BULLET_RE = /^[-•*–·▪]\s+(.*)$/;
const NUMBER_RE = /^(\d{1,2})[.)]\s+(.*)$/;
const LETTER_RE = /^([a-z])[.)]\s+(.*)$/;

interface ItemStart {
  kind: ItemKind;
  marker: string;
  ordinal: string;
  text: string;
}

function matchItemStart(line: string): ItemStart | null {
  const trimmed = line.trim();
  const bullet = BULLET_RE.exec(trimmed);
  if (bullet) {
    const inner = bullet[1]!;
    const lettered = LETTER_RE.exec(inner);
    if (lettered) return { kind: 'letter', marker: `${lettered[1]}.`, ordinal: lettered[1]!, text: lettered[2]! };
    const numbered = NUMBER_RE.exec(inner);
    if (numbered) return { kind: 'number', marker: `${numbered[1]}.`, ordinal: numbered[1]!, text: numbered[2]! };
    return { kind: 'bullet', marker: '-', ordinal: '', text: inner };
  }
  const numbered = NUMBER_RE.exec(trimmed);
  if (numbered) return { kind: 'number', marker: `${numbered[1]}.`, ordinal: numbered[1]!, text: numbered[2]! };
  const lettered = LETTER_RE.exec(trimmed);
  if (lettered) return { kind: 'letter', marker: `${lettered[1]}.`, ordinal: lettered[1]!, text: lettered[2]! };
  return null;
}

/** Joins two pieces of one sentence, mending a word hyphenated at the line end. */
export function joinBroken(left: string, right: string): string {
  const l = left.replace(/\s+$/, '');
  const r = right.replace(/^\s+/, '');
  if (/\p{Ll}-$/u.test(l) && /^\p{Ll}/u.test(r)) return l.slice(0, -1) + r;
  return `${l} ${r}`;
}

function joinLines(lines: string[]): string {
  return lines.map((l) => l.trim()).reduce((acc, line) => (acc ? joinBroken(acc, line) : line), '');
}

const HEADING_MAX_WORDS = 12;

function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (text.length > 90 || text.split(/\s+/).length > HEADING_MAX_WORDS) return false;
  if (/[.,;:!]$/.test(text)) return false;
  if (!/^[\p{Lu}\d'"‘“]/u.test(text)) return false;
  if (/^(geacht|geachte|beste|met vriendelijke|hoogachtend)/i.test(text)) return false;
  return true;
}

export function classify(blocks: Block[], format: 'text' | 'markdown'): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) {
    if (block.headingLevel !== undefined) {
      units.push({ type: 'heading', text: block.lines[0]!.trim(), level: block.headingLevel });
      continue;
    }
    if (
      format === 'text' &&
      block.lines.length === 1 &&
      !matchItemStart(block.lines[0]!) &&
      looksLikeHeading(block.lines[0]!)
    ) {
      units.push({ type: 'heading', text: block.lines[0]!.trim() });
      continue;
    }
    let paragraph: string[] = [];
    let item: (ItemStart & { lines: string[] }) | null = null;
    let sawNumber = false;
    const flushParagraph = () => {
      if (paragraph.length) {
        units.push({ type: 'paragraph', text: joinLines(paragraph), lines: paragraph.map((l) => l.trim()) });
      }
      paragraph = [];
    };
    const flushItem = () => {
      if (!item) return;
      const depth = item.kind === 'letter' && sawNumber ? 1 : /^\s{2,}/.test(item.lines[0]!) ? 1 : 0;
      units.push({
        type: 'item',
        kind: item.kind,
        marker: item.marker,
        ordinal: item.ordinal,
        depth,
        text: joinLines([item.text, ...item.lines.slice(1)]),
      });
      if (item.kind === 'number') sawNumber = true;
      item = null;
    };
    for (const line of block.lines) {
      const start = matchItemStart(line);
      if (start) {
        flushParagraph();
        flushItem();
        item = { ...start, lines: [line] };
      } else if (item) {
        item.lines.push(line);
      } else {
        paragraph.push(line);
      }
    }
    flushParagraph();
    flushItem();
  }
  // A letter item run keeps depth 1 across blocks when a numbered item introduced it.
  for (let i = 1; i < units.length; i++) {
    const unit = units[i]!;
    const prev = units[i - 1]!;
    if (
      unit.type === 'item' &&
      unit.kind === 'letter' &&
      prev.type === 'item' &&
      (prev.kind === 'number' || (prev.kind === 'letter' && prev.depth === 1))
    ) {
      unit.depth = 1;
    }
  }
  return units;
}

const SENTENCE_END = /[.!?:;…]["'”’)]*$/;

/**
 * Joins a paragraph (or list item) cut by a page break: the first part does not end a sentence
 * and the next paragraph starts in lower case.
 */
export function joinPageBreaks(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const prev = out[out.length - 1];
    // A short fragment before the page break looked like a heading; the lower-case
    // continuation shows it was the start of a sentence.
    if (
      prev?.type === 'heading' &&
      prev.level === undefined &&
      unit.type === 'paragraph' &&
      /^\p{Ll}/u.test(unit.text)
    ) {
      out[out.length - 1] = {
        type: 'paragraph',
        text: joinBroken(prev.text, unit.text),
        lines: [prev.text, ...unit.lines],
      };
      continue;
    }
    if (
      prev &&
      unit.type === 'paragraph' &&
      (prev.type === 'paragraph' || prev.type === 'item') &&
      !SENTENCE_END.test(prev.text) &&
      /^\p{Ll}/u.test(unit.text)
    ) {
      prev.text = joinBroken(prev.text, unit.text);
      if (prev.type === 'paragraph') prev.lines.push(...unit.lines);
      continue;
    }
    out.push(unit);
  }
  return out;
}
