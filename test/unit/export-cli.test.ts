/**
 * `raadsmap export` as a user runs it (the built CLI in a child process, like cli.test.ts), on a
 * data folder with real notes: every format, the selection flags, --json, and wrong usage or an
 * unwritable target refused with a clear message and no file left behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/core/services';
import { RESOURCES, ROOT, useTempDir } from '../helpers/tmp';
import { seedNotes } from './export-helpers';

const tmp = useTempDir();
const BIN = join(ROOT, 'bin', 'raadsmap.cjs');

function raadsmap(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function seededData(): string {
  const dataDir = tmp();
  const s = openServices({ dataDir, resourcesDir: RESOURCES });
  try {
    seedNotes(s);
  } finally {
    s.close();
  }
  return dataDir;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('Run `npm run build` first (npm test does).');
});

describe('raadsmap export', () => {
  it('--help names export, backup and restore', () => {
    const r = raadsmap(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('raadsmap export --format md|docx|pdf|w3c --out');
    expect(r.stdout).toContain('raadsmap backup --out');
    expect(r.stdout).toContain('raadsmap restore');
  });

  it('writes every format; --json prints a summary on stdout only', () => {
    const data = seededData();
    const out = tmp();
    const magic = { md: '# Standpuntbepaling', docx: 'PK', pdf: '%PDF-', w3c: '{' } as const;
    for (const format of ['md', 'docx', 'pdf', 'w3c'] as const) {
      const file = join(out, `export.${format}`);
      const r = raadsmap(['export', '--format', format, '--out', file, '--data', data, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        file,
        format,
        letters: ['lbr-19-030'],
        annotations: 5,
        positions: 2,
      });
      expect(readFileSync(file).subarray(0, magic[format].length).toString()).toBe(magic[format]);
    }
    expect(readdirSync(out).sort()).toEqual(['export.docx', 'export.md', 'export.pdf', 'export.w3c']);
    const plain = raadsmap(['export', '--format', 'md', '--out', join(out, 'x.md'), '--data', data]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toContain('Exported');
  });

  it('--documents, --tags and --include choose the content', () => {
    const data = seededData();
    const file = join(tmp(), 'vragen.md');
    const r = raadsmap([
      'export',
      '--format',
      'md',
      '--out',
      file,
      '--data',
      data,
      '--documents',
      'lbr-19-030',
      '--tags',
      'Financien,strategie',
      '--include',
      'questions',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('labels: Financien, strategie');
    expect(md).toContain('Wat betekent dit voor de OZB?');
    expect(md).not.toContain('Gemarkeerde passages');
    expect(md).not.toContain('Past bij ons verkiezingsprogramma');
  });

  it('an empty profile exports too', () => {
    const file = join(tmp(), 'leeg.pdf');
    const r = raadsmap(['export', '--format', 'pdf', '--out', file, '--data', join(tmp(), 'nieuw')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('wrong usage exits 2; an unwritable target exits 1 in both languages and leaves nothing behind', () => {
    const data = seededData();
    const dir = tmp();
    for (const args of [
      ['export', '--format', 'xlsx', '--out', join(dir, 'a.xlsx')],
      ['export', '--format', 'md'],
      ['export', '--out', join(dir, 'a.md')],
      ['export', '--format', 'md', '--out', join(dir, 'a.md'), '--include', 'alles'],
    ]) {
      const r = raadsmap([...args, '--data', data]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Fout: .+\nError: .+/);
    }
    writeFileSync(join(dir, 'bestand'), 'x');
    for (const target of [join(dir, 'bestaat-niet', 'a.pdf'), join(dir, 'bestand', 'a.pdf'), dir]) {
      const r = raadsmap(['export', '--format', 'pdf', '--out', target, '--data', data]);
      expect(r.code, target).toBe(1);
      expect(r.stderr).toContain('Er is niets weggeschreven');
      expect(r.stderr).toContain('Nothing was written');
    }
    const unknown = raadsmap([
      'export',
      '--format',
      'md',
      '--out',
      join(dir, 'b.md'),
      '--documents',
      'lbr-99-999',
      '--data',
      data,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('lbr-99-999');
    expect(readdirSync(dir)).toEqual(['bestand']);
  });
});
