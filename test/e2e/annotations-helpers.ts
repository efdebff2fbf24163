/** Helpers for the annotation and position tests: real mouse selections, API calls, imports. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const LETTER = 'lbr-19-030';

export async function openLetter(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Gemeenten 2024' }).first().click();
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  await expect(page.locator('article[data-annotations-ready="true"]')).toBeVisible();
}

/**
 * Selects `text` inside the paragraph `paragraphId` (e.g. `p030`) with a real mouse drag: press at
 * the first character, move, release after the last one. `occurrence` picks a later match.
 */
export async function selectWithMouse(page: Page, paragraphId: string, text: string, occurrence = 0): Promise<void> {
  const block = page.locator(`[data-block-id="${paragraphId}"]`);
  await block.scrollIntoViewIfNeeded();
  const points = await block.evaluate(
    (el, { text, occurrence }) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
        acceptNode: (n) =>
          n.nodeType === Node.ELEMENT_NODE && (n as Element).hasAttribute('data-offset-skip')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (n.nodeType === Node.TEXT_NODE) nodes.push(n as Text);
      const all = nodes.map((n) => n.data).join('');
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = all.indexOf(text, at + 1);
      if (at < 0) throw new Error(`"${text}" not in ${el.getAttribute('data-block-id')}`);
      const locate = (offset: number, preferEnd: boolean): [Text, number] => {
        let count = 0;
        for (const n of nodes) {
          if (offset < count + n.length || (preferEnd && offset === count + n.length)) return [n, offset - count];
          count += n.length;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.length];
      };
      const charRect = (offset: number, preferEnd: boolean) => {
        const [node, i] = locate(offset, preferEnd);
        const r = document.createRange();
        r.setStart(node, preferEnd ? i - 1 : i);
        r.setEnd(node, preferEnd ? i : i + 1);
        const rects = [...r.getClientRects()].filter((x) => x.width > 0);
        return rects[rects.length - 1]!;
      };
      const a = charRect(at, false);
      const b = charRect(at + text.length, true);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    { text, occurrence },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
}

/** A call to the app's API from inside the page (the bridge, with the page's session). */
export async function api<T = unknown>(page: Page, method: string, args: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ method, args }) => {
      const r = await fetch(`api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(args),
      });
      return (await r.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { method, args },
  );
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** Canonical offsets of `text` in the letter (as the reader computes them), for API-made notes. */
export async function rangeOf(page: Page, paragraphId: string, text: string): Promise<{ start: number; end: number }> {
  const doc = await api<{ title: string; sections: unknown[] }>(page, 'documents.get', { id: LETTER });
  // documentText(): title, then section titles and paragraphs in reading order, joined by "\n\n".
  const parts: Array<{ id: string | null; text: string }> = [{ id: null, text: doc.title }];
  type S = { title: string | null; paragraphs: Array<{ id: string; text: string }>; sections: S[] };
  const walk = (sections: S[]) => {
    for (const s of sections) {
      if (s.title) parts.push({ id: null, text: s.title });
      for (const p of s.paragraphs) parts.push({ id: p.id, text: p.text });
      walk(s.sections);
    }
  };
  walk(doc.sections as S[]);
  let at = 0;
  for (const part of parts) {
    if (part.id === paragraphId) {
      const i = part.text.indexOf(text);
      if (i < 0) throw new Error(`"${text}" not in ${paragraphId}`);
      return { start: at + i, end: at + i + text.length };
    }
    at += part.text.length + 2;
  }
  throw new Error(`no paragraph ${paragraphId}`);
}

/** Imports W3C annotations (a colleague's) through the app's API. */
export async function importAnnotations(page: Page, items: unknown[]): Promise<void> {
  const json = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items });
  await api(page, 'notes.import', { fileName: 'pieter.jsonld', dataBase64: Buffer.from(json).toString('base64') });
}

export function webAnnotation(id: string, quote: string, note: string, creator = 'Pieter de Vries') {
  return {
    id: `urn:uuid:${id}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2019-05-20T10:00:00Z',
    modified: '2019-05-20T10:00:00Z',
    creator: { type: 'Person', name: creator },
    body: [
      { type: 'TextualBody', value: note, purpose: 'commenting' },
      { type: 'TextualBody', value: 'blauw', purpose: 'classifying' },
    ],
    target: {
      source: `urn:raadsmap:document:${LETTER}`,
      selector: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    },
  };
}
