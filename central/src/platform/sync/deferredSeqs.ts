/**
 * Seqs drawn at the end of a transaction instead of when a document is written, so a push need
 * not hold the write lock (db.ts) while it does its row work. Every seq that commits is still
 * drawn under the write lock, just before the commit: the one the transaction takes at the end
 * (drawDeferredSeqs) - so commit order stays seq order and a puller reading `seq > N` skips
 * nothing. The seqs the writes drew first are placeholders, replaced before anyone can see them.
 */
import { toNumber, WRITE_LOCK_KEY, type Queryable } from '../db/db';
import { txMemo, txMemoKey } from '../db/txMemo';
import type { CollectionName } from '../../../../shared/schemas';
import type { StoredDoc } from './storedDoc';

interface Deferring {
  /** The documents written, by docKey. */
  written: Map<string, { collection: CollectionName; id: string }>;
}

/**
 * Documents a deferring transaction read or wrote, by docKey: an order's ingest reads the same
 * offerings, account and policy several times, and the order document it just wrote, and each
 * read is a round trip. Only found documents: a missing one is looked for again (it may have
 * arrived meanwhile). A document this transaction wrote is what it wrote: its row stays locked.
 */
const READS = txMemoKey<StoredDoc>('sync.reads');

/** Transactions that defer their seqs. */
const deferred = new WeakMap<Queryable, Deferring>();

export const docKey = (collection: string, id: string): string => `${collection}\u0000${id}`;

export function deferSeqs(tx: Queryable): void {
  deferred.set(tx, { written: new Map() });
}

/**
 * Called by every write to sync_docs (docs.ts) before it runs: remembers the documents of a
 * deferring transaction, and forgets what was read of them (the write may fail).
 */
export function noteWrites(tx: Queryable, collection: CollectionName, ids: readonly string[]): void {
  const state = deferred.get(tx);
  if (!state) return;
  const read = txMemo(tx, READS);
  for (const id of ids) {
    const key = docKey(collection, id);
    state.written.set(key, { collection, id });
    read.delete(key);
  }
}

/** Called by the reads of sync_docs (docs.ts) with what they found, and by the writes with what they stored. */
export function noteReads(tx: Queryable, docs: Iterable<StoredDoc>): void {
  if (!deferred.has(tx)) return;
  const read = txMemo(tx, READS);
  for (const doc of docs) read.set(docKey(doc.collection, doc.id), doc);
}

/** The documents this deferring transaction read or wrote before, if all of `ids` were. */
export function readBefore(tx: Queryable, collection: CollectionName, ids: readonly string[]): StoredDoc[] | undefined {
  if (!deferred.has(tx)) return undefined;
  const read = txMemo(tx, READS);
  const found: StoredDoc[] = [];
  for (const id of ids) {
    const doc = read.get(docKey(collection, id));
    if (!doc) return undefined;
    found.push(doc);
  }
  return found;
}

/**
 * Takes the write lock and draws the final seqs of what the transaction wrote, by docKey, in one
 * round trip: the rows to renumber come through the lock, so no seq is drawn before it is held.
 * Notifies the change feed with the last of them (the insert trigger's payload was a placeholder).
 * Commit right after: the lock is held until then.
 */
export async function drawDeferredSeqs(tx: Queryable): Promise<Map<string, number>> {
  const written = [...(deferred.get(tx)?.written.values() ?? [])];
  deferred.delete(tx);
  if (written.length === 0) {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
    return new Map();
  }
  const rows = await tx.query<{ collection: string; id: string; seq: unknown }>(
    `WITH held AS MATERIALIZED (SELECT pg_advisory_xact_lock($2) AS locked),
          w AS MATERIALIZED (SELECT w.* FROM held, jsonb_to_recordset($1::jsonb) AS w(collection text, id text)),
          u AS (UPDATE sync_docs d SET seq = nextval('sync_seq') FROM w
                 WHERE d.collection = w.collection AND d.id = w.id
             RETURNING d.collection, d.id, d.seq)
     SELECT collection, id, seq, (SELECT pg_notify('outpost_sync', max(seq)::text) FROM u) AS notified FROM u`,
    [JSON.stringify(written), WRITE_LOCK_KEY],
  );
  return new Map(rows.map((row) => [docKey(row.collection, row.id), toNumber(row.seq)]));
}
