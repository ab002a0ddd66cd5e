import { MIGRATION_LOCK_KEY, type Db } from './db';

export interface Migration {
  version: number;
  name: string;
  /** Statements run in order in one transaction (one statement each: PGlite's extended protocol). */
  statements: readonly string[];
}

/**
 * Append only: a released migration is never edited, a change is a new version.
 * Applied in version order at start, each once, recorded in `schema_migrations`.
 * Core tables here (1-99); each module keeps its own list in its reserved range and the
 * composition root (central/src/migrations.ts) puts them together, so this runner imports
 * no module: audit (record history) 50-59, events 100-199, catalog 200-299, fulfillment and inventory 300-399, ordering
 * 400-499, sales and quotes 500-599, auth 600-649, devices (remote wipe) 650-699.
 */
export const CORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users and tokens',
    statements: [
      `CREATE TABLE users (
         id text PRIMARY KEY,
         username text NOT NULL UNIQUE,
         display_name text NOT NULL,
         role text NOT NULL CHECK (role IN ('rep', 'manager', 'admin', 'integration')),
         manager_id text REFERENCES users(id),
         password_hash text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX users_manager_idx ON users (manager_id)`,
      `CREATE TABLE tokens (
         token_hash text PRIMARY KEY,
         user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         kind text NOT NULL CHECK (kind IN ('access', 'refresh')),
         client_id text NOT NULL,
         expires_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX tokens_expiry_idx ON tokens (expires_at)`,
    ],
  },
  {
    version: 2,
    name: 'synced documents',
    statements: [
      `CREATE SEQUENCE sync_seq`,
      `CREATE TABLE sync_docs (
         collection text NOT NULL,
         id text NOT NULL,
         owner text REFERENCES users(id),
         seq bigint NOT NULL UNIQUE,
         deleted boolean NOT NULL DEFAULT false,
         data jsonb NOT NULL,
         stored_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (collection, id)
       )`,
      `CREATE INDEX sync_docs_pull_idx ON sync_docs (collection, seq)`,
      `CREATE INDEX sync_docs_owner_idx ON sync_docs (collection, owner, seq)`,
    ],
  },
  {
    version: 3,
    name: 'TMF622 product orders',
    statements: [
      `CREATE TABLE product_orders (
         id text PRIMARY KEY,
         external_id text UNIQUE,
         owner text NOT NULL REFERENCES users(id),
         state text NOT NULL,
         order_date timestamptz NOT NULL,
         resource jsonb NOT NULL
       )`,
      `CREATE INDEX product_orders_owner_idx ON product_orders (owner, order_date)`,
      `CREATE INDEX product_orders_state_idx ON product_orders (state)`,
    ],
  },
  {
    version: 4,
    name: 'TMF resources without a table of their own',
    statements: [
      `CREATE TABLE tmf_resources (
         kind text NOT NULL,
         id text NOT NULL,
         owner text REFERENCES users(id),
         resource jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (kind, id)
       )`,
      `CREATE INDEX tmf_resources_owner_idx ON tmf_resources (kind, owner, created_at)`,
    ],
  },
  {
    version: 5,
    name: 'TMF event log',
    statements: [
      `CREATE TABLE tmf_events (
         seq bigserial PRIMARY KEY,
         event_id text NOT NULL UNIQUE,
         event_type text NOT NULL,
         domain text NOT NULL,
         resource_name text NOT NULL,
         resource_id text NOT NULL,
         owner text REFERENCES users(id),
         event_time timestamptz NOT NULL,
         payload jsonb NOT NULL
       )`,
      `CREATE INDEX tmf_events_domain_idx ON tmf_events (domain, seq)`,
    ],
  },
  {
    version: 6,
    name: 'change feed notification',
    statements: [
      // Several instances on one PostgreSQL: each listens on outpost_sync and reads sync_docs past
      // its last seq (platform/sync/pgChangeFeed.ts). NOTIFY inside the writing transaction is
      // delivered at its commit and never for a rollback. The payload is only the last seq drawn
      // (writers hold the write lock, so it is this transaction's); PGlite ignores it.
      `CREATE FUNCTION outpost_notify_sync() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('outpost_sync', COALESCE(pg_sequence_last_value('sync_seq'), 0)::text);
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER sync_docs_notify AFTER INSERT ON sync_docs FOR EACH STATEMENT EXECUTE FUNCTION outpost_notify_sync()`,
    ],
  },
  {
    version: 7,
    name: 'singleton leases',
    statements: [
      // One row per job only one instance may run at a time (auto-fulfillment): held while
      // lease_until is ahead, taken over by another instance once it has passed (platform/db/lease.ts).
      `CREATE TABLE instance_leases (
         name text PRIMARY KEY,
         holder text NOT NULL,
         lease_until timestamptz NOT NULL
       )`,
    ],
  },
];

/** Applies `migrations` (central/src/migrations.ts lists them all) that are not applied yet. */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      // The lock makes concurrent starts against one database apply each migration once.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const existing = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (existing.length > 0) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
