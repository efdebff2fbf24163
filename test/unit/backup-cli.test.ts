/**
 * `raadsmap backup` and `raadsmap restore` as a user runs them (the built CLI in a child process):
 * a backup restored on "another laptop" (an empty data folder) gives the same notes, the report
 * in text and --json, and bad files refused in both languages with nothing changed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { notesMigrations } from '../../electron/core/db/notes-migrations';
import { openServices } from '../../electron/core/services';
import { RESOURCES, ROOT, useTempDir } from '../helpers/tmp';
import { canonicalDump, seedNotes } from './export-helpers';

const tmp = useTempDir();
const BIN = join(ROOT, 'bin', 'raadsmap.cjs');

function raadsmap(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function dumpOf(dataDir: string): string {
  const s = openServices({ dataDir, resourcesDir: RESOURCES });
  try {
    return canonicalDump(s.notesDb).hash;
  } finally {
    s.close();
  }
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('Run `npm run build` first (npm test does).');
});

describe('raadsmap backup / restore', () => {
  it('backs up, restores on another laptop with identical notes, and reports what it did', () => {
    const laptop = tmp();
    const s = openServices({ dataDir: laptop, resourcesDir: RESOURCES });
    try {
      seedNotes(s);
    } finally {
      s.close();
    }
    const file = join(tmp(), 'notities.rmbackup');
    const made = raadsmap(['backup', '--out', file, '--data', laptop, '--json']);
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({
      file,
      format: 1,
      schemaVersion: notesMigrations.length,
      counts: { annotations: 5, positions: 2, tags: 5 },
    });

    const other = join(tmp(), 'nieuwe-laptop');
    const restored = raadsmap(['restore', file, '--data', other, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({
      annotations: { added: 5, deleted: 1 },
      positions: { added: 2 },
      keptNewer: [],
      waitingForLetters: [],
    });
    expect(dumpOf(other)).toBe(dumpOf(laptop));

    const again = raadsmap(['restore', file, '--data', other]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      'Notities: 0 toegevoegd, 0 bijgewerkt, 0 verwijderd (zoals in de back-up), 6 al gelijk',
    );
    expect(again.stdout).toContain('Notes: 0 added, 0 updated, 0 deleted (as in the backup), 6 already equal');
    expect(again.stdout).toMatch(/Vooraf bewaard \/ saved first: .*raadsmap-voor-herstel-.*\.rmbackup/);
    expect(dumpOf(other)).toBe(dumpOf(laptop));
  });

  it('refuses a bad file with exit 1 in both languages, and nothing changes', () => {
    const data = tmp();
    const dir = tmp();
    const made = raadsmap(['backup', '--out', join(dir, 'leeg-profiel.rmbackup'), '--data', data]);
    expect(made.code, made.stderr).toBe(0);
    const before = dumpOf(data);
    const bad = join(dir, 'kapot.rmbackup');
    writeFileSync(bad, 'geen back-up');
    const r = raadsmap(['restore', bad, '--data', data, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Fout: .*kan niet worden teruggezet.*Er is niets gewijzigd/);
    expect(r.stderr).toMatch(/Error: .*cannot be restored.*Nothing was changed/);
    expect(dumpOf(data)).toBe(before);
    expect(raadsmap(['restore', join(dir, 'bestaat-niet.rmbackup'), '--data', data]).code).toBe(1);
    expect(raadsmap(['restore', '--data', data]).code).toBe(2);
    expect(raadsmap(['backup', '--data', data]).code).toBe(2);
    const unwritable = raadsmap(['backup', '--out', join(dir, 'geen-map', 'x.rmbackup'), '--data', data]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('Nothing was written');
    expect(readdirSync(dir).sort()).toEqual(['kapot.rmbackup', 'leeg-profiel.rmbackup']);
  });
});
