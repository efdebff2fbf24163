/**
 * The publisher keys this user trusts (notes.db, so they are backed up with the notes). A pack
 * signed by an unknown key installs only after the user trusted that key explicitly, having seen
 * its fingerprint; the bundled default content needs no key: it ships inside the app.
 */
import type { Db } from '../db/open';
import { fingerprintOf } from './sign';

export interface TrustedKeyRow {
  fingerprint: string;
  label: string;
  addedAt: string;
}

export class TrustStore {
  constructor(private readonly db: Db) {}

  list(): TrustedKeyRow[] {
    return (
      this.db
        .prepare('SELECT fingerprint, label, added_at FROM trusted_keys ORDER BY added_at, fingerprint')
        .all() as Array<{
        fingerprint: string;
        label: string;
        added_at: string;
      }>
    ).map((r) => ({ fingerprint: r.fingerprint, label: r.label, addedAt: r.added_at }));
  }

  isTrusted(fingerprint: string): boolean {
    return this.db.prepare('SELECT 1 FROM trusted_keys WHERE fingerprint = ?').get(fingerprint) !== undefined;
  }

  /** Trusts a key (idempotent). `label` is what the user sees, e.g. the publisher's name. */
  trust(publicKey: Uint8Array, label: string, now = new Date()): string {
    const fingerprint = fingerprintOf(publicKey);
    this.db
      .prepare(
        `INSERT INTO trusted_keys (fingerprint, public_key, label, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (fingerprint) DO NOTHING`,
      )
      .run(fingerprint, Buffer.from(publicKey).toString('base64'), label.slice(0, 300), now.toISOString());
    return fingerprint;
  }

  untrust(fingerprint: string): void {
    this.db.prepare('DELETE FROM trusted_keys WHERE fingerprint = ?').run(fingerprint);
  }
}
