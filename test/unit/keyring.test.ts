import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/env';
import { createKeyring, generateKeyList, KeyringError, loadOrCreateKeyFile, parseKeyList } from '../../infra/keyring';

const oldKeys = parseKeyList(generateKeyList('old'));
const newKeys = parseKeyList(generateKeyList('new'));

describe('keyring', () => {
  it('seals with the newest key and opens what older keys sealed', () => {
    const before = createKeyring(oldKeys);
    const sealedBefore = before.seal('010-1234-5678');
    expect(sealedBefore.startsWith('old:')).toBe(true);
    expect(sealedBefore).not.toContain('1234');

    const rotated = createKeyring([...newKeys, ...oldKeys]);
    expect(rotated.currentKid).toBe('new');
    expect(rotated.openText(sealedBefore)).toBe('010-1234-5678');
    expect(rotated.seal('홍길동').startsWith('new:')).toBe(true);
    expect(rotated.seal('same')).not.toBe(rotated.seal('same'));
  });

  it('refuses a value sealed for another context, modified, truncated or under an unknown key', () => {
    const keyring = createKeyring(oldKeys);
    const sealed = keyring.seal('token', 'dooray_organizations.api_token:1');
    expect(keyring.openText(sealed, 'dooray_organizations.api_token:1')).toBe('token');
    expect(() => keyring.open(sealed, 'dooray_organizations.api_token:2')).toThrow(KeyringError);
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => keyring.open(flipped, 'dooray_organizations.api_token:1')).toThrow(/does not authenticate/);
    expect(() => keyring.open('old:AAAA')).toThrow(/truncated/);
    expect(() => createKeyring(newKeys).open(sealed)).toThrow(/not configured \(old\)/);
  });

  it('reads FIELD_ENCRYPTION_KEY as a list and names what is wrong with a bad one', () => {
    const config = loadConfig({ FIELD_ENCRYPTION_KEY: `${generateKeyList('b')},${generateKeyList('a')}` });
    expect(config.FIELD_ENCRYPTION_KEY?.map((entry) => entry.kid)).toEqual(['b', 'a']);
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: 'k1:c2hvcnQ=' })).toThrow(/FIELD_ENCRYPTION_KEY.*32 bytes/s);
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: `${generateKeyList('a')},${generateKeyList('a')}` })).toThrow(/unique/);
    // A secret is never echoed back in the message.
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: 'secret-without-kid' })).toThrow(/FIELD_ENCRYPTION_KEY.*kid:base64key/s);
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: 'secret-without-kid' })).not.toThrow(/secret-without-kid/);
  });

  it('keeps the embedded default key in the data dir, created once with mode 600', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'keyring-'));
    try {
      const first = loadOrCreateKeyFile(dataDir);
      const second = loadOrCreateKeyFile(dataDir);
      expect([first.created, second.created]).toEqual([true, false]);
      expect(second.entries).toEqual(first.entries);
      expect((await stat(first.file)).mode & 0o777).toBe(0o600);
      expect(createKeyring(second.entries).openText(createKeyring(first.entries).seal('x'))).toBe('x');
      expect((await readFile(first.file, 'utf8')).trim()).toMatch(/^k\d{8}:/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
