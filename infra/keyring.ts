/**
 * The platform's keyring for data encrypted at rest (Dooray API tokens today, PII fields later): AES-256-GCM with
 * key ids, so keys can rotate without re-encrypting everything at once.
 *
 * A sealed value is text: `<kid>:<base64url(iv ‖ ciphertext ‖ tag)>`. {@link Keyring.seal} always writes with the
 * current key (the first one configured); {@link Keyring.open} reads with whichever configured key the prefix names,
 * so after a rotation old values stay readable until they are re-sealed. An optional `context` (e.g.
 * `dooray_organizations.api_token:<id>`) is bound as additional authenticated data: a value copied to another row
 * or column does not open there.
 *
 * Configuration: `FIELD_ENCRYPTION_KEY=kid:base64key[,kid:base64key…]`, newest first, each key 32 bytes
 * (`openssl rand -base64 32`). `npm start` without it generates one under DATA_DIR ({@link loadOrCreateKeyFile}).
 *
 * @module
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One key of the keyring. */
export interface KeyEntry {
  kid: string;
  key: Buffer;
}

/** Seals and opens bytes or text with the configured keys. */
export interface Keyring {
  /** The id of the key new values are sealed with. */
  readonly currentKid: string;
  seal(plain: string | Uint8Array, context?: string): string;
  open(sealed: string, context?: string): Buffer;
  openText(sealed: string, context?: string): string;
}

/** A sealed value that is malformed, names an unknown key, or fails authentication. */
export class KeyringError extends Error {
  override name = 'KeyringError';
}

const KID = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Parses `kid:base64key,…`; throws a readable message naming what is wrong. */
export function parseKeyList(value: string): KeyEntry[] {
  const entries = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 0) throw new KeyringError('each key must be kid:base64key');
      const kid = part.slice(0, colon);
      if (!KID.test(kid)) throw new KeyringError(`key id ${JSON.stringify(kid)} must be 1–32 letters, digits, - or _`);
      const key = Buffer.from(part.slice(colon + 1), 'base64');
      if (key.length !== 32) throw new KeyringError(`key ${kid} must be 32 bytes of base64 (openssl rand -base64 32)`);
      return { kid, key };
    });
  if (entries.length === 0) throw new KeyringError('at least one key is needed');
  if (new Set(entries.map((entry) => entry.kid)).size !== entries.length) throw new KeyringError('key ids must be unique');
  return entries;
}

export function createKeyring(entries: readonly KeyEntry[]): Keyring {
  if (entries.length === 0) throw new KeyringError('at least one key is needed');
  const byKid = new Map(entries.map((entry) => [entry.kid, entry.key]));
  const current = entries[0];
  const open = (sealed: string, context?: string) => {
    const colon = sealed.indexOf(':');
    const key = colon > 0 ? byKid.get(sealed.slice(0, colon)) : undefined;
    if (!key) throw new KeyringError(`the value is sealed with a key that is not configured (${colon > 0 ? sealed.slice(0, colon) : 'no key id'})`);
    const raw = Buffer.from(sealed.slice(colon + 1), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new KeyringError('the sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    if (context) decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new KeyringError('the sealed value does not authenticate (wrong key, context or a modified value)');
    }
  };
  return {
    currentKid: current.kid,
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      if (context) cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
      return `${current.kid}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
    },
    open,
    openText: (sealed, context) => open(sealed, context).toString('utf8'),
  };
}

/** A fresh key list value (`kid:base64key`). */
export function generateKeyList(kid = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): string {
  return `${kid}:${randomBytes(32).toString('base64')}`;
}

const KEY_FILE = 'field-encryption.key';

/**
 * For the embedded default: the key list kept in `<dataDir>/field-encryption.key`, created (mode 600) on the first
 * start. Returns where it is and whether it was just created, so the caller can say so.
 */
export function loadOrCreateKeyFile(dataDir: string): { entries: KeyEntry[]; file: string; created: boolean } {
  const file = path.join(dataDir, KEY_FILE);
  if (existsSync(file)) return { entries: parseKeyList(readFileSync(file, 'utf8')), file, created: false };
  const value = generateKeyList();
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { entries: parseKeyList(value), file, created: true };
}
