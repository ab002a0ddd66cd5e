import type { Migration } from '../db/migrations';

/** Versions 600-699, owned by the auth module (see central/src/migrations.ts). */
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
  {
    version: 601,
    name: 'token chains: rotated refresh tokens kept to detect their reuse',
    statements: [
      // Every token of one sign-in shares a chain: the refresh tokens rotated from it and the
      // access tokens they gave. A used refresh token stays (used_at set) until it expires, so
      // presenting it again is recognised as theft and ends the whole chain.
      `ALTER TABLE tokens ADD COLUMN chain_id text`,
      `UPDATE tokens SET chain_id = token_hash`,
      `ALTER TABLE tokens ALTER COLUMN chain_id SET NOT NULL`,
      `ALTER TABLE tokens ADD COLUMN used_at timestamptz`,
      `CREATE INDEX tokens_chain_idx ON tokens (chain_id)`,
    ],
  },
];
