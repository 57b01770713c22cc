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
import {
  generateKeyList as generateKeys,
  loadOrCreateKeyListFile,
  parseKeyList as parseKeys,
  type KeyEntry,
  type KeyLength,
} from './key-list';

export type { KeyEntry } from './key-list';

/** AES-256: every key is exactly 32 bytes. */
const KEY_LENGTH: KeyLength = { bytes: 32, exact: true };

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

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Parses `kid:base64key,…` of 32-byte keys; throws a readable message naming what is wrong. */
export const parseKeyList = (value: string): KeyEntry[] => parseKeys(value, KEY_LENGTH);

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
export const generateKeyList = (kid?: string): string => generateKeys('k', KEY_LENGTH, kid);

/** For the embedded default: the key list kept in `<dataDir>/field-encryption.key`, created on the first start. */
export const loadOrCreateKeyFile = (dataDir: string) => loadOrCreateKeyListFile(dataDir, 'field-encryption.key', 'k', KEY_LENGTH);
