/**
 * Re-anchoring with the old and the new text of a corrected letter (electron/core/anchoring/
 * reanchor.ts), one hand-written case per rule, mostly on the real strategy letter.
 *
 * Decision on "anchored" vs "moved": `anchored` ("ongewijzigd") when the quote and its 32-character
 * prefix and suffix are identical and its paragraph was not reordered, even if offsets shifted
 * (a paragraph inserted before it); `moved` ("verplaatst") when the words are provably the same
 * passage but its paragraph moved (reordered sections) or the context next to it changed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchor, quoteAt } from '../../electron/core/anchoring/anchor';
import {
  createReanchorer,
  diffBlocks,
  diffWords,
  type ReanchorInput,
  type ReanchorState,
} from '../../electron/core/anchoring/reanchor';
import { parseLetter } from '../../electron/core/letters/parse';
import { documentText } from '../../electron/shared/text';

const LETTER = documentText(parseLetter(readFileSync('/work/shared/content/000_94a9885ef223c3f3.txt'), 'x.txt')).text;
const BLOCKS = LETTER.split('\n\n');

/** An annotation on the `occurrence`-th occurrence of `phrase` in `text`. */
function annotate(text: string, phrase: string, occurrence = 0, state?: ReanchorState): ReanchorInput {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`not in the text: ${phrase} #${occurrence}`);
  }
  return { quote: quoteAt(text, at, at + phrase.length), position: { start: at, end: at + phrase.length }, state };
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not once in the text: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Replaces only the first occurrence (the letter repeats its list of decisions at the end). */
function replaceFirst(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in the text: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const AUTO: ReanchorState[] = ['anchored', 'moved'];

describe('createReanchorer', () => {
  it('identical texts: every annotation is anchored at the same offsets', () => {
    const re = createReanchorer(LETTER, LETTER);
    for (const phrase of ['Gemeenten 2024', 'verenigingsstrategie', 'de', 'GGU. Deze verkenning']) {
      const a = annotate(LETTER, phrase, 0);
      expect(re(a)).toEqual({ state: 'anchored', start: a.position.start, end: a.position.end });
    }
  });

  it('a typo fixed inside the quote: changed, covering the corrected words', () => {
    // The paragraph occurs twice in the letter (the decisions are repeated at the end); only the
    // annotated first one is corrected.
    const phrase = 'verdelingsvraagstukken en regio-specifieke aangelegenheden';
    const a = annotate(LETTER, phrase);
    const fixed = replaceFirst(LETTER, 'regio-specifieke', 'regiospecifieke');
    const r = createReanchorer(LETTER, fixed)(a);
    expect(r.state).toBe('changed');
    expect(fixed.slice(r.start, r.end)).toBe('verdelingsvraagstukken en regiospecifieke aangelegenheden');
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.score).toBeLessThan(1);
  });

  it('a typo fixed elsewhere (far away): anchored, same words at the shifted offset', () => {
    const a = annotate(LETTER, 'De vereniging is het platform waarmee het lokaal bestuur');
    const fixed = replaceOnce(LETTER, 'gefragmenteerd', 'gefragmenteerd'.replace('ee', 'e')); // a paragraph earlier
    const r = createReanchorer(LETTER, fixed)(a);
    expect(r.state).toBe('anchored');
    expect(r.start).toBe(a.position.start - 1);
    expect(fixed.slice(r.start, r.end)).toBe(a.quote.exact);
  });

  it('a typo fixed right next to the quote (inside its context): moved, same words', () => {
    const a = annotate(LETTER, 'De vereniging is het platform waarmee het lokaal bestuur');
    const fixed = replaceOnce(LETTER, 'worden overbrugd.', 'worden overbrugd!');
    const r = createReanchorer(LETTER, fixed)(a);
    expect(r.state).toBe('moved');
    expect(fixed.slice(r.start, r.end)).toBe(a.quote.exact);
  });

  it('a paragraph inserted before: anchored (same words, same context) at the shifted place', () => {
    const a = annotate(LETTER, 'De politiek raakt, zowel landelijk als lokaal');
    const inserted = 'Deze alinea is toegevoegd door de griffie.\n\n';
    const at = LETTER.indexOf('Aanleiding');
    const changed = LETTER.slice(0, at) + inserted + LETTER.slice(at);
    const r = createReanchorer(LETTER, changed)(a);
    expect(r).toEqual({
      state: 'anchored',
      start: a.position.start + inserted.length,
      end: a.position.end + inserted.length,
    });
  });

  it('a quote spanning two paragraphs survives an insertion before it', () => {
    const a = annotate(LETTER, 'de VNG-Kadernota 2020.\n\nGeacht college');
    const changed = replaceOnce(LETTER, 'Samenvatting\n\n', 'Samenvatting\n\nNieuw.\n\n');
    const r = createReanchorer(LETTER, changed)(a);
    expect(r.state).toBe('anchored');
    expect(changed.slice(r.start, r.end)).toBe(a.quote.exact);
  });

  it('a deleted paragraph: orphan at the clamped old position, never auto-accepted', () => {
    const paragraph = BLOCKS.find((b) => b.startsWith('Nu de uitvoering van steeds meer taken'))!;
    const a = annotate(LETTER, 'de rollen van de verschillende overheidslagen');
    const without = replaceOnce(LETTER, paragraph + '\n\n', '');
    const r = createReanchorer(LETTER, without)(a);
    expect(r).toEqual({ state: 'orphan', start: a.position.start, end: a.position.start });
    // The same at the very end of a shorter text: the position is clamped.
    const tail = annotate(LETTER, BLOCKS[BLOCKS.length - 1]!);
    const cut = LETTER.slice(0, LETTER.length - BLOCKS[BLOCKS.length - 1]!.length - 2);
    expect(createReanchorer(LETTER, cut)(tail)).toEqual({ state: 'orphan', start: cut.length, end: cut.length });
  });

  it('reordered sections: the passage in the section that moved is moved, at its new place', () => {
    const s1 = [
      'Eerste sectie',
      'Het college stelt voor de begroting te wijzigen.',
      'De raad besluit daarover in juni.',
    ];
    const s2 = [
      'Tweede sectie',
      'Over de jeugdzorg is veel gezegd in de commissie.',
      'De wethouder komt met een notitie.',
    ];
    const s3 = ['Derde sectie', 'Tot slot het onderwerp afvalinzameling.', 'De kosten stijgen met vijf procent.'];
    const oldText = ['Brief', ...s1, ...s2, ...s3].join('\n\n');
    const newText = ['Brief', ...s2, ...s3, ...s1].join('\n\n');
    const re = createReanchorer(oldText, newText);
    const a = annotate(oldText, 'de begroting te wijzigen');
    const r = re(a);
    expect(r.state).toBe('moved');
    expect(r.start).toBe(newText.indexOf('de begroting te wijzigen'));
    // A short quote in the moved section is carried by the paragraph mapping, not by uniqueness.
    const short = annotate(oldText, 'juni');
    expect(re(short)).toMatchObject({ state: 'moved', start: newText.indexOf('juni') });
    // The sections that stayed in order keep their words; their context did not change.
    const b = annotate(oldText, 'veel gezegd in de commissie');
    expect(re(b)).toMatchObject({ state: 'anchored', start: newText.indexOf('veel gezegd in de commissie') });
  });

  it('a paragraph that moved and was edited elsewhere: the unchanged words in it are moved', () => {
    const p = 'De gemeente investeert dit jaar extra in het onderhoud van de wegen en fietspaden in de kernen.';
    const q = 'De raad wordt gevraagd in te stemmen met het voorstel van het college over de tarieven.';
    const r1 = 'Over de uitvoering wordt de raad elk kwartaal geïnformeerd door de portefeuillehouder.';
    const oldText = ['Titel', p, q, r1].join('\n\n');
    const newText = ['Titel', q, r1, p.replace('extra', 'fors extra')].join('\n\n');
    const r = createReanchorer(oldText, newText)(annotate(oldText, 'wegen'));
    expect(r).toMatchObject({ state: 'moved', start: newText.indexOf('wegen') });
  });

  it('a name that also appears elsewhere, changed at the annotated spot, does not jump to the other occurrence', () => {
    const oldText = [
      'Besluitenlijst',
      'Wethouder Jansen licht het voorstel over de verbouwing van het gemeentehuis toe.',
      'De raad stelt vragen over de kosten, de planning en de gevolgen voor de dienstverlening.',
      'Wethouder Jansen zegt toe de raad voor de zomer schriftelijk te informeren.',
    ].join('\n\n');
    const newText = oldText.replace('Wethouder Jansen licht', 'Wethouder De Vries licht');
    const other = newText.indexOf('Jansen');
    const re = createReanchorer(oldText, newText);
    for (const phrase of ['Jansen', 'Wethouder Jansen']) {
      const r = re(annotate(oldText, phrase, 0));
      expect(AUTO).not.toContain(r.state);
      expect(r.start).not.toBe(other);
      expect(r.start).not.toBe(other - 'Wethouder '.length);
    }
    // The second occurrence, untouched, stays anchored where it was.
    const second = annotate(oldText, 'Jansen', 1);
    expect(re(second)).toMatchObject({ state: 'anchored', start: other });
  });

  it('a short word deleted at the annotated spot and added elsewhere is not auto-accepted', () => {
    const oldText = ['Titel', 'Dit gaat via de GGU en de provincie samen.', 'Het college beslist daarna.'].join('\n\n');
    const newText = ['Titel', 'Dit gaat via de provincie samen.', 'Het college beslist daarna, met de GGU.'].join(
      '\n\n',
    );
    const r = createReanchorer(oldText, newText)(annotate(oldText, 'GGU'));
    expect(AUTO).not.toContain(r.state);
  });

  it('a longer quote unique in both texts is found even when its paragraph was rewritten around it', () => {
    const oldText = ['Titel', 'Inleiding van de brief.', 'Het college wil de regionale samenwerking versterken.'].join(
      '\n\n',
    );
    const newText = [
      'Titel',
      'Inleiding van de brief.',
      'Na overleg met de buurgemeenten wil het college, zoals eerder gemeld, de regionale samenwerking versterken in 2026.',
    ].join('\n\n');
    const r = createReanchorer(oldText, newText)(annotate(oldText, 'de regionale samenwerking versterken'));
    expect(r).toMatchObject({ state: 'moved', start: newText.indexOf('de regionale samenwerking versterken') });
  });

  it('a repeated paragraph deleted at the annotated spot: the remaining copy is not auto-accepted', () => {
    const paragraph = BLOCKS.find((b) => b.startsWith('We verkennen de wenselijkheid'))!;
    const a = annotate(LETTER, 'uitbreiding van onze gezamenlijke uitvoeringsactiviteiten', 0);
    const without = replaceFirst(LETTER, paragraph + '\n\n', '');
    const r = createReanchorer(LETTER, without)(a);
    expect(AUTO).not.toContain(r.state);
    expect(r.start).not.toBe(without.indexOf(a.quote.exact));
    // The copy at the end, untouched, is anchored (its context is unchanged).
    const b = annotate(LETTER, 'uitbreiding van onze gezamenlijke uitvoeringsactiviteiten', 1);
    expect(createReanchorer(LETTER, without)(b)).toMatchObject({
      state: 'anchored',
      start: without.indexOf(a.quote.exact),
    });
  });

  it('an orphan is found again when its quote reappears exactly once, and stays orphan otherwise', () => {
    const paragraph = BLOCKS.find((b) => b.startsWith('Nu de uitvoering van steeds meer taken'))!;
    const without = replaceOnce(LETTER, paragraph + '\n\n', '');
    const a = annotate(LETTER, 'de rollen van de verschillende overheidslagen');
    const lost = createReanchorer(LETTER, without)(a);
    expect(lost.state).toBe('orphan');
    const asOrphan: ReanchorInput = { ...a, position: { start: lost.start, end: lost.end }, state: 'orphan' };
    // The griffie puts the paragraph back.
    const back = createReanchorer(without, LETTER)(asOrphan);
    expect(back).toMatchObject({ state: 'anchored', start: a.position.start, end: a.position.end });
    // Still gone: stays an orphan.
    expect(createReanchorer(without, without.replace('Voorzitter', 'De voorzitter'))(asOrphan).state).toBe('orphan');
    // Back twice: ambiguous, not auto-accepted.
    const twice = LETTER + '\n\n' + paragraph;
    expect(AUTO).not.toContain(createReanchorer(without, twice)(asOrphan).state);
  });

  it('an annotation already "changed" stays changed at its mapped place when the letter changes elsewhere', () => {
    const phrase = 'verdelingsvraagstukken en regio-specifieke aangelegenheden';
    const a = annotate(LETTER, phrase);
    const v2 = replaceFirst(LETTER, 'regio-specifieke', 'regiospecifieke');
    const first = createReanchorer(LETTER, v2)(a);
    expect(first.state).toBe('changed');
    const flagged: ReanchorInput = { ...a, position: { start: first.start, end: first.end }, state: 'changed' };
    const v3 = replaceOnce(v2, 'Samenvatting\n\n', 'Samenvatting\n\nNieuwe alinea.\n\n');
    const second = createReanchorer(v2, v3)(flagged);
    expect(second.state).toBe('changed');
    expect(v3.slice(second.start, second.end)).toBe('verdelingsvraagstukken en regiospecifieke aangelegenheden');
    // Unchanged letter: nothing to confirm anew, but still not auto-accepted.
    expect(createReanchorer(v2, v2)(flagged)).toMatchObject({ state: 'changed', start: first.start, end: first.end });
    // Reverted by the griffie: the original words are back at the mapped place.
    const reverted = createReanchorer(v2, LETTER)(flagged);
    expect(AUTO).toContain(reverted.state);
    expect(reverted.start).toBe(a.position.start);
  });

  it('bad input never throws: empty quote, out-of-range and stale positions', () => {
    const re = createReanchorer(LETTER, LETTER + '\n\nExtra.');
    expect(re({ quote: { exact: '', prefix: '', suffix: '' }, position: { start: 5, end: 5 } })).toEqual({
      state: 'orphan',
      start: 5,
      end: 5,
    });
    const far = re({
      quote: { exact: 'nergens te vinden zin', prefix: '', suffix: '' },
      position: { start: 1e9, end: 2e9 },
    });
    expect(far.state).toBe('orphan');
    expect(far.start).toBeLessThanOrEqual(LETTER.length + 8);
    // A stale position with a quote that is unique in both texts: found by uniqueness.
    const a = annotate(LETTER, 'De vereniging is het platform waarmee het lokaal bestuur');
    const stale = re({ ...a, position: { start: 0, end: a.quote.exact.length } });
    expect(stale.start).toBe(a.position.start);
  });
});

describe('diffBlocks', () => {
  const cover = (ops: ReturnType<typeof diffBlocks>, nOld: number, nNew: number) => {
    const olds = ops.flatMap((o) => (o.oldIndex === undefined ? [] : [o.oldIndex])).sort((x, y) => x - y);
    const news = ops.flatMap((o) => (o.newIndex === undefined ? [] : [o.newIndex]));
    expect(olds).toEqual([...Array(nOld).keys()]);
    expect(news).toEqual([...Array(nNew).keys()]); // in new-text order
  };

  it('same, changed, added, removed and moved paragraphs, in new-text order', () => {
    const oldBlocks = ['Titel', 'Alinea een over de begroting.', 'Alinea twee over wonen.', 'Weg', 'Slot'];
    const newBlocks = ['Titel', 'Alinea een over de begroting 2025.', 'Nieuw', 'Slot', 'Alinea twee over wonen.'];
    const ops = diffBlocks(oldBlocks, newBlocks);
    expect(ops).toEqual([
      { op: 'same', oldIndex: 0, newIndex: 0 },
      { op: 'changed', oldIndex: 1, newIndex: 1 },
      { op: 'removed', oldIndex: 3 },
      { op: 'added', newIndex: 2 },
      { op: 'same', oldIndex: 4, newIndex: 3 },
      { op: 'moved', oldIndex: 2, newIndex: 4 },
    ]);
    cover(ops, oldBlocks.length, newBlocks.length);
  });

  it('the real letter with a paragraph removed and one reordered covers every index once', () => {
    const newBlocks = [...BLOCKS];
    newBlocks.splice(10, 1);
    const [moved] = newBlocks.splice(3, 1);
    newBlocks.push(moved!);
    const ops = diffBlocks(BLOCKS, newBlocks);
    cover(ops, BLOCKS.length, newBlocks.length);
    expect(ops.filter((o) => o.op === 'moved')).toHaveLength(1);
    expect(ops.filter((o) => o.op === 'removed')).toEqual([{ op: 'removed', oldIndex: 10 }]);
  });
});

describe('diffWords', () => {
  it('word-level ops, marked on word boundaries, that rebuild both texts', () => {
    const ops = diffWords('De raad stemt in met het voorstel.', 'De raad stemt niet in met het gewijzigde voorstel.');
    expect(ops).toEqual([
      { op: 'same', text: 'De raad stemt ' },
      { op: 'added', text: 'niet ' },
      { op: 'same', text: 'in met het ' },
      { op: 'added', text: 'gewijzigde ' },
      { op: 'same', text: 'voorstel.' },
    ]);
  });
});

describe('anchor (new text only)', () => {
  it('a quote that occurs twice without context agreement is not auto-accepted', () => {
    const text = 'Eerste zin over de begroting. Daarna iets anders. En nogmaals de begroting hier.';
    const r = anchor(text, {
      quote: { exact: 'de begroting', prefix: 'geheel andere woorden ervoor ', suffix: ' en erna ook' },
      position: { start: 0, end: 12 },
    });
    expect(r.state).toBe('changed');
    const unique = anchor(text, {
      quote: { exact: 'Daarna iets anders', prefix: 'xx', suffix: 'yy' },
      position: { start: 0, end: 0 },
    });
    expect(unique.state).toBe('moved');
  });
});
