import { isOwnedCollection, type CollectionName } from '../../../../shared/schemas';
import { toNumber, type Queryable } from '../db/db';
import type { AuthUser } from '../auth/users';
import { ownerVisibleSql } from '../auth/scope';

/**
 * How many documents of the collection the user may see after `afterSeq`: the first sync's
 * progress and ETA. Answered from the (collection, owner, seq) and (collection, seq) indexes;
 * a page shorter than the limit is the last one, so the caller skips the count then.
 */
export async function countRemaining(db: Queryable, collection: CollectionName, user: AuthUser, afterSeq: number): Promise<number> {
  const params: unknown[] = [collection, afterSeq];
  let scope = 'TRUE';
  if (isOwnedCollection(collection)) {
    scope = ownerVisibleSql(user, 'owner', 3);
    if (scope !== 'TRUE') params.push(user.id);
  }
  const rows = await db.query<{ remaining: unknown }>(
    `SELECT count(*) AS remaining FROM sync_docs WHERE collection = $1 AND seq > $2 AND ${scope}`,
    params,
  );
  return toNumber(rows[0]?.remaining ?? 0);
}
