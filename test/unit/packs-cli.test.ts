/**
 * `raadsmap keys …` and `raadsmap pack …` as a griffie and an IT department use them: the built
 * CLI in a child process, real files, real data folders. Includes killing an install halfway.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, useTempDir } from '../helpers/tmp';
import { DEFAULT_FOLDER, LETTER_FILE, SENTENCES, STRATEGY } from './packs-helpers';

const tmp = useTempDir();
const BIN = join(ROOT, 'bin', 'raadsmap.cjs');

function raadsmap(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('Run `npm run build` first (npm test does).');
});

/** A pack folder: the bundled letter (optionally edited) with a pack.json. */
function folder(version: number, edit: (t: string) => string = (t) => t, extra: object = {}): string {
  const dir = tmp();
  cpSync(DEFAULT_FOLDER, dir, { recursive: true });
  writeFileSync(join(dir, LETTER_FILE), edit(STRATEGY));
  writeFileSync(
    join(dir, 'pack.json'),
    JSON.stringify({
      id: 'griffie-alv',
      title: 'ALV juni 2019',
      version,
      publisher: 'Griffie Testdorp',
      meeting: { date: '2019-06-26', amendmentDeadline: '2019-06-12' },
      documents: [{ file: LETTER_FILE, id: 'lbr-19-030', tags: ['strategie'] }],
      ...extra,
    }),
  );
  return dir;
}

describe('keys generate', () => {
  it('writes a private key only its owner can read and a public key, prints the fingerprint, and never overwrites', () => {
    const dir = tmp();
    const r = raadsmap(['keys', 'generate', '--out', join(dir, 'griffie')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}\n$/);
    expect(readFileSync(join(dir, 'griffie.key'), 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(readFileSync(join(dir, 'griffie.pub'), 'utf8')).toContain('BEGIN PUBLIC KEY');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'griffie.key')).mode & 0o777).toBe(0o600);
    const before = readFileSync(join(dir, 'griffie.key'), 'utf8');
    const again = raadsmap(['keys', 'generate', '--out', join(dir, 'griffie')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('bestaat al');
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(dir, 'griffie.key'), 'utf8')).toBe(before);
  });
});

describe('build, sign, verify, inspect, diff', () => {
  it('a griffie builds, signs and checks a pack; verify exits non-zero for a wrong key or a changed byte', () => {
    const dir = tmp();
    raadsmap(['keys', 'generate', '--out', join(dir, 'griffie')]);
    raadsmap(['keys', 'generate', '--out', join(dir, 'ander')]);
    const pack = join(dir, 'alv.raadsmap');
    const build = raadsmap(['pack', 'build', folder(1), '--out', pack]);
    expect(build.code).toBe(0);
    expect(build.stderr).toContain('[1/1] gemeenten-2024.txt');
    expect(raadsmap(['pack', 'verify', pack, '--trust', join(dir, 'griffie.pub')]).code).toBe(1); // unsigned

    const sign = raadsmap(['pack', 'sign', pack, '--key', join(dir, 'griffie.key')]);
    expect(sign.code).toBe(0);
    const fingerprint = sign.stdout.trim();
    const ok = raadsmap(['pack', 'verify', pack, '--trust', join(dir, 'griffie.pub'), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, id: 'griffie-alv', version: 1 });
    expect(fingerprint.replaceAll(' ', '').toLowerCase()).toBe(JSON.parse(ok.stdout).fingerprint);

    const wrong = raadsmap(['pack', 'verify', pack, '--trust', join(dir, 'ander.pub')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('andere sleutel');
    const bytes = readFileSync(pack);
    bytes[Math.floor(bytes.length / 3)]! ^= 0x20;
    writeFileSync(join(dir, 'changed.raadsmap'), bytes);
    const changed = raadsmap(['pack', 'verify', join(dir, 'changed.raadsmap'), '--trust', join(dir, 'griffie.pub')]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/handtekening klopt niet|Ongeldig pakket/);

    const inspect = JSON.parse(raadsmap(['pack', 'inspect', pack, '--json']).stdout);
    expect(inspect.pack).toMatchObject({
      id: 'griffie-alv',
      meeting: { date: '2019-06-26', amendmentDeadline: '2019-06-12' },
    });
    expect(inspect.signature).toMatchObject({ state: 'valid' });
    // Signing with the public key is refused clearly.
    const pubSign = raadsmap(['pack', 'sign', pack, '--key', join(dir, 'griffie.pub')]);
    expect(pubSign.code).toBe(1);
    expect(pubSign.stderr).toContain('publieke sleutel');
  });

  it('build --key signs at once; diff lists changed letters with a paragraph diff and exits 0 either way', () => {
    const dir = tmp();
    raadsmap(['keys', 'generate', '--out', join(dir, 'k')]);
    const v1 = join(dir, 'v1.raadsmap');
    const v2 = join(dir, 'v2.raadsmap');
    expect(raadsmap(['pack', 'build', folder(1), '--out', v1, '--key', join(dir, 'k.key')]).code).toBe(0);
    const edited = folder(2, (t) => t.replace(`${SENTENCES.fragmented} `, ''));
    writeFileSync(join(edited, 'digitaal.txt'), 'Datum: 3 maart 2021\nOnderwerp: Proef\n\nGeacht college,\n\nTekst.\n');
    const json = JSON.parse(readFileSync(join(edited, 'pack.json'), 'utf8'));
    json.documents.push({ file: 'digitaal.txt', id: 'proef' });
    writeFileSync(join(edited, 'pack.json'), JSON.stringify(json));
    expect(raadsmap(['pack', 'build', edited, '--out', v2, '--key', join(dir, 'k.key')]).code).toBe(0);

    const same = raadsmap(['pack', 'diff', v1, v1, '--json']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ added: [], changed: [], removed: [], unchanged: 1 });
    const diff = raadsmap(['pack', 'diff', v1, v2, '--json']);
    expect(diff.code).toBe(0);
    const d = JSON.parse(diff.stdout);
    expect(d.added).toEqual([{ id: 'proef', title: expect.any(String) }]);
    expect(d.changed.map((c: { id: string }) => c.id)).toEqual(['lbr-19-030']);
    const removedWords = d.changed[0].blocks
      .flatMap((b: { op: string; words?: Array<{ op: string; text: string }> }) => b.words ?? [])
      .filter((w: { op: string }) => w.op === 'removed')
      .map((w: { text: string }) => w.text)
      .join('');
    expect(removedWords).toContain('gefragmenteerd');
    const text = raadsmap(['pack', 'diff', v2, v1]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('- proef');
    expect(text.stdout).toContain('{+De politiek raakt');
  });
});

describe('install, list, remove (IT roll-out)', () => {
  it('installs with --trust, prints the per-note report as JSON, refuses an equal version, and remove keeps the notes', () => {
    const dir = tmp();
    const data = join(dir, 'data');
    raadsmap(['keys', 'generate', '--out', join(dir, 'k')]);
    const v1 = join(dir, 'v1.raadsmap');
    const v2 = join(dir, 'v2.raadsmap');
    raadsmap(['pack', 'build', folder(1), '--out', v1, '--key', join(dir, 'k.key')]);
    raadsmap([
      'pack',
      'build',
      folder(2, (t) => t.replace(`${SENTENCES.fragmented} `, '')),
      '--out',
      v2,
      '--key',
      join(dir, 'k.key'),
    ]);

    // Unknown key without --trust: refused, nothing installed.
    const refused = raadsmap(['pack', 'install', v1, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--trust');
    expect(
      JSON.parse(raadsmap(['pack', 'list', '--data', data, '--json']).stdout).map((p: { id: string }) => p.id),
    ).toEqual(['raadsmap-standaard']);

    expect(raadsmap(['pack', 'install', v1, '--data', data, '--trust', join(dir, 'k.pub')]).code).toBe(0);
    // A note on the sentence v2 deletes, imported the way an IT department would seed one.
    const note = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:7e0f4b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'Let op', format: 'text/plain' },
      target: {
        source: 'urn:raadsmap:document:lbr-19-030',
        selector: { type: 'TextQuoteSelector', exact: SENTENCES.fragmented },
      },
    };
    writeFileSync(join(dir, 'note.jsonld'), JSON.stringify(note));
    expect(raadsmap(['notes', 'import', join(dir, 'note.jsonld'), '--data', data]).code).toBe(0);

    const update = raadsmap(['pack', 'install', v2, '--data', data, '--json']);
    expect(update.code).toBe(0);
    const report = JSON.parse(update.stdout);
    expect(report.update).toMatchObject({ kind: 'update', fromVersion: 1, toVersion: 2, notes: { orphan: 1 } });
    expect(report.report).toEqual([
      expect.objectContaining({
        state: 'orphan',
        quote: SENTENCES.fragmented,
        note: 'Let op',
        documentId: 'lbr-19-030',
      }),
    ]);

    const equal = raadsmap(['pack', 'install', v2, '--data', data]);
    expect(equal.code).toBe(1);
    expect(equal.stderr).toContain('al geïnstalleerd');
    const older = raadsmap(['pack', 'install', v1, '--data', data]);
    expect(older.code).toBe(1);
    expect(older.stderr).toContain('oudere versie');

    expect(raadsmap(['pack', 'remove', 'griffie-alv', '--data', data]).code).toBe(0);
    const list = JSON.parse(raadsmap(['notes', 'list', '--data', data, '--json']).stdout);
    expect(list.annotations).toHaveLength(1);
    expect(raadsmap(['pack', 'remove', 'raadsmap-standaard', '--data', data]).code).toBe(1);
  });

  it('an install killed halfway leaves the previous content intact (one transaction)', async () => {
    const dir = tmp();
    const data = join(dir, 'data');
    // A pack big enough that the install takes a while: 150 copies of the letter.
    const big = tmp();
    const docs = [];
    for (let i = 0; i < 150; i++) {
      writeFileSync(join(big, `brief-${i}.txt`), STRATEGY.replace('Gemeenten 2024', `Gemeenten 2024 (${i})`));
      docs.push({ file: `brief-${i}.txt`, id: `brief-${i}` });
    }
    writeFileSync(join(big, 'pack.json'), JSON.stringify({ id: 'groot', title: 'Groot', version: 2, documents: docs }));
    const pack = join(dir, 'groot.raadsmap');
    expect(raadsmap(['pack', 'build', big, '--out', pack]).code).toBe(0);
    const small = join(dir, 'groot-v1.raadsmap');
    const smallDir = tmp();
    for (const d of docs.slice(0, 2)) cpSync(join(big, d.file), join(smallDir, d.file));
    writeFileSync(
      join(smallDir, 'pack.json'),
      JSON.stringify({ id: 'groot', title: 'Groot', version: 1, documents: docs.slice(0, 2) }),
    );
    expect(raadsmap(['pack', 'build', smallDir, '--out', small]).code).toBe(0);
    expect(raadsmap(['pack', 'install', small, '--data', data, '--allow-unsigned']).code).toBe(0);

    const outcomes: string[] = [];
    for (const delay of [150, 600, 1500]) {
      const child = spawn(process.execPath, [BIN, 'pack', 'install', pack, '--data', data, '--allow-unsigned']);
      let stderr = '';
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('installeren')) setTimeout(() => child.kill('SIGKILL'), delay);
        });
        child.on('exit', () => resolve());
      });
      const db = new Database(join(data, 'content.db'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const version = db.prepare("SELECT version FROM packs WHERE id = 'groot'").pluck().get() as number;
        const count = db.prepare("SELECT COUNT(*) FROM documents WHERE pack_id = 'groot'").pluck().get() as number;
        // All of the new pack or all of the old one, never a mix.
        expect([version, count]).toEqual(version === 2 ? [2, 150] : [1, 2]);
        outcomes.push(`v${version}`);
      } finally {
        db.close();
      }
      if (outcomes.at(-1) === 'v2') break;
    }
    // The first kill lands inside the install (150 letters take seconds to index): the old pack stays.
    expect(outcomes[0]).toBe('v1');
    // The data folder still opens and serves the letters.
    const list = JSON.parse(raadsmap(['pack', 'list', '--data', data, '--json']).stdout);
    expect(list.map((p: { id: string }) => p.id)).toContain('groot');
  }, 180_000);
});
