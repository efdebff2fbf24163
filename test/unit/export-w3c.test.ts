/**
 * The W3C Web Annotation export judged by the W3C's own test suite: every exported annotation
 * must pass every assertion of `annotations/annotationMusts.test` (JSON Schema draft-04, with the
 * suite's `definitions/*.json`, run with the suite's own semantics — see export-w3c-suite.ts).
 * Then the file is imported back with `raadsmap notes import` into an empty profile: the same
 * annotations come back (the mapping is symmetric), and importing into the profile it came from
 * changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExport } from '../../electron/core/export';
import { parseWebAnnotations } from '../../electron/core/notes/w3c';
import { openServices, type Services } from '../../electron/core/services';
import type { Annotation } from '../../electron/shared/notes';
import { RESOURCES, ROOT, useTempDir } from '../helpers/tmp';
import { at, seedNotes } from './export-helpers';
import { failures, loadSuite, W3C_SUITE, type SuiteRunner } from './export-w3c-suite';

const tmp = useTempDir();
const BIN = join(ROOT, 'bin', 'raadsmap.cjs');
let musts: SuiteRunner;

beforeAll(() => {
  musts = loadSuite('annotations/annotationMusts.test');
});

async function exported(s: Services, include?: Parameters<typeof createExport>[1]['include']) {
  const file = await createExport(s, { format: 'w3c', now: at(60), ...(include ? { include } : {}) });
  return { file, json: JSON.parse(Buffer.from(file.bytes).toString('utf8')) as Record<string, unknown> };
}

const comparable = (a: Annotation) => ({
  id: a.id,
  documentId: a.documentId,
  note: a.note,
  tags: a.tags,
  color: a.color,
  quote: a.quote,
  position: a.anchor === 'orphan' ? null : a.position,
  anchor: a.anchor,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

describe('the W3C test suite (annotationMusts.test)', () => {
  it('is loaded whole, and rejects the suite’s own incorrect samples (the check is not vacuous)', () => {
    expect(musts.name).toMatch(/required keys/);
    expect(musts.assertionCount).toBe(54);
    const dir = join(W3C_SUITE, 'tools', 'samples', 'incorrect');
    let judged = 0;
    for (const file of readdirSync(dir)) {
      let sample: unknown;
      try {
        sample = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch {
        continue; // samples that are not JSON at all
      }
      judged++;
      expect(failures(musts.run(sample)).length, file).toBeGreaterThan(0);
    }
    expect(judged).toBeGreaterThanOrEqual(20);
    const correct = JSON.parse(readFileSync(join(W3C_SUITE, 'tools', 'samples', 'correct', 'anno1.json'), 'utf8'));
    expect(failures(musts.run(correct))).toEqual([]);
  });

  it('every exported annotation passes every MUST assertion', async () => {
    const s = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    try {
      seedNotes(s);
      for (const include of [undefined, ['annotations'] as const]) {
        const { file, json } = await exported(s, include ? [...include] : undefined);
        expect(file.fileName).toMatch(/^raadsmap-annotaties-\d{4}-\d{2}-\d{2}\.jsonld$/);
        expect(json).toMatchObject({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          type: 'AnnotationCollection',
          total: 5,
          first: { type: 'AnnotationPage', startIndex: 0 },
        });
        const items = (json.first as { items: Array<Record<string, unknown>> }).items;
        expect(items).toHaveLength(5);
        for (const item of items) {
          const results = musts.run(item);
          expect(results).toHaveLength(54);
          expect(failures(results), String(item.id)).toEqual([]);
          expect(results.every((r) => r.status === 'pass')).toBe(true);
          expect(item).toMatchObject({ type: 'Annotation', target: { source: 'urn:raadsmap:document:lbr-19-030' } });
          const selectors = (item.target as { selector: Array<{ type: string }> }).selector.map((x) => x.type);
          expect(selectors).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
        }
        // Tags as tagging bodies; without notes, no commenting body and motivation highlighting.
        const withTags = items.find((i) => JSON.stringify(i.body).includes('"tagging"'))!;
        expect(withTags.body).toEqual(
          expect.arrayContaining([expect.objectContaining({ type: 'TextualBody', purpose: 'tagging' })]),
        );
        if (include) {
          expect(items.every((i) => i.motivation === 'highlighting')).toBe(true);
          expect(JSON.stringify(items)).not.toContain('"commenting"');
        }
      }
    } finally {
      s.close();
    }
  });
});

describe('exported annotations import back (notes import)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('Run `npm run build` first (npm test does).');
  });

  it('into an empty profile: the same annotations, tags, colours, quotes and anchors', async () => {
    const source = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
    let expected: ReturnType<typeof comparable>[];
    const file = join(tmp(), 'annotaties.jsonld');
    try {
      seedNotes(source);
      expected = source.notes.listAnnotations().map(comparable);
      writeFileSync(file, (await exported(source)).file.bytes);
      // Importing into the profile it came from: every copy is as new as the local one.
      const again = source.notes.importAnnotations(
        parseWebAnnotations(readFileSync(file, 'utf8')).annotations,
        'annotaties.jsonld',
      );
      expect(again).toMatchObject({ added: 0, updated: 0, kept: 5 });
    } finally {
      source.close();
    }
    const data = join(tmp(), 'nieuw');
    const r = spawnSync(process.execPath, [BIN, 'notes', 'import', file, '--data', data, '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      added: 5,
      updated: 0,
      kept: 0,
      anchors: { anchored: 4, orphan: 1 },
      skipped: [],
    });
    const target = openServices({ dataDir: data, resourcesDir: RESOURCES });
    try {
      expect(target.notes.listAnnotations().map(comparable)).toEqual(expected!);
    } finally {
      target.close();
    }
  });
});
