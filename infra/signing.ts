/**
 * HMAC-SHA256 signing for signed callback URLs (`/hooks/w/{token}`) and for the requests Contactflow sends to
 * callback URLs (`X-Contactflow-Signature: t=<unix seconds>,v1=<hex>` over `<t>.<body>`, as Stripe signs webhooks).
 *
 * Keys have ids so they can rotate: `CALLBACK_SIGNING_KEY=kid:base64key[,kid:base64key…]`, newest first, each at
 * least 32 bytes (`openssl rand -base64 32`). New tokens and signatures use the first key; tokens minted under an
 * older key still verify while that key stays listed. `npm start` without it generates one under DATA_DIR
 * ({@link loadOrCreateSigningKeyFile}), the same shape as the field-encryption keyring's key file.
 *
 * A token is `<kid>.<base64url(claims JSON)>.<base64url(HMAC(kid.claims))>`: it names the workflow, the one action
 * it may take, an expiry and whether it is single-use, plus a random id for replay tracking.
 *
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SigningKey {
  kid: string;
  key: Buffer;
}

export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

const KID = /^[A-Za-z0-9_-]{1,32}$/;
const MIN_KEY_BYTES = 32;

/** Parses `kid:base64key,…`; throws a readable message naming what is wrong. */
export function parseSigningKeyList(value: string): SigningKey[] {
  const entries = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 0) throw new SigningKeyError('each key must be kid:base64key');
      const kid = part.slice(0, colon);
      if (!KID.test(kid)) throw new SigningKeyError(`key id ${JSON.stringify(kid)} must be 1–32 letters, digits, - or _`);
      const key = Buffer.from(part.slice(colon + 1), 'base64');
      if (key.length < MIN_KEY_BYTES) throw new SigningKeyError(`key ${kid} must be at least 32 bytes of base64 (openssl rand -base64 32)`);
      return { kid, key };
    });
  if (entries.length === 0) throw new SigningKeyError('at least one key is needed');
  if (new Set(entries.map((entry) => entry.kid)).size !== entries.length) throw new SigningKeyError('key ids must be unique');
  return entries;
}

/** A fresh key list value (`kid:base64key`). */
export function generateSigningKeyList(kid = `s${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): string {
  return `${kid}:${randomBytes(32).toString('base64')}`;
}

const KEY_FILE = 'callback-signing.key';

/**
 * For the embedded default: the key list kept in `<dataDir>/callback-signing.key`, created (mode 600) on the first
 * start. Returns where it is and whether it was just created, so the caller can say so.
 */
export function loadOrCreateSigningKeyFile(dataDir: string): { entries: SigningKey[]; file: string; created: boolean } {
  const file = path.join(dataDir, KEY_FILE);
  if (existsSync(file)) return { entries: parseSigningKeyList(readFileSync(file, 'utf8')), file, created: false };
  const value = generateSigningKeyList();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { entries: parseSigningKeyList(value), file, created: true };
}

/** What a signed URL allows. */
export interface HookClaims {
  /** Token id, for single-use tracking. */
  jti: string;
  /** The workflow it addresses (`ticket-…`, `callback-…`). */
  wid: string;
  /** The one action it may take. */
  act: string;
  /** Expiry, unix seconds. */
  exp: number;
  /** Single-use: a second use is refused. */
  once: boolean;
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/** Mints a token under the current (first) key. */
export function signHookToken(keys: readonly SigningKey[], claims: Omit<HookClaims, 'jti'> & { jti?: string }): string {
  const { kid, key } = keys[0];
  const body = Buffer.from(JSON.stringify({ ...claims, jti: claims.jti ?? randomBytes(12).toString('base64url') })).toString('base64url');
  return `${kid}.${body}.${mac(key, `${kid}.${body}`).toString('base64url')}`;
}

/** The claims of a token whose signature holds under one of the keys, else null (forged, altered, unknown key). */
export function verifyHookToken(keys: readonly SigningKey[], token: string): HookClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [kid, body, signature] = parts;
  const key = keys.find((entry) => entry.kid === kid)?.key;
  if (!key) return null;
  const expected = mac(key, `${kid}.${body}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as HookClaims;
    const wellFormed =
      typeof claims.jti === 'string' && typeof claims.wid === 'string' && typeof claims.act === 'string' && Number.isFinite(claims.exp) && typeof claims.once === 'boolean';
    return wellFormed ? claims : null;
  } catch {
    return null;
  }
}

/** The `X-Contactflow-Signature` value for a body sent at `timestamp` (unix seconds), under the current key. */
export function signPayload(keys: readonly SigningKey[], body: string, timestamp: number): { header: string; kid: string } {
  const { kid, key } = keys[0];
  return { header: `t=${timestamp},v1=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`, kid };
}

/**
 * What a receiver does (the README shows it too): recompute the HMAC of `<t>.<body>` with the shared key, compare
 * in constant time, and refuse a timestamp older than `toleranceSeconds`.
 */
export function verifyPayloadSignature(key: Buffer, header: string, body: string, now: number, toleranceSeconds = 300): boolean {
  const fields = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(fields.t);
  if (!Number.isInteger(timestamp) || !fields.v1 || Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex'));
  const given = Buffer.from(fields.v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A signed URL `<publicUrl>/hooks/w/<token>` for one action on one workflow, with its expiry. */
export function mintHookUrl(
  keys: readonly SigningKey[],
  publicUrl: string,
  grant: { workflowId: string; action: string; ttlSeconds: number; singleUse: boolean; now?: number },
): { url: string; token: string; expiresAt: string } {
  const exp = Math.floor((grant.now ?? Date.now()) / 1000) + Math.floor(grant.ttlSeconds);
  const token = signHookToken(keys, { wid: grant.workflowId, act: grant.action, exp, once: grant.singleUse });
  return { url: `${publicUrl}/hooks/w/${token}`, token, expiresAt: new Date(exp * 1000).toISOString() };
}
