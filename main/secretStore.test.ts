import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore, type SecretCipher } from './secretStore';

/** Reversible stand-in for safeStorage: XOR with a fixed byte, enough to prove nothing is stored in clear. */
function fakeCipher(available = true): SecretCipher {
  return {
    unavailableReason: () => (available ? null : 'no keyring in this test'),
    encrypt: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
    decrypt: (buf) => Buffer.from(buf.map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

describe('SecretStore', () => {
  let dir: string;
  let logs: string[];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'outpost-secrets-'));
    logs = [];
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('persists encrypted values in a file only the user can read', async () => {
    const file = path.join(dir, 'nested', 'secrets.json');
    const store = new SecretStore({ file, cipher: fakeCipher(), log: (m) => logs.push(m) });
    expect(await store.get('session')).toBeNull();
    await store.set('session', 'token-123');
    expect(await store.get('session')).toBe('token-123');

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('token-123');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);

    const reopened = new SecretStore({ file, cipher: fakeCipher(), log: (m) => logs.push(m) });
    expect(await reopened.get('session')).toBe('token-123');
    await reopened.delete('session');
    expect(await reopened.get('session')).toBeNull();
    expect(logs).toEqual([]);
  });

  it('keeps values in memory only, and says why once, when encryption is unavailable', async () => {
    const file = path.join(dir, 'secrets.json');
    const store = new SecretStore({ file, cipher: fakeCipher(false), log: (m) => logs.push(m) });
    await store.set('session', 'token');
    await store.set('session', 'token-2');
    expect(await store.get('session')).toBe('token-2');
    await expect(stat(file)).rejects.toThrow();
    expect(store.isPersistent()).toBe(false);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/no keyring in this test/);
    await store.delete('session');
    expect(await store.get('session')).toBeNull();
  });

  it('treats an undecryptable or corrupt file as empty', async () => {
    const file = path.join(dir, 'secrets.json');
    const store = new SecretStore({ file, cipher: fakeCipher(), log: (m) => logs.push(m) });
    await store.set('session', 'x');
    const broken = new SecretStore({
      file,
      cipher: {
        ...fakeCipher(),
        decrypt: () => {
          throw new Error('bad key');
        },
      },
      log: (m) => logs.push(m),
    });
    expect(await broken.get('session')).toBeNull();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, 'garbage');
    expect(await store.get('session')).toBeNull();
    await store.set('session', 'y');
    expect(await store.get('session')).toBe('y');
  });

  it('serialises concurrent writes', async () => {
    const file = path.join(dir, 'secrets.json');
    const store = new SecretStore({ file, cipher: fakeCipher() });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set('session', `v${i}`)));
    expect(await store.get('session')).toBe('v19');
  });
});
