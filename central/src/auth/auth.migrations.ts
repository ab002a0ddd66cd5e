import type { Migration } from '../db/migrations';

/** Versions 600-699, owned by the auth module (see db/migrations.ts). */
export const AUTH_MIGRATIONS: readonly Migration[] = [
  {
    version: 600,
    name: 'failed sign-in counters',
    statements: [
      // One counter per username+address, per address and per username ('' where a scope has no
      // such part); kept in the database so every instance behind a load balancer sees them.
      `CREATE TABLE sign_in_failures (
         scope text NOT NULL CHECK (scope IN ('user+address', 'address', 'user')),
         username text NOT NULL,
         address text NOT NULL,
         failures integer NOT NULL,
         window_start timestamptz NOT NULL,
         blocked_until timestamptz,
         PRIMARY KEY (scope, username, address)
       )`,
      `CREATE INDEX sign_in_failures_window_idx ON sign_in_failures (window_start)`,
    ],
  },
];
