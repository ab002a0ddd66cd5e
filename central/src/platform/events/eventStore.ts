import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/db';
import { ownerVisibleSql } from '../auth/scope';
import { filterSql, type AttributeFilter } from '../tmf/listing';
import type { TmfEvent } from './eventLog';

interface EventRow extends Record<string, unknown> {
  payload: TmfEvent;
}

/** SQL reading the events of a domain a user may see; `$1` = domain, `$2` = user id. */
function visibleEventsSql(user: AuthUser): string {
  const owned = ownerVisibleSql(user, 'owner', 2);
  // seesEveryOwner users get 'TRUE', which leaves $2 unused: keep it typed so PostgreSQL accepts it.
  return `domain = $1 AND ($2::text IS NOT NULL) AND (owner IS NULL OR ${owned})`;
}

/** One page of a domain's event log, oldest first (the order they happened in). */
export async function listVisibleEvents(
  db: Queryable,
  user: AuthUser,
  domain: string,
  filters: readonly AttributeFilter[],
  offset: number,
  limit: number,
): Promise<{ total: number; events: TmfEvent[] }> {
  const params: unknown[] = [domain, user.id];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [visibleEventsSql(user), ...filterSql(filters, bind, 'payload', { eventType: 'event_type', eventId: 'event_id' })].join(
    ' AND ',
  );
  const count = await db.query<{ total: unknown }>(`SELECT count(*) AS total FROM tmf_events WHERE ${where}`, params);
  const rows = await db.query<EventRow>(
    `SELECT payload FROM tmf_events WHERE ${where} ORDER BY seq LIMIT ${bind(limit)} OFFSET ${bind(offset)}`,
    params,
  );
  return { total: Number(count[0]?.total ?? 0), events: rows.map((row) => row.payload) };
}

export async function findVisibleEvent(db: Queryable, user: AuthUser, domain: string, eventId: string): Promise<TmfEvent | undefined> {
  const rows = await db.query<EventRow>(`SELECT payload FROM tmf_events WHERE ${visibleEventsSql(user)} AND event_id = $3`, [
    domain,
    user.id,
    eventId,
  ]);
  return rows[0]?.payload;
}
