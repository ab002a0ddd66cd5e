/**
 * The one storage seam of the central system: PGlite (embedded) and PostgreSQL (pg) both
 * implement it, and every query is written once in PostgreSQL's dialect.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with `$1..$n` parameters; returns the rows. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** For the start-up line and logs, e.g. "PGlite at .outpost-data/central" or "PostgreSQL". */
  readonly description: string;
}

/**
 * Key of the transaction-level advisory lock every write to synced data takes before it draws
 * a seq, so commit order equals seq order and a puller reading `seq > N` can never skip one.
 */
export const WRITE_LOCK_KEY = 7_405_001;
/** Serialises schema migrations when several instances start against one database. */
export const MIGRATION_LOCK_KEY = 7_405_002;

export async function takeWriteLock(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
}

/** bigint columns come back as number (PGlite) or string (pg): one conversion for both. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new Error(`Expected a numeric column value, got ${typeof value}`);
}

/** timestamptz comes back as Date from both drivers; ISO strings on the wire. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new Error(`Expected a timestamp column value, got ${typeof value}`);
}
