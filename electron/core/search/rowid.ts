/**
 * The index's static order, encoded in each unit's FTS rowid:
 *
 *   rowid = tier · 2^44 + (2^24 − 1 − seq) · 2^20 + ord
 *
 * tier 0 holds titles, headings and decisions, tier 1 running text and notes; `seq` grows with every
 * document indexed, so newer letters come first; `ord` is the reading order inside the document.
 * FTS5 walks matches in rowid order, so for a very frequent word Raadsmap can rank only the first few
 * thousand matches in this order (the best-placed ones) instead of scoring all of them, and a letter
 * or section filter is a rowid range.
 */
export const TIER_SHIFT = 2 ** 44;
export const SEQ_SHIFT = 2 ** 20;
export const MAX_SEQ = 2 ** 24 - 1;
export const MAX_ORD = SEQ_SHIFT - 1;

export function encodeRowid(tier: 0 | 1, seq: number, ord: number): number {
  if (seq < 1 || seq > MAX_SEQ || ord < 0 || ord > MAX_ORD) throw new RangeError(`rowid out of range: ${seq}/${ord}`);
  return tier * TIER_SHIFT + (MAX_SEQ - seq) * SEQ_SHIFT + ord;
}

export function seqOf(rowid: number): number {
  return MAX_SEQ - Math.floor((rowid % TIER_SHIFT) / SEQ_SHIFT);
}

/** SQL for the sequence number of a rowid column. */
export const SEQ_SQL = (column: string) => `(${MAX_SEQ} - ((${column} % ${TIER_SHIFT}) / ${SEQ_SHIFT}))`;
/** SQL for the reading-order position of a rowid column. */
export const ORD_SQL = (column: string) => `(${column} % ${SEQ_SHIFT})`;
