import type { Migration } from '../../platform/db/migrations';

/**
 * Versions 450-459 of the ordering range (400-499): the acknowledgement emails. Kept apart from
 * ordering.migrations.ts so other ordering changes add their versions without touching this list.
 */
export const ACKNOWLEDGEMENT_MIGRATIONS: readonly Migration[] = [
  {
    version: 450,
    name: 'order acknowledgement emails (outbox)',
    statements: [
      // One row per acknowledged order, written in the transaction that created the order: an
      // order rolled back sends nothing, a retried push finds the order and adds no second row.
      // The mail itself goes out after commit (acknowledgementMailer.ts), claimed row by row.
      `CREATE TABLE order_acknowledgements (
         order_id text PRIMARY KEY REFERENCES product_orders(id) ON DELETE CASCADE,
         recipient text,
         subject text NOT NULL,
         body text NOT NULL,
         queued_at timestamptz NOT NULL DEFAULT now(),
         next_attempt_at timestamptz NOT NULL DEFAULT now(),
         attempts integer NOT NULL DEFAULT 0,
         outcome text CHECK (outcome IN ('sent', 'skipped', 'failed')),
         outcome_detail text,
         done_at timestamptz
       )`,
      `CREATE INDEX order_acknowledgements_due_idx ON order_acknowledgements (next_attempt_at) WHERE done_at IS NULL`,
    ],
  },
];
