import type { Queryable } from '../db/db';
import { toIso } from '../db/db';

/** createCentral's `signInLimits`: how many failed sign-ins are tolerated before a wait. */
export interface SignInLimitOptions {
  /** Failures for one username from one client address; default 5. */
  perUserAndAddress?: number;
  /** Failures from one address, whatever the usernames (guessing across accounts); default 20. */
  perAddress?: number;
  /** Failures for one username from all addresses together (a spread-out attack); default 50. */
  perUser?: number;
  /** Failures count within this many seconds of the first; default 900. */
  windowSeconds?: number;
  /** How long a reached limit refuses sign-ins; default 900 seconds. */
  lockoutSeconds?: number;
}

export type SignInLimits = Required<SignInLimitOptions>;

const DEFAULTS: SignInLimits = { perUserAndAddress: 5, perAddress: 20, perUser: 50, windowSeconds: 900, lockoutSeconds: 900 };

export function resolveSignInLimits(options: SignInLimitOptions = {}): SignInLimits {
  const limits = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof SignInLimits)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`signInLimits.${key} must be a whole number of at least 1, got ${value}`);
    limits[key] = value;
  }
  return limits;
}

type Scope = 'user+address' | 'address' | 'user';

export interface SignInBlock {
  scope: Scope;
  retryAfterSeconds: number;
  until: string;
}

/** Usernames are compared as typed but without case, so "Alex" does not get a fresh counter. */
function subjectKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 200);
}

function keys(username: string, address: string): [Scope, string, string][] {
  const user = subjectKey(username);
  return [
    ['user+address', user, address],
    ['address', '', address],
    ['user', user, ''],
  ];
}

/** The longest wait that applies to this username from this address, if any. */
export async function activeBlock(db: Queryable, username: string, address: string): Promise<SignInBlock | undefined> {
  const rows = await db.query<{ scope: Scope; blocked_until: unknown; retry_after: unknown }>(
    `SELECT scope, blocked_until, CEIL(EXTRACT(EPOCH FROM (blocked_until - now())))::integer AS retry_after
       FROM sign_in_failures
      WHERE blocked_until > now()
        AND ((scope = 'user+address' AND username = $1 AND address = $2)
          OR (scope = 'address' AND username = '' AND address = $2)
          OR (scope = 'user' AND username = $1 AND address = ''))
      ORDER BY blocked_until DESC
      LIMIT 1`,
    [subjectKey(username), address],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { scope: row.scope, retryAfterSeconds: Math.max(1, Number(row.retry_after)), until: toIso(row.blocked_until) };
}

/** Counts one failed sign-in in each scope; a count reaching its limit starts the wait. */
export async function recordSignInFailure(db: Queryable, limits: SignInLimits, username: string, address: string): Promise<void> {
  const max: Record<Scope, number> = { 'user+address': limits.perUserAndAddress, address: limits.perAddress, user: limits.perUser };
  const expired = `f.window_start <= now() - $5::integer * interval '1 second'`;
  const counted = `CASE WHEN ${expired} THEN 1 ELSE f.failures + 1 END`;
  for (const [scope, user, from] of keys(username, address)) {
    await db.query(
      `INSERT INTO sign_in_failures AS f (scope, username, address, failures, window_start, blocked_until)
       VALUES ($1, $2, $3, 1, now(), CASE WHEN $4::integer <= 1 THEN now() + $6::integer * interval '1 second' END)
       ON CONFLICT (scope, username, address) DO UPDATE SET
         failures = ${counted},
         window_start = CASE WHEN ${expired} THEN now() ELSE f.window_start END,
         blocked_until = CASE WHEN ${counted} >= $4::integer THEN now() + $6::integer * interval '1 second' ELSE f.blocked_until END`,
      [scope, user, from, max[scope], limits.windowSeconds, limits.lockoutSeconds],
    );
  }
  // Counters whose window and wait are both over say nothing any more.
  await db.query(
    `DELETE FROM sign_in_failures
      WHERE window_start <= now() - $1::integer * interval '1 second' AND (blocked_until IS NULL OR blocked_until <= now())`,
    [limits.windowSeconds],
  );
}

/** The right password from this address: its own counter starts again (the others do not). */
export async function clearSignInFailures(db: Queryable, username: string, address: string): Promise<void> {
  await db.query(`DELETE FROM sign_in_failures WHERE scope = 'user+address' AND username = $1 AND address = $2`, [subjectKey(username), address]);
}

export function blockReason(block: SignInBlock, username: string): string {
  const wait = `try again in ${block.retryAfterSeconds} seconds (after ${block.until})`;
  const who = `"${username.slice(0, 100)}"`;
  if (block.scope === 'address') return `Too many failed sign-ins from your address; ${wait}`;
  if (block.scope === 'user') return `Too many failed sign-ins for ${who} from several addresses; ${wait}, or ask an administrator`;
  return `Too many failed sign-ins for ${who} from your address; ${wait}`;
}
