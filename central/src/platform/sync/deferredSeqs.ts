/**
 * Seqs drawn at the end of a transaction instead of when a document is written, so a push need
 * not hold the write lock (db.ts) while it does its row work. Every seq that commits is still
 * drawn under the write lock, just before the commit: the one the transaction takes at the end
 * (drawDeferredSeqs) - so commit order stays seq order and a puller reading `seq > N` skips
 * nothing. The seqs the writes drew first are placeholders, replaced before anyone can see them.
 */
import { toNumber, WRITE_LOCK_KEY, type Queryable } from '../db/db';
import type { CollectionName } from '../../../../shared/schemas';

/** Transactions that defer their seqs -> the documents they wrote, by docKey. */
const deferred = new WeakMap<Queryable, Map<string, { collection: CollectionName; id: string }>>();

export const docKey = (collection: string, id: string): string => `${collection}\u0000${id}`;

export function deferSeqs(tx: Queryable): void {
  deferred.set(tx, new Map());
}

/** Called by every write to sync_docs (docs.ts): remembers the documents of a deferring transaction. */
export function noteWrites(tx: Queryable, collection: CollectionName, ids: readonly string[]): void {
  const written = deferred.get(tx);
  if (!written) return;
  for (const id of ids) written.set(docKey(collection, id), { collection, id });
}

/**
 * Takes the write lock and draws the final seqs of what the transaction wrote, by docKey, in one
 * round trip: the rows to renumber come through the lock, so no seq is drawn before it is held.
 * Notifies the change feed with the last of them (the insert trigger's payload was a placeholder).
 * Commit right after: the lock is held until then.
 */
export async function drawDeferredSeqs(tx: Queryable): Promise<Map<string, number>> {
  const written = [...(deferred.get(tx)?.values() ?? [])];
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
