import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyring, generateKeyList, KeyringError, loadOrCreateKeyFile, parseKeyList } from '../../infra/keyring';
import { loadConfig } from '../../infra/env';

describe('the keyring', () => {
  it('seals with the first key and opens with any listed key, so keys rotate', () => {
    const old = parseKeyList(generateKeyList('old'));
    const sealedOld = createKeyring(old).seal('dooray-token');
    expect(sealedOld).toMatch(/^old:[A-Za-z0-9_-]+$/);
    expect(sealedOld).not.toContain('dooray-token');

    const rotated = createKeyring([...parseKeyList(generateKeyList('new')), ...old]);
    expect(rotated.currentKid).toBe('new');
    expect(rotated.openText(sealedOld)).toBe('dooray-token');
    expect(rotated.seal('x')).toMatch(/^new:/);
    // Same plaintext, different ciphertexts: a fresh IV every time.
    expect(rotated.seal('x')).not.toBe(rotated.seal('x'));
    expect(rotated.open(rotated.seal(new Uint8Array([0, 1, 255])))).toEqual(Buffer.from([0, 1, 255]));
  });

  it('binds a context and refuses modified values, unknown keys and another context', () => {
    const keyring = createKeyring(parseKeyList(generateKeyList('k1')));
    const sealed = keyring.seal('secret', 'dooray_organizations.api_token:DO1');
    expect(keyring.openText(sealed, 'dooray_organizations.api_token:DO1')).toBe('secret');
    expect(() => keyring.openText(sealed, 'dooray_organizations.api_token:DO2')).toThrow(KeyringError);
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    expect(() => keyring.openText(flipped, 'dooray_organizations.api_token:DO1')).toThrow(KeyringError);
    expect(() => createKeyring(parseKeyList(generateKeyList('k2'))).openText(sealed)).toThrow(/not configured \(k1\)/);
    expect(() => keyring.openText('k1:abc')).toThrow(/truncated/);
  });

  it('is configured as FIELD_ENCRYPTION_KEY, with readable refusals that never echo the key', () => {
    const value = `${generateKeyList('a')},${generateKeyList('b')}`;
    expect(loadConfig({ FIELD_ENCRYPTION_KEY: value }).FIELD_ENCRYPTION_KEY!.map((entry) => entry.kid)).toEqual(['a', 'b']);
    expect(loadConfig({}).FIELD_ENCRYPTION_KEY).toBeUndefined();
    const short = 'a:' + Buffer.alloc(16).toString('base64');
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: short })).toThrow(/FIELD_ENCRYPTION_KEY: must be kid:base64key.*32 bytes/);
    try {
      loadConfig({ FIELD_ENCRYPTION_KEY: short });
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: `${generateKeyList('a')},${generateKeyList('a')}` })).toThrow(/unique/);
  });

  it('creates a key file once under the data directory for the embedded default', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keyring-'));
    const first = loadOrCreateKeyFile(dir);
    expect(first.created).toBe(true);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const second = loadOrCreateKeyFile(dir);
    expect(second.created).toBe(false);
    expect(second.entries[0].key.equals(first.entries[0].key)).toBe(true);
    expect(readFileSync(first.file, 'utf8').trim()).toMatch(/^k\d{8}:/);
  });
});
