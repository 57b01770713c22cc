/**
 * Lists of keys with ids, one format for every secret key the platform holds (the encryption keyring, the URL
 * signing keys): `kid:base64key[,kid:base64key…]`, newest first, as the environment gives them and as the embedded
 * default keeps them in a file under DATA_DIR (created mode 600 on the first start).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One key of a list. */
export interface KeyEntry {
  kid: string;
  key: Buffer;
}

/** A key list that is malformed; the message names what is wrong and never holds a key. */
export class KeyListError extends Error {
  override name = 'KeyListError';
}

/** How long each key must be: exactly (a cipher's key size) or at least (an HMAC key) so many bytes. */
export interface KeyLength {
  bytes: number;
  exact: boolean;
}

const KID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `kid:base64key,…`; throws a readable message naming what is wrong. */
export function parseKeyList(value: string, length: KeyLength): KeyEntry[] {
  const entries = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 0) throw new KeyListError('each key must be kid:base64key');
      const kid = part.slice(0, colon);
      if (!KID.test(kid)) throw new KeyListError(`key id ${JSON.stringify(kid)} must be 1–32 letters, digits, - or _`);
      const key = Buffer.from(part.slice(colon + 1), 'base64');
      if (length.exact ? key.length !== length.bytes : key.length < length.bytes) {
        const size = `${length.exact ? '' : 'at least '}${length.bytes} bytes`;
        throw new KeyListError(`key ${kid} must be ${size} of base64 (openssl rand -base64 ${length.bytes})`);
      }
      return { kid, key };
    });
  if (entries.length === 0) throw new KeyListError('at least one key is needed');
  if (new Set(entries.map((entry) => entry.kid)).size !== entries.length) throw new KeyListError('key ids must be unique');
  return entries;
}

/** A fresh one-key list (`kid:base64key`), its id the prefix and today's date unless one is given. */
export function generateKeyList(prefix: string, length: KeyLength, kid = `${prefix}${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): string {
  return `${kid}:${randomBytes(length.bytes).toString('base64')}`;
}

/**
 * For the embedded default: the key list kept in `<dataDir>/<fileName>`, created (mode 600) on the first start.
 * Returns where it is and whether it was just created, so the caller can say so.
 */
export function loadOrCreateKeyListFile(
  dataDir: string,
  fileName: string,
  kidPrefix: string,
  length: KeyLength,
): { entries: KeyEntry[]; file: string; created: boolean } {
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) return { entries: parseKeyList(readFileSync(file, 'utf8'), length), file, created: false };
  const value = generateKeyList(kidPrefix, length);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { entries: parseKeyList(value, length), file, created: true };
}
