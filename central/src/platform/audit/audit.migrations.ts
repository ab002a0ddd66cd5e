import type { Migration } from '../db/migrations';

/** Versions 50-59 of the core range, owned by the audit module (see central/src/migrations.ts). */
export const AUDIT_MIGRATIONS: readonly Migration[] = [
  {
    version: 50,
    name: 'history of pushed records',
    statements: [
      // One row per stored push of a lead, opportunity, quote or order, in the push's
      // transaction: who (the pusher), from which installation (x-outpost-device), what changed
      // (field names only, no values). change_key is the pushed updatedAt, the laptop's name for
      // the same change (shared/audit/timeline.ts), so its cached and unsynced entries merge.
      `CREATE TABLE record_history (
         seq bigserial PRIMARY KEY,
         collection text NOT NULL,
         doc_id text NOT NULL,
         owner text,
         actor text NOT NULL,
         device_id text,
         at timestamptz NOT NULL,
         change_key text NOT NULL,
         status text,
         version integer,
         what text NOT NULL
       )`,
      `CREATE INDEX record_history_doc_idx ON record_history (collection, doc_id, seq)`,
      // The order timelines read a ProductOrder's events by its id.
      `CREATE INDEX tmf_events_resource_idx ON tmf_events (resource_id)`,
    ],
  },
];
