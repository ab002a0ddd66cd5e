import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { perUserDelaySeconds, reserveAttempt, type Counter, type Scope, type SignInLimits } from './signInPolicy';

const LIMITS: SignInLimits = {
  perUserAndAddress: 5,
  perAddress: 20,
  perUser: 50,
  windowSeconds: 900,
  lockoutSeconds: 900,
  perUserMaxDelaySeconds: 60,
};

/** Attempts arriving at the given times (ms, ascending), none finished yet: how many go ahead to a password check. */
function checked(scope: Scope, times: readonly number[], start?: Counter): number {
  let counter = start;
  let allowed = 0;
  for (const now of times) {
    const reservation = reserveAttempt(scope, counter, LIMITS, now);
    counter = reservation.counter;
    if (reservation.refusedUntil === undefined) allowed += 1;
  }
  return allowed;
}

const burst = fc
  .array(fc.integer({ min: 0, max: 2_000 }), { minLength: 1, maxLength: 300 })
  .map((times) => [...times].sort((a, b) => a - b));

describe('failed sign-in policy', () => {
  it('lets at most the limit of parallel attempts reach a password check in the blocking scopes', () => {
    fc.assert(
      fc.property(burst, (times) => {
        expect(checked('user+address', times)).toBe(Math.min(times.length, LIMITS.perUserAndAddress));
        expect(checked('address', times)).toBe(Math.min(times.length, LIMITS.perAddress));
      }),
    );
  });

  it('slows a username down beyond its limit: one attempt per wait, waits growing, never beyond the maximum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 1, maxLength: 400 }), (raw) => {
        const times = [...raw].sort((a, b) => a - b);
        let counter: Counter | undefined = { failures: LIMITS.perUser - 1, windowStart: 0, blockedUntil: null };
        let lastAllowed = -Infinity;
        let lastWait = 0;
        for (const now of times) {
          const reservation = reserveAttempt('user', counter, LIMITS, now);
          if (reservation.refusedUntil !== undefined) {
            expect(reservation.refusedUntil - now).toBeLessThanOrEqual(LIMITS.perUserMaxDelaySeconds * 1000);
            continue;
          }
          // An attempt goes ahead only once the wait the previous one started is over.
          expect(now - lastAllowed).toBeGreaterThanOrEqual(lastWait);
          const wait = (reservation.counter.blockedUntil ?? now) - now;
          expect(wait).toBeGreaterThanOrEqual(lastWait === LIMITS.perUserMaxDelaySeconds * 1000 ? wait : lastWait);
          expect(wait).toBeLessThanOrEqual(LIMITS.perUserMaxDelaySeconds * 1000);
          [lastAllowed, lastWait] = [now, wait];
          counter = reservation.counter;
        }
      }),
    );
    expect([0, 1, 2, 5, 6, 40].map((beyond) => perUserDelaySeconds(beyond, LIMITS))).toEqual([1, 2, 4, 32, 60, 60]);
  });

  it('refuses while a lockout lasts without counting the refusal, and starts a new window after the old one', () => {
    const locked: Counter = { failures: 5, windowStart: 0, blockedUntil: 10_000 };
    expect(reserveAttempt('user+address', locked, LIMITS, 5_000)).toEqual({ counter: locked, refusedUntil: 10_000 });
    const later = LIMITS.windowSeconds * 1000 + 1;
    expect(reserveAttempt('user+address', locked, LIMITS, later)).toEqual({
      counter: { failures: 1, windowStart: later, blockedUntil: null },
    });
  });
});
