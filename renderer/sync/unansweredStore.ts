import type { CollectionName } from '../../shared/schemas';
import type { OutpostDatabase } from '../data/database';
import { createFieldCipher } from '../data/fieldCipher';
import type { UnansweredDoc, UnansweredStore } from './ownWrites';

interface Stored {
  /** AES-GCM envelope (fieldCipher) of the documents by id: they hold what the rep typed. */
  writes: string;
}

function isDocList(value: unknown): value is UnansweredDoc[] {
  return Array.isArray(value) && value.every((d) => typeof d === 'object' && d !== null && typeof (d as { id?: unknown }).id === 'string');
}

/**
 * The unanswered pushes of one collection, kept in a local document of the rep's own store so a
 * restart between a lost push answer and the next pull does not forget them (and then revert
 * the rep's newer edit as a conflict). Encrypted with the store's key like the personal fields.
 */
export function localUnansweredStore(db: OutpostDatabase, name: CollectionName): UnansweredStore {
  const id = `unansweredWrites-${name}`;
  const cipher = () => {
    const password: unknown = db.password;
    if (typeof password !== 'string' || password === '') throw new Error('The local store has no encryption key; sign in again');
    return createFieldCipher(password, ['writes']);
  };
  return {
    async load() {
      const doc = await db.getLocal<Stored>(id);
      const sealed = doc?.get('writes');
      if (typeof sealed !== 'string') return {};
      const { writes } = await cipher().decrypt<Record<string, unknown>>({ writes: sealed });
      if (typeof writes !== 'object' || writes === null) return {};
      return Object.fromEntries(Object.entries(writes).filter((entry): entry is [string, UnansweredDoc[]] => isDocList(entry[1])));
    },
    async save(byId) {
      if (db.closed) return;
      const sealed = await cipher().encrypt<Record<string, unknown>>({ writes: byId });
      await db.upsertLocal<Stored>(id, { writes: String(sealed['writes']) });
    },
  };
}
