/**
 * From raw text to a repaired stream of typed units (headings, paragraphs, list items …).
 * This is where PDF-extraction artefacts are mended: letterhead footers dropped, sentences
 * split across a page break joined, words hyphenated at a line end joined.
 */
import { matchLabelLine, matchReferenceLine, normaliseReference, type MetadataKey } from './metadata';

/** A run of consecutive non-blank lines. Markdown headings carry their level. */
export interface Block {
  lines: string[];
  headingLevel?: number;
  /** Markdown front matter (`key: value` lines between `---` fences). */
  frontMatter?: boolean;
  /** A Markdown table row: kept as text, never taken for a letterhead footer. */
  table?: boolean;
  /** The block follows a page break that was removed (footer, page number). */
  afterBreak?: boolean;
}

export interface MetaEntry {
  key: MetadataKey;
  label: string;
  value: string;
}

export type ItemKind = 'bullet' | 'number' | 'letter';

export type Unit =
  | { type: 'heading'; text: string; level?: number }
  | { type: 'paragraph'; text: string; lines: string[]; afterBreak?: boolean }
  | { type: 'item'; kind: ItemKind; marker: string; ordinal: string; depth: number; text: string };

const BLANK = /^\s*$/;

/** A page break: a form feed, as PDF text extraction (pdftotext, Raadsmap's own) puts between pages. */
const PAGE_BREAK = '\f';

export function splitTextBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let afterBreak = false;
  const flush = () => {
    if (!current.length) return;
    blocks.push(afterBreak ? { lines: current, afterBreak } : { lines: current });
    afterBreak = false;
    current = [];
  };
  for (const line of text.split('\n')) {
    // A form feed ends the block; the text after it follows a page break.
    const pieces = line.includes(PAGE_BREAK) ? line.split(PAGE_BREAK) : [line];
    pieces.forEach((raw, k) => {
      if (k > 0) {
        flush();
        afterBreak = true;
      }
      if (BLANK.test(raw)) {
        flush();
      } else {
        current.push(raw.replace(/\s+$/, ''));
      }
    });
  }
  flush();
  return blocks;
}

const TABLE_ROW = /^\s{0,3}\|.*\|\s*$/;
const TABLE_RULE = /^\s{0,3}\|?(\s*:?-{2,}:?\s*\|)+(\s*:?-{2,}:?\s*)?\|?\s*$/;

/** Markdown: ATX headings become their own blocks; front matter becomes `key: value` lines. */
export function splitMarkdownBlocks(text: string): Block[] {
  let body = text;
  const front: string[] = [];
  const fm = /^\s*---[ ]*\n([\s\S]*?)\n(?:---|\.\.\.)[ ]*(?:\n|$)/.exec(body);
  if (fm) {
    for (const line of fm[1]!.split('\n')) if (!BLANK.test(line)) front.push(line);
    body = body.slice(fm[0].length);
  }
  const blocks: Block[] = front.length ? [{ lines: front, frontMatter: true }] : [];
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
    } else if (!inFence && TABLE_ROW.test(raw)) {
      // A table row becomes a line of its own, cells separated by ` | `; the rule line goes.
      flush();
      if (!TABLE_RULE.test(raw)) {
        const cells = raw.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
        blocks.push({ lines: [cells.map((c) => c.trim()).join(' | ')], table: true });
      }
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
    !block.table &&
    block.lines.length <= 3 &&
    block.lines.every((l) => l.trim().length <= 60 && !/[.;]$/.test(l.trim()))
  );
}

function isLabelBlockStart(block: Block | undefined): boolean {
  if (!block || block.headingLevel !== undefined || block.frontMatter || block.table) return false;
  const first = block.lines[0]!;
  return matchLabelLine(first) !== null || matchReferenceLine(first) !== null;
}

/** A line that can be a metadata value: short, and not the salutation that opens the letter. */
function looksLikeValue(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= 100 && !/^(geachte?|beste)\b/i.test(text);
}

/** Labels whose value may run over several lines, as one value ("Onderwerp" wrapped in a narrow column). */
const WRAPPING_KEYS = new Set<MetadataKey>(['subject', 'addressee']);
/** Labels that may carry several values, one a line ("Bijlage(n)", "Ons kenmerk"). */
const LISTING_KEYS = new Set<MetadataKey>(['kenmerk', 'attachments', 'contact', 'other']);

/** Whether `next` continues a wrapped value that ended with `previous`. */
function continuesValue(previous: string, next: string): boolean {
  return (
    /^\p{Ll}/u.test(next.trim()) ||
    /[:,\-–]$/.test(previous.trim()) ||
    /\s(de|het|een|van|voor|en|of|met|over|in|op|aan|bij|tot|om|naar|uit)$/i.test(previous.trim())
  );
}

interface MetadataRun {
  /** Index of the first block after the run. */
  end: number;
  entries: MetaEntry[];
  /** How many label (or Lbr.-number) lines the run held. */
  labels: number;
  /** Text that followed the metadata inside the run's last block. */
  rest: string[];
}

/** Reads a metadata run starting at `start`: label blocks, each followed by its value (same or next block). */
function readMetadataRun(blocks: Block[], start: number): MetadataRun {
  const entries: MetaEntry[] = [];
  let labels = 0;
  let rest: string[] = [];
  let i = start;
  while (i < blocks.length && isLabelBlockStart(blocks[i]) && !rest.length) {
    let pending: { key: MetadataKey; label: string; filled: boolean } | null = null;
    const take = (line: string): boolean => {
      const ref = matchReferenceLine(line);
      const label = ref ? null : matchLabelLine(line);
      if (ref) {
        labels++;
        // "Ledenbrief nummer: Lbr. 20/045" keeps its label as written; a bare "Lbr. 19/030" is "Lbr.".
        const written = matchLabelLine(line);
        entries.push({ key: 'reference', label: written?.value ? written.label : 'Lbr.', value: ref });
        if (pending?.key === 'reference') pending = null;
        return true;
      }
      if (label) {
        labels++;
        if (label.value !== undefined) {
          entries.push({ key: label.key, label: label.label, value: label.value });
          pending = { key: label.key, label: label.label, filled: true };
        } else {
          pending = { key: label.key, label: label.label, filled: false };
        }
        return true;
      }
      if (!pending || !looksLikeValue(line)) return false;
      const value = line.trim();
      const last = entries[entries.length - 1];
      if (!pending.filled) {
        entries.push({ key: pending.key, label: pending.label, value });
      } else if (WRAPPING_KEYS.has(pending.key) && last?.key === pending.key && continuesValue(last.value, value)) {
        last.value = `${last.value} ${value}`;
      } else if (LISTING_KEYS.has(pending.key)) {
        entries.push({ key: pending.key, label: pending.label, value });
      } else {
        return false;
      }
      pending.filled = true;
      return true;
    };
    for (const line of blocks[i]!.lines) {
      if (rest.length || !take(line)) rest.push(line);
    }
    i++;
    const waiting = pending as { filled: boolean } | null;
    if (!rest.length && waiting && !waiting.filled && i < blocks.length && !isLabelBlockStart(blocks[i])) {
      // "Datum" with its value in the next block, as PDF extraction often leaves it.
      const valueBlock = blocks[i]!;
      if (
        valueBlock.headingLevel === undefined &&
        !valueBlock.frontMatter &&
        !valueBlock.table &&
        valueBlock.lines.length <= 3 &&
        valueBlock.lines.every(looksLikeValue)
      ) {
        for (const line of valueBlock.lines) if (!take(line)) rest.push(line);
        i++;
      }
    }
  }
  if (rest.length) rest = rest.filter((l) => !BLANK.test(l));
  return { end: i, entries, labels, rest };
}

/** Front matter keys a Markdown letter may use, besides the labels of a printed letter. */
const FRONT_MATTER_KEYS: Record<string, MetadataKey | 'title'> = {
  titel: 'title',
  title: 'title',
  date: 'date',
  datum: 'date',
  subject: 'subject',
  onderwerp: 'subject',
  kenmerk: 'kenmerk',
  'ons kenmerk': 'kenmerk',
  reference: 'reference',
  referentie: 'reference',
  lbr: 'reference',
  'lbr-nummer': 'reference',
  ledenbrief: 'reference',
  ledenbriefnummer: 'reference',
  'ledenbrief nummer': 'reference',
  nummer: 'reference',
  bijlage: 'attachments',
  bijlagen: 'attachments',
  attachments: 'attachments',
  aan: 'addressee',
  to: 'addressee',
};

function readFrontMatter(lines: string[], add: (entry: MetaEntry) => void): string | null {
  let title: string | null = null;
  for (const line of lines) {
    const m = /^\s*([\p{L}][\p{L}\d _().-]{0,40}?)\s*:\s*(.*)$/u.exec(line);
    if (!m) continue;
    const label = m[1]!.trim();
    const value = m[2]!
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
      .trim();
    if (!value) continue;
    const known = FRONT_MATTER_KEYS[label.toLowerCase()];
    if (known === 'title') {
      title ??= value;
    } else if (known === 'reference') {
      const ref = matchReferenceLine(value) ?? normaliseReference(value);
      add({ key: 'reference', label, value: ref });
    } else {
      add({ key: known ?? matchLabelLine(label)?.key ?? 'other', label, value });
    }
  }
  return title;
}

/**
 * "Aan de leden" directly followed by "Datum" in one block (no blank line between, as text
 * extracted from a PDF often is): split the addressee lines off, so both are recognised.
 */
function splitAddresseeFromLabels(blocks: Block[], i: number): void {
  const block = blocks[i]!;
  if (block.headingLevel !== undefined || block.frontMatter || block.table || isLabelBlockStart(block)) return;
  const k = block.lines.findIndex((l) => matchLabelLine(l) !== null || matchReferenceLine(l) !== null);
  if (k < 1 || k > 3) return;
  const head = { lines: block.lines.slice(0, k) };
  if (!isHeaderLineBlock(head)) return;
  blocks.splice(i, 1, head, { lines: block.lines.slice(k) });
}

/**
 * Takes metadata runs out of the block list. Returns the remaining blocks, the entries found
 * (first occurrence wins), the addressee lines of the first header, and a title from front matter.
 * Once the letter's text has begun, a run counts as a (repeated) letterhead only when it holds at
 * least two labels: a lone "Bijlagen" heading in the text stays text.
 */
export function extractMetadata(blocks: Block[]): {
  blocks: Block[];
  entries: MetaEntry[];
  addressee: string[];
  title: string | null;
} {
  const entries: MetaEntry[] = [];
  const addressee: string[] = [];
  const out: Block[] = [];
  let title: string | null = null;
  let seenContent = false;
  const add = (entry: MetaEntry) => {
    if (!entry.value) return;
    if (entries.some((e) => e.key === entry.key && e.value === entry.value)) return;
    if (entry.key !== 'other' && entries.some((e) => e.key === entry.key)) return;
    entries.push(entry);
  };
  const qualifies = (run: MetadataRun) => run.labels >= (seenContent ? 2 : 1);

  blocks = blocks.slice();
  let i = 0;
  while (i < blocks.length) {
    if (!seenContent) splitAddresseeFromLabels(blocks, i);
    const block = blocks[i]!;
    if (block.frontMatter) {
      title = readFrontMatter(block.lines, add) ?? title;
      i++;
      continue;
    }
    // An addressee block directly before a metadata run: at the top, or a repeated page header.
    if (
      isHeaderLineBlock(block) &&
      isLabelBlockStart(blocks[i + 1]) &&
      !isLabelBlockStart(block) &&
      (!seenContent || block.lines.every((l) => ADDRESSEE_RE.test(l.trim()))) &&
      qualifies(readMetadataRun(blocks, i + 1))
    ) {
      if (!addressee.length) addressee.push(...block.lines.map((l) => l.trim()));
      i++;
      continue;
    }
    const run = isLabelBlockStart(block) ? readMetadataRun(blocks, i) : null;
    if (!run || !qualifies(run)) {
      out.push(block);
      // A Markdown heading (the title) may precede the letterhead fields.
      if (block.headingLevel === undefined) seenContent = true;
      i++;
      continue;
    }
    for (const entry of run.entries) add(entry);
    i = run.end;
    if (run.rest.length) {
      // Lines after the metadata in the same block are ordinary text.
      out.push({ lines: run.rest });
      seenContent = true;
    }
  }
  return { blocks: out, entries, addressee, title };
}

// ---------------------------------------------------------------------------------------------
// Letterhead footers that PDF extraction left in the middle of the text.

const PAGE_NUMBER_LINE: RegExp[] = [
  /^(pagina|page|blad)\s+\d+(\s*(van|of|\/)\s*\d+)?$/i,
  /^\d{1,3}\s*(\/|van)\s*\d{1,3}$/,
  /^[-–]\s*\d{1,3}\s*[-–]$/,
];

/** Lines only a letterhead has: an address with "Postbus" or a postcode, fields joined by "|". */
const ADDRESS_LINE: RegExp[] = [/\bpostbus\s+\d+/i, /^[^|].*\b\d{4}\s?[A-Z]{2}\b.*\|/, /^[^|].*\|.*\|/];

const FOOTER_LINE: RegExp[] = [
  ...ADDRESS_LINE,
  /^(\+31|0)[\d\s\-().]{8,}(\s*\|.*)?$/,
  /^(t|tel|telefoon|f|fax)\.?:?\s*(\+31|0)[\d\s\-().]{8,}$/i,
  /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/i,
  /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(nl|com|org|eu|net|info)(\/\S*)?$/i,
  ...PAGE_NUMBER_LINE,
];

// Footer lines are short; the length check spares long lines of text the regular expressions.
const isFooterLine = (line: string) => line.length <= 120 && FOOTER_LINE.some((re) => re.test(line.trim()));
const isPageNumberLine = (line: string) => PAGE_NUMBER_LINE.some((re) => re.test(line.trim()));

function isPlainBlock(block: Block | undefined): block is Block {
  return block !== undefined && block.headingLevel === undefined && !block.table && !block.frontMatter;
}

function isFooterBlock(block: Block | undefined): boolean {
  return (
    isPlainBlock(block) &&
    (block.lines.every(isFooterLine) || (block.lines.length === 1 && /^\d{1,3}$/.test(block.lines[0]!.trim())))
  );
}

/** An organisation name ("Vereniging van Nederlandse Gemeenten"). */
function isOrganisationText(line: string): boolean {
  const words = line.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 7 &&
    words.every((w) => /^[A-Z][\p{L}-]*$/u.test(w) || /^(van|de|der|den|voor|en|het)$/.test(w))
  );
}

function isOrganisationLine(block: Block | undefined): boolean {
  return isPlainBlock(block) && block.lines.length === 1 && isOrganisationText(block.lines[0]!);
}

/**
 * Footer lines inside a block (PDF text without blank lines around the footer): runs of two or
 * more footer lines, with an organisation name next to them, or a lone page number. Returns the
 * pieces of text between them, each with whether a removed footer came before it.
 */
function splitAtFooterLines(lines: string[]): Array<{ lines: string[]; afterBreak: boolean }> {
  const drop = lines.map(() => false);
  let i = 0;
  while (i < lines.length) {
    if (!isFooterLine(lines[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && isFooterLine(lines[end]!)) end++;
    let start = i;
    // Inside a block, a run is a footer only with an address or a page number in it: an e-mail
    // address and a phone number under a contact person's name are text.
    const run = lines.slice(start, end);
    const anchored = run.some((l) => isPageNumberLine(l) || ADDRESS_LINE.some((re) => re.test(l.trim())));
    if (anchored && (end - start >= 2 || isPageNumberLine(lines[start]!))) {
      if (start > 0 && isOrganisationText(lines[start - 1]!)) start--;
      if (end < lines.length && isOrganisationText(lines[end]!) && end - i >= 2) end++;
      for (let k = start; k < end; k++) drop[k] = true;
    }
    i = end;
  }
  const pieces: Array<{ lines: string[]; afterBreak: boolean }> = [];
  let current: string[] = [];
  let broke = false;
  lines.forEach((line, k) => {
    if (drop[k]) {
      if (current.length) pieces.push({ lines: current, afterBreak: broke });
      current = [];
      broke = true;
      return;
    }
    current.push(line);
  });
  if (current.length || broke) pieces.push({ lines: current, afterBreak: broke });
  return pieces;
}

/**
 * Drops letterhead footers and page numbers. Text after a removed footer is marked `afterBreak`;
 * a sentence that ran through a footer inside one block is mended right away.
 */
export function dropFooters(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let broke = false;
  blocks.forEach((block, i) => {
    if (block.headingLevel !== undefined || block.table || block.frontMatter) {
      out.push(broke ? { ...block, afterBreak: true } : block);
      broke = false;
      return;
    }
    if (
      isFooterBlock(block) ||
      (isOrganisationLine(block) && (isFooterBlock(blocks[i + 1]) || isFooterBlock(blocks[i - 1])))
    ) {
      broke = true;
      return;
    }
    const pieces = splitAtFooterLines(block.lines);
    let pending: Block | null = null;
    for (const piece of pieces) {
      if (!piece.lines.length) {
        broke = true;
        continue;
      }
      const last: string | undefined = pending?.lines[pending.lines.length - 1];
      const first = piece.lines[0]!;
      if (
        pending &&
        last !== undefined &&
        !(SENTENCE_END.test(last.trim()) && (/^\s*\p{Lu}/u.test(first) || matchItemStart(first)))
      ) {
        // The sentence runs on after the footer.
        for (const line of piece.lines) pending.lines.push(line);
        continue;
      }
      if (pending) out.push(pending);
      pending = { ...block, lines: [...piece.lines] };
      if (broke || piece.afterBreak) pending.afterBreak = true;
      broke = false;
    }
    if (pending) out.push(pending);
  });
  return out;
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

/** Words that follow a hyphen which stands for a shared word part: "loon- en prijsontwikkeling". */
const CONJUNCTION_AFTER_HYPHEN = /^(en|of|tot|noch|dan|en\/of)(\s|$)/i;
/** Vowel pairs that a hyphen keeps apart in Dutch spelling: "politie-inzet", "zee-eend". */
const VOWEL_CLASH = /^(aa|ae|ai|au|ee|ei|eu|ie|ii|oe|oi|oo|ou|ue|ui|uu)$/;

/**
 * Joins two pieces of one sentence (lines, or text on either side of a page break), mending a
 * word hyphenated at the line end: "gemeente-" + "lijke" → "gemeentelijke". A hyphen that is part
 * of the word stays: "VNG-" + "leden", "Noord-" + "Holland", "politie-" + "inzet"; before "en"/"of"
 * it stands for a shared word part and keeps its space: "loon- en prijsontwikkeling".
 */
export function joinBroken(left: string, right: string): string {
  // Only the ends are looked at (never a regular expression over all of `left`, which may be long).
  const l = left.trimEnd();
  const r = right.trimStart();
  if (!l) return r;
  if (!r) return l;
  if (!/[\p{L}\d]-$/u.test(l.slice(-3)) || CONJUNCTION_AFTER_HYPHEN.test(r.slice(0, 8))) return `${l} ${r}`;
  const before = l.charAt(l.length - 2);
  const after = r.charAt(0);
  if (/\p{Ll}/u.test(before) && /\p{Ll}/u.test(after) && !VOWEL_CLASH.test(`${before}${after}`)) {
    return l.slice(0, -1) + r;
  }
  return l + r;
}

/** Lines trimmed, with runs of white space inside them made single spaces. */
function normaliseLines(lines: string[]): string[] {
  return lines.map((l) => l.trim().replace(/\s+/g, ' '));
}

/** Joins the lines of one paragraph; linear in its length, however many lines it has. */
function joinLines(lines: string[]): string {
  const parts: string[] = [];
  let previous = '';
  for (const line of normaliseLines(lines)) {
    if (!line) continue;
    if (parts.length) {
      // joinBroken(previous, line) is previous' + line: keep previous', as mended, and add line.
      const joined = joinBroken(previous, line);
      parts[parts.length - 1] = joined.slice(0, joined.length - line.length);
    }
    parts.push(line);
    previous = line;
  }
  return parts.join('');
}

const HEADING_MAX_WORDS = 12;
/** A salutation on a line of its own: "Geacht college en gemeenteraad,". */
const SALUTATION_LINE = /^(geachte?|beste)\b.{0,70},$/i;

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
    let first = true;
    const flushParagraph = () => {
      if (paragraph.length > 1 && SALUTATION_LINE.test(paragraph[0]!.trim())) {
        // "Geacht college," with the letter's first sentence on the next line: two paragraphs.
        units.push({ type: 'paragraph', text: paragraph[0]!.trim(), lines: [paragraph[0]!.trim()] });
        paragraph = paragraph.slice(1);
      }
      if (paragraph.length) {
        const lines = normaliseLines(paragraph);
        units.push({
          type: 'paragraph',
          text: joinLines(paragraph),
          lines,
          ...(first && block.afterBreak ? { afterBreak: true } : {}),
        });
      }
      paragraph = [];
      first = false;
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
      first = false;
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

const OPENING_OR_CLOSING = /^(geachte?|beste|met (vriendelijke|hartelijke) groet)/i;

/**
 * Joins a paragraph (or list item) cut by a page break: the first part does not end a sentence
 * and the next paragraph starts in lower case, or directly follows a removed footer.
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
      !SENTENCE_END.test(prev.text.slice(-12)) &&
      !OPENING_OR_CLOSING.test(prev.text) &&
      (/^\p{Ll}/u.test(unit.text) || (unit.afterBreak === true && /^[\p{L}\d]/u.test(unit.text)))
    ) {
      prev.text = joinBroken(prev.text, unit.text);
      // A loop, not push(...lines): a paragraph may have more lines than a call has arguments.
      if (prev.type === 'paragraph') for (const line of unit.lines) prev.lines.push(line);
      continue;
    }
    out.push(unit);
  }
  return out;
}
