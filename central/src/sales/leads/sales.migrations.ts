import type { Migration } from '../../platform/db/migrations';

/** Versions 500-599, owned by the TMF699 sales and TMF648 quote module (see central/src/migrations.ts). */
export const SALES_MIGRATIONS: readonly Migration[] = [
  {
    version: 500,
    name: 'TMF699 sales lead tracking',
    statements: [
      // One row per lead the central system has seen created or changed (the lead itself is the
      // `leads` synced document): the last status it announced, for statusChangeDate and
      // SalesLeadStateChangeEvent, and the SalesLead_Create attributes a LeadDoc has no field for.
      `CREATE TABLE sales_leads (
         id text PRIMARY KEY,
         status text NOT NULL,
         status_changed_at timestamptz NOT NULL,
         received jsonb,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    version: 501,
    name: 'TMF699 sales lead duplicates',
    // The likely duplicates the dedup engine found when the lead arrived (leadDuplicates.ts).
    statements: ['ALTER TABLE sales_leads ADD COLUMN duplicates jsonb'],
  },
];
