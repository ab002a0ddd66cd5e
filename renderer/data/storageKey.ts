/**
 * The key that encrypts a rep's personal data at rest, derived from their password with
 * PBKDF2 (WebCrypto, so the same in Electron, the browser and Node). Derived, not stored on
 * its own: it is kept only inside the signed-in session, which lives in the OS keychain in
 * the desktop app, and can always be derived again from the password.
 */
/** OWASP's 2023 figure for PBKDF2-SHA256; the offline-unlock hash uses at least as many. */
export const STORAGE_KEY_ITERATIONS = 310_000;

export async function deriveStorageKey(userId: string, password: string): Promise<string> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    // The salt is per user and per purpose, so the same password never yields the same key twice.
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(`outpost-storage-key:${userId}`), iterations: STORAGE_KEY_ITERATIONS },
    material,
    256,
  );
  return Array.from(new Uint8Array(bits), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
