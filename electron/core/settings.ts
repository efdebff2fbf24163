/**
 * User settings, kept in notes.db with everything else the user chooses or writes. `backupFolder`
 * is optional: absent until the user chooses a second folder for the daily backups.
 */
import { settingsPatchSchema, settingsSchema, type Settings } from '../shared/contract';
import type { Db } from './db/open';

export const DEFAULT_SETTINGS: Settings = { locale: 'nl', fontScale: 100, theme: 'system' };

export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    const stored: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        // A damaged value falls back to its default below; the row is rewritten on the next update.
      }
    }
    const merged: Settings = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
      const candidate = settingsSchema.shape[key].safeParse(stored[key]);
      if (candidate.success) (merged as Record<string, unknown>)[key] = candidate.data;
    }
    // Optional settings appear only when chosen (a stored null means cleared).
    const folder = settingsSchema.shape.backupFolder.safeParse(stored.backupFolder);
    if (folder.success && typeof folder.data === 'string') merged.backupFolder = folder.data;
    return merged;
  }

  update(patch: unknown, now = new Date()): Settings {
    const valid = settingsPatchSchema.parse(patch);
    const upsert = this.db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(valid)) upsert.run(key, JSON.stringify(value), now.toISOString());
    })();
    return this.get();
  }
}
