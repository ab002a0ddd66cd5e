import type { Migration } from '../../platform/db/migrations';

/** Versions 300-399, owned by the fulfillment and TMF637 inventory module (see central/src/migrations.ts). */
export const FULFILLMENT_MIGRATIONS: readonly Migration[] = [
  {
    version: 300,
    name: 'fulfillment fall-out already taken per order',
    statements: [
      // A fall-out happens once per order: after someone releases a held order (or supplies the
      // missing information) the simulator completes it instead of falling out again. Written in
      // the transaction of the state change, so the two never disagree.
      `CREATE TABLE fulfillment_fallouts (
         order_id text PRIMARY KEY REFERENCES product_orders(id) ON DELETE CASCADE,
         fallout text NOT NULL,
         fell_out_at timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    version: 301,
    name: 'orders whose products are in the inventory',
    statements: [
      // One row per completed or partial order whose TMF637 products were created (maybe none:
      // nothing trackable). Inserted first in the creating transaction, so products are created
      // once per order whoever completed it; an order without a row is still to be delivered.
      `CREATE TABLE inventory_deliveries (
         order_id text PRIMARY KEY REFERENCES product_orders(id) ON DELETE CASCADE,
         delivered_at timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
];
