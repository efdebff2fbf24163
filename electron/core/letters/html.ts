/**
 * HTML → letter text, with htmlparser2: the website version of a ledenbrief, and the HTML that
 * mammoth makes of a Word document. Only the letter is kept: the main content (an <article> or
 * <main>), without scripts, styles, navigation, site header and footer, asides and forms.
 *
 * The result is Markdown when the page has real headings (h1–h6, levels as written), otherwise
 * plain text, whose headings the text parser recognises from the layout as in any letter. Lists
 * keep their markers ("1.", "a.", "-"), so numbered decisions are read as in a text letter.
 */
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import { matchLabelLine, matchReferenceLine } from './metadata';

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Extract<HtmlNode, { name: string; attribs: Record<string, string> }>;
type HtmlText = Extract<HtmlNode, { type: typeof ElementType.Text }>;

const isElement = (node: HtmlNode): node is HtmlElement =>
  node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
const isText = (node: HtmlNode): node is HtmlText => node.type === ElementType.Text;

export interface HtmlLetterText {
  text: string;
  /** How the text is to be read: Markdown when the HTML had headings. */
  syntax: 'text' | 'markdown';
}

/** Elements that are never part of the letter, wherever they are. */
const IGNORED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'map',
  'dialog',
  'img',
  'picture',
]);

const IGNORED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert']);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'center',
  'details',
  'summary',
  'div',
  'dl',
  'dt',
  'dd',
  'fieldset',
  'figure',
  'figcaption',
  'header',
  'hgroup',
  'main',
  'p',
  'section',
  'body',
  'html',
  'caption',
  'legend',
]);

const HEADING = /^h([1-6])$/;
const EMPHASIS: Record<string, string> = { strong: '**', b: '**', em: '*', i: '*' };

/** A list marker the text already starts with: "1.", "a)", "-", "•". */
const WRITTEN_MARKER = /^(\d{1,2}[.)]|[a-z][.)]|[-•–*·▪])\s/;

function isIgnored(el: HtmlElement, root: HtmlElement | null): boolean {
  if (IGNORED.has(el.name)) return true;
  // A site header is noise; the header of the article itself holds its title.
  if (el.name === 'header' && !(root && DomUtils.getParent(el) && isInside(el, root))) return true;
  const role = el.attribs.role?.toLowerCase();
  if (role && IGNORED_ROLES.has(role)) return true;
  if ('hidden' in el.attribs || el.attribs['aria-hidden'] === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attribs.style ?? '');
}

function isInside(node: HtmlNode, ancestor: HtmlElement): boolean {
  for (let p = DomUtils.getParent(node); p; p = DomUtils.getParent(p)) if (p === ancestor) return true;
  return false;
}

function elements(nodes: HtmlNode[]): HtmlElement[] {
  return DomUtils.filter(isElement, nodes, true) as HtmlElement[];
}

/** The letter's part of the page: the <article> with the most text, else <main>, else everything. */
function contentRoot(doc: HtmlDocument): HtmlElement | null {
  const all = elements(doc.children);
  const visible = (el: HtmlElement) => !all.some((a) => isIgnoredTag(a) && (a === el || isInside(el, a)));
  const articles = all.filter((el) => el.name === 'article' && visible(el));
  if (articles.length) {
    const length = (el: HtmlElement) => DomUtils.textContent(el).replace(/\s+/g, '').length;
    return articles.reduce((best, el) => (length(el) > length(best) ? el : best));
  }
  return all.find((el) => (el.name === 'main' || el.attribs.role === 'main') && visible(el)) ?? null;
}

/** Elements ignored whatever the root: the same test as isIgnored, before the root is known. */
function isIgnoredTag(el: HtmlElement): boolean {
  return el.name !== 'header' && isIgnored(el, null);
}

type OutBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; lines: string[]; bold: boolean }
  | { kind: 'item'; marker: string; depth: number; lines: string[] };

interface ListContext {
  ordered: boolean;
  letters: boolean;
  next: number;
  depth: number;
}

class Converter {
  readonly blocks: OutBlock[] = [];
  private inline = '';
  private boldDepth = 0;
  private boldChars = 0;
  private plainChars = 0;
  private preDepth = 0;
  private flushes = 0;
  private pendingItem: { marker: string; depth: number } | null = null;
  private readonly lists: ListContext[] = [];

  constructor(
    private readonly markdown: boolean,
    private readonly root: HtmlElement | null,
  ) {}

  walk(nodes: HtmlNode[]): void {
    for (const node of nodes) this.node(node);
  }

  private node(node: HtmlNode): void {
    if (isText(node)) {
      this.text(node.data);
      return;
    }
    if (node.type === ElementType.CDATA) {
      this.walk(node.children);
      return;
    }
    if (!isElement(node)) return;
    const el = node;
    if (isIgnored(el, this.root)) return;
    const name = el.name;
    const heading = HEADING.exec(name);
    if (heading) return this.heading(el, Number(heading[1]));
    if (name === 'br') {
      this.inline += '\n';
      return;
    }
    if (name === 'hr') return this.flush();
    if (name === 'ul' || name === 'ol' || name === 'menu') return this.list(el);
    if (name === 'li') return this.listItem(el);
    if (name === 'table') return this.table(el);
    if (name === 'pre') {
      this.flush();
      this.preDepth++;
      this.walk(el.children);
      this.preDepth--;
      this.flush();
      return;
    }
    const mark = EMPHASIS[name];
    if (mark) return this.emphasis(el, mark);
    if (BLOCKS.has(name)) {
      this.flush();
      this.walk(el.children);
      this.flush();
      return;
    }
    this.walk(el.children);
  }

  private text(data: string): void {
    const text = this.preDepth ? data : data.replace(/[ \t\n\r\f]+/g, ' ');
    if (!text) return;
    const chars = text.replace(/\s/g, '').length;
    if (this.boldDepth) this.boldChars += chars;
    else this.plainChars += chars;
    this.inline += this.markdown ? escapeMarkdown(text) : text;
  }

  private emphasis(el: HtmlElement, mark: string): void {
    const start = this.inline.length;
    const flushes = this.flushes;
    if (mark === '**') this.boldDepth++;
    this.walk(el.children);
    if (mark === '**') this.boldDepth--;
    if (flushes !== this.flushes) return;
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(this.inline.slice(start))!;
    const inner = m[2]!;
    if (!inner || inner.includes('\n') || inner.includes('*')) return;
    this.inline = `${this.inline.slice(0, start)}${m[1]}${mark}${inner}${mark}${m[3]}`;
  }

  private heading(el: HtmlElement, level: number): void {
    this.flush();
    this.walk(el.children);
    const text = oneLine(this.inline);
    this.reset();
    if (text) this.blocks.push({ kind: 'heading', level, text });
  }

  private list(el: HtmlElement): void {
    this.flush();
    const type = el.attribs.type ?? '';
    const insideOrdered = this.lists.some((l) => l.ordered);
    const ordered = el.name === 'ol';
    const start = Number.parseInt(el.attribs.start ?? '', 10);
    this.lists.push({
      ordered,
      letters: ordered && (/^[aA]$/.test(type) || (type === '' && insideOrdered)),
      next: Number.isFinite(start) ? start : 1,
      depth: this.lists.length,
    });
    this.walk(el.children);
    this.lists.pop();
    this.flush();
  }

  private listItem(el: HtmlElement): void {
    this.flush();
    const list = this.lists[this.lists.length - 1];
    let marker = '-';
    if (list?.ordered) {
      const value = Number.parseInt(el.attribs.value ?? '', 10);
      const n = Number.isFinite(value) ? value : list.next;
      list.next = n + 1;
      marker = list.letters && n >= 1 && n <= 26 ? `${String.fromCharCode(96 + n)}.` : `${n}.`;
    }
    this.pendingItem = { marker, depth: list?.depth ?? 0 };
    this.walk(el.children);
    this.flush();
    this.pendingItem = null;
  }

  private table(el: HtmlElement): void {
    this.flush();
    const rows = DomUtils.filter((n) => isElement(n) && n.name === 'tr', el.children, true) as HtmlElement[];
    for (const row of rows) {
      const cells: string[] = [];
      for (const cell of row.children) {
        if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th')) continue;
        this.walk(cell.children);
        cells.push(oneLine(this.inline));
        this.reset();
      }
      const filled = cells.filter(Boolean);
      if (!filled.length) continue;
      let line: string;
      const label = filled.length === 2 ? matchLabelLine(filled[0]!) : null;
      if (filled.length === 1) line = filled[0]!;
      else if (label && label.value === undefined) line = `${filled[0]}: ${filled[1]}`;
      else if (this.markdown) line = `| ${filled.join(' | ')} |`;
      else line = filled.join('; ');
      this.blocks.push({ kind: 'paragraph', lines: [line], bold: false });
    }
  }

  private reset(): void {
    this.inline = '';
    this.boldChars = 0;
    this.plainChars = 0;
  }

  /** Ends the current paragraph (or list item). */
  flush(): void {
    const lines = this.inline
      .split('\n')
      .map((l) => (this.preDepth ? l.replace(/\s+$/, '') : oneLine(l)))
      .filter((l) => l.trim());
    const bold = this.boldChars > 0 && this.plainChars === 0;
    this.reset();
    if (!lines.length) return;
    this.flushes++;
    const item = this.pendingItem;
    if (item) {
      this.pendingItem = null;
      if (WRITTEN_MARKER.test(lines[0]!)) {
        this.blocks.push({ kind: 'item', marker: '', depth: item.depth, lines });
      } else {
        this.blocks.push({ kind: 'item', marker: item.marker, depth: item.depth, lines });
      }
      return;
    }
    this.blocks.push({ kind: 'paragraph', lines, bold });
  }
}

function oneLine(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** Markdown syntax characters in text, escaped so the text reads as written. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*]/g, '\\$&')
    .replace(/(^|[^\p{L}\d])_/gu, '$1\\_')
    .replace(/_(?=$|[^\p{L}\d])/gu, '\\_');
}

/** Bold text alone in a paragraph, short and without closing punctuation: a heading in all but name. */
function isPseudoHeading(block: OutBlock): boolean {
  if (block.kind !== 'paragraph' || !block.bold || block.lines.length !== 1) return false;
  const text = stripBold(block.lines[0]!);
  return (
    text.length <= 90 &&
    text.split(/\s+/).length <= 12 &&
    !/[.,;!]$/.test(text) &&
    matchLabelLine(text.replace(/:$/, '')) === null &&
    matchReferenceLine(text) === null
  );
}

function stripBold(line: string): string {
  return line
    .replace(/\*\*([^*\n]+?)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Letter text from HTML. `whole` reads the entire document (mammoth's output, a fragment);
 * otherwise the article or main content of a web page.
 */
export function htmlToLetterText(html: string, options: { whole?: boolean } = {}): HtmlLetterText {
  const doc = parseDocument(html, { decodeEntities: true });
  const root = options.whole ? null : contentRoot(doc);
  const scope = root ? [root] : doc.children;
  const scoped = elements(scope);
  const ignored = scoped.filter((el) => isIgnored(el, root));
  const markdown = scoped.some((el) => HEADING.test(el.name) && !ignored.some((a) => isInside(el, a)));
  const converter = new Converter(markdown, root);
  converter.walk(scope);
  converter.flush();
  const blocks = converter.blocks;

  // Bold paragraphs that serve as headings, at the level of the page's top sections.
  const levels = blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : []));
  const soleTitle = levels.filter((l) => l === 1).length === 1;
  const sectionLevels = soleTitle ? levels.filter((l) => l > 1) : levels;
  const pseudoLevel = sectionLevels.length ? Math.min(...sectionLevels) : soleTitle ? 2 : 1;

  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      out.push(markdown ? `${'#'.repeat(block.level)} ${block.text}` : stripBold(block.text));
    } else if (block.kind === 'item') {
      const indent = '  '.repeat(block.depth);
      const [first, ...rest] = block.lines;
      out.push(
        [`${indent}${block.marker ? `${block.marker} ` : ''}${first}`, ...rest.map((l) => `${indent}  ${l}`)].join(
          '\n',
        ),
      );
    } else if (isPseudoHeading(block)) {
      const text = stripBold(block.lines[0]!);
      out.push(markdown ? `${'#'.repeat(pseudoLevel)} ${text}` : text);
    } else if (block.bold) {
      // A bold label ("**Datum**") reads as the label itself.
      out.push(block.lines.map(stripBold).join('\n'));
    } else {
      out.push(block.lines.map((l) => (markdown ? escapeLineStart(l) : l)).join('\n'));
    }
  }
  return { text: out.join('\n\n'), syntax: markdown ? 'markdown' : 'text' };
}

/** A paragraph line that Markdown would read as a heading or a rule keeps its first character. */
function escapeLineStart(line: string): string {
  return /^\s{0,3}(#{1,6}\s|-(\s*-){2,}\s*$)/.test(line) ? `\\${line.trimStart()}` : line;
}
