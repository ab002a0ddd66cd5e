import type { Migration } from '../../platform/db/migrations';

/** Versions 400-499, owned by the TMF622 ordering module (see central/src/migrations.ts). */
export const ORDERING_MIGRATIONS: readonly Migration[] = [
  {
    version: 400,
    name: 'TMF622 cancellation origin and CancelProductOrder tasks',
    statements: [
      // The order machine's context: where assessingCancellation came from, so a denial goes back there.
      `ALTER TABLE product_orders ADD COLUMN cancellation_origin text`,
      `CREATE TABLE cancel_product_orders (
         id text PRIMARY KEY,
         product_order_id text NOT NULL,
         owner text NOT NULL REFERENCES users(id),
         state text NOT NULL,
         origin_state text,
         created_at timestamptz NOT NULL DEFAULT now(),
         resource jsonb NOT NULL
       )`,
      `CREATE INDEX cancel_product_orders_owner_idx ON cancel_product_orders (owner, created_at)`,
      `CREATE INDEX cancel_product_orders_order_idx ON cancel_product_orders (product_order_id)`,
    ],
  },
  {
    version: 420,
    name: "an account's orders, for its open credit exposure",
    statements: [
      // The consistency check sums the account's open orders under the write lock (ingest/consistency.ts):
      // an index, not a scan of every order.
      `CREATE INDEX sync_docs_order_account_idx ON sync_docs ((data ->> 'accountId')) WHERE collection = 'orders'`,
    ],
  },
];
