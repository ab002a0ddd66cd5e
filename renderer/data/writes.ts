import type { CollectionDocs, CollectionName } from '../../shared/schemas';
import type { OutpostDatabase } from './database';

/** Inserts a new document; the store's hooks stamp `updatedAt` and mark it as waiting to sync. */
export async function insertDocument<N extends CollectionName>(db: OutpostDatabase, name: N, doc: CollectionDocs[N]): Promise<void> {
  await (db[name] as unknown as { insert(d: CollectionDocs[N]): Promise<unknown> }).insert(doc);
}

/**
 * Replaces a document's fields with `next` (which must carry the same id). Uses
 * incrementalModify so concurrent writes to the same document are applied in order.
 */
export async function saveDocument<N extends CollectionName>(db: OutpostDatabase, name: N, next: CollectionDocs[N]): Promise<void> {
  const collection = db[name] as unknown as {
    findOne(id: string): { exec(): Promise<{ incrementalModify(fn: (d: CollectionDocs[N]) => CollectionDocs[N]): Promise<unknown> } | null> };
  };
  const current = await collection.findOne(next.id).exec();
  if (!current) throw new Error(`Cannot save ${name} ${next.id}: it no longer exists on this laptop`);
  await current.incrementalModify(() => ({ ...next }));
}
