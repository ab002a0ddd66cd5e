import { decryptString as decryptCryptoJs } from 'rxdb/plugins/encryption-crypto-js';

/**
 * AES-GCM (WebCrypto) for the personal fields of one document. All of a document's encrypted
 * fields go into one envelope, so a document costs one async WebCrypto call rather than one
 * per field: the call runs off the UI thread, the per-call overhead is what adds up.
 *
 * Stored format: the first present field holds `v2:` + base64(iv ‖ ciphertext of the JSON
 * envelope); the other present fields hold ENVELOPE_REF. Values written by the earlier
 * crypto-js storage (base64 of "Salted__…", never containing ':') are still read, so a
 * laptop's existing data is never lost; they are rewritten in the new format on next save.
 */
export const CIPHER_PREFIX = 'v2:';
/** "This field's value is inside the envelope stored in another field." */
export const ENVELOPE_REF = 'v2~';
const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface FieldCipher {
  /** Replaces the document's encrypted fields with ciphertext (a copy; the input is untouched). */
  encrypt<T extends Record<string, unknown>>(doc: T): Promise<T>;
  /** Inverse of encrypt; also reads fields encrypted by the crypto-js storage. */
  decrypt<T extends Record<string, unknown>>(doc: T): Promise<T>;
}

async function aesKey(password: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    // A fixed salt is fine here: the password is already a per-user PBKDF2 output (storageKey.ts).
    { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode('outpost-field-cipher'), info: new Uint8Array() },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Uint8Array's own base64 (Chromium 140+, so Electron and the browser build); Node 20 tests fall back. */
interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
interface NativeFromBase64 {
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
}
const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as unknown as NativeFromBase64).fromBase64;

function toBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  let binary = '';
  // Chunked: String.fromCharCode with a huge spread overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (nativeFromBase64) return nativeFromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function createFieldCipher(password: string, fields: readonly string[]): FieldCipher {
  const key = aesKey(password);
  return {
    async encrypt(doc) {
      const present = fields.filter((field) => doc[field] !== undefined);
      if (present.length === 0) return doc;
      const envelope: Record<string, unknown> = {};
      for (const field of present) envelope[field] = doc[field];
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key, encoder.encode(JSON.stringify(envelope))),
      );
      // 12 bytes are whole base64 groups, so base64(iv) + base64(sealed) is base64(iv ‖ sealed) without a copy.
      const packed = toBase64(iv) + toBase64(sealed);
      const out: Record<string, unknown> = { ...doc };
      present.forEach((field, i) => (out[field] = i === 0 ? CIPHER_PREFIX + packed : ENVELOPE_REF));
      return out as typeof doc;
    },
    async decrypt(doc) {
      let out: Record<string, unknown> | null = null;
      for (const field of fields) {
        const value = doc[field];
        if (value === undefined || value === ENVELOPE_REF) continue;
        out ??= { ...doc };
        if (typeof value !== 'string') throw new Error(`Encrypted field ${field} is not a string: the local store is damaged`);
        if (value.startsWith(CIPHER_PREFIX)) {
          const packed = fromBase64(value.slice(CIPHER_PREFIX.length));
          const plain = await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: packed.subarray(0, IV_BYTES) },
            await key,
            packed.subarray(IV_BYTES),
          );
          Object.assign(out, JSON.parse(decoder.decode(plain)) as Record<string, unknown>);
        } else {
          out[field] = JSON.parse(decryptCryptoJs(value, password)) as unknown;
        }
      }
      return (out ?? doc) as typeof doc;
    },
  };
}
