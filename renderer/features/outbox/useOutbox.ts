import { useEffect, useState } from 'react';
import { combineLatest, type Subscription } from 'rxjs';
import { OWNED_COLLECTIONS, type RepWritableCollectionName } from '../../../shared/schemas';
import { changeAgainst, outboxStateOf, type DiscardedRecord, type OutboxChange, type OutboxState } from '../../../shared/sync/outbox';
import { useOutpost } from '../../app/OutpostContext';
import type { Route } from '../../app/navigation';
import { collectionOf, type OutpostDatabase } from '../../data/database';
import { discarded$ } from './discardedStore';
import { recordRoute, recordTitle, RECORD_TYPES, type AnyOwnedDoc } from './outboxRecords';

export interface OutboxEntry {
  collection: RepWritableCollectionName;
  id: string;
  type: string;
  title: string;
  state: OutboxState;
  /** When the rep last changed it (ISO). */
  since: string;
  reason: string | undefined;
  change: OutboxChange;
  route: Route | null;
}

const WAITING_OR_REFUSED = { selector: { $or: [{ syncPending: true }, { syncError: { $exists: true } }] } };

/**
 * The names of the accounts the waiting records belong to, read by id when the list changes: a
 * live query of every account (10,000 at tier M) decrypted them all on each change of any one.
 * A renamed account is itself a waiting record, so the list is read again then.
 */
async function accountNamesOf(db: OutpostDatabase, records: readonly AnyOwnedDoc[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const record of records) {
    const accountId = (record as { accountId?: unknown }).accountId;
    if (typeof accountId === 'string') ids.add(accountId);
  }
  if (ids.size === 0) return new Map();
  const found = await collectionOf(db, 'accounts')
    .findByIds([...ids])
    .exec()
    .catch(() => new Map());
  return new Map([...found.values()].map((account) => [account.id, account.name]));
}

/** Refused first (they need the rep), then the oldest change first. */
function byUrgency(a: OutboxEntry, b: OutboxEntry): number {
  if (a.state !== b.state) return a.state === 'refused' ? -1 : 1;
  return a.since.localeCompare(b.since);
}

/**
 * Every local change waiting for the central system or refused by it, live, with what changed
 * against the central system's last known state; and the discarded versions.
 */
export function useOutbox(): {
  entries: OutboxEntry[] | undefined;
  discarded: DiscardedRecord[] | undefined;
  discardedProblem: string | null;
} {
  const { db, sync } = useOutpost();
  const [entries, setEntries] = useState<OutboxEntry[] | undefined>(undefined);
  const [discarded, setDiscarded] = useState<DiscardedRecord[] | undefined>(undefined);
  const [discardedProblem, setDiscardedProblem] = useState<string | null>(null);

  useEffect(() => {
    let latestRun = 0;
    const queries = OWNED_COLLECTIONS.map((name) => collectionOf(db, name).find(WAITING_OR_REFUSED).$);
    const subs: Subscription[] = [];
    subs.push(
      combineLatest(queries).subscribe((found) => {
        const run = ++latestRun;
        const docs = found.flatMap((list, index) => {
          const collection = OWNED_COLLECTIONS[index] as RepWritableCollectionName;
          return list.map((d) => ({ collection, data: d.toMutableJSON() as AnyOwnedDoc }));
        });
        void accountNamesOf(
          db,
          docs.map(({ data }) => data),
        ).then((names) =>
          Promise.all(
            docs.map(async ({ collection, data }): Promise<OutboxEntry | null> => {
              const state = outboxStateOf(data);
              if (!state) return null;
              const record = data as unknown as Record<string, unknown>;
              const central = (await sync.knownCentralState?.(collection, data.id).catch(() => null)) ?? null;
              return {
                collection,
                id: data.id,
                type: RECORD_TYPES[collection],
                title: recordTitle(collection, record, names),
                state,
                since: data.updatedAt,
                reason: data.syncError?.reason,
                change: changeAgainst(record, central),
                route: recordRoute(collection, data.id),
              };
            }),
          ).then((list) => {
            // A newer emission may have finished first; only the latest one is shown.
            if (run === latestRun) setEntries(list.filter((e): e is OutboxEntry => e !== null).sort(byUrgency));
          }),
        );
      }),
    );
    subs.push(
      discarded$(db).subscribe({
        next: setDiscarded,
        // Said, not hidden: the copies are still stored, and a later discard refuses rather than overwrite them.
        error: (e: unknown) => setDiscardedProblem(`The discarded copies cannot be read: ${e instanceof Error ? e.message : String(e)}`),
      }),
    );
    return () => subs.forEach((s) => s.unsubscribe());
  }, [db, sync]);

  return { entries, discarded, discardedProblem };
}
