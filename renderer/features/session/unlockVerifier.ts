import type { UserInfo } from '../../../shared/sync/protocol';
import { STORAGE_KEY_ITERATIONS } from '../../data/storageKey';

/**
 * What lets a rep unlock offline: a salted PBKDF2 hash of their password, never the password.
 * Its salt is random and differs from the storage key's, so the hash says nothing about the key.
 */
export interface UnlockVerifier {
  user: UserInfo;
  /** Hex. */
  salt: string;
  /** Hex, 256 bits. */
  hash: string;
  iterations: number;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));

async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256));
}

export async function makeVerifier(user: UserInfo, password: string): Promise<UnlockVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iterations = STORAGE_KEY_ITERATIONS;
  return { user, salt: toHex(salt), hash: toHex(await pbkdf2(password, salt, iterations)), iterations };
}

export async function verifyPassword(verifier: UnlockVerifier, password: string): Promise<boolean> {
  // A stored count below today's floor is treated as tampered with, not as a weaker hash to accept.
  if (verifier.iterations < STORAGE_KEY_ITERATIONS) return false;
  const actual = await pbkdf2(password, fromHex(verifier.salt), verifier.iterations);
  const expected = fromHex(verifier.hash);
  // Compare every byte so the time taken says nothing about where they differ.
  let difference = actual.length ^ expected.length;
  for (let i = 0; i < actual.length; i++) difference |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}

/** Verifiers are kept per username, so two reps sharing a laptop each unlock their own store. */
export type VerifierBook = Record<string, UnlockVerifier>;

export const verifierKey = (username: string) => username.trim().toLowerCase();

export function isVerifier(value: unknown): value is UnlockVerifier {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<UnlockVerifier>;
  return (
    typeof v.salt === 'string' &&
    typeof v.hash === 'string' &&
    typeof v.iterations === 'number' &&
    typeof v.user?.id === 'string' &&
    typeof v.user.username === 'string'
  );
}
