import type { CollectionName } from '../../shared/schemas';
import { collectionOf, type OutpostDatabase } from './database';

/** Shared by the migration tests (database.migration.test.ts, collectionMigrations.test.ts). */
export const STORAGE_KEY = 'a'.repeat(64);

/** What a rep typed and lost in a conflict: must never be readable from the disk. */
export const secretOf = (name: CollectionName) => `Losing side of ${name}: call Jane on +1 555 0199 about the discount`;
export const copyOf = (name: CollectionName) => JSON.stringify({ note: secretOf(name) });

/** Every document of a collection, by id, as the app reads it. */
export async function contents(db: OutpostDatabase, name: CollectionName): Promise<Record<string, unknown>[]> {
  const docs = await collectionOf(db, name)
    .find({ sort: [{ id: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON() as Record<string, unknown>);
}
