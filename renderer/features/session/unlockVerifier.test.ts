import { describe, expect, it } from 'vitest';
import type { UserInfo } from '../../../shared/sync/protocol';
import { deriveStorageKey, STORAGE_KEY_ITERATIONS } from '../../data/storageKey';
import { makeVerifier, verifyPassword } from './unlockVerifier';

const alex: UserInfo = { id: 'user-alex', username: 'alex', displayName: 'Alex Rivera', role: 'rep' };

describe('offline unlock verifier', () => {
  it('accepts the password it was made from and refuses any other', async () => {
    const verifier = await makeVerifier(alex, 'correct horse');
    expect(await verifyPassword(verifier, 'correct horse')).toBe(true);
    expect(await verifyPassword(verifier, 'correct hors')).toBe(false);
    expect(await verifyPassword(verifier, '')).toBe(false);
  });

  it('keeps a random salt and a slow hash, never the password or the storage key', async () => {
    const first = await makeVerifier(alex, 'correct horse');
    const second = await makeVerifier(alex, 'correct horse');
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(first.iterations).toBeGreaterThanOrEqual(STORAGE_KEY_ITERATIONS);
    const kept = JSON.stringify(first);
    expect(kept).not.toContain('correct horse');
    expect(kept).not.toContain(await deriveStorageKey(alex.id, 'correct horse'));
  });

  it('refuses a verifier whose iteration count was lowered', async () => {
    const verifier = await makeVerifier(alex, 'pw');
    expect(await verifyPassword({ ...verifier, iterations: 1 }, 'pw')).toBe(false);
  });
});
