/**
 * SalesLeads are read from the `leads` synced documents (whoever created them) joined with the
 * sales_leads tracking row and the owning rep's name; the tracking row is written here.
 */
import type { DuplicateMatch } from '../../../../shared/leads/dedup';
import type { LeadDoc } from '../../../../shared/schemas';
import type { AuthUser } from '../../platform/auth/users';
import { toIso, type Queryable } from '../../platform/db/db';
import type { JsonObject } from '../../platform/json';
import { ownerVisibleSql } from '../../platform/auth/scope';
import { toSalesLead, type LeadTracking } from './salesLeadProjection';
import type { SalesLead } from './salesLeadTypes';

export interface LeadRow extends Record<string, unknown> {
  owner: string;
  display_name: string | null;
  data: LeadDoc;
  tracked_status: string | null;
  status_changed_at: unknown;
  received: JsonObject | null;
  duplicates?: DuplicateMatch[] | null;
}

const SELECT_LEADS = `
  SELECT d.owner, u.display_name, d.data, s.status AS tracked_status, s.status_changed_at, s.received, s.duplicates
    FROM sync_docs d
    LEFT JOIN users u ON u.id = d.owner
    LEFT JOIN sales_leads s ON s.id = d.id
   WHERE d.collection = 'leads'`;
const LIVE = 'AND NOT d.deleted';

export function fromRow(row: LeadRow): SalesLead {
  const tracking: LeadTracking | undefined =
    row.tracked_status === null
      ? undefined
      : {
          status: row.tracked_status,
          statusChangedAt: toIso(row.status_changed_at),
          received: row.received,
          ...(row.duplicates ? { duplicates: row.duplicates } : {}),
        };
  return toSalesLead(row.data, { id: row.owner, displayName: row.display_name ?? row.owner }, tracking);
}

/**
 * The SalesLead of one stored lead document (any owner, deleted too), e.g. for an event; with
 * `asOf`, of that earlier state of the document (same owner: a push never changes it).
 */
export async function salesLeadOf(tx: Queryable, id: string, asOf?: LeadDoc): Promise<SalesLead | undefined> {
  const rows = await tx.query<LeadRow>(`${SELECT_LEADS} AND d.id = $1`, [id]);
  return rows[0] ? fromRow(asOf ? { ...rows[0], data: asOf } : rows[0]) : undefined;
}

/** The tracking rows of many leads in one query, by id: a push batch's events. */
export async function trackingOf(
  tx: Queryable,
  ids: readonly string[],
): Promise<Map<string, Pick<LeadRow, 'tracked_status' | 'status_changed_at' | 'received'>>> {
  const rows = await tx.query<{ id: string; status: string; status_changed_at: unknown; received: JsonObject | null }>(
    'SELECT id, status, status_changed_at, received FROM sales_leads WHERE id = ANY($1::text[])',
    [[...ids]],
  );
  return new Map(
    rows.map((row) => [row.id, { tracked_status: row.status, status_changed_at: row.status_changed_at, received: row.received }]),
  );
}

/** Many tracking rows in one statement (see trackStatus). */
export async function trackStatuses(tx: Queryable, changes: readonly { id: string; status: string }[], at: string): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO sales_leads (id, status, status_changed_at, received)
     SELECT c ->> 'id', c ->> 'status', $2::timestamptz, NULL FROM jsonb_array_elements($1::jsonb) AS c
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, status_changed_at = EXCLUDED.status_changed_at`,
    [JSON.stringify(changes), at],
  );
}

export async function findVisibleSalesLead(db: Queryable, user: AuthUser, id: string): Promise<SalesLead | undefined> {
  const scope = ownerVisibleSql(user, 'd.owner', 2);
  const rows = await db.query<LeadRow>(`${SELECT_LEADS} ${LIVE} AND d.id = $1 AND ${scope}`, scope === 'TRUE' ? [id] : [id, user.id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** Every lead the user may see, oldest first (creation time, then id). */
export async function listVisibleSalesLeads(db: Queryable, user: AuthUser): Promise<SalesLead[]> {
  const scope = ownerVisibleSql(user, 'd.owner', 1);
  const rows = await db.query<LeadRow>(
    `${SELECT_LEADS} ${LIVE} AND ${scope} ORDER BY d.data ->> 'createdAt', d.id`,
    scope === 'TRUE' ? [] : [user.id],
  );
  return rows.map(fromRow);
}

export interface TrackedStatus {
  status: string;
}

export async function trackedStatus(tx: Queryable, id: string): Promise<TrackedStatus | undefined> {
  const rows = await tx.query<{ status: string }>('SELECT status FROM sales_leads WHERE id = $1', [id]);
  return rows[0];
}

/** Records the status the central system last announced for a lead (and, on create, what was received). */
export async function trackStatus(tx: Queryable, id: string, status: string, at: string, received?: JsonObject): Promise<void> {
  await tx.query(
    `INSERT INTO sales_leads (id, status, status_changed_at, received) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, status_changed_at = EXCLUDED.status_changed_at`,
    [id, status, at, received === undefined ? null : JSON.stringify(received)],
  );
}
