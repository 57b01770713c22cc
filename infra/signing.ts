/**
 * HMAC-SHA256 signing for signed callback URLs (`/hooks/w/{token}`) and for the requests Contactflow sends to
 * callback URLs (`X-Contactflow-Signature: t=<unix seconds>,v1=<hex>` over `<t>.<body>`, as Stripe signs webhooks).
 *
 * Keys have ids so they can rotate: `CALLBACK_SIGNING_KEY=kid:base64key[,kid:base64key…]`, newest first, each at
 * least 32 bytes (`openssl rand -base64 32`). New tokens and signatures use the first key; tokens minted under an
 * older key still verify while that key stays listed. `npm start` without it generates one under DATA_DIR
 * ({@link loadOrCreateSigningKeyFile}), in the key-list format the encryption keyring shares (infra/key-list.ts).
 *
 * A token is `<kid>.<base64url(claims JSON)>.<base64url(HMAC(kid.claims))>`: it names the workflow, the one action
 * it may take, an expiry and whether it is single-use, plus a random id for replay tracking.
 *
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { generateKeyList, loadOrCreateKeyListFile, parseKeyList, type KeyEntry, type KeyLength } from './key-list';

/** One signing key. */
export type SigningKey = KeyEntry;

/** HMAC-SHA256: keys of at least 32 bytes. */
const KEY_LENGTH: KeyLength = { bytes: 32, exact: false };

/** Parses `kid:base64key,…`; throws a readable message naming what is wrong. */
export const parseSigningKeyList = (value: string): SigningKey[] => parseKeyList(value, KEY_LENGTH);

/** A fresh key list value (`kid:base64key`). */
export const generateSigningKeyList = (kid?: string): string => generateKeyList('s', KEY_LENGTH, kid);

/** For the embedded default: the key list kept in `<dataDir>/callback-signing.key`, created on the first start. */
export const loadOrCreateSigningKeyFile = (dataDir: string) => loadOrCreateKeyListFile(dataDir, 'callback-signing.key', 's', KEY_LENGTH);

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
