import type { Migration } from '../../platform/db/migrations';

/** Versions 460-469 of the ordering range (400-499): the simulated card authorisations. */
export const PAYMENT_MIGRATIONS: readonly Migration[] = [
  {
    version: 460,
    name: 'simulated card authorisations (reference only, never the card number)',
    statements: [
      // What an approved authorisation may keep: no column could hold the card number or the
      // security code. `used_by_order` is the order whose ingest took it (one order per authorisation).
      `CREATE TABLE card_authorisations (
         id text PRIMARY KEY,
         order_id text NOT NULL,
         owner text NOT NULL REFERENCES users(id),
         brand text NOT NULL,
         last4 text NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
         amount bigint NOT NULL,
         currency text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL,
         used_by_order text
       )`,
    ],
  },
];
