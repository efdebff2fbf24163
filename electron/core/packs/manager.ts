/**
 * Installing, inspecting and removing content packs, and what each update did.
 *
 * Install order (nothing is written until the pack has passed every check):
 *   1. split off and verify the Ed25519 signature over every other byte of the file;
 *   2. decide trust: a key trusted before, a key the user confirms now (its fingerprint), a
 *      public key file given with `--trust`; an unsigned pack only with `allowUnsigned`;
 *   3. read the pack (limits, paths, hashes, schemas) and refuse an older or equal version;
 *   4. install in one content.db transaction, which also records the update;
 *   5. re-anchor every note on the changed letters (notes.db, resumable; see reanchor-updates.ts).
 */
import type { ContentStore, PackUpdateRecord } from '../content/store';
import { RaadsmapError } from '../errors';
import type { NotesStore } from '../notes/store';
import { UpdateReanchoring } from '../notes/reanchor-updates';
import { diffBlocks, diffWords } from '../anchoring/diff';
import { documentText } from '../../shared/text';
import type { LetterDocument } from '../../shared/model';
import type { AnchorState } from '../../shared/notes-constants';
import type {
  BlockDiff,
  InstallProgress,
  InstalledPackInfo,
  PackPreview,
  PackUpdateDetail,
  PackUpdateSummary,
  PositionReview,
} from '../../shared/packs';
import type { Db } from '../db/open';
import { readPack, type ReadPack } from './format';
import { checkSignature, formatFingerprint, loadPublicKey, splitPack, type SignatureCheck } from './sign';
import { TrustStore } from './trust';

export interface InstallOptions {
  /** A public key (PEM) to trust for this install and from now on (`--trust PUBKEY`). */
  trustKeyPem?: string | Uint8Array;
  /** The fingerprint of the pack's key, which the user confirmed in the app. */
  trustFingerprint?: string;
  /** Install an unsigned pack (after the user saw the warning). */
  allowUnsigned?: boolean;
  now?: Date;
  onProgress?: (progress: NonNullable<InstallProgress>) => void;
}

export interface OpenedPack {
  pack: ReadPack;
  signature: SignatureCheck;
}

export class PackManager {
  readonly trust: TrustStore;
  readonly reanchoring: UpdateReanchoring;

  constructor(
    private readonly content: ContentStore,
    private readonly notes: NotesStore,
    private readonly notesDb: Db,
  ) {
    this.trust = new TrustStore(notesDb);
    this.reanchoring = new UpdateReanchoring(notesDb, content, notes);
  }

  /** Reads a pack and checks its signature's integrity (not yet whether its key is trusted). */
  open(bytes: Uint8Array): OpenedPack {
    const split = splitPack(bytes);
    const signature = checkSignature(split);
    if (signature.state === 'invalid') {
      throw new RaadsmapError(
        'pack-signature-invalid',
        'De handtekening van dit pakket klopt niet: het is na het ondertekenen gewijzigd of beschadigd. Er is niets geïnstalleerd.',
        'This pack’s signature does not match: it was changed or damaged after signing. Nothing was installed.',
      );
    }
    return { pack: readPack(split.unsigned), signature };
  }

  inspect(bytes: Uint8Array): PackPreview {
    const { pack, signature } = this.open(bytes);
    const m = pack.manifest;
    const installed = this.content.getPack(m.id);
    const tagsById = new Map(m.documents.map((d) => [d.id, d.tags ?? []]));
    const originals = new Map(m.documents.map((d) => [d.id, d.original.name]));
    return {
      id: m.id,
      title: m.title,
      version: m.version,
      issued: m.issued,
      publisher: m.publisher,
      meeting: m.meeting && (m.meeting.date || m.meeting.amendmentDeadline) ? m.meeting : null,
      changelog: m.changelog ?? null,
      documents: pack.documents.map((d) => ({
        ...documentPreview(d),
        originalName: originals.get(d.id) ?? '',
        tags: tagsById.get(d.id) ?? [],
      })),
      signature: {
        state: signature.state,
        fingerprint: signature.fingerprint,
        trusted: signature.state === 'valid' && this.trust.isTrusted(signature.fingerprint),
      },
      installedVersion: installed?.version ?? null,
      verdict: !installed
        ? 'new'
        : m.version > installed.version
          ? 'update'
          : m.version === installed.version
            ? 'same'
            : 'older',
      changes: this.compare(pack),
      blocked: installed?.source === 'bundled' && signature.state === 'unsigned' ? bundledUnsigned(m.title) : null,
    };
  }

  /** What installing would change in the library, by document id. */
  private compare(pack: ReadPack): PackPreview['changes'] {
    const added: Array<{ id: string; title: string }> = [];
    const changed: Array<{ id: string; title: string }> = [];
    const ids = new Set<string>();
    for (const doc of pack.documents) {
      ids.add(doc.id);
      let shown: LetterDocument | null = null;
      try {
        shown = this.content.getDocument(doc.id);
      } catch {
        shown = null;
      }
      if (!shown) added.push({ id: doc.id, title: doc.title });
      else if (documentText(shown).text !== documentText(doc).text) changed.push({ id: doc.id, title: doc.title });
    }
    const removed = this.content.getPack(pack.manifest.id)
      ? this.content
          .listDocumentIdsInPack(pack.manifest.id)
          .filter((id) => !ids.has(id))
          .map((id) => ({ id, title: this.content.getDocumentFromPack(pack.manifest.id, id).title }))
      : [];
    return { added, changed, removed };
  }

  install(bytes: Uint8Array, options: InstallOptions = {}): PackUpdateSummary {
    const progress = options.onProgress ?? (() => undefined);
    progress({ phase: 'verify', done: 0, total: 1 });
    const split = splitPack(bytes);
    const signature = checkSignature(split);
    let keyToTrust: Uint8Array | null = null;
    let trustedKey = options.trustKeyPem ? loadPublicKey(options.trustKeyPem) : null;
    if (signature.state === 'invalid') {
      throw new RaadsmapError(
        'pack-signature-invalid',
        'De handtekening van dit pakket klopt niet: het is na het ondertekenen gewijzigd of beschadigd. Er is niets geïnstalleerd.',
        'This pack’s signature does not match: it was changed or damaged after signing. Nothing was installed.',
      );
    }
    if (signature.state === 'unsigned') {
      if (!options.allowUnsigned) {
        throw new RaadsmapError(
          'pack-unsigned',
          'Dit pakket is niet ondertekend: niet te controleren wie het maakte en of het onderweg is gewijzigd. Installeer het alleen als u de afzender vertrouwt (CLI: --allow-unsigned).',
          'This pack is not signed: there is no way to check who made it or whether it was changed on the way. Install it only if you trust the sender (CLI: --allow-unsigned).',
        );
      }
      trustedKey = null;
    } else if (trustedKey) {
      if (trustedKey.fingerprint !== signature.fingerprint) {
        throw new RaadsmapError(
          'pack-wrong-key',
          `Dit pakket is ondertekend met een andere sleutel (${formatFingerprint(signature.fingerprint)}) dan de opgegeven sleutel (${formatFingerprint(trustedKey.fingerprint)}). Er is niets geïnstalleerd.`,
          `This pack is signed with another key (${formatFingerprint(signature.fingerprint)}) than the key given (${formatFingerprint(trustedKey.fingerprint)}). Nothing was installed.`,
        );
      }
      keyToTrust = signature.publicKey;
    } else if (!this.trust.isTrusted(signature.fingerprint)) {
      if (options.trustFingerprint !== signature.fingerprint) {
        throw new RaadsmapError(
          'pack-untrusted-key',
          `Dit pakket is ondertekend met een sleutel die deze computer nog niet vertrouwt. Vingerafdruk: ${formatFingerprint(signature.fingerprint)}. Vergelijk die met wat de griffie u gaf en vertrouw de sleutel alleen als ze gelijk zijn (CLI: --trust SLEUTEL.pub).`,
          `This pack is signed with a key this computer does not trust yet. Fingerprint: ${formatFingerprint(signature.fingerprint)}. Compare it with what the clerk's office gave you and trust the key only if they match (CLI: --trust KEY.pub).`,
        );
      }
      keyToTrust = signature.publicKey;
    }

    progress({ phase: 'read', done: 0, total: 1 });
    const pack = readPack(split.unsigned);
    const m = pack.manifest;
    const installed = this.content.getPack(m.id);
    if (installed && installed.version === m.version) {
      throw new RaadsmapError(
        'pack-already-installed',
        `"${m.title}" versie ${m.version} is al geïnstalleerd. Er is niets gewijzigd.`,
        `"${m.title}" version ${m.version} is already installed. Nothing was changed.`,
      );
    }
    if (installed && installed.version > m.version) {
      throw new RaadsmapError(
        'pack-older-version',
        `Dit is een oudere versie (${m.version}) van "${m.title}" dan de geïnstalleerde (${installed.version}). Er is niets gewijzigd.`,
        `This is an older version (${m.version}) of "${m.title}" than the one installed (${installed.version}). Nothing was changed.`,
      );
    }
    if (installed?.source === 'bundled' && signature.state === 'unsigned') {
      // An unsigned file may not replace what ships inside the app under the same id.
      const { nl, en } = bundledUnsigned(m.title);
      throw new RaadsmapError('pack-bundled', nl, en);
    }

    progress({ phase: 'install', done: 0, total: pack.documents.length });
    const record = this.content.installPack(
      {
        info: { id: m.id, title: m.title, version: m.version, publisher: m.publisher, issued: m.issued },
        manifestJson: pack.manifestJson,
        documents: pack.documents,
        fingerprint: signature.state === 'valid' ? signature.fingerprint : null,
        originals: new Map(m.documents.map((d) => [d.id, { name: d.original.name, bytes: pack.originals.get(d.id)! }])),
      },
      'file',
      options.now,
    );
    if (keyToTrust) this.trust.trust(keyToTrust, m.publisher ?? m.title, options.now);

    progress({ phase: 'reanchor', done: 0, total: 1 });
    this.reanchoring.run((done, total) => progress({ phase: 'reanchor', done, total }));
    progress({ phase: 'done', done: 1, total: 1 });
    return this.summary(record);
  }

  remove(packId: string, now?: Date): PackUpdateSummary {
    const pack = this.content.getPack(packId);
    if (pack?.source === 'bundled') {
      throw new RaadsmapError(
        'pack-bundled',
        `"${pack.title}" is de standaardinhoud van Raadsmap en kan niet worden verwijderd.`,
        `"${pack.title}" is Raadsmap's default content and cannot be removed.`,
      );
    }
    const record = this.content.removePack(packId, now);
    this.reanchoring.run();
    return this.summary(record);
  }

  list(): InstalledPackInfo[] {
    return this.content.listPacks();
  }

  updates(): PackUpdateSummary[] {
    const deleted = this.deletedIds();
    return this.content.listUpdates().map((u) => this.summary(u, deleted));
  }

  summary(record: PackUpdateRecord, deleted = this.deletedIds()): PackUpdateSummary {
    const notes: Record<AnchorState, number> = { anchored: 0, moved: 0, changed: 0, orphan: 0 };
    for (const r of this.reanchoring.reportOf(record.id)) if (!deleted.has(r.annotationId)) notes[r.state]++;
    return { ...record, notes, positionsToReview: this.positionReviews(record).length };
  }

  private deletedIds(): Set<string> {
    return new Set(
      this.notesDb.prepare('SELECT id FROM annotations WHERE deleted_at IS NOT NULL').pluck().all() as string[],
    );
  }

  detail(updateId: number): PackUpdateDetail {
    const record = this.content.getUpdate(updateId);
    if (!record) {
      throw new RaadsmapError(
        'pack-not-installed',
        'Deze update is niet (meer) bekend.',
        'This update is not known (any more).',
      );
    }
    const changes = this.content.textChangesOf(updateId);
    const documents = changes
      .filter((c) => c.after)
      .map((c) => ({ id: c.documentId, title: c.after!.title, blocks: letterDiff(c.before, c.after!) }));
    const annotation = this.notesDb.prepare('SELECT exact, note, anchor, deleted_at FROM annotations WHERE id = ?');
    const titles = new Map<string, string>();
    for (const c of changes) titles.set(c.documentId, (c.after ?? c.before).title);
    for (const d of [...record.added, ...record.changed, ...record.removed]) titles.set(d.id, d.title);
    const report = this.reanchoring.reportOf(updateId).map((r) => {
      const a = annotation.get(r.annotationId) as
        { exact: string; note: string; anchor: AnchorState; deleted_at: string | null } | undefined;
      return {
        annotationId: r.annotationId,
        documentId: r.documentId,
        documentTitle: titles.get(r.documentId) ?? r.documentId,
        state: r.state,
        current: a?.anchor ?? null,
        quote: a?.exact ?? '',
        note: a?.note ?? '',
        deleted: !a || a.deleted_at !== null,
      };
    });
    return { ...this.summary(record), documents, report, positions: this.positionReviews(record) };
  }

  /** Positions on the letters this update changed whose decision was reworded or removed. */
  private positionReviews(record: PackUpdateRecord): PositionReview[] {
    const out: PositionReview[] = [];
    const positions = this.notesDb.prepare(
      'SELECT decision_label, stance FROM positions WHERE document_id = ? ORDER BY decision_label',
    );
    // Only the letters the user has positions on are read (a large update changes hundreds of letters).
    const withPositions = new Set(
      this.notesDb.prepare('SELECT DISTINCT document_id FROM positions').pluck().all() as string[],
    );
    if (withPositions.size === 0) return out;
    for (const change of this.content.textChangesOf(record.id, withPositions)) {
      if (!change.after) continue;
      const rows = positions.all(change.documentId) as Array<{
        decision_label: string;
        stance: PositionReview['stance'];
      }>;
      for (const row of rows) {
        const before = change.before.decisions.find((d) => d.label === row.decision_label);
        const after = change.after.decisions.find((d) => d.label === row.decision_label);
        if (before && after && before.hash === after.hash) continue;
        if (!before && !after) continue;
        out.push({
          documentId: change.documentId,
          documentTitle: change.after.title,
          decisionLabel: row.decision_label,
          stance: row.stance,
          reason: after ? 'changed' : 'removed',
          oldText: before?.text ?? null,
          newText: after?.text ?? null,
        });
      }
    }
    return out;
  }
}

function bundledUnsigned(title: string): { nl: string; en: string } {
  return {
    nl: `"${title}" is de standaardinhoud van Raadsmap; een nieuwe versie moet ondertekend zijn. Er wordt niets geïnstalleerd.`,
    en: `"${title}" is Raadsmap's default content; a new version must be signed. Nothing will be installed.`,
  };
}

/** A letter's structure as the install dialog and the griffie screen show it. */
export function documentPreview(d: LetterDocument) {
  const sections: Array<{ title: string; level: number }> = [];
  let paragraphCount = 0;
  const walk = (list: LetterDocument['sections']) => {
    for (const s of list) {
      if (s.title) sections.push({ title: s.title, level: s.level });
      paragraphCount += s.paragraphs.length;
      walk(s.sections);
    }
  };
  walk(d.sections);
  return {
    id: d.id,
    title: d.title,
    reference: d.reference,
    date: d.date,
    sections,
    decisions: d.decisions.map((x) => ({ label: x.label, text: x.text })),
    paragraphCount,
  };
}

/** A readable paragraph-level diff of two versions of a letter; unchanged runs collapsed. */
export function letterDiff(before: LetterDocument, after: LetterDocument): BlockDiff[] {
  const a = blockTexts(before);
  const b = blockTexts(after);
  const out: BlockDiff[] = [];
  for (const op of diffBlocks(a, b)) {
    if (op.op === 'same') {
      const last = out[out.length - 1];
      if (last?.op === 'same') last.count++;
      else out.push({ op: 'same', count: 1 });
    } else if (op.op === 'added') out.push({ op: 'added', text: b[op.newIndex!]! });
    else if (op.op === 'removed') out.push({ op: 'removed', text: a[op.oldIndex!]! });
    else if (op.op === 'moved') out.push({ op: 'moved', text: b[op.newIndex!] ?? a[op.oldIndex!]! });
    else out.push({ op: 'changed', words: diffWords(a[op.oldIndex!]!, b[op.newIndex!]!) });
  }
  return out;
}

function blockTexts(doc: LetterDocument): string[] {
  const { text, blocks } = documentText(doc);
  return blocks.map((b) => text.slice(b.start, b.end));
}
