/**
 * Automatic daily backups: at start and every hour, if today's backup is missing it is made with
 * SQLite's online backup API (asynchronous: the app stays responsive) into `<data>/backups/`, and
 * copied to the second folder the user chose (setting `backupFolder`), if any. The last 7 daily
 * backups are kept in each place. Problems (a folder that is gone, a full disk) never stop the
 * app: they are remembered for `backup.status` and logged.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';
import { isRaadsmapError } from '../errors';
import type { SettingsStore } from '../settings';
import type { BackupStatus } from '../../shared/export';
import { createBackupAsync, DAILY_BACKUP_PATTERN, dailyBackupName } from './backup';
import { tempNameFor } from '../export/write';

export const BACKUP_FOLDER = 'backups';
export const KEEP_DAILY = 7;
const HOUR = 60 * 60 * 1000;

export interface SchedulerOptions {
  notesDb: Db;
  dataDir: string;
  settings: Pick<SettingsStore, 'get'>;
  version: string;
  /** How often to check (default: every hour). */
  intervalMs?: number;
  /** Delay of the first check after start (default 3 s: after the window has drawn). */
  startDelayMs?: number;
  keep?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface CheckResult {
  /** The backup made now, or null when today's already existed. */
  created: string | null;
  /** Where today's backup was copied to (the second folder), or null. */
  copied: string | null;
  removed: string[];
}

/** The daily backups in a folder, oldest first. */
export function dailyBackups(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((f) => DAILY_BACKUP_PATTERN.test(f))
      .sort();
  } catch {
    return [];
  }
}

const STALE_TEMP = /^\.raadsmap-backup-.*\.tmp(-journal|-wal|-shm)?$/;

function prune(folder: string, keep: number, now: Date): string[] {
  const old = dailyBackups(folder).slice(0, -keep);
  for (const f of old) rmSync(join(folder, f), { force: true });
  // Temporary files of a backup that was cut off (the app quit while copying), after an hour.
  try {
    for (const f of readdirSync(folder).filter((name) => STALE_TEMP.test(name))) {
      if (now.getTime() - statSync(join(folder, f)).mtimeMs > HOUR) rmSync(join(folder, f), { force: true });
    }
  } catch {
    // nothing to tidy
  }
  return old.map((f) => join(folder, f));
}

/** What `backup.status` shows: the last backup, the second folder and whether to remind. */
export function backupStatus(
  dataDir: string,
  settings: Pick<SettingsStore, 'get'>,
  error: { nl: string; en: string } | null = null,
): BackupStatus {
  const folder = join(dataDir, BACKUP_FOLDER);
  const newest = dailyBackups(folder).at(-1);
  let last: BackupStatus['last'] = null;
  if (newest) {
    const path = join(folder, newest);
    try {
      const st = statSync(path);
      last = { fileName: newest, path, createdAt: st.mtime.toISOString(), size: st.size };
    } catch {
      last = null;
    }
  }
  const second = settings.get().backupFolder ?? null;
  return { last, folder: second, reminder: !second, error };
}

export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private running: Promise<CheckResult> | null = null;
  private lastError: { nl: string; en: string } | null = null;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    const tick = () => {
      void this.check().catch(() => undefined);
    };
    this.first = setTimeout(tick, this.options.startDelayMs ?? 3000);
    this.timer = setInterval(tick, this.options.intervalMs ?? HOUR);
    this.first.unref();
    this.timer.unref();
  }

  /** Stops the timers and waits for a backup in progress. */
  async stop(): Promise<void> {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.first = null;
    this.timer = null;
    if (this.running) await this.running.catch(() => undefined);
  }

  status(): BackupStatus {
    return backupStatus(this.options.dataDir, this.options.settings, this.lastError);
  }

  /** Makes today's backup when it is missing (one check at a time). */
  check(): Promise<CheckResult> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<CheckResult> {
    const now = (this.options.now ?? (() => new Date()))();
    const keep = this.options.keep ?? KEEP_DAILY;
    const folder = join(this.options.dataDir, BACKUP_FOLDER);
    const name = dailyBackupName(now);
    const file = join(folder, name);
    const result: CheckResult = { created: null, copied: null, removed: [] };
    const problems: Array<{ nl: string; en: string }> = [];
    try {
      mkdirSync(folder, { recursive: true });
      if (!existsSync(file)) {
        await createBackupAsync(this.options.notesDb, file, { version: this.options.version, now });
        result.created = file;
        this.log(`backup: ${file}`);
      }
      result.removed.push(...prune(folder, keep, now));
    } catch (error) {
      problems.push(describe(error, folder));
    }
    const second = this.options.settings.get().backupFolder;
    if (second && existsSync(file)) {
      try {
        mkdirSync(second, { recursive: true });
        const copy = join(second, name);
        if (!existsSync(copy)) {
          const temp = tempNameFor(copy);
          try {
            copyFileSync(file, temp);
            renameSync(temp, copy);
          } catch (error) {
            rmSync(temp, { force: true });
            throw error;
          }
          result.copied = copy;
          this.log(`backup copied: ${copy}`);
        }
        result.removed.push(...prune(second, keep, now));
      } catch (error) {
        problems.push(describe(error, second));
      }
    }
    this.lastError = problems.length
      ? { nl: problems.map((p) => p.nl).join(' '), en: problems.map((p) => p.en).join(' ') }
      : null;
    if (this.lastError) this.log(`backup: ${this.lastError.en}`);
    return result;
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}

function describe(error: unknown, folder: string): { nl: string; en: string } {
  if (isRaadsmapError(error)) return { nl: error.nl, en: error.en };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    nl: `De automatische back-up in ${folder} is mislukt: ${detail}`,
    en: `The automatic backup in ${folder} failed: ${detail}`,
  };
}
