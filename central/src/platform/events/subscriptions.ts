import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/db';
import type { JsonObject } from '../json';
import type { EventFilter } from './subscriptionQuery';

/** TMF EventSubscription as the hub answers it. */
export interface EventSubscription extends JsonObject {
  id: string;
  callback: string;
  query?: string;
}

export interface StoredSubscription {
  subscription: EventSubscription;
  domain: string;
  subscriber: string;
}

interface SubscriptionRow extends Record<string, unknown> {
  id: string;
  domain: string;
  subscriber: string;
  callback: string;
  query: string | null;
}

function toStored(row: SubscriptionRow): StoredSubscription {
  return {
    subscription: { id: row.id, callback: row.callback, ...(row.query !== null ? { query: row.query } : {}) },
    domain: row.domain,
    subscriber: row.subscriber,
  };
}

export interface NewSubscription {
  domain: string;
  callback: string;
  query?: string;
  filter: EventFilter;
}

export async function insertSubscription(db: Queryable, subscriber: string, input: NewSubscription): Promise<EventSubscription> {
  const rows = await db.query<SubscriptionRow>(
    `INSERT INTO event_subscriptions (id, domain, subscriber, callback, query, filter)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id, domain, subscriber, callback, query`,
    [randomUUID(), input.domain, subscriber, input.callback, input.query ?? null, JSON.stringify(input.filter)],
  );
  const row = rows[0];
  if (!row) throw new Error('The subscription was not stored');
  return toStored(row).subscription;
}

export async function countSubscriptions(db: Queryable, subscriber: string): Promise<number> {
  const rows = await db.query<{ total: unknown }>('SELECT count(*) AS total FROM event_subscriptions WHERE subscriber = $1', [subscriber]);
  return Number(rows[0]?.total ?? 0);
}

/** Admins manage every subscription; anyone else only their own (others' look absent). */
const MANAGEABLE = '($3::text IS NULL OR subscriber = $3)';

function subscriberFilter(user: AuthUser): string | null {
  return user.role === 'admin' ? null : user.id;
}

export async function findManageableSubscription(
  db: Queryable,
  user: AuthUser,
  domain: string,
  id: string,
): Promise<StoredSubscription | undefined> {
  const rows = await db.query<SubscriptionRow>(
    `SELECT id, domain, subscriber, callback, query FROM event_subscriptions
      WHERE id = $1 AND domain = $2 AND ${MANAGEABLE}`,
    [id, domain, subscriberFilter(user)],
  );
  return rows[0] ? toStored(rows[0]) : undefined;
}

/** Deleting the subscription drops its pending deliveries with it (ON DELETE CASCADE). */
export async function deleteManageableSubscription(db: Queryable, user: AuthUser, domain: string, id: string): Promise<boolean> {
  const rows = await db.query(`DELETE FROM event_subscriptions WHERE id = $1 AND domain = $2 AND ${MANAGEABLE} RETURNING id`, [
    id,
    domain,
    subscriberFilter(user),
  ]);
  return rows.length > 0;
}
