/**
 * Shared helpers for the search tests (test/unit/search-*.test.ts): services on a temporary data
 * folder with the bundled letter, the fixture letters of test/fixtures/search/, and readers for hits
 * and snippets. Paragraphs are named by a fragment of their text, not by their id, so the tests say
 * what they expect in words and survive a renumbering by the letter parser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SearchHit, SearchResponse } from '../../electron/core/search/engine';
import { openServices, type Services } from '../../electron/core/services';
import type { LetterDocument, Paragraph, Section } from '../../electron/shared/model';
import { RESOURCES, ROOT } from '../helpers/tmp';

/** The bundled strategy letter "Gemeenten 2024". */
export const STRATEGY_ID = 'lbr-19-030';
export const STRATEGY_TEXT = readFileSync(join(RESOURCES, 'default-content', 'gemeenten-2024.txt'), 'utf8');

const FIXTURES = join(ROOT, 'test', 'fixtures', 'search');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** Services on a fresh data folder (the bundled letter is installed on open); `dispose` removes it all. */
export function openTempServices(): { services: Services; dispose: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'raadsmap-search-'));
  const services = openServices({ dataDir, resourcesDir: RESOURCES });
  return {
    services,
    dispose: () => {
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function allParagraphs(doc: LetterDocument): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      out.push(...s.paragraphs);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  return out;
}

export function allSections(doc: LetterDocument): Section[] {
  const out: Section[] = [];
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      out.push(s);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  return out;
}

/** The id of the first paragraph that contains `fragment` (fails the test when there is none). */
export function paragraphId(doc: LetterDocument, fragment: string): string {
  const p = allParagraphs(doc).find((x) => x.text.includes(fragment));
  expect(p, `a paragraph with "${fragment}" in ${doc.id}`).toBeDefined();
  return p!.id;
}

export function paragraphText(doc: LetterDocument, id: string): string {
  const p = allParagraphs(doc).find((x) => x.id === id);
  expect(p, `paragraph ${id} in ${doc.id}`).toBeDefined();
  return p!.text;
}

export function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The words a snippet marks, as written (unescaped). */
export function marks(snippet: string): string[] {
  return [...snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => unescapeHtml(m[1]!));
}

export function allMarks(response: SearchResponse): string[] {
  return response.hits.flatMap((h) => marks(h.snippet));
}

export function hitFor(response: SearchResponse, paragraph: string): SearchHit | undefined {
  return response.hits.find((h) => h.paragraphId === paragraph);
}

/**
 * What every response must satisfy, whatever was asked. With `facets` (the request asked for the
 * per-letter counts) the counts add up to the total and name every letter that has a hit.
 */
export function expectValidResponse(response: SearchResponse, limit: number, facets = true): void {
  expect(Number.isInteger(response.total) && response.total >= 0).toBe(true);
  expect(response.hits.length).toBeLessThanOrEqual(limit);
  expect(response.hits.length).toBeLessThanOrEqual(response.total);
  expect(['normal', 'derivation']).toContain(response.mode);
  if (facets) {
    const facetSum = response.documents.reduce((n, d) => n + d.count, 0);
    expect(facetSum).toBe(response.total);
    for (const d of response.documents) expect(d.count).toBeGreaterThan(0);
    for (const hit of response.hits) expect(response.documents.some((d) => d.documentId === hit.documentId)).toBe(true);
  } else {
    expect(response.documents).toEqual([]);
  }
  for (let i = 1; i < response.hits.length; i++) {
    expect(response.hits[i]!.score).toBeLessThanOrEqual(response.hits[i - 1]!.score);
  }
  for (const hit of response.hits) {
    expect(['text', 'heading', 'decision', 'note']).toContain(hit.kind);
    expect(Number.isFinite(hit.score)).toBe(true);
    expect(typeof hit.snippet).toBe('string');
    // Only <mark> tags: every other < and > of the text is escaped.
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  }
  if (response.total === 0) expect(response.hits).toEqual([]);
  if (response.message) {
    expect(response.message.nl.length).toBeGreaterThan(0);
    expect(response.message.en.length).toBeGreaterThan(0);
    expect(response.total).toBe(0);
  }
}
