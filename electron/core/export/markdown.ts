/**
 * Markdown export: per letter the positions per decision (a table, then stance, reasoning,
 * inbreng, open questions, amendment and motion drafts, the passages they rest on) and the
 * annotations with the quoted passage and a precise reference. Everything the user or a letter
 * wrote is escaped: it comes out as text, never as Markdown, HTML or a link.
 */
import {
  ANCHOR_NOTES,
  dutchDate,
  dutchDateTime,
  motionParts,
  referenceText,
  selectionText,
  STANCE_LABELS,
  STATUS_LABELS,
  type ExportAnnotation,
  type ExportData,
  type ExportLetter,
} from './collect';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * One line of text, escaped for CommonMark and GitHub Flavored Markdown: every character that can
 * start markup is backslash-escaped (CommonMark allows it for any ASCII punctuation), entity-like
 * `&…;`, autolinks (`http://`, `www.`, e-mail `@`) and line-start markers (lists, headings,
 * setext underlines, ordered-list numbers) included.
 */
export function escapeInline(line: string): string {
  let out = line
    .replace(CONTROL, '')
    .replace(/\t/g, '    ')
    .replace(/[\\`*_[\]<>|~$#@{}]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/\b(https?|ftp|mailto|file|data|javascript)(?=:)/gi, '$1\\')
    .replace(/\bwww\./gi, 'www\\.');
  out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  // Leading spaces would make an indented code block; trailing ones a hard break.
  return out.trim();
}

/** A block of user text: lines become hard line breaks, blank lines paragraphs. */
export function escapeBlock(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map(escapeInline)
        .filter((l) => l !== ''),
    )
    .filter((lines) => lines.length > 0);
  return paragraphs.map((lines) => lines.join('\\\n')).join('\n\n');
}

function quoteBlock(text: string): string {
  return escapeBlock(text)
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

function cell(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ')) || ' ';
}

function letterHeading(letter: ExportLetter): string[] {
  const meta = [
    letter.reference,
    dutchDate(letter.date),
    letter.subject && letter.subject !== letter.title ? `Onderwerp: ${letter.subject}` : null,
    letter.tags.length ? `Labels: ${letter.tags.join(', ')}` : null,
  ].filter((x): x is string => Boolean(x));
  const lines = [`## ${escapeInline(letter.title)}`, ''];
  if (meta.length) lines.push(escapeInline(meta.join(' · ')), '');
  if (!letter.installed) {
    lines.push(
      escapeInline('Deze brief is niet geïnstalleerd; citaten en besluitteksten zoals ze bij het opslaan luidden.'),
      '',
    );
  }
  return lines;
}

function annotationLines(a: ExportAnnotation, heading: string | null): string[] {
  const lines: string[] = [];
  if (heading) lines.push(heading, '');
  lines.push(quoteBlock(a.quote), '');
  const where = referenceText(a.reference);
  const meta = [
    where ? `Vindplaats: ${where}` : null,
    `${a.colorLabel} (${a.color})`,
    a.tags.length ? `labels: ${a.tags.join(', ')}` : null,
    a.creator ? `van ${a.creator}` : null,
    ANCHOR_NOTES[a.anchor],
  ].filter((x): x is string => Boolean(x));
  lines.push(`*${escapeInline(meta.join(' · '))}*`, '');
  if (a.note.trim()) lines.push(escapeBlock(a.note), '');
  return lines;
}

export interface MarkdownOptions {
  /** Time zone for the export's date (default: the machine's). */
  timeZone?: string;
}

export function renderMarkdown(data: ExportData, options: MarkdownOptions = {}): string {
  const out: string[] = [
    '# Standpuntbepaling',
    '',
    escapeInline(
      `Notities en standpunten uit Raadsmap, geëxporteerd op ${dutchDateTime(data.generatedAt, options.timeZone)}.`,
    ),
    '',
    escapeInline(selectionText(data)),
    '',
  ];
  if (data.letters.length === 0) {
    out.push('Nog geen notities of standpunten in deze selectie.', '');
  }
  const withPositions = data.include.has('positions');
  for (const letter of data.letters) {
    out.push(...letterHeading(letter));
    if (letter.decisions.length) {
      out.push(withPositions ? '### Standpunten per besluit' : '### Open vragen per besluit', '');
      if (withPositions) {
        out.push('| Besluit | Standpunt | Status |', '| --- | --- | --- |');
        for (const d of letter.decisions) {
          const p = d.position;
          out.push(
            `| ${cell(d.label)} | ${cell(STANCE_LABELS[p?.stance ?? 'nog-bepalen'])} | ${cell(p ? STATUS_LABELS[p.status] : '—')} |`,
          );
        }
        out.push('');
      }
      for (const d of letter.decisions) {
        const p = d.position;
        const stance = STANCE_LABELS[p?.stance ?? 'nog-bepalen'];
        if (d.stemIntro) out.push(`*${escapeInline(d.stemIntro)}*`, '');
        out.push(`#### ${escapeInline(withPositions ? `Besluit ${d.label}: ${stance}` : `Besluit ${d.label}`)}`, '');
        if (d.text) out.push(quoteBlock(d.text), '');
        if (p?.decisionChanged) {
          out.push(`*${escapeInline('De besluittekst is gewijzigd sinds dit standpunt werd opgeslagen.')}*`, '');
        }
        if (!p) continue;
        const field = (label: string, text: string) => {
          if (text.trim()) out.push(`**${label}**`, '', escapeBlock(text), '');
        };
        if (withPositions) {
          field('Afweging', p.reasoning);
          field('Inbreng', p.inbreng);
        }
        if (data.include.has('questions')) field('Open vragen', p.questions);
        if (withPositions) {
          field('Amendement (concept)', p.amendmentText);
          const motion = motionParts(p);
          if (motion.length) {
            out.push('**Motie (concept)**', '');
            for (const m of motion) out.push(`*${m.label}*`, '', escapeBlock(m.text), '');
          }
          if (d.passages.length) {
            out.push('**Passages waarop dit standpunt rust**', '');
            for (const a of d.passages) {
              out.push(quoteBlock(a.quote), '');
              const where = referenceText(a.reference);
              if (where) out.push(`*${escapeInline(where)}*`, '');
            }
          }
          if (p.updatedAt)
            out.push(`*${escapeInline(`${STATUS_LABELS[p.status]}, bijgewerkt ${dutchDate(p.updatedAt)}`)}*`, '');
        }
      }
    }
    if (letter.annotations.length) {
      out.push('### Gemarkeerde passages', '');
      letter.annotations.forEach((a, i) => {
        const section = a.reference.sectionPath.at(-1) ?? letter.title;
        out.push(...annotationLines(a, `#### ${i + 1}. ${escapeInline(section)}`));
      });
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
