import type { CollectionDocs, CollectionName } from '../../shared/schemas';
import { collectionOf, type OutpostDatabase } from './database';

/** Inserts a new document; the store's hooks stamp `updatedAt` and mark it as waiting to sync. */
export async function insertDocument<N extends CollectionName>(db: OutpostDatabase, name: N, doc: CollectionDocs[N]): Promise<void> {
  await collectionOf(db, name).insert(doc);
}

/**
 * Replaces a document's fields with `next` (same id). incrementalModify applies
 * concurrent writes to one document in order instead of failing on a stale revision.
 */
export async function saveDocument<N extends CollectionName>(db: OutpostDatabase, name: N, next: CollectionDocs[N]): Promise<void> {
  const current = await collectionOf(db, name).findOne(next.id).exec();
  if (!current) throw new Error(`Cannot save ${name} ${next.id}: it no longer exists on this laptop`);
  await current.incrementalModify(() => ({ ...next }));
}
