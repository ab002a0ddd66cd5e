import type { Migration } from '../platform/db/migrations';

/** Versions 200-299, owned by the TMF620 catalog module (see central/src/migrations.ts). */
export const CATALOG_MIGRATIONS: readonly Migration[] = [
  {
    version: 200,
    name: 'TMF620 catalog seed log',
    statements: [
      // The catalog resources live in tmf_resources (owner null). This log remembers which demo
      // resources were seeded once, so one an administrator deleted is not seeded again at restart.
      `CREATE TABLE catalog_seed_log (
         kind text NOT NULL,
         id text NOT NULL,
         seeded_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (kind, id)
       )`,
    ],
  },
];
