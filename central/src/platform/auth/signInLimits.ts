import type { Db, Queryable } from '../db/db';
import { toIso } from '../db/db';
import { limitOf, reserveAttempt, type Counter, type Scope, type SignInLimits } from './signInPolicy';

export type { SignInLimits } from './signInPolicy';

/** createCentral's `signInLimits`: how many failed sign-ins are tolerated before a wait (policy: signInPolicy.ts). */
export interface SignInLimitOptions {
  /** Failures for one username from one client address; default 5. */
  perUserAndAddress?: number;
  /** Failures from one address, whatever the usernames (guessing across accounts); default 20. */
  perAddress?: number;
  /** Failures for one username from all addresses together, from which each attempt slows the next; default 50. */
  perUser?: number;
  /** Failures count within this many seconds of the first; default 900. */
  windowSeconds?: number;
  /** How long a reached per-username+address or per-address limit refuses sign-ins; default 900 seconds. */
  lockoutSeconds?: number;
  /** The longest wait the per-username limit imposes between two attempts; default 60 seconds. */
  perUserMaxDelaySeconds?: number;
}

const DEFAULTS: SignInLimits = {
  perUserAndAddress: 5,
  perAddress: 20,
  perUser: 50,
  windowSeconds: 900,
  lockoutSeconds: 900,
  perUserMaxDelaySeconds: 60,
};

export function resolveSignInLimits(options: SignInLimitOptions = {}): SignInLimits {
  const limits = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof SignInLimits)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1)
      throw new Error(`signInLimits.${key} must be a whole number of at least 1, got ${value}`);
    limits[key] = value;
  }
  return limits;
}

export interface SignInBlock {
  scope: Scope;
  retryAfterSeconds: number;
  until: string;
}

/** Usernames are compared as typed but without case, so "Alex" does not get a fresh counter. */
function subjectKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 200);
}

/** Always in this order, so parallel reservations lock rows in one order and cannot deadlock. */
function keys(username: string, address: string): [Scope, string, string][] {
  const user = subjectKey(username);
  return [
    ['user+address', user, address],
    ['address', '', address],
    ['user', user, ''],
  ];
}

interface CounterRow extends Record<string, unknown> {
  failures: number;
  window_start: unknown;
  blocked_until: unknown;
  now: unknown;
}

const ms = (value: unknown): number => Date.parse(toIso(value));

/**
 * Reserves this attempt in every scope before the password is checked: one transaction locks
 * the three counters, so of parallel attempts only as many as the limits allow go ahead. A
 * refused attempt changes nothing. Returns the longest wait when refused.
 */
export async function reserveSignIn(db: Db, limits: SignInLimits, username: string, address: string): Promise<SignInBlock | undefined> {
  return db.transaction(async (tx) => {
    const planned: { key: [Scope, string, string]; counter: Counter }[] = [];
    let block: SignInBlock | undefined;
    for (const key of keys(username, address)) {
      await tx.query(
        `INSERT INTO sign_in_failures (scope, username, address, failures, window_start) VALUES ($1, $2, $3, 0, now())
         ON CONFLICT (scope, username, address) DO NOTHING`,
        key,
      );
      // The time after the row lock, not the transaction's start: a burst's transaction that waited
      // here read a block set by one that started later, and answered Retry-After 61 for a 60 s lockout.
      const [row] = await tx.query<CounterRow>(
        `SELECT failures, window_start, blocked_until, clock_timestamp() AS now FROM sign_in_failures
          WHERE scope = $1 AND username = $2 AND address = $3 FOR UPDATE`,
        key,
      );
      if (!row) throw new Error('The sign-in counter was not stored');
      const now = ms(row.now);
      const current: Counter = {
        failures: Number(row.failures),
        windowStart: ms(row.window_start),
        blockedUntil: row.blocked_until === null ? null : ms(row.blocked_until),
      };
      const reservation = reserveAttempt(key[0], current, limits, now);
      if (reservation.refusedUntil !== undefined && (!block || Date.parse(block.until) < reservation.refusedUntil)) {
        block = {
          scope: key[0],
          retryAfterSeconds: Math.max(1, Math.ceil((reservation.refusedUntil - now) / 1000)),
          until: new Date(reservation.refusedUntil).toISOString(),
        };
      }
      planned.push({ key, counter: reservation.counter });
    }
    if (block) return block;
    for (const { key, counter } of planned) {
      await tx.query(
        `UPDATE sign_in_failures SET failures = $4, window_start = $5::timestamptz, blocked_until = $6::timestamptz
          WHERE scope = $1 AND username = $2 AND address = $3`,
        [
          ...key,
          counter.failures,
          new Date(counter.windowStart).toISOString(),
          counter.blockedUntil === null ? null : new Date(counter.blockedUntil).toISOString(),
        ],
      );
    }
    return undefined;
  });
}

/** The reserved attempt failed: it stays counted, and a blocking scope that reached its limit starts its lockout. */
export async function recordSignInFailure(db: Queryable, limits: SignInLimits, username: string, address: string): Promise<void> {
  for (const [scope, user, from] of keys(username, address)) {
    if (scope === 'user') continue;
    await db.query(
      `UPDATE sign_in_failures SET blocked_until = GREATEST(COALESCE(blocked_until, now()), now() + $5::integer * interval '1 second')
        WHERE scope = $1 AND username = $2 AND address = $3 AND failures >= $4::integer`,
      [scope, user, from, limitOf(scope, limits), limits.lockoutSeconds],
    );
  }
  // Counters whose window and wait are both over say nothing any more.
  await db.query(
    `DELETE FROM sign_in_failures
      WHERE window_start <= now() - $1::integer * interval '1 second' AND (blocked_until IS NULL OR blocked_until <= now())`,
    [limits.windowSeconds],
  );
}

/** The right password: its username+address count starts again, and the reservation is given back elsewhere. */
export async function releaseSignIn(db: Queryable, username: string, address: string): Promise<void> {
  const user = subjectKey(username);
  await db.query(`DELETE FROM sign_in_failures WHERE scope = 'user+address' AND username = $1 AND address = $2`, [user, address]);
  await db.query(
    `UPDATE sign_in_failures SET failures = GREATEST(failures - 1, 0)
      WHERE (scope = 'address' AND username = '' AND address = $2) OR (scope = 'user' AND username = $1 AND address = '')`,
    [user, address],
  );
}

export function blockReason(block: SignInBlock, username: string): string {
  const wait = `try again in ${block.retryAfterSeconds} seconds (after ${block.until})`;
  const who = `"${username.slice(0, 100)}"`;
  if (block.scope === 'address') return `Too many failed sign-ins from your address; ${wait}`;
  if (block.scope === 'user')
    return `Too many failed sign-ins for ${who} from several addresses, so each attempt waits a little longer; ${wait}, or ask an administrator`;
  return `Too many failed sign-ins for ${who} from your address; ${wait}`;
}
