import { combineLatest, from, merge, of, startWith, switchMap, auditTime, type Observable } from 'rxjs';
import { OWNED_COLLECTIONS, type CollectionName } from '../../shared/schemas';
import { isSameStoredState } from '../../shared/sync/conflict';
import { collectionOf, type OutpostDatabase } from '../data/database';

/** What the replication of each collection tells about acknowledged pushes. */
export interface Acknowledgements {
  /** Emits when a pushed state was stored by the central system. */
  sent$(name: CollectionName): Observable<unknown>;
  /** The states the central system last acknowledged, by id (RxDB's assumed master states). */
  known(name: CollectionName, ids: string[]): Promise<Record<string, Record<string, unknown> | undefined>>;
}

const PENDING = { selector: { syncPending: true } } as const;

/** The pending changes of one collection that the central system has not stored in this very state. */
async function unacknowledgedIn(db: OutpostDatabase, name: CollectionName, acks: Acknowledgements): Promise<number> {
  const docs = await collectionOf(db, name).find(PENDING).exec();
  if (docs.length === 0) return 0;
  const known = await acks.known(
    name,
    docs.map((doc) => doc.primary),
  );
  return docs.filter((doc) => {
    const stored = known[doc.primary];
    return !stored || !isSameStoredState(doc.toMutableJSON() as Record<string, unknown>, stored);
  }).length;
}

/**
 * How many local changes have not reached the central system, for the status bar and the update
 * guard. Normally the `syncPending` flag says it: the pull brings the stored state back with the
 * flag cleared. While the version gate holds pulls back, a pushed change keeps its flag until the
 * update, so the count asks the replication which states the central system acknowledged (RxDB
 * keeps them across restarts): otherwise the rep could never install the update the gate asks
 * for, since an update is never installed with changes waiting.
 */
export function pendingCount$(db: OutpostDatabase, acks: Acknowledgements, gated$: Observable<boolean>): Observable<number> {
  const counts = OWNED_COLLECTIONS.map((name) => collectionOf(db, name).count(PENDING).$);
  return combineLatest([combineLatest(counts), gated$]).pipe(
    switchMap(([perCollection, gated]) => {
      const flagged = perCollection.reduce((sum, n) => sum + n, 0);
      if (!gated || flagged === 0) return of(flagged);
      // Gated: recount whenever pushes are acknowledged (a few at a time, not per document).
      return merge(...OWNED_COLLECTIONS.map((name) => acks.sent$(name))).pipe(
        startWith(null),
        auditTime(100),
        switchMap(() =>
          from(
            Promise.all(
              OWNED_COLLECTIONS.map((name, index) => ((perCollection[index] ?? 0) > 0 ? unacknowledgedIn(db, name, acks) : 0)),
            ).then(
              (each) => each.reduce((sum, n) => sum + n, 0),
              // The database closing under a recount: say what the flags say rather than nothing.
              () => flagged,
            ),
          ),
        ),
      );
    }),
  );
}
