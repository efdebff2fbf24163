/**
 * `raadsmap keys …` and `raadsmap pack …`: what a griffie or an IT department does with content
 * packs from a terminal. Machine output (JSON) alone on stdout; progress and notices on stderr.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync, chmodSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RaadsmapError } from '../core/errors';
import { buildPackFromFiles } from '../core/packs/build';
import { readPack, type ReadPack } from '../core/packs/format';
import { letterDiff } from '../core/packs/manager';
import {
  checkSignature,
  formatFingerprint,
  generateKeys,
  loadPrivateKey,
  loadPublicKey,
  signPackBytes,
  splitPack,
  type SignatureCheck,
} from '../core/packs/sign';
import { resolveDataDir } from '../core/paths';
import { openServices } from '../core/services';
import { documentText } from '../shared/text';
import type { PackUpdateDetail, PackUpdateSummary } from '../shared/packs';
import type { Section } from '../shared/model';

export interface CliArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

type Writer = (file: string, bytes: Uint8Array) => void;

function str(args: CliArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function usage(nl: string, en: string): RaadsmapError {
  return new RaadsmapError('usage', nl, en);
}

function readInput(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (cause) {
    throw new RaadsmapError('file-not-found', `Bestand niet gevonden: ${file}`, `File not found: ${file}`, { cause });
  }
}

function json(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Creates a file that must not exist yet, with the given mode (0600 for a private key). */
function createNew(file: string, text: string, mode: number): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const fd = openSync(file, 'wx', mode);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, mode); // the umask may have narrowed or widened it
}

export function keysGenerate(args: CliArgs): void {
  const prefix = str(args, 'out');
  if (!prefix) {
    throw usage('Gebruik: raadsmap keys generate --out PREFIX', 'Usage: raadsmap keys generate --out PREFIX');
  }
  const keyFile = `${prefix}.key`;
  const pubFile = `${prefix}.pub`;
  for (const f of [keyFile, pubFile]) {
    if (existsSync(f)) {
      throw new RaadsmapError(
        'file-exists',
        `${f} bestaat al; Raadsmap overschrijft geen sleutels. Kies een ander --out.`,
        `${f} already exists; Raadsmap does not overwrite keys. Choose another --out.`,
      );
    }
  }
  const keys = generateKeys();
  createNew(keyFile, keys.privatePem, 0o600);
  createNew(pubFile, keys.publicPem, 0o644);
  if (args.flags.has('json')) {
    json({ privateKey: resolve(keyFile), publicKey: resolve(pubFile), fingerprint: keys.fingerprint });
    return;
  }
  note(
    `Privésleutel / private key: ${resolve(keyFile)} (alleen voor u leesbaar; deel hem met niemand / readable only by you; share it with no one)`,
  );
  note(`Publieke sleutel / public key: ${resolve(pubFile)} (geef deze aan raadsleden / give this to members)`);
  process.stdout.write(`${formatFingerprint(keys.fingerprint)}\n`);
}

export async function packBuild(args: CliArgs, write: Writer): Promise<void> {
  const inputs = args.positional.slice(2);
  const out = str(args, 'out');
  if (!inputs.length || !out) {
    throw usage(
      'Gebruik: raadsmap pack build <bestanden of mappen…> --out FILE.raadsmap [--key SLEUTEL.key]',
      'Usage: raadsmap pack build <files or folders…> --out FILE.raadsmap [--key KEY.key]',
    );
  }
  const keyFile = str(args, 'key');
  const key = keyFile ? loadPrivateKey(readInput(keyFile)) : null;
  const id = str(args, 'id');
  const title = str(args, 'title');
  const versionText = str(args, 'version');
  if (versionText !== undefined && !/^\d+$/.test(versionText)) {
    throw usage('--version moet een geheel getal zijn.', '--version must be a whole number.');
  }
  const started = Date.now();
  const built = await buildPackFromFiles(inputs, {
    ...(id ? { id } : {}),
    ...(title ? { title } : {}),
    ...(versionText !== undefined ? { version: Number(versionText) } : {}),
    onProgress: (done, total, name) => {
      if (!name) return;
      // Every file for small packs; for large ones every 50th and the elapsed time.
      if (total <= 50 || done % 50 === 0 || done === total - 1) {
        note(`[${done + 1}/${total}] ${name}${total > 50 ? ` (${((Date.now() - started) / 1000).toFixed(1)} s)` : ''}`);
      }
    },
  });
  let bytes = built.bytes;
  let fingerprint: string | null = null;
  if (key) ({ bytes, fingerprint } = signPackBytes(bytes, key));
  write(out, bytes);
  const summary = {
    file: resolve(out),
    id: built.input.id,
    title: built.input.title,
    version: built.input.version,
    signed: fingerprint !== null,
    fingerprint,
    documents: built.input.documents.map((d) => ({
      id: d.model.id,
      title: d.model.title,
      decisions: d.model.decisions.length,
    })),
  };
  if (args.flags.has('json')) return json(summary);
  note(
    `Pakket gebouwd / Pack built: ${summary.file} (${summary.id} v${summary.version}, ${summary.documents.length} document(en))` +
      (fingerprint ? `\nOndertekend / Signed: ${formatFingerprint(fingerprint)}` : ''),
  );
}

export function packSign(args: CliArgs, write: Writer): void {
  const file = args.positional[2];
  const keyFile = str(args, 'key');
  if (!file || !keyFile) {
    throw usage(
      'Gebruik: raadsmap pack sign FILE.raadsmap --key SLEUTEL.key',
      'Usage: raadsmap pack sign FILE.raadsmap --key KEY.key',
    );
  }
  const key = loadPrivateKey(readInput(keyFile));
  const bytes = readInput(file);
  // Only a valid pack is signed (an existing signature is replaced).
  readPack(splitPack(bytes).unsigned);
  const signed = signPackBytes(bytes, key);
  write(file, signed.bytes);
  if (args.flags.has('json')) return json({ file: resolve(file), fingerprint: signed.fingerprint });
  note(`Ondertekend / Signed: ${resolve(file)}`);
  process.stdout.write(`${formatFingerprint(signed.fingerprint)}\n`);
}

export function packVerify(args: CliArgs): void {
  const file = args.positional[2];
  const trustFile = str(args, 'trust');
  if (!file || !trustFile) {
    throw usage(
      'Gebruik: raadsmap pack verify FILE.raadsmap --trust SLEUTEL.pub',
      'Usage: raadsmap pack verify FILE.raadsmap --trust KEY.pub',
    );
  }
  const trusted = loadPublicKey(readInput(trustFile));
  const split = splitPack(readInput(file));
  const check = checkSignature(split);
  if (check.state === 'unsigned') {
    throw new RaadsmapError('pack-unsigned', 'Dit pakket is niet ondertekend.', 'This pack is not signed.');
  }
  if (check.state === 'invalid') {
    throw new RaadsmapError(
      'pack-signature-invalid',
      'De handtekening klopt niet: het pakket is na het ondertekenen gewijzigd of beschadigd.',
      'The signature does not match: the pack was changed or damaged after signing.',
    );
  }
  if (check.fingerprint !== trusted.fingerprint) {
    throw new RaadsmapError(
      'pack-wrong-key',
      `Het pakket is ondertekend met een andere sleutel (${formatFingerprint(check.fingerprint)}).`,
      `The pack is signed with another key (${formatFingerprint(check.fingerprint)}).`,
    );
  }
  const pack = readPack(split.unsigned);
  if (args.flags.has('json')) {
    return json({ valid: true, fingerprint: check.fingerprint, id: pack.manifest.id, version: pack.manifest.version });
  }
  process.stdout.write(
    `Geldig / Valid: ${pack.manifest.title} (${pack.manifest.id} v${pack.manifest.version}), ${formatFingerprint(check.fingerprint)}\n`,
  );
}

function sectionsForJson(sections: Section[]): unknown[] {
  return sections.map((s) => ({
    id: s.id,
    title: s.title,
    level: s.level,
    paragraphs: s.paragraphs,
    sections: sectionsForJson(s.sections),
  }));
}

function openFile(file: string): { pack: ReadPack; signature: SignatureCheck } {
  const split = splitPack(readInput(file));
  return { pack: readPack(split.unsigned), signature: checkSignature(split) };
}

export function packInspect(args: CliArgs): void {
  const file = args.positional[2];
  if (!file) {
    throw usage(
      'Gebruik: raadsmap pack inspect FILE.raadsmap [--json]',
      'Usage: raadsmap pack inspect FILE.raadsmap [--json]',
    );
  }
  const { pack, signature } = openFile(file);
  const { documents: manifestDocuments, ...packInfo } = pack.manifest;
  const output = {
    pack: { ...packInfo, documentCount: manifestDocuments.length },
    signature: { state: signature.state, fingerprint: signature.fingerprint },
    documents: pack.documents.map((d) => ({
      id: d.id,
      title: d.title,
      date: d.date,
      reference: d.reference,
      kenmerk: d.kenmerk,
      subject: d.subject,
      addressee: d.addressee,
      attachments: d.attachments,
      signatory: d.signatory,
      tags: manifestDocuments.find((m) => m.id === d.id)?.tags ?? [],
      original: manifestDocuments.find((m) => m.id === d.id)?.original ?? null,
      decisions: d.decisions.map((x) => ({
        label: x.label,
        text: x.text,
        ...(x.stem ? { stem: x.stem } : {}),
        hash: x.hash,
      })),
      sections: sectionsForJson(d.sections),
    })),
  };
  if (args.flags.has('json')) return json(output);
  const m = pack.manifest;
  const lines = [`${m.title} (${m.id}, versie/version ${m.version})`];
  if (m.publisher || m.issued)
    lines.push(`Uitgever/publisher: ${m.publisher ?? '-'}  uitgegeven/issued: ${m.issued ?? '-'}`);
  if (m.meeting) {
    lines.push(
      `Vergadering/meeting: ${m.meeting.date ?? '-'}  amendementen en moties/amendments and motions: ${m.meeting.amendmentDeadline ?? '-'}`,
    );
  }
  lines.push(
    signature.state === 'unsigned'
      ? 'Niet ondertekend / not signed'
      : signature.state === 'valid'
        ? `Ondertekend / signed: ${formatFingerprint(signature.fingerprint)}`
        : `HANDTEKENING ONGELDIG / SIGNATURE INVALID (${formatFingerprint(signature.fingerprint)})`,
  );
  for (const d of pack.documents) {
    lines.push(`- ${d.reference ?? d.id}  ${d.date ?? '?'}  ${d.title}  (${d.decisions.length} besluit(en)/decisions)`);
    for (const x of d.decisions) lines.push(`    ${x.label}. ${x.text.slice(0, 100)}${x.text.length > 100 ? '…' : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `pack diff OLD NEW`: documents by stable id, and a paragraph-level diff of changed ones. Exit 0 either way. */
export function packDiff(args: CliArgs): void {
  const [oldFile, newFile] = args.positional.slice(2);
  if (!oldFile || !newFile) {
    throw usage('Gebruik: raadsmap pack diff OUD NIEUW [--json]', 'Usage: raadsmap pack diff OLD NEW [--json]');
  }
  const a = openFile(oldFile).pack;
  const b = openFile(newFile).pack;
  const oldDocs = new Map(a.documents.map((d) => [d.id, d]));
  const newDocs = new Map(b.documents.map((d) => [d.id, d]));
  const added = b.documents.filter((d) => !oldDocs.has(d.id)).map((d) => ({ id: d.id, title: d.title }));
  const removed = a.documents.filter((d) => !newDocs.has(d.id)).map((d) => ({ id: d.id, title: d.title }));
  const changed = b.documents
    .filter((d) => oldDocs.has(d.id) && documentText(oldDocs.get(d.id)!).text !== documentText(d).text)
    .map((d) => ({ id: d.id, title: d.title, blocks: letterDiff(oldDocs.get(d.id)!, d) }));
  const unchanged = b.documents.length - added.length - changed.length;
  const out = {
    old: { id: a.manifest.id, version: a.manifest.version },
    new: { id: b.manifest.id, version: b.manifest.version },
    added,
    changed,
    removed,
    unchanged,
  };
  if (args.flags.has('json')) return json(out);
  const lines = [
    `${a.manifest.id} v${a.manifest.version} → ${b.manifest.id} v${b.manifest.version}: ` +
      `${added.length} nieuw/added, ${changed.length} gewijzigd/changed, ${removed.length} verwijderd/removed, ${unchanged} ongewijzigd/unchanged`,
  ];
  for (const d of added) lines.push(`+ ${d.id}  ${d.title}`);
  for (const d of removed) lines.push(`- ${d.id}  ${d.title}`);
  for (const d of changed) {
    lines.push(`~ ${d.id}  ${d.title}`);
    for (const block of d.blocks) {
      if (block.op === 'same') lines.push(`    (${block.count} ongewijzigd/unchanged)`);
      else if (block.op === 'added') lines.push(`  + ${block.text}`);
      else if (block.op === 'removed') lines.push(`  - ${block.text}`);
      else if (block.op === 'moved') lines.push(`  > ${block.text}`);
      else {
        lines.push(
          `  ~ ${block.words.map((w) => (w.op === 'same' ? w.text : w.op === 'added' ? `{+${w.text}+}` : `[-${w.text}-]`)).join('')}`,
        );
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function withServices<T>(args: CliArgs, fn: (services: ReturnType<typeof openServices>) => T): T {
  const services = openServices({ dataDir: resolveDataDir(str(args, 'data')) });
  try {
    return fn(services);
  } finally {
    services.close();
  }
}

export function packList(args: CliArgs): void {
  withServices(args, (services) => {
    const packs = services.packs.list();
    if (args.flags.has('json')) return json(packs);
    const lines = packs.map(
      (p) =>
        `${p.id}  v${p.version}  ${p.title}  (${p.documentCount} brief/letters, ${p.source}` +
        `${p.fingerprint ? `, ${formatFingerprint(p.fingerprint).slice(0, 19)}…` : ''})`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}

export function packRemove(args: CliArgs): void {
  const id = args.positional[2];
  if (!id) throw usage('Gebruik: raadsmap pack remove ID [--data DIR]', 'Usage: raadsmap pack remove ID [--data DIR]');
  withServices(args, (services) => {
    const summary = services.packs.remove(id);
    if (args.flags.has('json')) return json(summary);
    note(
      `Verwijderd / Removed: ${summary.packTitle} (${summary.removed.length} brief/letters). ` +
        'Uw notities blijven bewaard en komen terug met het pakket. / Your notes are kept and return with the pack.',
    );
  });
}

const PHASES: Record<string, string> = {
  verify: 'handtekening controleren / checking the signature',
  read: 'pakket lezen / reading the pack',
  install: 'brieven installeren en indexeren / installing and indexing the letters',
  reanchor: 'notities opnieuw verankeren / re-anchoring the notes',
};

const STATE_WORDS: Record<string, string> = {
  anchored: 'ongewijzigd/unchanged',
  moved: 'verplaatst/moved',
  changed: 'controleren/review',
  orphan: 'verweesd/orphaned',
};

export function packInstall(args: CliArgs): void {
  const file = args.positional[2];
  if (!file) {
    throw usage(
      'Gebruik: raadsmap pack install FILE.raadsmap [--data DIR] [--trust SLEUTEL.pub] [--allow-unsigned] [--json]',
      'Usage: raadsmap pack install FILE.raadsmap [--data DIR] [--trust KEY.pub] [--allow-unsigned] [--json]',
    );
  }
  const bytes = readInput(file);
  const trustFile = str(args, 'trust');
  const trustKeyPem = trustFile ? readInput(trustFile) : undefined;
  withServices(args, (services) => {
    let lastPhase = '';
    const summary: PackUpdateSummary = services.packs.install(bytes, {
      ...(trustKeyPem ? { trustKeyPem } : {}),
      ...(args.flags.has('allow-unsigned') ? { allowUnsigned: true } : {}),
      onProgress: (p) => {
        if (p.phase !== lastPhase && PHASES[p.phase]) note(`… ${PHASES[p.phase]}`);
        lastPhase = p.phase;
      },
    });
    const detail: PackUpdateDetail = services.packs.detail(summary.id);
    if (args.flags.has('json')) {
      return json({
        update: summary,
        report: detail.report,
        positions: detail.positions,
      });
    }
    const lines = [
      `Geïnstalleerd / Installed: ${summary.packTitle} v${summary.toVersion}` +
        (summary.fromVersion ? ` (was v${summary.fromVersion})` : ''),
      `Brieven / letters: ${summary.added.length} nieuw/new, ${summary.changed.length} gewijzigd/changed, ${summary.removed.length} verwijderd/removed`,
      `Notities op gewijzigde brieven / notes on changed letters: ` +
        Object.entries(summary.notes)
          .map(([k, n]) => `${n} ${STATE_WORDS[k]}`)
          .join(', '),
    ];
    for (const r of detail.report.filter((x) => x.state === 'changed' || x.state === 'orphan')) {
      lines.push(
        `  ${STATE_WORDS[r.state]}: ${r.documentTitle}: "${r.quote.slice(0, 80)}${r.quote.length > 80 ? '…' : ''}"`,
      );
    }
    for (const p of detail.positions) {
      lines.push(
        `  standpunt/position ${p.decisionLabel} (${p.documentTitle}): besluit ${p.reason === 'changed' ? 'gewijzigd/changed' : 'vervallen/removed'} — controleren/review`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
