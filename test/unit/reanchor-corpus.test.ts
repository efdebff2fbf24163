/**
 * The labelled re-anchoring corpus (test/fixtures/reanchor-corpus): letter pairs v1 → v2 with the
 * corrections a griffie or the VNG really makes, and annotations on v1 whose correct outcome was set
 * by hand from the edits. The product requirement: ≥ 98 % re-anchored correctly, none silently
 * wrong (auto-accepted while the passage changed or went, or auto-accepted at the wrong place),
 * and every orphan collapsed to a point (it keeps its quote in storage).
 *
 * Passages are located in the canonical text (the parser's output through `documentText`), never
 * in the raw file: a passage that cannot be found there is a broken fixture and fails loudly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quoteAt } from '../../electron/core/anchoring/anchor';
import { createReanchorer, type ReanchorResult, type ReanchorState } from '../../electron/core/anchoring/reanchor';
import { parseLetter } from '../../electron/core/letters/parse';
import { documentText } from '../../electron/shared/text';

const CORPUS = fileURLToPath(new URL('../fixtures/reanchor-corpus/', import.meta.url));
type Outcome = 'kept' | 'review' | 'orphan';
const OUTCOMES: readonly Outcome[] = ['kept', 'review', 'orphan'];
const STATES: readonly ReanchorState[] = ['anchored', 'moved', 'changed', 'orphan'];

/** The edit kinds an annotation can be exposed to (`untouched`: none near it). */
const KINDS = [
  'untouched',
  'shifted',
  'typo',
  'reworded',
  'deleted',
  'reordered',
  'name-changed',
  'decision-changed',
  'amount-date',
  'split-merge',
  'numbering',
  'whitespace-punct',
  'cross-paragraph',
] as const;
type Kind = (typeof KINDS)[number];

interface Manifest {
  title: string;
  v1: string;
  v2: string;
  edits: Array<{ kind: string; description: string }>;
}

interface AnnotationSpec {
  id: string;
  kind: Kind;
  /** The annotated passage in canonical v1. */
  text: string;
  /** Which occurrence (0-based), when the passage occurs more than once. */
  occ?: number;
  /** Or: a longer, unique stretch of canonical v1 that holds the passage (its first occurrence there). */
  in?: string;
  expect: Outcome;
  /** Other outcomes that are also right (e.g. a one-word quote whose word changed: review or orphan). */
  alsoOk?: Outcome[];
  /** For kept: the state we expect, informational only (anchored and moved grade the same). */
  state?: 'anchored' | 'moved';
  /** For kept/review: the passage in canonical v2 (default: `text`), with `v2occ` / `v2in` as above. */
  v2?: string;
  v2occ?: number;
  v2in?: string;
  note?: string;
}

interface Range {
  start: number;
  end: number;
}

interface Case {
  pair: string;
  spec: AnnotationSpec;
  v1: Range;
  /** Where the passage should be in v2 (absent only for a pure orphan). */
  v2: Range | null;
}

interface Pair {
  name: string;
  manifest: Manifest;
  oldText: string;
  newText: string;
  cases: Case[];
}

function canonical(path: string): string {
  return documentText(parseLetter(readFileSync(path), basename(path))).text;
}

function occurrences(text: string, passage: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(passage); i !== -1; i = text.indexOf(passage, i + 1)) at.push(i);
  return at;
}

/** Where a passage is, or a message saying why the fixture is wrong. */
function locate(text: string, passage: string, occ: number | undefined, within: string | undefined): Range | string {
  if (!passage) return 'empty passage';
  if (within !== undefined) {
    const outer = occurrences(text, within);
    if (outer.length !== 1) return `its "in" context occurs ${outer.length}× (must be exactly once): ${show(within)}`;
    const inner = within.indexOf(passage);
    if (inner === -1) return `the passage is not inside its "in" context ${show(within)}`;
    return { start: outer[0]! + inner, end: outer[0]! + inner + passage.length };
  }
  const all = occurrences(text, passage);
  if (all.length === 0) return 'not found';
  if (occ === undefined && all.length > 1) return `occurs ${all.length}×: give "occ" or "in"`;
  const start = all[occ ?? 0];
  if (start === undefined) return `occurrence ${occ} asked, but it occurs ${all.length}×`;
  return { start, end: start + passage.length };
}

function show(s: string, max = 90): string {
  const flat = JSON.stringify(s);
  return flat.length > max ? `${flat.slice(0, max - 4)}…"` : flat;
}

function loadCorpus(): { pairs: Pair[]; problems: string[] } {
  const problems: string[] = [];
  const pairs: Pair[] = [];
  const names = readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const name of names) {
    const dir = join(CORPUS, name);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const specs = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8')) as AnnotationSpec[];
    const oldText = canonical(join(dir, manifest.v1));
    const newText = canonical(join(dir, manifest.v2));
    const cases: Case[] = [];
    const ids = new Set<string>();
    for (const spec of specs) {
      const where = `${name}/${spec.id}`;
      if (ids.has(spec.id)) problems.push(`${where}: duplicate id`);
      ids.add(spec.id);
      if (!OUTCOMES.includes(spec.expect)) problems.push(`${where}: unknown expect ${show(String(spec.expect))}`);
      for (const o of spec.alsoOk ?? []) if (!OUTCOMES.includes(o)) problems.push(`${where}: unknown alsoOk ${o}`);
      if (!KINDS.includes(spec.kind)) problems.push(`${where}: unknown kind ${show(String(spec.kind))}`);
      const v1 = locate(oldText, spec.text, spec.occ, spec.in);
      if (typeof v1 === 'string') {
        problems.push(`${where}: v1 passage ${show(spec.text)} ${v1} in the canonical v1 text`);
        continue;
      }
      const accepted = [spec.expect, ...(spec.alsoOk ?? [])];
      const needsV2 = accepted.includes('kept') || accepted.includes('review');
      if (spec.expect === 'review' && spec.v2 === undefined)
        problems.push(`${where}: a review expectation needs the reworded v2 passage ("v2")`);
      let v2: Range | null = null;
      if (needsV2) {
        const passage = spec.v2 ?? spec.text;
        const found = locate(newText, passage, spec.v2occ, spec.v2in);
        if (typeof found === 'string') {
          problems.push(`${where}: v2 passage ${show(passage)} ${found} in the canonical v2 text`);
          continue;
        }
        v2 = found;
      }
      cases.push({ pair: name, spec, v1, v2 });
    }
    pairs.push({ name, manifest, oldText, newText, cases });
  }
  return { pairs, problems };
}

const { pairs, problems } = loadCorpus();
const allCases = pairs.flatMap((p) => p.cases);

function category(state: ReanchorState): Outcome {
  return state === 'anchored' || state === 'moved' ? 'kept' : state === 'changed' ? 'review' : 'orphan';
}

const SOFT = /[\s\p{P}]/u;
/** A range without surrounding whitespace and punctuation (the tolerance for "kept"). */
function trimmed(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && SOFT.test(text[start]!)) start++;
  while (end > start && SOFT.test(text[end - 1]!)) end--;
  return { start, end };
}
function sameRange(text: string, a: Range, b: Range): boolean {
  const ta = trimmed(text, a);
  const tb = trimmed(text, b);
  return ta.start === tb.start && ta.end === tb.end;
}
function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end) return a.start >= b.start && a.start <= b.end;
  return a.start < b.end && a.end > b.start;
}

interface Graded {
  c: Case;
  got: ReanchorResult;
  correct: boolean;
  silentlyWrong: boolean;
  why: string;
}

function grade(c: Case, got: ReanchorResult, newText: string): Graded {
  const accepted = [c.spec.expect, ...(c.spec.alsoOk ?? [])];
  const cat = category(got.state);
  const r = { start: got.start, end: got.end };
  let correct = false;
  let silentlyWrong = false;
  let why = '';
  if (!accepted.includes(cat)) {
    why = `category ${cat}, expected ${accepted.join(' or ')}`;
    silentlyWrong = cat === 'kept';
  } else if (cat === 'kept') {
    correct = sameRange(newText, r, c.v2!);
    silentlyWrong = !correct;
    if (!correct) why = 'kept at another range';
  } else if (cat === 'review') {
    correct = overlaps(r, c.v2!);
    if (!correct) why = 'changed, but not overlapping the expected passage';
  } else correct = true;
  return { c, got, correct, silentlyWrong, why };
}

function describeFailure(g: Graded, newText: string): string {
  const { spec } = g.c;
  const expected = [spec.expect, ...(spec.alsoOk ?? [])].join('|');
  const at = g.c.v2 ? ` at ${g.c.v2.start}-${g.c.v2.end}` : '';
  const got = `${g.got.state} ${g.got.start}-${g.got.end} ${show(newText.slice(g.got.start, g.got.end), 70)}`;
  return `${g.c.pair}/${spec.id} [${spec.kind}] ${show(spec.text, 70)}: expected ${expected}${at}, got ${got} — ${g.why}`;
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const lines = [header, header.map(() => '---'), ...rows.map((r) => r.map(String))];
  return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}

describe('re-anchoring corpus: the fixtures themselves', () => {
  it('every pair has its files, a manifest with edits, and parses', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    for (const p of pairs) {
      expect(p.manifest.edits.length, p.name).toBeGreaterThan(0);
      expect(p.oldText, p.name).not.toBe(p.newText);
    }
  });

  it('every annotation passage is found in the canonical v1 (and v2) text, unambiguously', () => {
    expect(problems, `broken fixtures:\n${problems.join('\n')}`).toEqual([]);
  });

  it('is big and varied enough', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(400);
    const byOutcome = new Map<Outcome, number>();
    const byKind = new Map<string, number>();
    for (const c of allCases) {
      byOutcome.set(c.spec.expect, (byOutcome.get(c.spec.expect) ?? 0) + 1);
      byKind.set(c.spec.kind, (byKind.get(c.spec.kind) ?? 0) + 1);
    }
    console.log(
      `Corpus: ${pairs.length} pairs, ${allCases.length} annotations\n` +
        table(
          ['pair', 'annotations', 'kept', 'review', 'orphan'],
          pairs.map((p) => [
            p.name,
            p.cases.length,
            ...OUTCOMES.map((o) => p.cases.filter((c) => c.spec.expect === o).length),
          ]),
        ) +
        '\n\n' +
        table(
          ['edit kind', 'annotations'],
          [...byKind].sort((a, b) => b[1] - a[1]),
        ),
    );
    for (const o of OUTCOMES) expect(byOutcome.get(o) ?? 0, o).toBeGreaterThanOrEqual(40);
    for (const k of KINDS) expect(byKind.get(k) ?? 0, k).toBeGreaterThanOrEqual(5);
  });

  it('a kept passage reads the same in v2, up to whitespace and punctuation', () => {
    const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';
    const bad = allCases
      .filter((c) => c.spec.expect === 'kept' && c.v2)
      .filter((c) => {
        const p = pairs.find((x) => x.name === c.pair)!;
        return words(p.oldText.slice(c.v1.start, c.v1.end)) !== words(p.newText.slice(c.v2!.start, c.v2!.end));
      })
      .map((c) => `${c.pair}/${c.spec.id}`);
    expect(bad).toEqual([]);
  });
});

describe('re-anchoring corpus: createReanchorer', () => {
  it('re-anchors ≥ 98 % correctly, none silently wrong, orphans collapsed', () => {
    const graded: Graded[] = [];
    const orphanNotCollapsed: string[] = [];
    const stateMismatch: string[] = [];
    for (const p of pairs) {
      const reanchor = createReanchorer(p.oldText, p.newText);
      for (const c of p.cases) {
        const quote = quoteAt(p.oldText, c.v1.start, c.v1.end);
        const got = reanchor({ quote, position: { start: c.v1.start, end: c.v1.end }, state: 'anchored' });
        const g = grade(c, got, p.newText);
        graded.push(g);
        if (got.state === 'orphan' && got.start !== got.end)
          orphanNotCollapsed.push(`${p.name}/${c.spec.id}: ${got.start}-${got.end}`);
        if (g.correct && c.spec.state && category(got.state) === 'kept' && got.state !== c.spec.state)
          stateMismatch.push(`${p.name}/${c.spec.id}: ${got.state} (expected ${c.spec.state})`);
      }
    }

    const correct = graded.filter((g) => g.correct).length;
    const silent = graded.filter((g) => g.silentlyWrong);
    const wrong = graded.filter((g) => !g.correct);
    const rate = correct / graded.length;

    const kindRows = KINDS.map((k) => {
      const gs = graded.filter((g) => g.c.spec.kind === k);
      return [
        k,
        gs.length,
        gs.filter((g) => g.correct).length,
        gs.filter((g) => g.silentlyWrong).length,
        ...STATES.map((s) => gs.filter((g) => g.got.state === s).length),
      ];
    });
    const outcomeRows = OUTCOMES.map((o) => {
      const gs = graded.filter((g) => g.c.spec.expect === o);
      return [
        o,
        gs.length,
        gs.filter((g) => g.correct).length,
        ...STATES.map((s) => gs.filter((g) => g.got.state === s).length),
      ];
    });
    console.log(
      `Re-anchoring: ${correct}/${graded.length} correct (${(rate * 100).toFixed(1)} %), ` +
        `${silent.length} silently wrong, ${orphanNotCollapsed.length} orphans not collapsed\n\n` +
        table(['expected', 'n', 'correct', ...STATES], outcomeRows) +
        '\n\n' +
        table(['edit kind', 'n', 'correct', 'silently wrong', ...STATES], kindRows) +
        (stateMismatch.length
          ? `\n\nanchored/moved differs from the hint (not graded):\n${stateMismatch.join('\n')}`
          : '') +
        (wrong.length
          ? `\n\nIncorrect:\n${wrong.map((g) => describeFailure(g, pairsByName(g.c.pair).newText)).join('\n')}`
          : ''),
    );

    expect(
      silent.map((g) => describeFailure(g, pairsByName(g.c.pair).newText)),
      'silently wrong (auto-accepted, but the passage changed, went, or is elsewhere)',
    ).toEqual([]);
    expect(orphanNotCollapsed, 'orphans must have start == end').toEqual([]);
    expect(
      rate,
      `correct ${correct}/${graded.length}; incorrect:\n${wrong.map((g) => describeFailure(g, pairsByName(g.c.pair).newText)).join('\n')}`,
    ).toBeGreaterThanOrEqual(0.98);
  });
});

function pairsByName(name: string): Pair {
  return pairs.find((p) => p.name === name)!;
}
