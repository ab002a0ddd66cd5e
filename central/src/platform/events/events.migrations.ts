import type { Migration } from '../db/migrations';

/** Versions 100-199, owned by the events module (see central/src/migrations.ts). */
export const EVENTS_MIGRATIONS: readonly Migration[] = [
  {
    version: 100,
    name: 'hub subscriptions and their pending deliveries',
    statements: [
      // failed_attempts / next_attempt_at belong to the subscription's oldest pending delivery
      // (deliveries go out one at a time, in event order); the lease lets several instances
      // share the work without two of them posting the same event at once.
      `CREATE TABLE event_subscriptions (
         id text PRIMARY KEY,
         domain text NOT NULL,
         subscriber text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         callback text NOT NULL,
         query text,
         filter jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         failed_attempts integer NOT NULL DEFAULT 0,
         next_attempt_at timestamptz NOT NULL DEFAULT now(),
         lease_owner text,
         lease_until timestamptz
       )`,
      `CREATE INDEX event_subscriptions_domain_idx ON event_subscriptions (domain)`,
      `CREATE INDEX event_subscriptions_subscriber_idx ON event_subscriptions (subscriber)`,
      // The delivery queue: one row per (subscription, event) still to be delivered, written in
      // the transaction that records the event, so no committed event is ever missed and none
      // is delivered twice after a restart (rows go once the callback accepted the event).
      `CREATE TABLE event_deliveries (
         subscription_id text NOT NULL REFERENCES event_subscriptions(id) ON DELETE CASCADE,
         event_seq bigint NOT NULL REFERENCES tmf_events(seq) ON DELETE CASCADE,
         PRIMARY KEY (subscription_id, event_seq)
       )`,
      `CREATE INDEX event_deliveries_event_idx ON event_deliveries (event_seq)`,
    ],
  },
];
