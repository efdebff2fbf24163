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
const DIGITS = /^\p{N}+$/u;
const HAS_DIGIT = /\p{N}/u;
const PLAIN = /^[a-z0-9]*$/;

const STOP_WORDS: ReadonlySet<string> = new Set(nld.map((w) => fold(w)));

/** Lower case, NFKC (so ĳ becomes ij), then accents stripped: `Creëren` → `creeren`, `persé` → `perse`. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Most Dutch words are plain ASCII: nothing to normalise.
  if (PLAIN.test(lower)) return lower;
  return word.normalize('NFKC').toLowerCase().normalize('NFKD').replace(MARKS, '').normalize('NFC');
}

const stemCache = new Map<string, string>();

/**
 * Plurals Snowball leaves alone because their ending follows a vowel: `-s` after an unstressed `-e`
 * or `-ie` (gemeentes, opgaves, colleges, functies, subsidies, procedures, kaartjes) and `-en` after
 * `-ie`/`-ee` (strategieën, ideeën; folded: strategieen). They are reduced to the singular first, so
 * `gemeentes` meets `gemeente`/`gemeenten` and `functies` meets `functie`. Consonants before `-es`
 * that also end singulars (proces, adres, les, mes, aalbes) are left out.
 */
const VOWEL_PLURAL_EN = /(?:ie|ee)en$/u;
const VOWEL_PLURAL_S = /(?:ie|[dgjnpstvz]e|ure)s$/u;

function singular(folded: string): string {
  if (folded.length >= 6 && VOWEL_PLURAL_EN.test(folded)) return folded.slice(0, -2);
  if (folded.length >= 5 && VOWEL_PLURAL_S.test(folded)) return folded.slice(0, -1);
  return folded;
}

/**
 * Dutch spelling changes the last consonant of a stem when an ending follows: it is doubled after a
 * short vowel (plan/plannen, stem/stemmen, proces/processen) and voiced (brief/brieven,
 * bedrijf/bedrijven, huis/huizen, prijs/prijzen). Snowball undoes only kk/dd/tt; this undoes the
 * rest, so the stem of the inflected form is the stem of the base form.
 */
function baseConsonant(s: string): string {
  if (s.length >= 4 && /([bcdfghjklmnpqrstvwxz])\1$/u.test(s)) s = s.slice(0, -1);
  if (s.length >= 3 && s.endsWith('v')) return `${s.slice(0, -1)}f`;
  if (s.length >= 3 && s.endsWith('z')) return `${s.slice(0, -1)}s`;
  return s;
}

/** Stop words and their Snowball stems: no content word may stem to one of these. */
const STOP_STEMS: ReadonlySet<string> = new Set([...STOP_WORDS, ...[...STOP_WORDS].map((w) => stemmer(w) || w)]);

/**
 * The Snowball (Dutch) stem of a folded word, with the rules above. Numbers and very short words are
 * kept as they are. Two more rules:
 * - a stem does not end in a consonant + `s`: Snowball takes the `-s` of `arts`, `kans`, `grens` for a
 *   plural but keeps it in `artsen`, `kansen`, `grenzen`; it goes in both;
 * - a content word never stems to a function word: Snowball strips `-heid` from `overheid` and
 *   `-s` from `mens` and `kans`, leaving `over`, `men`, `kan`. Such a word keeps the longer form
 *   (`overheden` → overheid, `mensen` → mens), so `overheid` does not match every `over`.
 */
export function stem(folded: string): string {
  if (folded.length < 3 || DIGITS.test(folded)) return folded;
  let s = stemCache.get(folded);
  if (s === undefined) {
    const base = singular(folded);
    const snowball = baseConsonant(stemmer(base) || base);
    const noS = snowball.length >= 4 && /[^aeiouj]s$/u.test(snowball) ? snowball.slice(0, -1) : snowball;
    if (STOP_WORDS.has(folded) || !STOP_STEMS.has(noS)) s = noS;
    else if (!STOP_STEMS.has(snowball)) s = snowball;
    else s = base.endsWith('heden') ? `${base.slice(0, -5)}heid` : base;
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
 * The root for the derivation fallback, matched as a prefix of stems:
 * - the stem without a derivational suffix (`solidair` → solid-, `democratie` → democrat-), when at
 *   least 5 letters remain, or 4 after a suffix of 3 letters or more (`visueel` → visu-); shorter
 *   roots match unrelated words (verhaal → verh- would find verhouden, partij → part- participatie);
 * - `-iel` gives `-i` (`mobiel` → mobi-, mobiliteit);
 * - else a long stem (7 letters or more) cut to three quarters of its length (`cultuur`…);
 * - else the stem itself, as a prefix (`loyaal` → loyal-, loyaliteit; `regio` → regio-, regionaal).
 * Null when the word is too short for a useful root.
 */
export function derivationRoot(stemmed: string): string | null {
  if (stemmed.length < 5 || HAS_DIGIT.test(stemmed)) return null;
  if (stemmed.endsWith('iel') && stemmed.length >= 6) return stemmed.slice(0, -2);
  for (const suffix of DERIVATIONAL_SUFFIXES) {
    if (!stemmed.endsWith(suffix)) continue;
    const rest = stemmed.length - suffix.length;
    if (rest >= 5 || (rest >= 4 && suffix.length >= 3)) return stemmed.slice(0, rest);
  }
  if (stemmed.length >= 7) return stemmed.slice(0, Math.ceil(stemmed.length * 0.75));
  return stemmed;
}
