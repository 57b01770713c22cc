/**
 * Signing keys and tokens for signed callback URLs: the key list's refusals (as boot reports them), tokens that
 * verify only under a listed key and unaltered, and payload signatures as a receiver checks them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../infra/env';
import {
  loadOrCreateSigningKeyFile,
  parseSigningKeyList,
  signHookToken,
  signPayload,
  verifyHookToken,
  verifyPayloadSignature,
} from '../../infra/signing';

const key = () => randomBytes(32).toString('base64');

describe('signing keys', () => {
  it('parses kid:base64 lists newest first and refuses what cannot sign', () => {
    expect(parseSigningKeyList(`new:${key()}, old:${key()}`).map((entry) => entry.kid)).toEqual(['new', 'old']);
    expect(() => parseSigningKeyList('nokid')).toThrow('kid:base64key');
    expect(() => parseSigningKeyList(`bad kid:${key()}`)).toThrow('key id');
    expect(() => parseSigningKeyList(`short:${randomBytes(16).toString('base64')}`)).toThrow('at least 32 bytes');
    expect(() => parseSigningKeyList(`a:${key()},a:${key()}`)).toThrow('unique');
    expect(() => parseSigningKeyList(' , ')).toThrow('at least one key');
  });

  it('stops boot with a message naming CALLBACK_SIGNING_KEY and never echoing it', () => {
    const secret = `short:${randomBytes(8).toString('base64')}`;
    try {
      loadConfig({ CALLBACK_SIGNING_KEY: secret });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('CALLBACK_SIGNING_KEY');
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('creates the embedded default key once, readable only by its owner, and keeps it', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'cf-signing-')), 'data');
    const first = loadOrCreateSigningKeyFile(dir);
    expect(first.created).toBe(true);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const second = loadOrCreateSigningKeyFile(dir);
    expect(second.created).toBe(false);
    expect(second.entries[0].key.equals(first.entries[0].key)).toBe(true);
    expect(readFileSync(first.file, 'utf8')).toMatch(/^s\d{8}:/);
  });
});

describe('hook tokens', () => {
  const keys = parseSigningKeyList(`k2:${key()},k1:${key()}`);
  const claims = { wid: 'ticket-T1', act: 'comment', exp: 2_000_000_000, once: true };

  it('verify under any listed key, unaltered, and carry their claims', () => {
    const token = signHookToken(keys, claims);
    expect(token.startsWith('k2.')).toBe(true);
    expect(verifyHookToken(keys, token)).toMatchObject(claims);
    expect(verifyHookToken(keys, signHookToken([keys[1]], claims))).toMatchObject(claims);
    expect(verifyHookToken([keys[0]], signHookToken([keys[1]], claims))).toBeNull();
  });

  it('refuse altered claims, altered signatures and garbage', () => {
    const [kid, body, signature] = signHookToken(keys, claims).split('.');
    const widened = Buffer.from(JSON.stringify({ ...claims, act: 'resolve' })).toString('base64url');
    expect(verifyHookToken(keys, `${kid}.${widened}.${signature}`)).toBeNull();
    expect(verifyHookToken(keys, `${kid}.${body}.${signature.slice(1)}`)).toBeNull();
    expect(verifyHookToken(keys, `k1.${body}.${signature}`)).toBeNull();
    for (const garbage of ['', '...', 'a.b', 'k2.!!.??', `k2.${Buffer.from('not json').toString('base64url')}.x`]) {
      expect(verifyHookToken(keys, garbage)).toBeNull();
    }
  });
});

describe('payload signatures', () => {
  it('verify over timestamp and body with the shared key, within the tolerance', () => {
    const keys = parseSigningKeyList(`k1:${key()}`);
    const body = JSON.stringify({ ticket: 'T1', subject: '환불 문의' });
    const { header, kid } = signPayload(keys, body, 1_764_571_200);
    expect(kid).toBe('k1');
    expect(verifyPayloadSignature(keys[0].key, header, body, 1_764_571_260)).toBe(true);
    expect(verifyPayloadSignature(keys[0].key, header, `${body} `, 1_764_571_260)).toBe(false);
    expect(verifyPayloadSignature(keys[0].key, header.replace('t=1764571200', 't=1764571201'), body, 1_764_571_260)).toBe(false);
    expect(verifyPayloadSignature(keys[0].key, header, body, 1_764_571_200 + 301)).toBe(false);
    expect(verifyPayloadSignature(keys[0].key, 'v1=abc', body, 1_764_571_200)).toBe(false);
  });
});
