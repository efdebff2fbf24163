/**
 * The synthetic Dutch corpus and the query mix of `npm run bench:search` (see run.mjs).
 *
 * Everything here is a pure function of the seed and the bundled letter
 * `resources/default-content/gemeenten-2024.txt`, so the runner and every variant's child process
 * build exactly the same corpus and queries without passing them around.
 *
 * - Vocabulary: the letter's words ranked by their frequency in the letter, plus compounds made of
 *   its words (`klimaat` + `opgave` → `klimaatopgave`, `vereniging` + s + `strategie`) woven into the
 *   tail. Words are drawn with Zipf–Mandelbrot weights, so `de`, `van`, `gemeenten` are really frequent.
 * - Collocations: about one word in seven starts a run of 2–5 consecutive words of the letter (start
 *   positions Zipf-weighted too), so phrases such as "Raad van State" or "lokaal bestuur" recur.
 * - Letters of 100 paragraphs: a "Gevraagde besluiten" section with 3–5 decision paragraphs (1a, 1b …),
 *   then sections of 4–16 paragraphs under 1–4-word headings; sentences of 5–40 words (mean ≈ 18),
 *   paragraphs of 1–9 sentences, some list items.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nld } from 'stopword';
import type { Decision, LetterDocument, Paragraph, Section } from '../../electron/shared/model';

export const DEFAULT_SEED = 20190508;
export const PARAGRAPHS_PER_LETTER = 100;
export const LETTER_FILE = join('resources', 'default-content', 'gemeenten-2024.txt');

// ---------------------------------------------------------------------------------------------
// Seeded randomness

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence on every platform. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function int(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** A rounded normal draw, clamped (Box–Muller). */
export function normalInt(rand: Random, mean: number, sd: number, min: number, max: number): number {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  const n = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(min, Math.min(max, Math.round(mean + sd * n)));
}

export function pick<T>(rand: Random, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function shuffle<T>(rand: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Draws ranks 0…n-1 with Zipf–Mandelbrot weights 1/(r + q)^s. */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(n: number, s = 1.05, q = 2.7) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += 1 / Math.pow(r + q, s);
      this.cumulative[r] = total;
    }
    for (let r = 0; r < n; r++) this.cumulative[r]! /= total;
  }

  draw(rand: Random): number {
    const x = rand();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

export function fold(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

const STOP = new Set(nld.map((w) => fold(w)));

export function isStop(word: string): boolean {
  return STOP.has(fold(word));
}

export interface Vocabulary {
  /** Words by rank (0 = most frequent), as written in running text. */
  words: string[];
  /** The compounds made here from the letter's nouns, with their parts. */
  compounds: Map<string, string[]>;
  /** The letter's compounds (long words), as written. */
  letterCompounds: string[];
  /** The letter as sentences of words, for collocations and phrases. */
  sentences: string[][];
  /** Start positions [sentence, word] of collocations, most frequent first. */
  collocations: Array<[number, number]>;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Singular nouns of the letter that make plausible compound parts (only those the letter has are used). */
const NOUNS = new Set(
  (
    'gemeente opgave vereniging uitvoering raad overheid uitbreiding verbinding taak versterking democratie ' +
    'bestuur solidariteit samenleving samenwerking domein aandacht inzet college richting uitwerking invulling ' +
    'basis oplossing aanpak dienst geld toekomst begrip voorwaarde verkenning platform tweedeling periode ruimte ' +
    'land kracht dialoog data fonds maatwerk winst leefomgeving belang netwerk economie regie zorg omgeving vraag ' +
    'traject gesprek gemeenteraad verhaal klimaat energie duurzaamheid vraagstuk behoefte uitwisseling kennisdeling ' +
    'sturing hulpvraag kennis achtergrond woonsituatie situatie armoede actie debat grond gebied menskracht ' +
    'autonomie warmte regio bijdrage jeugdzorg proces financiering regelgeving keten onderwijs systeem preventie ' +
    'signalering beleid draagvlak legitimiteit niveau partnerschap bouwwerk nabijheid ervaring minister commissie ' +
    'ontwikkeling succes samenhang organisatie bekostiging beheer'
  ).split(' '),
);

export function buildVocabulary(root: string, seed = DEFAULT_SEED): Vocabulary {
  const rand = prng(seed ^ 0x51f15e);
  const text = readFileSync(join(root, LETTER_FILE), 'utf8');
  // Sentences: split at sentence punctuation and blank lines; keep runs of at least two words.
  const sentences: string[][] = [];
  for (const chunk of text.split(/[.!?;:()]+\s|\n\s*\n|\n(?=\s*[-•])/u)) {
    const words = chunk.match(WORD) ?? [];
    if (words.length >= 2) sentences.push(words);
  }
  const counts = new Map<string, { n: number; first: number; forms: Map<string, number> }>();
  let position = 0;
  for (const sentence of sentences)
    for (const w of sentence) {
      position++;
      if (!/^\p{L}/u.test(w)) continue;
      const key = fold(w);
      let entry = counts.get(key);
      if (!entry) counts.set(key, (entry = { n: 0, first: position, forms: new Map() }));
      entry.n++;
      entry.forms.set(w, (entry.forms.get(w) ?? 0) + 1);
    }
  const surface = (forms: Map<string, number>): string => {
    const lower = [...forms.keys()].find((f) => f === f.toLowerCase());
    if (lower) return lower;
    return [...forms].sort((a, b) => b[1] - a[1])[0]![0];
  };
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first).map((e) => surface(e.forms));
  const letterCompounds = ranked.filter((w) => /^\p{Ll}{13,}$/u.test(w));

  // Compounds of the letter's own nouns (heads and tails), linking -s- after -ing/-heid/-teit/-schap.
  const parts = ranked.filter((w) => NOUNS.has(w));
  const compounds = new Map<string, string[]>();
  const known = new Set(ranked.map(fold));
  const partZipf = new Zipf(parts.length, 0.7);
  for (let tries = 0; compounds.size < 1500 && tries < 100_000; tries++) {
    const head = parts[partZipf.draw(rand)]!;
    const tail = parts[partZipf.draw(rand)]!;
    if (head === tail) continue;
    const link = /(ing|heid|schap|teit)$/u.test(head) ? 's' : '';
    const word = head + link + tail;
    if (word.length > 24 || known.has(word) || compounds.has(word)) continue;
    compounds.set(word, [head, tail]);
  }
  // The 150 most frequent letter words lead; compounds are woven into the rest, thinner at first.
  const words = ranked.slice(0, 150);
  const restLetter = ranked.slice(150);
  const restCompounds = [...compounds.keys()];
  let i = 0;
  let j = 0;
  while (i < restLetter.length || j < restCompounds.length) {
    const left = restLetter.length - i;
    const right = restCompounds.length - j;
    if (right === 0 || (left > 0 && rand() < (6 * left) / (6 * left + right))) words.push(restLetter[i++]!);
    else words.push(restCompounds[j++]!);
  }
  const collocations: Array<[number, number]> = [];
  sentences.forEach((s, si) => {
    for (let wi = 0; wi + 1 < s.length; wi++) collocations.push([si, wi]);
  });
  shuffle(rand, collocations);
  return { words, compounds, letterCompounds, sentences, collocations };
}

// ---------------------------------------------------------------------------------------------
// Letters

export interface Corpus {
  letters: LetterDocument[];
  paragraphs: number;
  chars: number;
  words: number;
  distinct: number;
}

const DECISION_OPENINGS = [
  'In te stemmen met',
  'Kennis te nemen van',
  'Het bestuur op te dragen',
  'Vast te stellen',
  'Akkoord te gaan met',
  'De leden op te roepen tot',
  'Te besluiten over',
];

const TITLE_WORDS = ['Ledenbrief', 'Nieuwsbrief', 'Informatie', 'Voorstel', 'Notitie', 'Brief'];

/** Generates `size` paragraphs as letters of 100 paragraphs (the last one may be shorter). */
export function generateCorpus(vocab: Vocabulary, size: number, seed = DEFAULT_SEED): Corpus {
  const rand = prng((seed * 31 + size) >>> 0);
  const zipf = new Zipf(vocab.words.length, 1.1);
  const colloZipf = new Zipf(vocab.collocations.length, 0.9);
  const content = vocab.words.map((w, r) => ({ w, r })).filter((x) => !isStop(x.w));
  const contentZipf = new Zipf(content.length, 0.9);
  const seen = new Set<string>();
  let words = 0;
  let chars = 0;

  const sentence = (length: number): string => {
    const out: string[] = [];
    while (out.length < length) {
      if (rand() < 0.14) {
        const [si, wi] = vocab.collocations[colloZipf.draw(rand)]!;
        const s = vocab.sentences[si]!;
        const n = int(rand, 2, 5);
        out.push(...s.slice(wi, wi + n));
      } else out.push(vocab.words[zipf.draw(rand)]!);
    }
    let text = '';
    out.forEach((w, k) => {
      seen.add(fold(w));
      text +=
        (k === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : ' ' + w) + (k < out.length - 1 && rand() < 0.05 ? ',' : '');
    });
    words += out.length;
    return text + (rand() < 0.03 ? ':' : '.');
  };
  const paragraphText = (sentences: number): string => {
    const parts: string[] = [];
    for (let k = 0; k < sentences; k++) parts.push(sentence(normalInt(rand, 18, 7, 5, 40)));
    const text = parts.join(' ');
    chars += text.length;
    return text;
  };
  const heading = (n: number): string => {
    const ws: string[] = [];
    for (let k = 0; k < n; k++) ws.push(content[contentZipf.draw(rand)]!.w);
    const text = ws.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };

  const letters: LetterDocument[] = [];
  let remaining = size;
  for (let li = 0; remaining > 0; li++) {
    const count = Math.min(PARAGRAPHS_PER_LETTER, remaining);
    remaining -= count;
    const year = 2015 + int(rand, 0, 9);
    const date = `${year}-${String(int(rand, 1, 12)).padStart(2, '0')}-${String(int(rand, 1, 28)).padStart(2, '0')}`;
    const number = String(int(rand, 1, 199)).padStart(3, '0');
    const subject = heading(int(rand, 2, 4));
    let pid = 0;
    const nextId = () => `p${String(++pid).padStart(3, '0')}`;
    const sections: Section[] = [];
    const decisions: Decision[] = [];
    let left = count;
    // Requested decisions first, as in real member letters.
    const decisionCount = Math.min(left, int(rand, 3, 5));
    if (decisionCount > 0) {
      const paragraphs: Paragraph[] = [];
      for (let d = 0; d < decisionCount; d++) {
        const label = `1${String.fromCharCode(97 + d)}`;
        const body = sentence(normalInt(rand, 16, 5, 6, 30)).replace(/[.:]$/u, '');
        const text = `${pick(rand, DECISION_OPENINGS)} ${body.charAt(0).toLowerCase()}${body.slice(1)};`;
        chars += text.length;
        const id = nextId();
        paragraphs.push({
          id,
          kind: 'decision',
          text,
          marker: `${String.fromCharCode(97 + d)}.`,
          decisionLabel: label,
        });
        decisions.push({
          label,
          text: text.slice(0, -1),
          hash: createHash('sha256').update(text).digest('hex').slice(0, 16),
          paragraphIds: [id],
        });
      }
      sections.push({ id: 's01', title: 'Gevraagde besluiten', level: 1, paragraphs, sections: [] });
      left -= decisionCount;
    }
    while (left > 0) {
      const n = Math.min(left, int(rand, 4, 16));
      left -= n;
      const paragraphs: Paragraph[] = [];
      for (let k = 0; k < n; k++) {
        if (rand() < 0.1) {
          paragraphs.push({ id: nextId(), kind: 'list-item', marker: '-', depth: 0, text: paragraphText(1) });
        } else paragraphs.push({ id: nextId(), kind: 'paragraph', text: paragraphText(normalInt(rand, 5, 2, 1, 9)) });
      }
      sections.push({
        id: `s${String(sections.length + 1).padStart(2, '0')}`,
        title: heading(int(rand, 1, 4)),
        level: 1,
        paragraphs,
        sections: [],
      });
    }
    letters.push({
      id: `bench-${String(li + 1).padStart(5, '0')}`,
      title: `${pick(rand, TITLE_WORDS)} ${subject}`,
      date,
      reference: `Lbr. ${String(year % 100).padStart(2, '0')}/${number}`,
      kenmerk: `COS/U${year}${String(int(rand, 0, 999999)).padStart(6, '0')}`,
      subject,
      addressee: 'Aan de leden',
      attachments: rand() < 0.5 ? '1' : null,
      signatory: 'J. de Vries, Voorzitter',
      metadata: [],
      sections,
      decisions,
      source: { fileName: `bench-${li + 1}.txt`, format: 'text', sha256: '0'.repeat(64) },
    });
  }
  return { letters, paragraphs: size, chars, words, distinct: seen.size };
}

/** Every paragraph of the corpus, in order: what the baseline variants index. */
export interface FlatParagraph {
  id: number;
  docId: string;
  section: string | null;
  text: string;
}

export function flatten(corpus: Corpus): FlatParagraph[] {
  const out: FlatParagraph[] = [];
  const walk = (docId: string, sections: Section[]) => {
    for (const s of sections) {
      for (const p of s.paragraphs) out.push({ id: out.length + 1, docId, section: s.title, text: p.text });
      walk(docId, s.sections);
    }
  };
  for (const letter of corpus.letters) walk(letter.id, letter.sections);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Queries

export type QueryType = 'frequent' | 'word' | 'phrase' | 'prefix' | 'compound' | 'multi';

export interface BenchQuery {
  type: QueryType;
  /** As a user types it into Raadsmap. */
  text: string;
  /** The words (lower case), for the baselines. */
  words: string[];
  phrase: boolean;
  prefix: boolean;
}

/** Shares of the query mix (they add up to 1). */
export const QUERY_MIX: Record<QueryType, number> = {
  frequent: 0.2,
  word: 0.15,
  phrase: 0.15,
  prefix: 0.15,
  compound: 0.15,
  multi: 0.2,
};

/**
 * The mixed queries: frequent single words (the 30 most frequent non-stop words), other single words,
 * quoted phrases of the letter (2–3 words, stop words kept), prefixes (`energ*`), compounds (the letter's
 * and generated ones) and 2–3 unquoted words. Deterministic in the seed; shuffled.
 */
export function makeQueries(vocab: Vocabulary, n: number, seed = DEFAULT_SEED): BenchQuery[] {
  const rand = prng(seed ^ 0x9e3779b9);
  const content = vocab.words.filter((w) => !isStop(w) && /^\p{L}{3,}$/u.test(w)).map((w) => w.toLowerCase());
  const frequent = content.slice(0, 30);
  const rest = content.slice(30, 2500).filter((w) => !vocab.compounds.has(w));
  const restZipf = new Zipf(rest.length, 0.8);
  const allZipf = new Zipf(content.length, 0.9);
  const colloZipf = new Zipf(vocab.collocations.length, 0.9);
  const generated = [...vocab.compounds.keys()];
  const counts = new Map<QueryType, number>();
  const types = Object.keys(QUERY_MIX) as QueryType[];
  let assigned = 0;
  for (const t of types) {
    const c = Math.round(QUERY_MIX[t] * n);
    counts.set(t, c);
    assigned += c;
  }
  counts.set('frequent', counts.get('frequent')! + (n - assigned));
  const out: BenchQuery[] = [];
  const single = (type: QueryType, word: string): BenchQuery => ({
    type,
    text: word,
    words: [word],
    phrase: false,
    prefix: false,
  });
  for (const type of types) {
    for (let k = 0; k < counts.get(type)!; k++) {
      if (type === 'frequent') out.push(single(type, frequent[k % frequent.length]!));
      else if (type === 'word') out.push(single(type, rest[restZipf.draw(rand)]!));
      else if (type === 'compound') {
        const word = k % 2 === 0 ? pick(rand, vocab.letterCompounds) : generated[Math.floor(rand() * 400)]!;
        out.push(single(type, word.toLowerCase()));
      } else if (type === 'prefix') {
        let word = '';
        while (word.length < 6) word = content[allZipf.draw(rand)]!;
        const prefix = word.slice(0, int(rand, 4, Math.min(6, word.length - 1)));
        out.push({ type, text: `${prefix}*`, words: [prefix], phrase: false, prefix: true });
      } else if (type === 'phrase') {
        let words: string[] = [];
        while (words.length < 2 || words.every(isStop) || !words.every((w) => /^\p{L}+$/u.test(w))) {
          const [si, wi] = vocab.collocations[colloZipf.draw(rand)]!;
          words = vocab.sentences[si]!.slice(wi, wi + int(rand, 2, 3)).map((w) => w.toLowerCase());
        }
        out.push({ type, text: `"${words.join(' ')}"`, words, phrase: true, prefix: false });
      } else {
        const words = new Set<string>();
        const size = int(rand, 2, 3);
        while (words.size < size) words.add(rand() < 0.4 ? pick(rand, frequent) : rest[restZipf.draw(rand)]!);
        out.push({ type, text: [...words].join(' '), words: [...words], phrase: false, prefix: false });
      }
    }
  }
  return shuffle(rand, out);
}

/** What is typed into the search field while suggestions show: 2–6 letters of a word, sometimes after a word. */
export function makePrefixes(vocab: Vocabulary, n: number, seed = DEFAULT_SEED): string[] {
  const rand = prng(seed ^ 0x2545f491);
  const content = vocab.words.filter((w) => !isStop(w) && /^\p{L}{3,}$/u.test(w)).map((w) => w.toLowerCase());
  const zipf = new Zipf(content.length, 0.9);
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const word = content[zipf.draw(rand)]!;
    const prefix = word.slice(0, Math.min(word.length, int(rand, 2, 6)));
    out.push(rand() < 0.2 ? `${content[zipf.draw(rand)]!} ${prefix}` : prefix);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** A plain snippet for the baselines: ~200 characters around the first occurrence, marked. */
export function plainSnippet(text: string, needle: string): string {
  const at = text.toLowerCase().indexOf(needle.toLowerCase());
  if (at === -1) return text.slice(0, 200);
  const from = Math.max(0, at - 80);
  const to = Math.min(text.length, at + needle.length + 120);
  return (
    (from > 0 ? '…' : '') +
    text.slice(from, at) +
    '<mark>' +
    text.slice(at, at + needle.length) +
    '</mark>' +
    text.slice(at + needle.length, to) +
    (to < text.length ? '…' : '')
  );
}
