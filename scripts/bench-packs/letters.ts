/**
 * Synthetic VNG member letters ("ledenbrieven") as plain-text files for `npm run bench:packs`,
 * and the edits that make version 2 of a pack.
 *
 * A letter follows the bundled resources/default-content/gemeenten-2024.txt: the letterhead block
 * ("Brief aan de leden", Datum, Ons kenmerk + Lbr. yy/nnn, Telefoon, Bijlage(n), Onderwerp), a
 * "Samenvatting", "Gevraagde besluiten" (1. stem: – a. … e.), the salutation, sections under short
 * headings (now and then a bullet list, once the letterhead footer of a PDF page break), the closing
 * and the signatory. Sentences are real sentences of the bundled letter (about a quarter) or drawn
 * from the vocabulary of scripts/bench-search/corpus.ts (the letter's words with Zipf weights, its
 * collocations, compounds of its nouns). Everything is a pure function of the seed.
 *
 * Letters are generated as a small structure (sections of paragraphs of sentences) and rendered to
 * text, so version 2 can change a letter the way a griffie corrects one: a spelling fix, a deleted
 * sentence, an inserted paragraph, a reworded sentence (or decision).
 */
import { readFileSync } from 'node:fs';
import { dutchDate } from '../../electron/core/export/collect';
import { join } from 'node:path';
import {
  buildVocabulary,
  int,
  isStop,
  LETTER_FILE,
  normalInt,
  pick,
  prng,
  Zipf,
  type Random,
  type Vocabulary,
} from '../bench-search/corpus';

export const DEFAULT_SEED = 20240508;

export interface Paragraph {
  /** A bullet list (one block of "- …" lines) or running text. */
  kind: 'text' | 'list';
  sentences: string[];
}

export interface Section {
  title: string;
  paragraphs: Paragraph[];
}

export interface Letter {
  id: string;
  file: string;
  date: string;
  kenmerk: string;
  lbr: string;
  subject: string;
  attachments: number;
  summary: Paragraph;
  stem: string;
  decisions: string[];
  sections: Section[];
  /** After which section the PDF letterhead footer appears (page break). */
  footerAfter: number;
  signatory: string;
}

const STEMS = [
  'In te stemmen met de voorgestelde aanpak, met daarin als uitwerking',
  "'{subject}' vast te stellen als verenigingsstrategie, met daarin als uitwerking",
  'Kennis te nemen van de resultaten van het overleg met het Rijk, en daarbij',
  'Het bestuur op te dragen de volgende punten uit te werken',
  'De ALV voor te stellen in te stemmen met de volgende onderdelen',
];

const DECISION_OPENINGS = [
  'We werken aan',
  'We geven een nadere invulling aan',
  'We gaan de condities aanscherpen voor',
  'We verkennen de wenselijkheid van',
  'We beschouwen',
  'Het bestuur stelt voor',
  'We vragen het Rijk om',
  'We ondersteunen gemeenten bij',
];

const SIGNATORIES = [
  'mr J.H.C. van Zanen',
  'drs. A.M. Jongerius',
  'J. de Vries',
  'mr. dr. S. Hoekstra',
  'ir. P.E. Bakker',
  'drs. M. el Amrani',
];

const FOOTER = [
  'Vereniging van Nederlandse Gemeenten',
  'Nassaulaan 12 Den Haag | Postbus 30435 | 2500 GK Den Haag',
  '070 - 373 83 93 | info@vng.nl',
  'vng.nl',
];

/** Letterhead labels of the bundled letter, kept out of running text. */
const LETTERHEAD = new Set([
  'Datum',
  'Ons',
  'kenmerk',
  'Telefoon',
  'Bijlage',
  'n',
  'Onderwerp',
  'Lbr',
  'COS',
  'U201900264',
]);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Real sentences of the bundled letter's running text (not the letterhead, not list items). */
function letterSentences(root: string): string[] {
  const raw = readFileSync(join(root, LETTER_FILE), 'utf8');
  const out = new Set<string>();
  for (const block of raw.split(/\n\s*\n/)) {
    const line = block.trim();
    if (line.includes('\n') || /^[-•\d]/.test(line) || line.length < 80) continue;
    for (const s of line.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
      const words = s.split(/\s+/).length;
      if (words >= 6 && words <= 45 && /[.!?]$/.test(s) && /^\p{Lu}/u.test(s)) out.add(s);
    }
  }
  return [...out];
}

export class LetterGenerator {
  private readonly vocab: Vocabulary;
  private readonly real: string[];
  private readonly zipf: Zipf;
  private readonly colloZipf: Zipf;
  private readonly content: string[];
  private readonly contentZipf: Zipf;

  constructor(root: string, seed = DEFAULT_SEED) {
    this.vocab = buildVocabulary(root, seed);
    this.real = letterSentences(root);
    this.zipf = new Zipf(this.vocab.words.length, 1.1);
    this.colloZipf = new Zipf(this.vocab.collocations.length, 0.9);
    this.content = this.vocab.words.filter((w) => !isStop(w) && /^\p{L}{3,}$/u.test(w));
    this.contentZipf = new Zipf(this.content.length, 0.9);
  }

  get realSentenceCount(): number {
    return this.real.length;
  }

  private word(rand: Random): string {
    return this.vocab.words[this.zipf.draw(rand)]!;
  }

  /** Words of a synthetic sentence (no punctuation). */
  private words(rand: Random, length: number): string[] {
    const out: string[] = [];
    while (out.length < length) {
      if (rand() < 0.14) {
        const [si, wi] = this.vocab.collocations[this.colloZipf.draw(rand)]!;
        const run = this.vocab.sentences[si]!.slice(wi, wi + int(rand, 2, 5));
        // Runs from the bundled letter's letterhead ("Ons kenmerk", "Telefoon") are no prose.
        if (!run.some((w) => LETTERHEAD.has(w))) out.push(...run);
      } else out.push(this.word(rand));
    }
    // A letter or list line never starts with a number ("2024 …" could read as a list item).
    while (/^\d/.test(out[0]!)) out[0] = this.content[this.contentZipf.draw(rand)]!;
    return out;
  }

  sentence(rand: Random): string {
    if (rand() < 0.25) return pick(rand, this.real);
    const ws = this.words(rand, normalInt(rand, 17, 6, 5, 40));
    let text = '';
    ws.forEach((w, k) => {
      text += (k === 0 ? capital(w) : ' ' + w) + (k < ws.length - 1 && rand() < 0.05 ? ',' : '');
    });
    return text + '.';
  }

  paragraph(rand: Random): Paragraph {
    if (rand() < 0.03) {
      // A short bullet list: each item is one line of one block.
      const items: string[] = [];
      const n = int(rand, 3, 5);
      for (let k = 0; k < n; k++) {
        const ws = this.words(rand, normalInt(rand, 9, 3, 4, 16));
        items.push(capital(ws.join(' ')) + (k === n - 1 ? '.' : ';'));
      }
      return { kind: 'list', sentences: items };
    }
    const sentences: string[] = [];
    const n = normalInt(rand, 3, 1.4, 1, 7);
    for (let k = 0; k < n; k++) sentences.push(this.sentence(rand));
    return { kind: 'text', sentences };
  }

  heading(rand: Random, min = 1, max = 4): string {
    const ws: string[] = [];
    const n = int(rand, min, max);
    for (let k = 0; k < n; k++) ws.push(this.content[this.contentZipf.draw(rand)]!);
    return capital(ws.join(' '));
  }

  decision(rand: Random): string {
    const ws = this.words(rand, normalInt(rand, 18, 6, 6, 34));
    return `${pick(rand, DECISION_OPENINGS)} ${ws.join(' ')}`;
  }

  /**
   * Letter number `index` (0-based). Body paragraphs are chosen so that the parsed letter has about
   * `paragraphs` paragraphs (summary, decisions, salutation and list items included).
   */
  letter(index: number, paragraphs: number, seed = DEFAULT_SEED): Letter {
    const rand = prng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const year = 2015 + int(rand, 0, 9);
    const month = int(rand, 1, 12);
    const day = int(rand, 1, 28);
    const number = String(int(rand, 1, 199)).padStart(3, '0');
    const subject = this.heading(rand, 2, 4);
    const decisionCount = int(rand, 3, 5);
    // Fixed paragraphs: summary 1, decision stem 1 + items, salutation 1, closing 1, signature 3.
    const target = Math.max(12, normalInt(rand, paragraphs, paragraphs / 10, paragraphs - 12, paragraphs + 12));
    let body = target - (7 + decisionCount);
    const sections: Section[] = [];
    while (body > 0) {
      const n = Math.min(body, int(rand, 3, 8));
      const ps: Paragraph[] = [];
      let counted = 0;
      while (counted < n) {
        const p = this.paragraph(rand);
        ps.push(p);
        counted += p.kind === 'list' ? p.sentences.length : 1;
      }
      body -= counted;
      sections.push({ title: this.heading(rand), paragraphs: ps });
    }
    return {
      id: `lbr-${String(year % 100).padStart(2, '0')}-${number}-${String(index + 1).padStart(5, '0')}`,
      file: `brief-${String(index + 1).padStart(5, '0')}.txt`,
      date: dutchDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)!,
      kenmerk: `COS/U${year}${String(int(rand, 0, 999999)).padStart(6, '0')}`,
      lbr: `Lbr. ${String(year % 100).padStart(2, '0')}/${number}`,
      subject,
      attachments: int(rand, 0, 3),
      summary: { kind: 'text', sentences: [this.sentence(rand), this.sentence(rand), this.sentence(rand)] },
      stem: pick(rand, STEMS).replace('{subject}', subject),
      decisions: Array.from({ length: decisionCount }, () => this.decision(rand)),
      sections,
      footerAfter: int(rand, 0, Math.max(0, sections.length - 2)),
      signatory: pick(rand, SIGNATORIES),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Version 2: what a griffie corrects.

  /**
   * A corrected copy of `letter` with 1–3 edits; returns the copy and the kinds of edit made.
   * Kinds: spelling (one word), delete-sentence, insert-paragraph, reword (a sentence or a decision).
   */
  edit(letter: Letter, rand: Random): { letter: Letter; edits: string[] } {
    const copy: Letter = structuredClone(letter);
    const edits: string[] = [];
    const n = int(rand, 1, 3);
    const textParagraphs = () => copy.sections.flatMap((s) => s.paragraphs.filter((p) => p.kind === 'text'));
    for (let k = 0; k < n; k++) {
      const r = rand();
      if (r < 0.3) {
        // A spelling fix: one letter of a longer word changes.
        const p = pick(rand, textParagraphs());
        const si = Math.floor(rand() * p.sentences.length);
        const words = p.sentences[si]!.split(' ');
        const candidates = words.map((w, i) => ({ w, i })).filter((x) => /^\p{L}{6,}$/u.test(x.w));
        if (!candidates.length) continue;
        const { w, i } = pick(rand, candidates);
        const at = int(rand, 1, w.length - 2);
        words[i] = w.slice(0, at) + (w[at] === 'e' ? 'a' : 'e') + w.slice(at + 1);
        p.sentences[si] = words.join(' ');
        edits.push('spelling');
      } else if (r < 0.55) {
        const ps = textParagraphs().filter((p) => p.sentences.length >= 2);
        if (!ps.length) continue;
        const p = pick(rand, ps);
        p.sentences.splice(Math.floor(rand() * p.sentences.length), 1);
        edits.push('delete-sentence');
      } else if (r < 0.8) {
        const s = pick(rand, copy.sections);
        const fresh = this.paragraph(rand);
        fresh.kind = 'text';
        s.paragraphs.splice(int(rand, 0, s.paragraphs.length), 0, fresh);
        edits.push('insert-paragraph');
      } else if (r < 0.92) {
        // A reworded sentence: a few words replaced, the rest kept.
        const p = pick(rand, textParagraphs());
        const si = Math.floor(rand() * p.sentences.length);
        const words = p.sentences[si]!.split(' ');
        const changes = Math.min(words.length - 1, int(rand, 2, 4));
        for (let c = 0; c < changes; c++) {
          const i = int(rand, 1, words.length - 2);
          if (i < 1) break;
          words[i] = this.word(rand);
        }
        p.sentences[si] = words.join(' ');
        edits.push('reword');
      } else {
        const di = Math.floor(rand() * copy.decisions.length);
        const words = copy.decisions[di]!.split(' ');
        const i = int(rand, 3, words.length - 1);
        words.splice(i, 0, ...this.words(rand, int(rand, 2, 5)));
        copy.decisions[di] = words.join(' ');
        edits.push('reword-decision');
      }
    }
    return { letter: copy, edits };
  }
}

/** The letter as a .txt file, in the bundled letter's layout. */
export function renderLetter(l: Letter): string {
  const out: string[] = [];
  const block = (...lines: string[]) => out.push(lines.join('\n'));
  block('Brief aan de leden', 'T.a.v. het college en de raad');
  block('Datum', l.date);
  block('Ons kenmerk', l.kenmerk, l.lbr);
  block('Telefoon', '070 373 8393');
  block('Bijlage(n)', String(l.attachments));
  block('Onderwerp', l.subject);
  block('Samenvatting');
  block(l.summary.sentences.join(' '));
  block('Gevraagde besluiten');
  block(
    `1. ${l.stem}:`,
    ...l.decisions.map((d, i) => ` - ${String.fromCharCode(97 + i)}. ${d}${i === l.decisions.length - 1 ? '.' : ';'}`),
  );
  block('Geacht college en gemeenteraad,');
  l.sections.forEach((s, i) => {
    block(s.title);
    for (const p of s.paragraphs) {
      if (p.kind === 'list') block(...p.sentences.map((x) => `- ${x}`));
      else block(p.sentences.join(' '));
    }
    if (i === l.footerAfter) for (const line of FOOTER) block(line);
  });
  block('Met vriendelijke groet,');
  block('Vereniging van Nederlandse Gemeenten');
  block(l.signatory, 'Voorzitter');
  return out.join('\n\n') + '\n';
}
