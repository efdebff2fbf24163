/**
 * Dutch text analysis shared by indexing, querying, snippets and in-letter find:
 * Unicode normalisation, accent folding, tokens with their offsets, stop words and Snowball stems.
 * Index and query go through the same functions, so they always agree.
 */
import { stemmer } from '@orama/stemmers/dutch';
import { nld } from 'stopword';

export interface Token {
  /** Folded form: lower case, NFKC (ĳ → ij), accents removed. */
  folded: string;
  /** Snowball stem of the folded form (digits stay as they are). */
  stem: string;
  /** UTF-16 offsets in the original text, end exclusive. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

const STOP_WORDS: ReadonlySet<string> = new Set(nld.map((w) => fold(w)));

/** Lower case, NFKC (so ĳ becomes ij), then accents stripped: `Creëren` → `creeren`, `persé` → `perse`. */
export function fold(word: string): string {
  return word.normalize('NFKC').toLowerCase().normalize('NFKD').replace(MARKS, '').normalize('NFC');
}

const stemCache = new Map<string, string>();

/** The Snowball (Dutch) stem of a folded word. Numbers and very short words are kept as they are. */
export function stem(folded: string): string {
  if (folded.length < 3 || /^\p{N}+$/u.test(folded)) return folded;
  let s = stemCache.get(folded);
  if (s === undefined) {
    s = stemmer(folded);
    if (!s) s = folded;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(folded, s);
  }
  return s;
}

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/** Every word of a text with its offsets, folded form and stem. Stop words are kept (phrases need them). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    // Words are cut at 64 characters: longer runs are hashes or garbage, not Dutch.
    const raw = m[0].length > 64 ? m[0].slice(0, 64) : m[0];
    const folded = fold(raw);
    if (!folded) continue;
    out.push({ folded, stem: stem(folded), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Derivational suffixes of (mostly Latin-derived) Dutch words. Removing one gives the shared root of
 * `solidair`/`solidariteit`, `democratie`/`democratisch`, `financieel`/`financiën`. Used only as a
 * fallback when exact and stemmed matching find little; longest suffix first.
 */
const DERIVATIONAL_SUFFIXES = [
  'isatie',
  'iteit',
  'istisch',
  'isch',
  'isme',
  'atie',
  'teit',
  'ueel',
  'eel',
  'aal',
  'air',
  'iek',
  'ief',
  'ist',
  'eus',
  'eur',
  'ie',
  'ia',
  'al',
  'ij',
  'a',
  'e',
  'i',
  'o',
].sort((a, b) => b.length - a.length);

/**
 * The shortened stem for the derivation fallback: the stem without a derivational suffix, else the
 * stem cut to three quarters of its length; never shorter than 4 characters. Null when the word is
 * too short for a useful root.
 */
export function derivationRoot(stemmed: string): string | null {
  if (stemmed.length < 5 || /\p{N}/u.test(stemmed)) return null;
  for (const suffix of DERIVATIONAL_SUFFIXES) {
    if (stemmed.endsWith(suffix) && stemmed.length - suffix.length >= 4) return stemmed.slice(0, -suffix.length);
  }
  const cut = Math.max(5, Math.ceil(stemmed.length * 0.75));
  return cut < stemmed.length ? stemmed.slice(0, cut) : null;
}
