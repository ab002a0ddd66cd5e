import type { Queryable } from '../db/db';
import { toNumber } from '../db/db';
import type { TmfEvent } from './eventLog';

/** A subscription this instance holds the lease of, with its delivery state. */
export interface ClaimedSubscription {
  id: string;
  callback: string;
  failedAttempts: number;
}

export interface PendingDelivery {
  seq: number;
  event: TmfEvent;
}

const MS = `* interval '1 millisecond'`;

/**
 * Leases up to `max` subscriptions that have a delivery due and no live lease. The lease keeps
 * other instances on the same database off them; an instance that dies loses it when it expires.
 */
export async function claimDueSubscriptions(db: Queryable, instance: string, leaseMs: number, max: number): Promise<ClaimedSubscription[]> {
  if (max <= 0) return [];
  const rows = await db.query<{ id: string; callback: string; failed_attempts: number }>(
    `UPDATE event_subscriptions SET lease_owner = $1, lease_until = now() + $2::integer ${MS}
      WHERE id IN (
        SELECT s.id FROM event_subscriptions s
         WHERE s.next_attempt_at <= now()
           AND (s.lease_until IS NULL OR s.lease_until < now())
           AND EXISTS (SELECT 1 FROM event_deliveries d WHERE d.subscription_id = s.id)
         ORDER BY s.next_attempt_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
      RETURNING id, callback, failed_attempts`,
    [instance, leaseMs, max],
  );
  return rows.map((row) => ({ id: row.id, callback: row.callback, failedAttempts: Number(row.failed_attempts) }));
}

/** False when the lease was lost (it expired and another instance took over, or the subscription is gone). */
export async function renewLease(db: Queryable, id: string, instance: string, leaseMs: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE event_subscriptions SET lease_until = now() + $3::integer ${MS} WHERE id = $1 AND lease_owner = $2 RETURNING id`,
    [id, instance, leaseMs],
  );
  return rows.length > 0;
}

export async function releaseLease(db: Queryable, id: string, instance: string): Promise<void> {
  await db.query('UPDATE event_subscriptions SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [
    id,
    instance,
  ]);
}

/** On shutdown: what this instance still holds is free again at once. */
export async function releaseAllLeases(db: Queryable, instance: string): Promise<void> {
  await db.query('UPDATE event_subscriptions SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1', [instance]);
}

/** The subscription's oldest pending deliveries, in event order. */
export async function pendingDeliveries(db: Queryable, id: string, limit: number): Promise<PendingDelivery[]> {
  const rows = await db.query<{ event_seq: unknown; payload: TmfEvent }>(
    `SELECT d.event_seq, e.payload FROM event_deliveries d JOIN tmf_events e ON e.seq = d.event_seq
      WHERE d.subscription_id = $1 ORDER BY d.event_seq LIMIT $2`,
    [id, limit],
  );
  return rows.map((row) => ({ seq: toNumber(row.event_seq), event: row.payload }));
}

/** The callback took the event (or we gave up on it): it leaves the queue, the next one is due now. */
export async function finishDelivery(db: Queryable, id: string, seq: number): Promise<void> {
  await db.query('DELETE FROM event_deliveries WHERE subscription_id = $1 AND event_seq = $2', [id, seq]);
  await db.query('UPDATE event_subscriptions SET failed_attempts = 0, next_attempt_at = now() WHERE id = $1 AND failed_attempts <> 0', [
    id,
  ]);
}

/** The attempt failed: the same event is tried again after `delayMs`, and the lease is given back. */
export async function postponeDelivery(
  db: Queryable,
  id: string,
  instance: string,
  failedAttempts: number,
  delayMs: number,
): Promise<void> {
  await db.query(
    `UPDATE event_subscriptions
        SET failed_attempts = $3, next_attempt_at = now() + $4::integer ${MS}, lease_owner = NULL, lease_until = NULL
      WHERE id = $1 AND lease_owner = $2`,
    [id, instance, failedAttempts, delayMs],
  );
}
