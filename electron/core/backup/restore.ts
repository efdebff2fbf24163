/**
 * Restoring a backup (backup.ts) into this profile, e.g. on a new laptop: merged by stable ids,
 * never duplicating, never silently overwriting a newer edit. One transaction: a refused or failed
 * restore changes nothing.
 *
 * Checks before anything is touched (refused in Dutch and English): the file is an SQLite database
 * (not empty, not truncated: its size matches the page count in its header), `application_id` is
 * Raadsmap's notes ('RSMN'), its schema and backup format are not newer than this Raadsmap knows,
 * and `PRAGMA integrity_check` says ok. The backup is read from a private copy (the user's file is
 * never opened for writing).
 *
 * Merge rules:
 * - Annotations by id. A copy only in the backup is added (a deleted one stays deleted). When both
 *   have it, the one changed last wins — the moment of change is the later of `updated_at` and
 *   `deleted_at`, so a deletion is an edit; on a tie the local copy stays. The annotation's tags
 *   follow the winning copy. A local copy that is newer is kept and listed in `keptNewer`.
 * - Positions by (document id, decision label), by `updated_at` in the same way; the passages a
 *   position rests on (links) follow the winning copy.
 * - Tags by folded name (case and accents do not matter): a backup tag with a name known here is
 *   that tag; a new one is added. Tags on letters are added to the local ones (a union).
 * - Highlight colour meanings: the backup's meaning is taken where the local one is still the
 *   default; where both were renamed differently the local one is kept and listed.
 * - Settings only where this profile has none for that key (never the backup folder).
 * - Notes on letters that are not installed here are kept as they were (quote, position, anchor
 *   state) and appear when the letter's pack is installed; they are listed in `waitingForLetters`.
 *   Notes on installed letters are anchored in the letter as it is here.
 */
import {
  closeSync,
  copyFileSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchor } from '../anchoring/anchor';
import type { Db } from '../db/open';
import { latestVersion } from '../db/open';
import { NOTES_APPLICATION_ID, notesMigrations } from '../db/notes-migrations';
import { fingerprintOf } from '../packs/sign';
import { RaadsmapError } from '../errors';
import { dutchDateTime } from '../export/collect';
import { tagKey } from '../notes/store';
import type { Services } from '../services';
import type { BackupInfo, RestoreReport } from '../../shared/export';
import { documentText, type DocumentText } from '../../shared/text';
import { BACKUP_FORMAT, BACKUP_META_TABLE, createBackup, localStamp } from './backup';

/** The meanings the highlight colours have until the user renames them (notes migration 3). */
export const DEFAULT_COLOR_LABELS: Record<string, string> = {
  geel: 'Belangrijk',
  blauw: 'Vraag',
  rood: 'Oneens',
  groen: 'Eens',
  paars: 'Uitzoeken',
};

interface AnnotationRow {
  id: string;
  document_id: string;
  paragraph_id: string | null;
  color: string;
  note: string;
  exact: string;
  prefix: string;
  suffix: string;
  pos_start: number;
  pos_end: number;
  anchor: string;
  origin_json: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface PositionRow {
  document_id: string;
  decision_label: string;
  stance: string;
  status: string;
  reasoning: string;
  questions: string;
  inbreng: string;
  amendment_text: string;
  motion_findings: string;
  motion_considerations: string;
  motion_requests: string;
  decision_hash: string | null;
  decision_text: string | null;
  created_at: string;
  updated_at: string;
}

const ANNOTATION_COLUMNS = [
  'id',
  'document_id',
  'paragraph_id',
  'color',
  'note',
  'exact',
  'prefix',
  'suffix',
  'pos_start',
  'pos_end',
  'anchor',
  'origin_json',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;

const POSITION_COLUMNS = [
  'document_id',
  'decision_label',
  'stance',
  'status',
  'reasoning',
  'questions',
  'inbreng',
  'amendment_text',
  'motion_findings',
  'motion_considerations',
  'motion_requests',
  'decision_hash',
  'decision_text',
  'created_at',
  'updated_at',
] as const;

export interface BackupContents {
  info: BackupInfo;
  annotations: AnnotationRow[];
  tags: Array<{ id: number; name: string; created_at: string }>;
  annotationTags: Array<{ annotation_id: string; tag_id: number }>;
  documentTags: Array<{ document_id: string; tag_id: number }>;
  positions: PositionRow[];
  links: Array<{ document_id: string; decision_label: string; annotation_id: string; created_at: string }>;
  colors: Array<{ id: string; label: string }>;
  /** Publisher keys the user trusted (backups from before packs have none). */
  trustedKeys: Array<{ fingerprint: string; public_key: string; label: string; added_at: string }>;
  settings: Array<{ key: string; value: string; updated_at: string }>;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function refuse(file: string, nl: string, en: string, cause?: unknown): RaadsmapError {
  return new RaadsmapError(
    'backup-invalid',
    `${file} kan niet worden teruggezet: ${nl} Er is niets gewijzigd.`,
    `${file} cannot be restored: ${en} Nothing was changed.`,
    cause === undefined ? undefined : { cause },
  );
}

/** The header checks: an SQLite file, complete according to its own header. */
function checkHeader(path: string, file: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    throw new RaadsmapError('file-not-found', `Kan ${file} niet lezen.`, `Cannot read ${file}.`, { cause });
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) throw refuse(file, 'het bestand is leeg.', 'the file is empty.');
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) {
      throw refuse(
        file,
        'dit is geen back-up van Raadsmap (geen SQLite-bestand).',
        'this is not a Raadsmap backup (not an SQLite file).',
      );
    }
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pages = header.readUInt32BE(28);
    // The in-header size is valid when "version-valid-for" matches the change counter.
    const headerSizeValid = header.readUInt32BE(92) === header.readUInt32BE(24) && pages > 0;
    if (pageSize < 512 || size % pageSize !== 0 || (headerSizeValid && size < pages * pageSize)) {
      throw refuse(
        file,
        'het bestand is onvolledig of beschadigd (afgebroken kopie?).',
        'the file is incomplete or damaged (an interrupted copy?).',
      );
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and checks a backup; throws a bilingual refusal when it cannot be restored. `label` names
 * the file in messages (the user's file name when the bytes arrived through the app).
 */
export function readBackup(db: Db, path: string, label = path): BackupContents {
  const file = label;
  checkHeader(path, label);
  const dir = mkdtempSync(join(tmpdir(), 'raadsmap-restore-'));
  const copy = join(dir, 'backup.db');
  let attached = false;
  try {
    copyFileSync(path, copy);
    db.prepare('ATTACH DATABASE ? AS raadsmap_rs').run(copy);
    attached = true;
    const appId = db.pragma('raadsmap_rs.application_id', { simple: true }) as number;
    if (appId !== NOTES_APPLICATION_ID) {
      throw refuse(
        file,
        'dit is geen back-up van Raadsmap (een ander soort database).',
        'this is not a Raadsmap backup (another kind of database).',
      );
    }
    const schemaVersion = db.pragma('raadsmap_rs.user_version', { simple: true }) as number;
    const latest = latestVersion(notesMigrations);
    const tables = new Set(
      db.prepare(`SELECT name FROM raadsmap_rs.sqlite_master WHERE type = 'table'`).pluck().all() as string[],
    );
    const meta = new Map<string, string>();
    if (tables.has(BACKUP_META_TABLE)) {
      for (const r of db.prepare(`SELECT key, value FROM raadsmap_rs.${BACKUP_META_TABLE}`).all() as Array<{
        key: string;
        value: string;
      }>)
        meta.set(r.key, r.value);
    }
    const format = Number(meta.get('format') ?? 0);
    if (schemaVersion > latest || format > BACKUP_FORMAT) {
      throw new RaadsmapError(
        'backup-from-future',
        `${file} is gemaakt door een nieuwere versie van Raadsmap (${meta.get('appVersion') ?? 'onbekend'}, schema ${schemaVersion}; deze versie kent schema ${latest}). Werk Raadsmap bij en probeer het opnieuw. Er is niets gewijzigd.`,
        `${file} was made by a newer version of Raadsmap (${meta.get('appVersion') ?? 'unknown'}, schema ${schemaVersion}; this version knows schema ${latest}). Update Raadsmap and try again. Nothing was changed.`,
      );
    }
    const integrity = db.pragma('raadsmap_rs.integrity_check') as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      throw refuse(
        file,
        `het bestand is beschadigd (${integrity[0]?.integrity_check ?? 'integriteitscontrole mislukt'}).`,
        `the file is damaged (${integrity[0]?.integrity_check ?? 'integrity check failed'}).`,
      );
    }
    const all = <T>(table: string, sql: string): T[] =>
      tables.has(table) ? (db.prepare(sql.replaceAll('$.', 'raadsmap_rs.')).all() as T[]) : [];
    let counts: BackupInfo['counts'] = { annotations: 0, positions: 0, tags: 0 };
    try {
      counts = { ...counts, ...(JSON.parse(meta.get('counts') ?? '{}') as Partial<BackupInfo['counts']>) };
    } catch {
      // counts are informative only
    }
    return {
      info: {
        format,
        schemaVersion,
        appVersion: meta.get('appVersion') ?? 'onbekend',
        createdAt: meta.get('createdAt') ?? '',
        counts,
      },
      annotations: all<AnnotationRow>('annotations', `SELECT ${ANNOTATION_COLUMNS.join(', ')} FROM $.annotations`),
      tags: all('tags', 'SELECT id, name, created_at FROM $.tags ORDER BY id'),
      annotationTags: all('annotation_tags', 'SELECT annotation_id, tag_id FROM $.annotation_tags'),
      documentTags: all('document_tags', 'SELECT document_id, tag_id FROM $.document_tags'),
      positions: all<PositionRow>('positions', `SELECT ${POSITION_COLUMNS.join(', ')} FROM $.positions`),
      links: all(
        'position_links',
        'SELECT document_id, decision_label, annotation_id, created_at FROM $.position_links',
      ),
      colors: all('highlight_colors', 'SELECT id, label FROM $.highlight_colors'),
      trustedKeys: all('trusted_keys', 'SELECT fingerprint, public_key, label, added_at FROM $.trusted_keys'),
      settings: all('settings', 'SELECT key, value, updated_at FROM $.settings'),
    };
  } catch (error) {
    if (error instanceof RaadsmapError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw refuse(
      file,
      `het bestand is beschadigd of onleesbaar (${detail}).`,
      `the file is damaged or unreadable (${detail}).`,
      error,
    );
  } finally {
    if (attached) {
      try {
        db.exec('DETACH DATABASE raadsmap_rs');
      } catch {
        // the connection keeps no handle on a failed attach
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** When a row last changed: a deletion counts as an edit. */
function changedAt(row: { updated_at: string; deleted_at?: string | null }): string {
  return row.deleted_at && row.deleted_at > row.updated_at ? row.deleted_at : row.updated_at;
}

export type RestoreTarget = Pick<Services, 'notesDb' | 'notes' | 'notesIndex' | 'content' | 'dataDir'>;

export interface RestoreOptions {
  version: string;
  now?: Date;
  /** Keep a backup of this profile before merging (default true; only when it holds notes). */
  safetyBackup?: boolean;
  /** The file's name in messages (default: its path). */
  label?: string;
}

export function emptyReport(info: BackupInfo): RestoreReport {
  return {
    backup: info,
    annotations: { added: 0, updated: 0, kept: 0, deleted: 0, unchanged: 0 },
    positions: { added: 0, updated: 0, kept: 0, unchanged: 0 },
    tags: { added: 0, matched: 0 },
    documentTags: { added: 0 },
    colors: { updated: 0, kept: 0 },
    settings: { added: 0 },
    keptNewer: [],
    waitingForLetters: [],
    safetyBackup: null,
  };
}

const SAFETY_PATTERN = /^raadsmap-voor-herstel-.*\.rmbackup$/;

/** Restores `file` into the profile: validates, keeps a safety backup, merges in one transaction. */
export function restoreBackup(target: RestoreTarget, file: string, options: RestoreOptions): RestoreReport {
  const db = target.notesDb;
  const backup = readBackup(db, file, options.label ?? file);
  const now = options.now ?? new Date();
  const report = emptyReport(backup.info);

  const hasNotes =
    (db
      .prepare('SELECT EXISTS (SELECT 1 FROM annotations) OR EXISTS (SELECT 1 FROM positions)')
      .pluck()
      .get() as number) === 1;
  if (options.safetyBackup !== false && hasNotes) {
    const folder = join(target.dataDir, 'backups');
    mkdirSync(folder, { recursive: true });
    const made = createBackup(db, join(folder, `raadsmap-voor-herstel-${localStamp(now)}.rmbackup`), {
      version: options.version,
      now,
    });
    report.safetyBackup = made.path;
    // Keep the last three safety backups.
    const old = readdirSync(folder)
      .filter((f) => SAFETY_PATTERN.test(f))
      .sort()
      .slice(0, -3);
    for (const f of old) rmSync(join(folder, f), { force: true });
  }

  const touchedAnnotations = new Set<string>();
  const touchedPositions = new Set<string>();
  const texts = new Map<string, DocumentText | null>();
  const textOf = (documentId: string): DocumentText | null => {
    if (!texts.has(documentId)) {
      try {
        texts.set(
          documentId,
          target.content.hasDocument(documentId) ? documentText(target.content.getDocument(documentId)) : null,
        );
      } catch {
        texts.set(documentId, null);
      }
    }
    return texts.get(documentId)!;
  };
  const waiting = new Set<string>();

  db.transaction(() => {
    // Trusted publisher keys: a key trusted on the old laptop is trusted here too.
    for (const k of backup.trustedKeys) {
      // Only a well-formed key whose fingerprint is really its own.
      const raw = Buffer.from(k.public_key, 'base64');
      if (raw.byteLength !== 32 || fingerprintOf(raw) !== k.fingerprint) continue;
      db.prepare(
        `INSERT INTO trusted_keys (fingerprint, public_key, label, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (fingerprint) DO NOTHING`,
      ).run(k.fingerprint, k.public_key, k.label, k.added_at);
    }

    // Colours.
    for (const c of backup.colors) {
      const local = db.prepare('SELECT label FROM highlight_colors WHERE id = ?').pluck().get(c.id) as
        string | undefined;
      if (local === undefined || local === c.label) continue;
      if (local === DEFAULT_COLOR_LABELS[c.id]) {
        db.prepare('UPDATE highlight_colors SET label = ? WHERE id = ?').run(c.label, c.id);
        report.colors.updated++;
      } else if (c.label !== DEFAULT_COLOR_LABELS[c.id]) {
        report.colors.kept++;
        report.keptNewer.push({ kind: 'color', id: c.id, documentId: null, local, backup: c.label });
      }
    }

    // Tags, by folded name.
    const tagMap = new Map<number, number>();
    for (const t of backup.tags) {
      const key = tagKey(t.name);
      if (!key) continue;
      const existing = db.prepare('SELECT id FROM tags WHERE key = ?').pluck().get(key) as number | undefined;
      if (existing !== undefined) {
        tagMap.set(t.id, existing);
        report.tags.matched++;
      } else {
        const id = Number(
          db.prepare('INSERT INTO tags (name, key, created_at) VALUES (?, ?, ?)').run(t.name, key, t.created_at)
            .lastInsertRowid,
        );
        tagMap.set(t.id, id);
        report.tags.added++;
      }
    }
    const tagsOf = new Map<string, number[]>();
    for (const at of backup.annotationTags) {
      const local = tagMap.get(at.tag_id);
      if (local !== undefined) tagsOf.set(at.annotation_id, [...(tagsOf.get(at.annotation_id) ?? []), local]);
    }
    const setTags = (annotationId: string) => {
      db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId);
      const insert = db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
      for (const tagId of tagsOf.get(annotationId) ?? []) insert.run(annotationId, tagId);
    };

    // Annotations, by id.
    const insertAnnotation = db.prepare(
      `INSERT INTO annotations (${ANNOTATION_COLUMNS.join(', ')}) VALUES (${ANNOTATION_COLUMNS.map(() => '?').join(', ')})`,
    );
    const updateAnnotation = db.prepare(
      `UPDATE annotations SET ${ANNOTATION_COLUMNS.filter((c) => c !== 'id')
        .map((c) => `${c} = ?`)
        .join(', ')} WHERE id = ?`,
    );
    for (const b of backup.annotations) {
      const local = db.prepare('SELECT * FROM annotations WHERE id = ?').get(b.id) as AnnotationRow | undefined;
      const values = ANNOTATION_COLUMNS.map((c) => b[c]);
      if (!local) {
        insertAnnotation.run(...values);
        if (b.deleted_at) report.annotations.deleted++;
        else report.annotations.added++;
      } else {
        const theirs = changedAt(b);
        const ours = changedAt(local);
        if (theirs > ours) {
          updateAnnotation.run(...values.slice(1), b.id);
          if (b.deleted_at && !local.deleted_at) report.annotations.deleted++;
          else report.annotations.updated++;
        } else {
          if (theirs < ours) {
            report.annotations.kept++;
            report.keptNewer.push({
              kind: 'annotation',
              id: b.id,
              documentId: b.document_id,
              local: ours,
              backup: theirs,
            });
          } else report.annotations.unchanged++;
          continue;
        }
      }
      setTags(b.id);
      touchedAnnotations.add(b.id);
    }

    // Positions, by (document, decision); their links follow the winning copy.
    const insertPosition = db.prepare(
      `INSERT INTO positions (${POSITION_COLUMNS.join(', ')}) VALUES (${POSITION_COLUMNS.map(() => '?').join(', ')})`,
    );
    const updatePosition = db.prepare(
      `UPDATE positions SET ${POSITION_COLUMNS.slice(2)
        .map((c) => `${c} = ?`)
        .join(', ')} WHERE document_id = ? AND decision_label = ?`,
    );
    for (const b of backup.positions) {
      const local = db
        .prepare('SELECT updated_at FROM positions WHERE document_id = ? AND decision_label = ?')
        .get(b.document_id, b.decision_label) as { updated_at: string } | undefined;
      const values = POSITION_COLUMNS.map((c) => b[c]);
      if (!local) {
        insertPosition.run(...values);
        report.positions.added++;
      } else if (b.updated_at > local.updated_at) {
        updatePosition.run(...values.slice(2), b.document_id, b.decision_label);
        report.positions.updated++;
      } else {
        if (b.updated_at < local.updated_at) {
          report.positions.kept++;
          report.keptNewer.push({
            kind: 'position',
            id: `${b.document_id}/${b.decision_label}`,
            documentId: b.document_id,
            local: local.updated_at,
            backup: b.updated_at,
          });
        } else report.positions.unchanged++;
        continue;
      }
      db.prepare('DELETE FROM position_links WHERE document_id = ? AND decision_label = ?').run(
        b.document_id,
        b.decision_label,
      );
      const link = db.prepare(
        'INSERT OR IGNORE INTO position_links (document_id, decision_label, annotation_id, created_at) VALUES (?, ?, ?, ?)',
      );
      for (const l of backup.links) {
        if (l.document_id === b.document_id && l.decision_label === b.decision_label)
          link.run(l.document_id, l.decision_label, l.annotation_id, l.created_at);
      }
      touchedPositions.add(JSON.stringify([b.document_id, b.decision_label]));
    }

    // Tags on letters: a union.
    const docTag = db.prepare('INSERT OR IGNORE INTO document_tags (document_id, tag_id) VALUES (?, ?)');
    for (const dt of backup.documentTags) {
      const local = tagMap.get(dt.tag_id);
      if (local !== undefined) report.documentTags.added += docTag.run(dt.document_id, local).changes;
    }

    // Settings this profile does not have (never the second backup folder: it is this laptop's).
    const setting = db.prepare('INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
    for (const s of backup.settings) {
      if (s.key === 'backupFolder') continue;
      report.settings.added += setting.run(s.key, s.value, s.updated_at).changes;
    }

    // Anchor what arrived in the letters as they are here, then index it.
    const reanchor = db.prepare(
      'UPDATE annotations SET anchor = ?, pos_start = ?, pos_end = ?, paragraph_id = COALESCE(?, paragraph_id) WHERE id = ?',
    );
    for (const id of touchedAnnotations) {
      const row = db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow;
      const doc = textOf(row.document_id);
      if (!doc) {
        if (!row.deleted_at) waiting.add(row.document_id);
      } else {
        const result = anchor(doc.text, {
          quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
          position: { start: row.pos_start, end: row.pos_end },
        });
        const paragraph =
          result.state === 'orphan'
            ? null
            : (doc.blocks.find((b) => b.kind === 'paragraph' && b.start <= result.start && result.start < b.end + 2) ??
              null);
        reanchor.run(result.state, result.start, result.end, paragraph?.id ?? null, id);
      }
      target.notes.reindexAnnotation(id);
    }
    for (const key of touchedPositions) {
      const [documentId, label] = JSON.parse(key) as [string, string];
      if (!textOf(documentId)) waiting.add(documentId);
      target.notes.reindexPosition(documentId, label);
    }
  })();
  report.waitingForLetters = [...waiting].sort();
  return report;
}

/** The report as the CLI prints it: Dutch, then English. */
export function formatRestoreReport(r: RestoreReport): string {
  const a = r.annotations;
  const p = r.positions;
  const made =
    r.backup.createdAt && !Number.isNaN(Date.parse(r.backup.createdAt)) ? new Date(r.backup.createdAt) : null;
  const when = made ? dutchDateTime(made) : 'onbekende datum';
  const whenEn = made ? made.toISOString().replace('T', ' ').slice(0, 16) : 'unknown date';
  const lines = [
    `Back-up van ${when} (Raadsmap ${r.backup.appVersion}, schema ${r.backup.schemaVersion}) teruggezet.`,
    `Notities: ${a.added} toegevoegd, ${a.updated} bijgewerkt, ${a.deleted} verwijderd (zoals in de back-up), ${a.unchanged} al gelijk, ${a.kept} hier nieuwer en behouden.`,
    `Standpunten: ${p.added} toegevoegd, ${p.updated} bijgewerkt, ${p.unchanged} al gelijk, ${p.kept} hier nieuwer en behouden.`,
    `Labels: ${r.tags.added} nieuw, ${r.tags.matched} bestonden al; ${r.documentTags.added} label(s) op brieven toegevoegd. Kleuren: ${r.colors.updated} betekenis(sen) overgenomen, ${r.colors.kept} eigen betekenis(sen) behouden.`,
    `Restored a backup of ${whenEn} UTC (Raadsmap ${r.backup.appVersion}, schema ${r.backup.schemaVersion}).`,
    `Notes: ${a.added} added, ${a.updated} updated, ${a.deleted} deleted (as in the backup), ${a.unchanged} already equal, ${a.kept} newer here and kept.`,
    `Positions: ${p.added} added, ${p.updated} updated, ${p.unchanged} already equal, ${p.kept} newer here and kept.`,
    `Tags: ${r.tags.added} new, ${r.tags.matched} existed; ${r.documentTags.added} letter tag(s) added. Colours: ${r.colors.updated} meaning(s) taken over, ${r.colors.kept} own meaning(s) kept.`,
  ];
  for (const k of r.keptNewer) {
    lines.push(
      k.kind === 'color'
        ? `Behouden / kept: kleur ${k.id} "${k.local}" (back-up / backup: "${k.backup}")`
        : `Behouden (hier nieuwer) / kept (newer here): ${k.kind === 'annotation' ? 'notitie / note' : 'standpunt / position'} ${k.id} (${k.local} > ${k.backup})`,
    );
  }
  if (r.waitingForLetters.length) {
    lines.push(
      `Wachten op brieven die hier nog niet zijn geïnstalleerd / waiting for letters not installed here: ${r.waitingForLetters.join(', ')}`,
    );
  }
  if (r.safetyBackup) lines.push(`Vooraf bewaard / saved first: ${r.safetyBackup}`);
  return `${lines.join('\n')}\n`;
}
