/**
 * Properties of re-anchoring (electron/core/anchoring/reanchor.ts) over random letters, random
 * annotations and random corrections, on generated Dutch-like texts and on the real strategy letter
 * (which repeats its list of decisions, so it has duplicated paragraphs).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quoteAt } from '../../electron/core/anchoring/anchor';
import { createReanchorer, diffBlocks, diffWords, type ReanchorState } from '../../electron/core/anchoring/reanchor';
import { parseLetter } from '../../electron/core/letters/parse';
import { documentText } from '../../electron/shared/text';

const LETTER = documentText(parseLetter(readFileSync('/work/shared/content/000_94a9885ef223c3f3.txt'), 'x.txt')).text;

const VOCABULARY = (
  'de het een raad college wethouder gemeente brief besluit voorstel begroting jeugdzorg wonen ' +
  'energie klimaat inwoners regio provincie Rijk taken kosten uitvoering financiering samenwerking ' +
  'democratie vereniging opgaven toekomst verbinding duurzaamheid digitalisering en van in op met voor ' +
  'over is zijn wordt worden niet ook maar dat die deze als bij naar'
).split(' ');

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-zé]{2,12}$/) },
);
const sentence = fc
  .tuple(fc.array(word, { minLength: 2, maxLength: 14 }), fc.constantFrom('.', ';', ',', '?', ''))
  .map(([w, p]) => w.join(' ') + p);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));
const generated = fc.array(paragraph, { minLength: 1, maxLength: 10 }).map((p) => p.join('\n\n'));
const letterText = fc.oneof({ weight: 3, arbitrary: generated }, { weight: 1, arbitrary: fc.constant(LETTER) });

/** A text and an annotation [start, end) in it, snapped to word starts/ends half of the time. */
const annotated = letterText.chain((text) =>
  fc
    .tuple(fc.nat({ max: Math.max(0, text.length - 1) }), fc.integer({ min: 1, max: 120 }), fc.boolean())
    .map(([start, length, snapToWords]) => {
      let s = start;
      let e = Math.min(text.length, start + length);
      if (snapToWords) {
        while (s > 0 && /\p{L}/u.test(text[s - 1]!)) s--;
        while (e < text.length && /\p{L}/u.test(text[e]!)) e++;
      }
      return { text, start: s, end: Math.max(s + 1, e) };
    })
    .filter(({ text, end }) => end <= text.length),
);

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.constant(''),
    sentence.map((s) => ' ' + s),
    fc.constant('\n\n'),
    paragraph.map((p) => '\n\n' + p),
    fc.stringMatching(/^[a-z]{1,6}$/),
  ),
});

/** Applies non-overlapping edits given in old-text coordinates; returns the text and a position mapper. */
function applyEdits(text: string, edits: Array<{ at: number; remove: number; insert: string }>) {
  const sorted = [...edits].sort((x, y) => x.at - y.at);
  const kept: typeof sorted = [];
  let last = -1;
  for (const e of sorted) {
    if (e.at <= last) continue;
    kept.push(e);
    last = e.at + e.remove;
  }
  let out = text;
  for (const e of [...kept].reverse()) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  const shift = (p: number) =>
    kept.filter((e) => e.at + e.remove <= p).reduce((d, e) => d + e.insert.length - e.remove, 0);
  return { text: out, shift, count: kept.length };
}

const AUTO: ReanchorState[] = ['anchored', 'moved'];
const STATES: ReanchorState[] = ['anchored', 'moved', 'changed', 'orphan'];

describe('re-anchoring properties', () => {
  it('(a) an unchanged letter keeps every annotation anchored at the same offsets', () => {
    fc.assert(
      fc.property(annotated, ({ text, start, end }) => {
        const r = createReanchorer(
          text,
          text.slice(),
        )({
          quote: quoteAt(text, start, end),
          position: { start, end },
          state: 'anchored',
        });
        expect(r).toEqual({ state: 'anchored', start, end });
      }),
      { numRuns: 300 },
    );
  });

  it('(b) edits more than 32 characters away never move a quote: same words at the mapped offset', () => {
    fc.assert(
      fc.property(annotated, fc.array(edit, { minLength: 1, maxLength: 6 }), ({ text, start, end }, raw) => {
        // Place each edit in the text before the quote's prefix or after its suffix.
        const before = start - 32;
        const after = end + 32;
        const edits = raw.flatMap((e) => {
          const room = before + (text.length - after);
          if (room <= 0) return [];
          let at = Math.floor(e.at * room);
          if (at < before) return [{ at, remove: Math.min(e.remove, before - at), insert: e.insert }];
          at = after + (at - before);
          return [{ at, remove: Math.min(e.remove, text.length - at), insert: e.insert }];
        });
        const changed = applyEdits(text, edits);
        fc.pre(changed.count > 0 && changed.text !== text);
        const quote = quoteAt(text, start, end);
        const r = createReanchorer(text, changed.text)({ quote, position: { start, end }, state: 'anchored' });
        expect(AUTO).toContain(r.state);
        expect(r.start).toBe(start + changed.shift(start));
        expect(changed.text.slice(r.start, r.end)).toBe(quote.exact);
      }),
      { numRuns: 400 },
    );
  });

  it('(c) a quote whose words are gone from the new text is never anchored or moved', () => {
    fc.assert(
      fc.property(
        annotated,
        fc.array(edit, { maxLength: 4 }),
        fc.constantFrom('', ' ', 'x', 'nieuw'),
        fc.constantFrom(...STATES),
        ({ text, start, end }, raw, replacement, state) => {
          const quote = quoteAt(text, start, end);
          const edits = raw.map((e) => ({ at: Math.floor(e.at * text.length), remove: e.remove, insert: e.insert }));
          const newText = applyEdits(text, edits).text.split(quote.exact).join(replacement);
          fc.pre(!newText.includes(quote.exact));
          const r = createReanchorer(text, newText)({ quote, position: { start, end }, state });
          expect(AUTO).not.toContain(r.state);
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(newText.length);
          if (r.state === 'orphan') expect(r.end).toBe(r.start);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('any input (stale positions, odd states) gives a valid range, and auto-accepts only the exact words', () => {
    fc.assert(
      fc.property(
        annotated,
        fc.array(edit, { maxLength: 4 }),
        fc.integer({ min: -50, max: 20_000 }),
        fc.integer({ min: -50, max: 20_000 }),
        fc.option(fc.constantFrom(...STATES)),
        ({ text, start, end }, raw, s, e, state) => {
          const quote = quoteAt(text, start, end);
          const edits = raw.map((x) => ({ at: Math.floor(x.at * text.length), remove: x.remove, insert: x.insert }));
          const newText = applyEdits(text, edits).text;
          const r = createReanchorer(
            text,
            newText,
          )({ quote, position: { start: s, end: e }, state: state ?? undefined });
          expect(0 <= r.start && r.start <= r.end && r.end <= newText.length).toBe(true);
          if (AUTO.includes(r.state)) expect(newText.slice(r.start, r.end)).toBe(quote.exact);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('(d) diffWords rebuilds both texts (same+removed = old, same+added = new)', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), sentence, paragraph);
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ops = diffWords(a, b);
        expect(
          ops
            .filter((o) => o.op !== 'added')
            .map((o) => o.text)
            .join(''),
        ).toBe(a);
        expect(
          ops
            .filter((o) => o.op !== 'removed')
            .map((o) => o.text)
            .join(''),
        ).toBe(b);
        expect(ops.every((o) => o.text.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
    // Related texts (an edited paragraph) too, where the alignment actually matters.
    fc.assert(
      fc.property(paragraph, fc.array(edit, { maxLength: 5 }), (a, raw) => {
        const b = applyEdits(
          a,
          raw.map((e) => ({ at: Math.floor(e.at * a.length), remove: e.remove, insert: e.insert })),
        ).text;
        const ops = diffWords(a, b);
        expect(
          ops
            .filter((o) => o.op !== 'added')
            .map((o) => o.text)
            .join(''),
        ).toBe(a);
        expect(
          ops
            .filter((o) => o.op !== 'removed')
            .map((o) => o.text)
            .join(''),
        ).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('diffBlocks lists every old and every new paragraph exactly once, new ones in order', () => {
    fc.assert(
      fc.property(
        fc.array(paragraph, { maxLength: 8 }),
        fc.array(fc.nat({ max: 7 }), { maxLength: 6 }),
        (olds, picks) => {
          // New: some old paragraphs (possibly reordered or edited) and some new ones.
          const news = picks.map((k, n) =>
            k < olds.length ? (n % 3 === 2 ? olds[k]! + ' extra' : olds[k]!) : 'nieuw ' + k,
          );
          const ops = diffBlocks(olds, news);
          const oldIdx = ops.flatMap((o) => (o.oldIndex === undefined ? [] : [o.oldIndex])).sort((x, y) => x - y);
          const newIdx = ops.flatMap((o) => (o.newIndex === undefined ? [] : [o.newIndex]));
          expect(oldIdx).toEqual([...olds.keys()]);
          expect(newIdx).toEqual([...news.keys()]);
          for (const o of ops) {
            if (o.op === 'same' || o.op === 'moved') expect(olds[o.oldIndex!]).toBe(news[o.newIndex!]);
            if (o.op === 'changed') expect(olds[o.oldIndex!]).not.toBe(news[o.newIndex!]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
