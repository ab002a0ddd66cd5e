import { describe, expect, it } from 'vitest';
import { deriveStorageKey } from './storageKey';

describe('deriveStorageKey', () => {
  it('gives the same 256-bit key for the same user and password, so a restart can open the store', async () => {
    const key = await deriveStorageKey('user-alex', 'demo');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await deriveStorageKey('user-alex', 'demo')).toBe(key);
  });

  it('gives different keys for another password or another user', async () => {
    const key = await deriveStorageKey('user-alex', 'demo');
    expect(await deriveStorageKey('user-alex', 'demo2')).not.toBe(key);
    expect(await deriveStorageKey('user-sam', 'demo')).not.toBe(key);
  });
});
