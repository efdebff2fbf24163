/**
 * Exports opened in their real readers, from real notes written through the app's services:
 * Markdown (snapshot, and rendered by a CommonMark/GFM parser to prove user text stays text),
 * Word (.docx parsed back by mammoth: headings, the decision table, stances, literal text) and PDF
 * (text extracted by pdf.js: headings, stances, accents, no crash on any character). Also the
 * selection (letters, tags, parts), an export with no notes yet, and atomic writing.
 */
import MarkdownIt from 'markdown-it';
import mammoth from 'mammoth';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectExport } from '../../electron/core/export/collect';
import { createExport } from '../../electron/core/export';
import { escapeBlock, escapeInline } from '../../electron/core/export/markdown';
import { drawable } from '../../electron/core/export/pdf';
import { writeFileAtomic, type WriteFs } from '../../electron/core/export/write';
import { openServices, type Services } from '../../electron/core/services';
import { RESOURCES, useTempDir } from '../helpers/tmp';
import { at, DOC, HOSTILE, seedNotes } from './export-helpers';

const tmp = useTempDir();
const NOW = at(60);
const TZ = 'Europe/Amsterdam';

async function withServices<T>(fn: (s: Services) => Promise<T> | T, dataDir = tmp()): Promise<T> {
  const services = openServices({ dataDir, resourcesDir: RESOURCES });
  try {
    return await fn(services);
  } finally {
    services.close();
  }
}

async function withSeeded<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const services = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
  try {
    seedNotes(services);
    return await fn(services);
  } finally {
    services.close();
  }
}

/** The text of every page, as pdf.js extracts it. */
async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+\n/g, '\n'),
    );
  }
  await doc.destroy();
  return pages;
}

/** The visible text of rendered Markdown (tags stripped, entities decoded). */
function renderedText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('Markdown export', () => {
  it('matches the committed snapshot: positions per decision, then passages with their references', async () => {
    await withSeeded(async (s) => {
      const file = await createExport(s, { format: 'md', now: NOW, timeZone: TZ });
      expect(file.fileName).toMatch(/^standpuntbepaling-\d{4}-\d{2}-\d{2}\.md$/);
      expect(file.mimeType).toBe('text/markdown; charset=utf-8');
      await expect(Buffer.from(file.bytes).toString('utf8')).toMatchFileSnapshot(
        '../fixtures/export/standpuntbepaling.md',
      );
    });
  });

  it('renders to HTML with every heading and stance, and the user text never becomes markup', async () => {
    await withSeeded(async (s) => {
      const md = Buffer.from((await createExport(s, { format: 'md', now: NOW, timeZone: TZ })).bytes).toString('utf8');
      const html = new MarkdownIt({ html: true, linkify: true }).render(md);
      expect(html).toContain('<h1>Standpuntbepaling</h1>');
      expect(html).toContain('<h2>Gemeenten 2024</h2>');
      expect(html).toContain('<h4>Besluit 1a: Voor</h4>');
      expect(html).toContain('<h4>Besluit 1c: Voor met amendement</h4>');
      expect(html).toMatch(/<td>1c<\/td>\s*<td>Voor met amendement<\/td>\s*<td>Concept<\/td>/);
      // Markup only where the export puts it: no link, image, script, code, list or heading from the note.
      expect(html).not.toMatch(/<a |<img|<script|<code|<del|<s>|<h\d>geen kop/);
      expect(html.match(/<li>/g) ?? []).toHaveLength(0);
      // Every line of the note is there, literally (control characters dropped).
      const text = renderedText(html);
      for (const line of HOSTILE.replace('\u0007', '').split('\n')) expect(text).toContain(line.trim());
    });
  });

  it('escapes each Markdown special on its own', () => {
    const md = new MarkdownIt({ html: true, linkify: true });
    const cases = [
      '# kop',
      '## kop',
      '- lijst',
      '+ lijst',
      '* lijst',
      '1. lijst',
      '2) lijst',
      '> citaat',
      '---',
      '===',
      '***',
      '    ingesprongen code',
      '```',
      '~~~',
      '<div>html</div>',
      '<!-- commentaar -->',
      '&copy; &#169; &#xA9;',
      '[a](b) ![c](d) [x]: http://y',
      'http://a.nl https://b.nl www.c.nl d@e.nl',
      '*a* _b_ **c** __d__ `e` ~~f~~ $g$',
      '| a | b |',
      'regel met \\ backslash',
      '=1+1',
      '@SUM(A1)',
    ];
    for (const c of cases) {
      const out = md.render(escapeBlock(c));
      expect(out, c).toMatch(/^<p>[^<]*<\/p>\n$/);
      expect(renderedText(out).trim(), c).toBe(c.trim());
    }
    expect(escapeInline('a\tb')).toBe('a    b');
  });
});

describe('Word export (.docx)', () => {
  it('parses back with mammoth: title page, Word headings, the decision table with stances, literal text', async () => {
    await withSeeded(async (s) => {
      const file = await createExport(s, { format: 'docx', now: NOW, timeZone: TZ });
      expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const buffer = Buffer.from(file.bytes);
      expect(buffer.subarray(0, 2).toString()).toBe('PK');
      const { value: html, messages } = await mammoth.convertToHtml({ buffer });
      expect(messages.filter((m) => m.type === 'error')).toEqual([]);
      expect(html.startsWith('<p>Standpuntbepaling</p>')).toBe(true);
      const headings = [...html.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]}`);
      expect(headings).toEqual([
        '1 Gemeenten 2024',
        '2 Overzicht van de besluiten',
        '2 Afweging per besluit',
        '3 Besluit 1a: Voor',
        '3 Besluit 1b: Nog bepalen',
        '3 Besluit 1c: Voor met amendement',
        '3 Besluit 1d: Nog bepalen',
        '3 Besluit 1e: Nog bepalen',
        '2 Gemarkeerde passages',
        expect.stringMatching(/^3 1\. /),
        expect.stringMatching(/^3 2\. /),
        expect.stringMatching(/^3 3\. /),
        expect.stringMatching(/^3 4\. /),
        expect.stringMatching(/^3 5\. /),
      ]);
      const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
        [...m[1]!.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
      );
      expect(rows[0]).toEqual(['Besluit', 'Besluittekst', 'Standpunt', 'Status']);
      expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
        ['1a', 'Voor', 'Definitief'],
        ['1b', 'Nog bepalen', '—'],
        ['1c', 'Voor met amendement', 'Concept'],
        ['1d', 'Nog bepalen', '—'],
        ['1e', 'Nog bepalen', '—'],
      ]);
      const { value: text } = await mammoth.extractRawText({ buffer });
      expect(text).toContain('Past bij ons verkiezingsprogramma.');
      expect(text).toContain('Uitbreiding van het gemeentelijk belastinggebied');
      expect(text).toContain('Wat betekent dit voor de OZB?');
      expect(text).toContain('Constaterende dat');
      expect(text).toContain('Van Pieter: eens met deze passage.');
      // Literal runs: the specials are text, not markup, fields or formulas (control characters dropped).
      for (const line of HOSTILE.replace('\u0007', '').split('\n')) expect(text).toContain(line);
      expect(html).not.toMatch(/<script|<b>vet/);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(text).not.toContain('Weggegooid');
    });
  });
});

describe('PDF export', () => {
  it('extracts with pdf.js: title page, headings, stances, passages, Dutch accents; unknown glyphs replaced', async () => {
    await withSeeded(async (s) => {
      const file = await createExport(s, { format: 'pdf', now: NOW, timeZone: TZ });
      expect(file.mimeType).toBe('application/pdf');
      expect(Buffer.from(file.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const pages = await pdfText(file.bytes);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages[0]).toContain('Standpuntbepaling');
      expect(pages[0]).toContain('Gemeenten 2024 — Lbr. 19/030');
      const all = pages.join('\n');
      for (const expected of [
        'Overzicht van de besluiten',
        'Besluit 1a: Voor',
        'Besluit 1c: Voor met amendement',
        'Voor met amendement',
        'Definitief',
        'Afweging',
        'Open vragen',
        'Wat betekent dit voor de OZB?',
        'Gemarkeerde passages',
        'Uitbreiding van het gemeentelijk belastinggebied',
        'financiën',
        'Van Pieter: eens met deze passage.',
        '=SUM(A1:A9) +31 -2 @griffie *vet* _schuin_ # geen kop',
        '<script>alert(1)</script>',
      ]) {
        expect(all).toContain(expected);
      }
      expect(all).not.toContain('Weggegooid');
      // Page numbers on every page after the title page.
      expect(pages.at(-1)).toContain(`pagina ${pages.length} van ${pages.length}`);
    });
  });

  it('never fails on a character: what the font lacks becomes U+FFFD, invisible characters are dropped', async () => {
    const glyphs = { hasGlyphForCodePoint: (cp: number) => cp < 0x2000 };
    expect(drawable('café ë\u200d\ufe0f\u0007x', glyphs)).toBe('café ëx');
    expect(drawable('a😀b\ud800c', glyphs)).toBe('a\ufffdb\ufffdc');
    expect(drawable('e\u0308', glyphs)).toBe('ë'); // NFC first
    await withServices(async (s) => {
      const every = Array.from({ length: 0x3000 }, (_, i) => String.fromCodePoint(i + 1)).join('');
      const odd = `${every}\u{1F600}\u{1F9D1}\u200d\u{1F4BB}\u{E0001}\u{10FFFD}\ud800\udfff`;
      s.notes.createAnnotation({ documentId: DOC, start: 0, end: 5, color: 'geel', note: odd });
      const file = await createExport(s, { format: 'pdf', now: NOW });
      const pages = await pdfText(file.bytes);
      expect(pages.join('')).toContain('\ufffd');
    });
  });
});

describe('selection and empty exports', () => {
  it('an export with no notes yet succeeds in every format', async () => {
    await withServices(async (s) => {
      for (const format of ['md', 'docx', 'pdf', 'w3c'] as const) {
        const file = await createExport(s, { format, now: NOW });
        expect(file.bytes.length, format).toBeGreaterThan(0);
        expect(file.data.letters).toEqual([]);
      }
      const md = Buffer.from((await createExport(s, { format: 'md', now: NOW })).bytes).toString();
      expect(md).toContain('Nog geen notities of standpunten in deze selectie.');
      const pages = await pdfText((await createExport(s, { format: 'pdf', now: NOW })).bytes);
      expect(pages.join('')).toContain('Nog geen notities of standpunten');
      const json = JSON.parse(Buffer.from((await createExport(s, { format: 'w3c', now: NOW })).bytes).toString());
      expect(json).toMatchObject({ type: 'AnnotationCollection', total: 0 });
      // A chosen letter appears even without notes: its decisions, all still to decide.
      const chosen = collectExport(s, { documentIds: [DOC] }, NOW);
      expect(chosen.letters.map((l) => l.decisions.map((d) => d.label))).toEqual([['1a', '1b', '1c', '1d', '1e']]);
      expect(() => collectExport(s, { documentIds: ['lbr-99-999'] })).toThrow(
        expect.objectContaining({ code: 'document-not-found' }),
      );
    });
  });

  it('tags, letters and parts choose what is exported', async () => {
    await withSeeded(async (s) => {
      const quotes = (o: Parameters<typeof collectExport>[1]) =>
        collectExport(s, o, NOW).letters.flatMap((l) => l.annotations.map((a) => a.quote));
      // Tags match folded (FINANCIEN = financiën); deleted notes never appear.
      expect(quotes({ tags: ['Financien'] }).sort()).toEqual([
        'Uitbreiding van het gemeentelijk belastinggebied',
        'democratie',
      ]);
      // A letter tag selects the whole letter.
      expect(quotes({ tags: ['strategie'] })).toHaveLength(5);
      expect(quotes({ tags: ['bestaat-niet'] })).toEqual([]);
      // Only positions: no passages; only questions: only decisions with questions.
      const positions = collectExport(s, { include: ['positions'] }, NOW);
      expect(positions.letters[0]!.annotations).toEqual([]);
      expect(positions.letters[0]!.decisions.map((d) => d.label)).toEqual(['1a', '1b', '1c', '1d', '1e']);
      const questions = collectExport(s, { include: ['questions'] }, NOW);
      expect(questions.letters[0]!.decisions.map((d) => d.label)).toEqual(['1c']);
      expect(questions.counts.questions).toBe(1);
      // Notes without "annotations": only passages that carry a note; "annotations" without notes: no note text.
      const bare = collectExport(s, { include: ['annotations'] }, NOW);
      expect(bare.letters[0]!.annotations.every((a) => a.note === '')).toBe(true);
      const md = Buffer.from(
        (await createExport(s, { format: 'md', include: ['questions'], now: NOW, timeZone: TZ })).bytes,
      ).toString();
      expect(md).toContain('Wat betekent dit voor de OZB?');
      expect(md).not.toContain('Past bij ons verkiezingsprogramma');
      expect(md).not.toContain('Gemarkeerde passages');
    });
  });

  it('a tag filter keeps the positions that rest on a selected passage', async () => {
    await withSeeded(async (s) => {
      const data = collectExport(s, { tags: ['belastinggebied'] }, NOW);
      expect(data.letters[0]!.decisions.map((d) => d.label)).toEqual(['1c']);
      expect(data.letters[0]!.decisions[0]!.passages.map((a) => a.quote)).toEqual([
        'Uitbreiding van het gemeentelijk belastinggebied',
      ]);
    });
  });
});

describe('writing the file', () => {
  it('writes atomically; a folder that does not exist, a file in the way or a folder as target leave nothing behind', () => {
    const dir = tmp();
    const ok = writeFileAtomic(join(dir, 'a.md'), Buffer.from('hallo'));
    expect(readFileSync(ok, 'utf8')).toBe('hallo');
    writeFileSync(join(dir, 'bestand'), 'x');
    mkdirSync(join(dir, 'map'));
    for (const [target, nl] of [
      [join(dir, 'bestaat-niet', 'a.md'), 'de map bestaat niet'],
      [join(dir, 'bestand', 'a.md'), 'de map bestaat niet'],
      [join(dir, 'map'), 'dit is een map'],
    ] as const) {
      expect(() => writeFileAtomic(target, Buffer.from('x'))).toThrow(
        expect.objectContaining({ code: 'write-failed', nl: expect.stringContaining(nl), en: expect.any(String) }),
      );
    }
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'bestand', 'map']);
    expect(readdirSync(join(dir, 'map'))).toEqual([]);
  });

  it('a disk that fills up mid-write: a clear error, no partial file, an existing file untouched', () => {
    const dir = tmp();
    const target = join(dir, 'export.pdf');
    writeFileSync(target, 'de vorige versie');
    let written = 0;
    const full: WriteFs = {
      ...fs,
      writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
        if (written > 0) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        const n = fs.writeSync(fd, buffer, offset, Math.min(length, 10));
        written += n;
        return n;
      }) as WriteFs['writeSync'],
    };
    expect(() => writeFileAtomic(target, Buffer.alloc(1000, 0x61), full)).toThrow(
      expect.objectContaining({
        code: 'write-failed',
        nl: expect.stringContaining('de schijf is vol'),
        en: expect.stringContaining('the disk is full'),
      }),
    );
    expect(readdirSync(dir)).toEqual(['export.pdf']);
    expect(readFileSync(target, 'utf8')).toBe('de vorige versie');
    expect(existsSync(`${target}.tmp`)).toBe(false);
  });
});
