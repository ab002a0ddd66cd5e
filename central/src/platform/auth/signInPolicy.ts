/**
 * The failed sign-in policy as pure decisions over one counter (signInLimits.ts stores them).
 * Every attempt is reserved (counted) before its password is checked, so parallel attempts
 * cannot all pass the check; a right password gives its reservation back.
 * - `user+address` and `address` block: beyond the limit, that username at that address (or
 *   that address, whatever the username) waits `lockoutSeconds`.
 * - `user` (all addresses together) only slows down: from the limit on, each attempt starts a
 *   wait before the next one of 1, 2, 4, ... seconds, at most `perUserMaxDelaySeconds`, so a
 *   stranger guessing from many addresses cannot keep the user out for longer than that.
 */
export type Scope = 'user+address' | 'address' | 'user';

export interface SignInLimits {
  perUserAndAddress: number;
  perAddress: number;
  perUser: number;
  windowSeconds: number;
  lockoutSeconds: number;
  perUserMaxDelaySeconds: number;
}

/** One scope's counter; times in epoch milliseconds. `failures` includes attempts still being checked. */
export interface Counter {
  failures: number;
  windowStart: number;
  blockedUntil: number | null;
}

export interface Reservation {
  /** What to store when the attempt goes ahead (unchanged when refused: a refusal is not an attempt). */
  counter: Counter;
  /** Set when the attempt is refused: until when it waits. */
  refusedUntil?: number;
}

export function limitOf(scope: Scope, limits: SignInLimits): number {
  return scope === 'user+address' ? limits.perUserAndAddress : scope === 'address' ? limits.perAddress : limits.perUser;
}

/** The wait after the n-th attempt at or beyond the per-user limit (n = 0 for the attempt reaching it). */
export function perUserDelaySeconds(beyondLimit: number, limits: SignInLimits): number {
  return Math.min(limits.perUserMaxDelaySeconds, 2 ** Math.min(beyondLimit, 30));
}

export function reserveAttempt(scope: Scope, current: Counter | undefined, limits: SignInLimits, now: number): Reservation {
  if (current && current.blockedUntil !== null && current.blockedUntil > now)
    return { counter: current, refusedUntil: current.blockedUntil };
  // A lockout that is over starts the count again; the per-user wait does not, so it keeps growing.
  const lockoutOver = scope !== 'user' && current?.blockedUntil != null && current.blockedUntil <= now;
  const expired = !current || lockoutOver || current.windowStart <= now - limits.windowSeconds * 1000;
  const base: Counter = expired ? { failures: 0, windowStart: now, blockedUntil: null } : current;
  const failures = base.failures + 1;
  const limit = limitOf(scope, limits);
  if (scope === 'user') {
    // The attempt goes ahead; the next one waits, whoever sends it.
    const blockedUntil = failures >= limit ? now + perUserDelaySeconds(failures - limit, limits) * 1000 : base.blockedUntil;
    return { counter: { ...base, failures, blockedUntil } };
  }
  // Attempts still being checked hold the remaining ones: beyond the limit, wait as if they failed.
  if (failures > limit) return { counter: base, refusedUntil: now + limits.lockoutSeconds * 1000 };
  return { counter: { ...base, failures } };
}
