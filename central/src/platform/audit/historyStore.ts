import { describeChange, TIMELINE_COLLECTION } from '../../../../shared/audit/timeline';
import type { CollectionName } from '../../../../shared/schemas';
import type { Queryable } from '../db/db';
import type { StoredDoc } from '../sync/docs';

const TRACKED: ReadonlySet<string> = new Set(Object.values(TIMELINE_COLLECTION));

export interface PushedChange {
  stored: StoredDoc;
  master: StoredDoc | undefined;
}

const DEVICE_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** The pushing installation as the history keeps it; a push without a usable header is still stored, with no device. */
export function historyDeviceOf(header: unknown): string | undefined {
  return typeof header === 'string' && DEVICE_ID.test(header) ? header : undefined;
}

/** Whether pushes of this collection are kept in the records' history. */
export function keepsHistory(collection: CollectionName): boolean {
  return TRACKED.has(collection);
}

/**
 * The history rows of one push round, in one statement whatever their number (the write lock
 * is held: one round trip per row would slow every push).
 */
export async function recordPushHistory(
  tx: Queryable,
  collection: CollectionName,
  actor: string,
  deviceId: string | undefined,
  now: string,
  changes: readonly PushedChange[],
): Promise<void> {
  if (!keepsHistory(collection) || changes.length === 0) return;
  const rows = changes.map(({ stored, master }) => {
    const before = master && !master.deleted ? master.data : undefined;
    const { data } = stored;
    return {
      doc_id: stored.id,
      owner: stored.owner,
      change_key: typeof data.updatedAt === 'string' ? data.updatedAt : now,
      status: typeof data.status === 'string' ? data.status : null,
      version: typeof data.version === 'number' ? data.version : null,
      what: describeChange(before, data, stored.deleted),
    };
  });
  await tx.query(
    `INSERT INTO record_history (collection, doc_id, owner, actor, device_id, at, change_key, status, version, what)
     SELECT $2, r ->> 'doc_id', r ->> 'owner', $3, $4, $5::timestamptz, r ->> 'change_key', r ->> 'status',
            (r ->> 'version')::integer, r ->> 'what'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(r, n) ORDER BY x.n`,
    [JSON.stringify(rows), collection, actor, deviceId ?? null, now],
  );
}
