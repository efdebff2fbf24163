import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES, ROOT, useTempDir } from '../helpers/tmp';

const tmp = useTempDir();
const BIN = join(ROOT, 'bin', 'raadsmap.cjs');

function raadsmap(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('Run `npm run build` first (npm test does).');
});

describe('raadsmap CLI', () => {
  it('--help prints usage and exits 0', () => {
    const r = raadsmap(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('raadsmap pack build');
    expect(r.stdout).toContain('raadsmap serve');
  });

  it('an unknown command exits 2 with a bilingual message on stderr and nothing on stdout', () => {
    const r = raadsmap(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Onbekende opdracht');
    expect(r.stderr).toContain('Unknown command');
  });

  it('pack build + pack inspect --json give the stable shape outside scripts rely on', () => {
    const out = join(tmp(), 'standaard.raadsmap');
    const build = raadsmap(['pack', 'build', join(RESOURCES, 'default-content'), '--out', out, '--version', '3']);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toBe('');
    expect(build.stderr).toContain('[1/1] gemeenten-2024.txt');

    const inspect = raadsmap(['pack', 'inspect', out, '--json']);
    expect(inspect.code, inspect.stderr).toBe(0);
    const json = JSON.parse(inspect.stdout) as {
      pack: Record<string, unknown>;
      documents: Array<Record<string, unknown> & { decisions: Array<Record<string, unknown>>; sections: unknown[] }>;
    };
    expect(json.pack).toMatchObject({ id: 'raadsmap-standaard', title: 'Raadsmap standaardinhoud', version: 3 });
    expect(json.documents).toHaveLength(1);
    const doc = json.documents[0]!;
    expect(doc).toMatchObject({
      id: 'lbr-19-030',
      title: 'Gemeenten 2024',
      date: '2019-05-08',
      reference: 'Lbr. 19/030',
      kenmerk: 'COS/U201900264',
      subject: 'Gemeenten 2024',
      signatory: 'mr J.H.C. van Zanen, Voorzitter',
    });
    expect(doc.decisions.map((d) => d.label)).toEqual(['1a', '1b', '1c', '1d', '1e']);
    expect(doc.decisions[4]).toMatchObject({
      text: 'We beschouwen het stuk tevens als de VNG-Kadernota 2020.',
      stem: "'Gemeenten 2024' vast te stellen als verenigingsstrategie, met daarin als uitwerking:",
    });
    type S = {
      title: string | null;
      level: number;
      paragraphs: Array<{ id: string; text: string; kind: string }>;
      sections: S[];
    };
    const sections = doc.sections as S[];
    const flat = (list: S[]): S[] => list.flatMap((s) => [s, ...flat(s.sections)]);
    const all = flat(sections);
    expect(all.every((s) => typeof s.level === 'number' && Array.isArray(s.paragraphs))).toBe(true);
    expect(all.find((s) => s.title === 'Inhoud Gemeenten 2024')!.sections.map((s) => s.title)).toContain('Rode draden');
    const paragraph = all.flatMap((s) => s.paragraphs)[0]!;
    expect(Object.keys(paragraph)).toEqual(expect.arrayContaining(['id', 'text', 'kind']));
  });

  it('--id, --title and --version override pack.json; flags are validated', () => {
    const out = join(tmp(), 'x.raadsmap');
    const r = raadsmap([
      'pack',
      'build',
      join(RESOURCES, 'default-content'),
      '--out',
      out,
      '--id',
      'griffie-test',
      '--title',
      'Test',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'griffie-test', title: 'Test', version: 1 });
    const bad = raadsmap(['pack', 'build', join(RESOURCES, 'default-content'), '--out', out, '--version', 'drie']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('geheel getal');
  });

  it('bad letters fail with a clear message and no output file', () => {
    const dir = tmp();
    const cases: Array<[string, Buffer, RegExp]> = [
      ['leeg.txt', Buffer.alloc(0), /is leeg/],
      ['binair.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]), /binaire gegevens/],
      ['latin1.txt', Buffer.from([0x44, 0x61, 0x74, 0x75, 0x6d, 0x0a, 0xe9]), /UTF-8/],
      ['tabel.txt', Buffer.from('a;b;c\n1;2;3\n'), /geen briefstructuur/],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(join(dir, name), bytes);
      const out = join(dir, `${name}.raadsmap`);
      const r = raadsmap(['pack', 'build', join(dir, name), '--out', out, '--id', 'x', '--title', 'X']);
      expect(r.code, name).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('Error:');
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.raadsmap') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file over 50 MB is refused', () => {
    const dir = tmp();
    const big = join(dir, 'groot.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024 + 1, 0x61));
    const r = raadsmap(['pack', 'build', big, '--out', join(dir, 'g.raadsmap'), '--id', 'x', '--title', 'X']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('te groot');
    expect(r.stderr).toContain('too large');
  });

  it('pack inspect refuses a file that is not a pack', () => {
    const file = join(tmp(), 'nep.raadsmap');
    writeFileSync(file, 'hello');
    const r = raadsmap(['pack', 'inspect', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Ongeldig pakket');
  });
});

describe('raadsmap search', () => {
  interface SearchJson {
    query: string;
    total: number;
    hits: Array<{
      documentId: string;
      reference: string | null;
      section: string | null;
      paragraphId: string | null;
      snippet: string;
      score: number;
      kind: string;
    }>;
    message?: string;
    didYouMean?: string;
  }
  const search = (args: string[]) => {
    const r = raadsmap(['search', ...args, '--data', join(tmp(), 'data')]);
    return { ...r, json: r.code === 0 && args.includes('--json') ? (JSON.parse(r.stdout) as SearchJson) : null };
  };

  it('--json prints the documented shape: total counts all matches, hits best first, marks whole words', () => {
    const r = search(['gemeenten', '--json', '--limit', '3']);
    expect(r.code, r.stderr).toBe(0);
    const json = r.json!;
    expect(json.query).toBe('gemeenten');
    expect(json.hits).toHaveLength(3);
    expect(json.total).toBeGreaterThan(3);
    for (const hit of json.hits) {
      expect(Object.keys(hit)).toEqual(
        expect.arrayContaining(['documentId', 'reference', 'section', 'paragraphId', 'snippet', 'score', 'kind']),
      );
      expect(hit.documentId).toBe('lbr-19-030');
      expect(hit.reference).toBe('Lbr. 19/030');
      expect(['text', 'heading', 'decision', 'note']).toContain(hit.kind);
      expect(hit.snippet).toMatch(/<mark>[^<]*gemeente/i);
      // Never a mark inside a word.
      expect(hit.snippet).not.toMatch(/[\p{L}\p{N}]<mark>|<\/mark>[\p{L}\p{N}]/u);
    }
    const scores = json.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeGreaterThan(0);
  });

  it('a decision repeated in summary and at the end is one hit; --limit defaults to 20', () => {
    const r = search(['belastinggebied', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const decisions = r.json!.hits.filter((h) => h.kind === 'decision');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.snippet).toContain('<mark>belastinggebied</mark>');
    const all = search(['de', 'gemeente', '--json']);
    expect(all.json!.hits.length).toBe(Math.min(20, all.json!.total));
  });

  it('an empty or stop-word-only query exits 0 with hits [] and a message', () => {
    for (const q of ['', 'de het een']) {
      const r = search([q, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json!.hits).toEqual([]);
      expect(r.json!.total).toBe(0);
      expect(r.json!.message).toMatch(/.+ \/ .+/);
    }
  });

  it('hostile input is searched for its words, not an error', () => {
    const r = search(['gemeente) AND "Raad van', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json!.total).toBeGreaterThan(0);
  });

  it('prints readable text without --json, and refuses a bad --limit with exit 2', () => {
    const r = search(['energietransitie']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('»energietransitie«');
    expect(r.stdout).toContain('Lbr. 19/030');
    const bad = search(['energie', '--limit', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit');
  });
});

describe('raadsmap notes', () => {
  const ANNOTATION = (id: string, exact: string, note: string) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${id}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-11-01T10:00:00.000Z',
    modified: '2026-11-01T10:00:00.000Z',
    creator: { type: 'Person', name: 'Pieter' },
    body: [
      { type: 'TextualBody', value: note, purpose: 'commenting' },
      { type: 'TextualBody', value: 'financiën', purpose: 'tagging' },
    ],
    target: {
      source: 'urn:raadsmap:document:lbr-19-030',
      selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
    },
  });

  it('notes import merges a colleague’s W3C annotations; notes list --json shows them with their anchor state', () => {
    const data = join(tmp(), 'data');
    const file = join(tmp(), 'pieter.jsonld');
    writeFileSync(
      file,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        first: {
          type: 'AnnotationPage',
          items: [
            ANNOTATION('11111111-1111-4111-8111-111111111111', 'belastinggebied', 'Vraag: hoeveel?'),
            ANNOTATION('22222222-2222-4222-8222-222222222222', 'deze zin bestaat niet in de brief', 'Verweesd'),
          ],
        },
      }),
    );
    const imported = raadsmap(['notes', 'import', file, '--data', data, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      added: 2,
      anchors: { anchored: 1, orphan: 1 },
      skipped: [],
    });
    const again = raadsmap(['notes', 'import', file, '--data', data]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 new, 0 updated, 2 kept');

    const list = raadsmap(['notes', 'list', '--data', data, '--json']);
    expect(list.code, list.stderr).toBe(0);
    const json = JSON.parse(list.stdout) as {
      annotations: Array<{ id: string; anchor: string; note: string; tags: string[]; origin: { creator: string } }>;
      positions: unknown[];
    };
    expect(json.annotations.map((a) => [a.id, a.anchor]).sort()).toEqual([
      ['11111111-1111-4111-8111-111111111111', 'anchored'],
      ['22222222-2222-4222-8222-222222222222', 'orphan'],
    ]);
    expect(json.annotations[0]).toMatchObject({ tags: ['financiën'], origin: { creator: 'Pieter' } });
    expect(json.positions).toEqual([]);
  });

  it('a file that is not W3C annotations fails with a bilingual message and changes nothing', () => {
    const data = join(tmp(), 'data');
    const file = join(tmp(), 'kapot.json');
    writeFileSync(file, '{"hello": ');
    const r = raadsmap(['notes', 'import', file, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('geen geldige JSON');
    expect(r.stderr).toContain('not valid JSON');
    const list = raadsmap(['notes', 'list', '--data', data, '--json']);
    expect(JSON.parse(list.stdout)).toEqual({ annotations: [], positions: [] });
    expect(raadsmap(['notes', 'import', '--data', data]).code).toBe(2);
  });
});
