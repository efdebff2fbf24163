/**
 * Automatic daily backups: today's backup is made when it is missing (at start and every hour),
 * in the data folder's backups/ and in the chosen second folder; the last 7 are kept; a second
 * folder that cannot be written is reported, never fatal; and making a backup does not block.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupScheduler } from '../../electron/core/backup/scheduler';
import { NOTES_APPLICATION_ID } from '../../electron/core/db/notes-migrations';
import { openServices, type Services } from '../../electron/core/services';
import { RESOURCES, useTempDir } from '../helpers/tmp';
import { seedNotes } from './export-helpers';

const tmp = useTempDir();

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const s = openServices({ dataDir: tmp(), resourcesDir: RESOURCES });
  try {
    return await fn(s);
  } finally {
    s.close();
  }
}

/** A clock that the test moves by whole days (local noon, so every zone agrees on the date). */
function clock(start = new Date(2026, 10, 2, 12, 0, 0)) {
  let now = start;
  return { now: () => now, nextDay: () => (now = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 12)) };
}

function scheduler(
  s: Services,
  now: () => Date,
  extra: Partial<ConstructorParameters<typeof BackupScheduler>[0]> = {},
) {
  return new BackupScheduler({
    notesDb: s.notesDb,
    dataDir: s.dataDir,
    settings: s.settings,
    version: 't',
    now,
    ...extra,
  });
}

describe('daily backups', () => {
  it("makes today's backup once, copies it to the second folder, keeps the last 7 in each", async () => {
    await withServices(async (s) => {
      seedNotes(s);
      const c = clock();
      const second = join(tmp(), 'usb-stick');
      const b = scheduler(s, c.now);
      expect(b.status()).toMatchObject({ last: null, folder: null, reminder: true, error: null });

      const first = await b.check();
      expect(first.created).toBe(join(s.dataDir, 'backups', 'raadsmap-backup-2026-11-02.rmbackup'));
      expect(first.copied).toBeNull();
      expect((await b.check()).created).toBeNull(); // once a day
      const db = new Database(first.created!, { readonly: true });
      expect(db.pragma('application_id', { simple: true })).toBe(NOTES_APPLICATION_ID);
      expect(db.prepare('SELECT COUNT(*) FROM annotations').pluck().get()).toBe(6);
      db.close();

      s.settings.update({ backupFolder: second });
      const copied = await b.check();
      expect(copied).toMatchObject({ created: null, copied: join(second, 'raadsmap-backup-2026-11-02.rmbackup') });
      expect(b.status()).toMatchObject({
        last: { fileName: 'raadsmap-backup-2026-11-02.rmbackup' },
        folder: second,
        reminder: false,
        error: null,
      });

      for (let day = 0; day < 9; day++) {
        c.nextDay();
        await b.check();
      }
      const kept = [
        'raadsmap-backup-2026-11-05.rmbackup',
        'raadsmap-backup-2026-11-06.rmbackup',
        'raadsmap-backup-2026-11-07.rmbackup',
        'raadsmap-backup-2026-11-08.rmbackup',
        'raadsmap-backup-2026-11-09.rmbackup',
        'raadsmap-backup-2026-11-10.rmbackup',
        'raadsmap-backup-2026-11-11.rmbackup',
      ];
      expect(readdirSync(join(s.dataDir, 'backups')).sort()).toEqual(kept);
      expect(readdirSync(second).sort()).toEqual(kept);
      expect(b.status().last!.fileName).toBe('raadsmap-backup-2026-11-11.rmbackup');
    });
  });

  it('a second folder that cannot be written is reported in both languages; the backup itself is made', async () => {
    await withServices(async (s) => {
      const blocked = join(tmp(), 'geen-map');
      writeFileSync(blocked, 'een bestand, geen map');
      s.settings.update({ backupFolder: blocked });
      const logged: string[] = [];
      const b = scheduler(s, clock().now, { log: (m) => logged.push(m) });
      const result = await b.check();
      expect(result.created).not.toBeNull();
      expect(existsSync(result.created!)).toBe(true);
      expect(b.status().error).toEqual({
        nl: expect.stringContaining(blocked),
        en: expect.stringContaining(blocked),
      });
      expect(logged.some((m) => m.includes('failed'))).toBe(true);
      // Fixed: the next check clears the problem.
      s.settings.update({ backupFolder: tmp() });
      await b.check();
      expect(b.status().error).toBeNull();
    });
  });

  it('start() checks at once and every interval without blocking the event loop; stop() waits for a backup', async () => {
    await withServices(async (s) => {
      // Several MB of notes, so the online backup takes many steps.
      s.notesDb.exec('CREATE TABLE ballast (x TEXT)');
      const insert = s.notesDb.prepare('INSERT INTO ballast VALUES (?)');
      s.notesDb.transaction(() => {
        for (let i = 0; i < 3000; i++) insert.run('x'.repeat(2000) + i);
      })();
      const c = clock();
      // The online backup copies a few pages per turn of the event loop: other work goes on meanwhile.
      const direct = scheduler(s, c.now);
      let ticks = 0;
      let done = false;
      const tick = () => {
        ticks++;
        if (!done) setImmediate(tick);
      };
      const made = direct.check();
      setImmediate(tick);
      await made;
      done = true;
      expect(ticks).toBeGreaterThan(5);

      // start(): the first check soon after start, then every interval; stop() waits for a running backup.
      c.nextDay();
      const b = scheduler(s, c.now, { startDelayMs: 0, intervalMs: 60_000 });
      b.start();
      const file = join(s.dataDir, 'backups', 'raadsmap-backup-2026-11-03.rmbackup');
      const started = Date.now();
      while (!existsSync(file) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 5));
      await b.stop();
      expect(existsSync(file)).toBe(true);
      expect(readdirSync(join(s.dataDir, 'backups')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });
});
