/**
 * Ed25519 signatures on `.raadsmap` packs.
 *
 * A pack is a ZIP archive. An unsigned pack ends with the ZIP end-of-central-directory record
 * (EOCD) and an empty archive comment. Signing puts one ASCII line in that comment:
 *
 *   RAADSMAP-SIG-1 ed25519 <public key, 32 bytes, base64> <signature, 64 bytes, base64>
 *
 * The signature covers every byte of the pack except the signature block itself: exactly the
 * bytes of the unsigned pack (the file with the comment removed and its length field set to 0).
 * Any flipped byte in the manifest, a document, an original, the ZIP directory or the signature
 * line makes verification fail. Readers parse only the verified unsigned bytes, so what is
 * checked is what is read. Ordinary ZIP tools still open a signed pack.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { RaadsmapError } from '../errors';

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MARKER = 'RAADSMAP-SIG-1';
/** Longest archive comment Raadsmap reads (the signature line is ~160 bytes). */
const MAX_COMMENT = 1024;

export interface PackSignature {
  algorithm: 'ed25519';
  /** The signer's raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  signature: Uint8Array;
  fingerprint: string;
}

export interface SplitPack {
  /** The bytes the signature covers (= the whole file for an unsigned pack). */
  unsigned: Uint8Array;
  signature: PackSignature | null;
}

function packError(nl: string, en: string, cause?: unknown): RaadsmapError {
  return new RaadsmapError('pack-invalid', `Ongeldig pakket: ${nl}`, `Invalid pack: ${en}`, { cause });
}

function signatureError(nl: string, en: string): RaadsmapError {
  return new RaadsmapError('pack-signature-invalid', nl, en);
}

function notEd25519(): RaadsmapError {
  return new RaadsmapError(
    'key-invalid',
    'Dit is geen Ed25519-sleutel. Maak een sleutel met "raadsmap keys generate".',
    'This is not an Ed25519 key. Create one with "raadsmap keys generate".',
  );
}

/** SHA-256 of the raw public key, lower-case hex: a publisher key's identity. */
export function fingerprintOf(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('hex');
}

/** A fingerprint as people compare it: 16 groups of 4 hex digits. */
export function formatFingerprint(fingerprint: string): string {
  return (fingerprint.match(/.{1,4}/g) ?? []).join(' ').toUpperCase();
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw notEd25519();
  }
  return new Uint8Array(Buffer.from(jwk.x, 'base64url'));
}

function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

export interface GeneratedKeys {
  privatePem: string;
  publicPem: string;
  fingerprint: string;
}

export function generateKeys(): GeneratedKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    fingerprint: fingerprintOf(rawPublicKey(publicKey)),
  };
}

/** Reads a private key (PEM, PKCS#8). A public key or anything else is refused clearly. */
export function loadPrivateKey(pem: string | Uint8Array): KeyObject {
  const text = typeof pem === 'string' ? pem : Buffer.from(pem).toString('utf8');
  if (/BEGIN PUBLIC KEY/.test(text)) {
    throw new RaadsmapError(
      'key-invalid',
      'Dit is een publieke sleutel (.pub). Ondertekenen kan alleen met de privésleutel (.key).',
      'This is a public key (.pub). Signing needs the private key (.key).',
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem' });
  } catch (cause) {
    throw new RaadsmapError(
      'key-invalid',
      'Dit sleutelbestand kan niet worden gelezen (verwacht: een privésleutel in PEM-formaat).',
      'This key file cannot be read (expected: a private key in PEM format).',
      { cause },
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw notEd25519();
  }
  return key;
}

/** Reads a public key (PEM, SPKI) and returns its raw bytes and fingerprint. */
export function loadPublicKey(pem: string | Uint8Array): { raw: Uint8Array; fingerprint: string } {
  const text = typeof pem === 'string' ? pem : Buffer.from(pem).toString('utf8');
  if (/BEGIN (ENCRYPTED )?PRIVATE KEY/.test(text)) {
    throw new RaadsmapError(
      'key-invalid',
      'Dit is een privésleutel. Geef de publieke sleutel (.pub) om te vertrouwen; deel de privésleutel met niemand.',
      'This is a private key. Give the public key (.pub) to trust; share the private key with no one.',
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch (cause) {
    throw new RaadsmapError(
      'key-invalid',
      'Dit sleutelbestand kan niet worden gelezen (verwacht: een publieke sleutel in PEM-formaat).',
      'This key file cannot be read (expected: a public key in PEM format).',
      { cause },
    );
  }
  const raw = rawPublicKey(key);
  return { raw, fingerprint: fingerprintOf(raw) };
}

/** The public half of a private key, raw, with its fingerprint. */
export function publicOf(privateKey: KeyObject): { raw: Uint8Array; fingerprint: string } {
  const raw = rawPublicKey(createPublicKey(privateKey));
  return { raw, fingerprint: fingerprintOf(raw) };
}

/** Separates a pack's signature block from the bytes it covers. Checks the framing, not the signature. */
export function splitPack(bytes: Uint8Array): SplitPack {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  if (n < EOCD_SIZE || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw packError('dit is geen Raadsmap-pakket (.raadsmap).', 'this is not a Raadsmap pack (.raadsmap).');
  }
  // Unsigned: the EOCD is the last 22 bytes and its comment is empty.
  if (view.getUint32(n - EOCD_SIZE, true) === EOCD_SIGNATURE && view.getUint16(n - 2, true) === 0) {
    return { unsigned: bytes, signature: null };
  }
  for (let length = 1; length <= Math.min(MAX_COMMENT, n - EOCD_SIZE); length++) {
    const at = n - EOCD_SIZE - length;
    if (view.getUint32(at, true) !== EOCD_SIGNATURE || view.getUint16(at + 20, true) !== length) continue;
    const comment = Buffer.from(bytes.subarray(at + EOCD_SIZE)).toString('latin1');
    const parts = comment.split(' ');
    if (parts[0] !== MARKER) continue;
    if (parts.length !== 4 || parts[1] !== 'ed25519') {
      throw signatureError(
        'De handtekening van dit pakket is beschadigd of heeft een onbekend formaat.',
        "This pack's signature is damaged or in an unknown format.",
      );
    }
    const publicKey = decodeBase64(parts[2]!, 32);
    const signature = decodeBase64(parts[3]!, 64);
    if (!publicKey || !signature) {
      throw signatureError('De handtekening van dit pakket is beschadigd.', "This pack's signature is damaged.");
    }
    const unsigned = new Uint8Array(at + EOCD_SIZE);
    unsigned.set(bytes.subarray(0, at + 20));
    // Comment length 0: the unsigned pack, byte for byte.
    return {
      unsigned,
      signature: { algorithm: 'ed25519', publicKey, signature, fingerprint: fingerprintOf(publicKey) },
    };
  }
  throw packError(
    'het bestand is afgebroken of beschadigd (het einde van het pakket ontbreekt).',
    'the file is truncated or damaged (the end of the pack is missing).',
  );
}

function decodeBase64(text: string, length: number): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const bytes = new Uint8Array(Buffer.from(text, 'base64'));
  return bytes.byteLength === length && Buffer.from(bytes).toString('base64') === text ? bytes : null;
}

/** Does the signature match the bytes and the key inside it? */
export function signatureValid(split: SplitPack): boolean {
  if (!split.signature) return false;
  try {
    return verify(null, split.unsigned, publicKeyFromRaw(split.signature.publicKey), split.signature.signature);
  } catch {
    return false;
  }
}

/** Signs (or re-signs) a pack. The caller has checked that `bytes` is a valid pack. */
export function signPackBytes(bytes: Uint8Array, privateKey: KeyObject): { bytes: Uint8Array; fingerprint: string } {
  const { unsigned } = splitPack(bytes);
  const { raw, fingerprint } = publicOf(privateKey);
  const signature = sign(null, unsigned, privateKey);
  const line = `${MARKER} ed25519 ${Buffer.from(raw).toString('base64')} ${Buffer.from(signature).toString('base64')}`;
  const comment = Buffer.from(line, 'latin1');
  const out = new Uint8Array(unsigned.byteLength + comment.byteLength);
  out.set(unsigned);
  new DataView(out.buffer).setUint16(unsigned.byteLength - 2, comment.byteLength, true);
  out.set(comment, unsigned.byteLength);
  return { bytes: out, fingerprint };
}

export type SignatureCheck =
  | { state: 'unsigned'; fingerprint: null }
  | { state: 'valid'; fingerprint: string; publicKey: Uint8Array }
  | { state: 'invalid'; fingerprint: string };

export function checkSignature(split: SplitPack): SignatureCheck {
  if (!split.signature) return { state: 'unsigned', fingerprint: null };
  return signatureValid(split)
    ? { state: 'valid', fingerprint: split.signature.fingerprint, publicKey: split.signature.publicKey }
    : { state: 'invalid', fingerprint: split.signature.fingerprint };
}
