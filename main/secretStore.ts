/**
 * The renderer's few secrets (SECRET_KEYS), encrypted with an OS-backed cipher (Electron
 * `safeStorage`, see secrets.ts) and kept in one file readable only by the user (mode 0600).
 * When the cipher cannot encrypt, nothing is written: values live in memory for this session
 * and the reason is logged once. No Electron import: tested in Node with a fake cipher.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretKey } from '../shared/bridge';

export interface SecretCipher {
  /** Null when encryption can be used; otherwise why not (logged, and nothing is persisted). */
  unavailableReason(): string | null;
  encrypt(plainText: string): Buffer;
  decrypt(cipherText: Buffer): string;
}

interface SecretFile {
  version: 1;
  /** Base64 of the cipher text, per key. */
  entries: Partial<Record<SecretKey, string>>;
}

export interface SecretStoreOptions {
  file: string;
  cipher: SecretCipher;
  log?: (message: string) => void;
}

export class SecretStore {
  private readonly file: string;
  private readonly cipher: SecretCipher;
  private readonly log: (message: string) => void;
  /** Session-only values, used when the cipher is unavailable. */
  private readonly memory = new Map<SecretKey, string>();
  private warned = false;
  /** Serialises file writes so two quick `set`s cannot interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: SecretStoreOptions) {
    this.file = options.file;
    this.cipher = options.cipher;
    this.log = options.log ?? ((message) => console.warn(message));
  }

  /** True when values are persisted encrypted; false when they only live for this session. */
  isPersistent(): boolean {
    return this.cipher.unavailableReason() === null;
  }

  async get(key: SecretKey): Promise<string | null> {
    if (this.memory.has(key)) return this.memory.get(key) ?? null;
    if (!this.usable()) return null;
    const stored = (await this.readFile()).entries[key];
    if (stored === undefined) return null;
    try {
      return this.cipher.decrypt(Buffer.from(stored, 'base64'));
    } catch (error) {
      this.log(`secrets: could not decrypt "${key}" (${(error as Error).message}); treating it as absent`);
      return null;
    }
  }

  async set(key: SecretKey, value: string): Promise<void> {
    if (!this.usable()) {
      this.memory.set(key, value);
      return;
    }
    this.memory.delete(key);
    const cipherText = this.cipher.encrypt(value).toString('base64');
    await this.update((data) => {
      data.entries[key] = cipherText;
    });
  }

  async delete(key: SecretKey): Promise<void> {
    this.memory.delete(key);
    if (!this.usable()) return;
    await this.update((data) => {
      delete data.entries[key];
    });
  }

  private usable(): boolean {
    const reason = this.cipher.unavailableReason();
    if (reason === null) return true;
    if (!this.warned) {
      this.warned = true;
      this.log(`secrets: not persisting secrets, they are kept in memory for this session only: ${reason}`);
    }
    return false;
  }

  private async readFile(): Promise<SecretFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as Partial<SecretFile>;
      if (parsed.version === 1 && typeof parsed.entries === 'object' && parsed.entries !== null) {
        const entries: SecretFile['entries'] = {};
        for (const [k, v] of Object.entries(parsed.entries)) if (typeof v === 'string') entries[k as SecretKey] = v;
        return { version: 1, entries };
      }
    } catch {
      // fall through
    }
    this.log('secrets: the secrets file is unreadable; starting from an empty one');
    return { version: 1, entries: {} };
  }

  private update(change: (data: SecretFile) => void): Promise<void> {
    const run = async (): Promise<void> => {
      const data = await this.readFile();
      change(data);
      await this.writeAtomically(`${JSON.stringify(data)}\n`);
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async writeAtomically(text: string): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(temp, text, { mode: 0o600 });
      await chmod(temp, 0o600); // the mode above is masked by umask; make sure
      await rename(temp, this.file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
