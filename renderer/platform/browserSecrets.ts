import type { SecretKey } from '../../shared/bridge';

/**
 * The browser build's secret store. There is no OS keychain in a browser, so: each secret
 * is sealed with AES-GCM under a WebCrypto key made non-extractable, and that key lives in
 * IndexedDB as a CryptoKey object (structured clone keeps it non-extractable). Script on this
 * origin can still use the key but never read it out, and nothing sits in web storage
 * (localStorage/sessionStorage), which is plain text to anything that reads the profile.
 * The desktop app's OS keychain (safeStorage, through the bridge) remains the stronger place.
 */
const DB_NAME = 'outpost-secrets';
const KEYS = 'keys';
const SEALED = 'sealed';
const WRAPPING_KEY = 'wrapping';

interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

let connection: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(KEYS);
      req.result.createObjectStore(SEALED);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab deleting the store (a wipe) must not be blocked by this connection.
      db.onversionchange = () => {
        db.close();
        connection = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      connection = null;
      reject(req.error ?? new Error('The secret store could not be opened'));
    };
  });
  return connection;
}

async function store(name: string, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(name, mode).objectStore(name);
}

async function wrappingKey(): Promise<CryptoKey> {
  const existing = (await request((await store(KEYS, 'readonly')).get(WRAPPING_KEY))) as CryptoKey | undefined;
  if (existing) return existing;
  const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  try {
    // add, not put: when two callers race, the first key stored wins and both use it.
    await request((await store(KEYS, 'readwrite')).add(made, WRAPPING_KEY));
    return made;
  } catch {
    const winner = (await request((await store(KEYS, 'readonly')).get(WRAPPING_KEY))) as CryptoKey | undefined;
    if (!winner) throw new Error('The secret store could not keep its key');
    return winner;
  }
}

export const browserSecrets = {
  async get(key: SecretKey): Promise<string | null> {
    const sealed = (await request((await store(SEALED, 'readonly')).get(key))) as Sealed | undefined;
    if (!sealed) return null;
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, await wrappingKey(), sealed.data);
      return new TextDecoder().decode(plain);
    } catch {
      // Sealed under a key that is gone (or tampered with): as good as absent.
      return null;
    }
  },
  async set(key: SecretKey, value: string): Promise<void> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await wrappingKey(), new TextEncoder().encode(value));
    const sealed: Sealed = { iv, data };
    await request((await store(SEALED, 'readwrite')).put(sealed, key));
  },
  async delete(key: SecretKey): Promise<void> {
    await request((await store(SEALED, 'readwrite')).delete(key));
  },
};
