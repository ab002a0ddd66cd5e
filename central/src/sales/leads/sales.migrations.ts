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
  {
    version: 510,
    name: 'Lead rule-set versions and drift',
    statements: [
      // Every published version of every rule set, immutable (ruleSetStore.ts); the newest is the
      // synced `ruleSets` document. Sets stored before versions existed are version 1.
      `CREATE TABLE rule_set_versions (
         id text NOT NULL,
         version integer NOT NULL,
         data jsonb NOT NULL,
         published_by text,
         published_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id, version)
       )`,
      `UPDATE sync_docs SET data = jsonb_set(data, '{version}', '1') WHERE collection = 'ruleSets' AND data -> 'version' IS NULL`,
      `INSERT INTO rule_set_versions (id, version, data) SELECT id, 1, data FROM sync_docs WHERE collection = 'ruleSets' AND NOT deleted`,
      // A pushed lead whose recorded outcome differs from the central re-run with the same versions (leadDrift.ts).
      `CREATE TABLE lead_drift (
         lead_id text PRIMARY KEY,
         owner text,
         engines jsonb NOT NULL,
         laptop jsonb NOT NULL,
         central jsonb,
         versions jsonb NOT NULL,
         problem text,
         detected_at timestamptz NOT NULL
       )`,
    ],
  },
];
