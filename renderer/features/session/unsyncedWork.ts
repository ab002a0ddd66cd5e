import { OWNED_COLLECTIONS } from '../../../shared/schemas';
import type { UnsyncedCounts } from '../../../shared/sync/unsynced';
import { collectionOf, type OutpostDatabase } from '../../data/database';

/** Records of each rep-written collection that the central system has not stored yet. */
export async function countUnsynced(db: OutpostDatabase): Promise<UnsyncedCounts> {
  const counts = await Promise.all(
    OWNED_COLLECTIONS.map(
      async (name) =>
        [
          name,
          await collectionOf(db, name)
            .count({ selector: { syncPending: true } })
            .exec(),
        ] as const,
    ),
  );
  return Object.fromEntries(counts);
}
