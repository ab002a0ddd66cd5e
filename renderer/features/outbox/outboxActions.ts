import type { RxCollection } from 'rxdb';
import { isRepWritableCollection, type RepWritableCollectionName } from '../../../shared/schemas';
import { discardOutcome, restoredData, retried, type DiscardedRecord } from '../../../shared/sync/outbox';
import { collectionOf, type OutpostDatabase } from '../../data/database';
import type { SyncEngine } from '../../sync/syncEngine';
import type { AnyOwnedDoc } from './outboxRecords';
import { forgetDiscarded, keepDiscarded } from './discardedStore';

export type OutboxDatabase = OutpostDatabase;

/** One collection of the outbox, typed by the union of its documents (the actions treat them alike). */
function owned(db: OutpostDatabase, name: RepWritableCollectionName): RxCollection<AnyOwnedDoc> {
  return collectionOf(db, name) as unknown as RxCollection<AnyOwnedDoc>;
}

async function find(db: OutpostDatabase, name: RepWritableCollectionName, id: string) {
  const doc = await owned(db, name).findOne(id).exec();
  if (!doc) throw new Error(`This ${name.slice(0, -1)} is no longer on this laptop`);
  return doc;
}

/** Retry: the same data without the refusal, written as a new local change, so sync pushes it again. */
export async function retryRecord(db: OutpostDatabase, name: RepWritableCollectionName, id: string): Promise<void> {
  const doc = await find(db, name, id);
  await doc.incrementalModify((data) => retried(data));
}

/**
 * Discard: keeps the rep's version among the discarded ones first (so nothing is lost), then
 * reverts the record to the central system's last accepted state, or removes it when there is
 * none; the queue then has nothing left to push for it but that.
 */
export async function discardRecord(
  db: OutpostDatabase,
  sync: SyncEngine,
  name: RepWritableCollectionName,
  id: string,
  title: string,
): Promise<void> {
  const doc = await find(db, name, id);
  const data = doc.toMutableJSON() as AnyOwnedDoc;
  const reason = data.syncError?.reason;
  await keepDiscarded(db, {
    collection: name,
    id,
    title,
    discardedAt: new Date().toISOString(),
    ...(reason ? { reason } : {}),
    data: { ...data },
  });
  const central = (await sync.knownCentralState?.(name, id)) ?? null;
  const outcome = discardOutcome(central);
  if (outcome.kind === 'revert') await doc.incrementalModify(() => ({ ...outcome.to }) as unknown as AnyOwnedDoc);
  else await doc.getLatest().remove();
}

/** Restore: the discarded version becomes the record again, as a new local change. */
export async function restoreRecord(db: OutpostDatabase, record: DiscardedRecord): Promise<void> {
  if (!isRepWritableCollection(record.collection)) throw new Error(`"${record.collection}" is not a kind of record this app keeps`);
  const collection = owned(db, record.collection);
  const data = restoredData(record) as unknown as AnyOwnedDoc;
  const existing = await collection.findOne(record.id).exec();
  if (existing) await existing.incrementalModify(() => ({ ...data }));
  else await collection.insert(data);
  await forgetDiscarded(db, record);
}
