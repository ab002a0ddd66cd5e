import { describe, expect, it } from 'vitest';
import { fulfillmentOptionsFromEnv, resolveFulfillmentConfig } from './config';
import { FALLOUTS, mulberry32, nextAction, planFulfillment, type FulfillmentPlan } from './plan';

const keys = Array.from({ length: 400 }, (_, i) => `order-${i}`);
const twoItems = ['01', '02'];

describe('fulfillment plan', () => {
  it('draws the same numbers for the same seed and different ones for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('gives an order the same path for the same seed, and varies with the seed', () => {
    for (const key of keys.slice(0, 50)) expect(planFulfillment(7, key, 0.5, twoItems)).toEqual(planFulfillment(7, key, 0.5, twoItems));
    const outcomes = (seed: number) => keys.map((key) => planFulfillment(seed, key, 0.5, twoItems).outcome);
    expect(outcomes(7)).not.toEqual(outcomes(8));
  });

  it('completes every order at fall-out rate 0 and none at rate 1', () => {
    expect(keys.every((key) => planFulfillment(1, key, 0, twoItems).outcome === 'completed')).toBe(true);
    const fallen = keys.map((key) => planFulfillment(1, key, 1, twoItems).outcome);
    expect(fallen.every((outcome) => outcome !== 'completed')).toBe(true);
    // Every kind of fall-out occurs.
    expect(new Set(fallen)).toEqual(new Set(FALLOUTS));
  });

  it('falls out at about the configured rate', () => {
    const fallen = keys.filter((key) => planFulfillment(3, key, 0.25, twoItems).outcome !== 'completed').length;
    expect(fallen / keys.length).toBeGreaterThan(0.15);
    expect(fallen / keys.length).toBeLessThan(0.35);
  });

  it('ends partial with at least one delivered and one failed item, and fails a single-item order instead', () => {
    const items = ['01', '02', '03', '04'];
    const partials = keys.map((key) => planFulfillment(5, key, 1, items)).filter((plan) => plan.outcome === 'partial');
    expect(partials.length).toBeGreaterThan(0);
    for (const plan of partials) {
      const outcomes = Object.values(plan.itemOutcomes ?? {});
      expect(Object.keys(plan.itemOutcomes ?? {}).sort()).toEqual(items);
      expect(outcomes).toContain('completed');
      expect(outcomes).toContain('failed');
    }
    expect(keys.map((key) => planFulfillment(5, key, 1, ['01']).outcome)).not.toContain('partial');
  });

  it('starts, then completes or falls out once; held and pending wait for someone to name the order', () => {
    const held: FulfillmentPlan = { outcome: 'held', reason: 'Held: no duct' };
    expect(nextAction('acknowledged', held, false, false)).toMatchObject({ kind: 'transition', event: 'central.start' });
    expect(nextAction('inProgress', held, false, false)).toMatchObject({
      kind: 'transition',
      event: 'central.hold',
      fallout: 'held',
      reason: 'Held: no duct',
    });
    expect(nextAction('held', held, true, false)).toMatchObject({ kind: 'idle' });
    expect(nextAction('held', held, true, true)).toMatchObject({ kind: 'transition', event: 'central.release' });
    expect(nextAction('pending', { outcome: 'pending', reason: 'x' }, true, true)).toMatchObject({ event: 'central.resume' });
    // Released after its fall-out: the order completes.
    expect(nextAction('inProgress', held, true, false)).toMatchObject({ kind: 'transition', event: 'central.complete' });
    for (const state of ['completed', 'failed', 'partial', 'cancelled', 'rejected', 'assessingCancellation'] as const) {
      expect(nextAction(state, held, false, true)).toMatchObject({ kind: 'idle' });
    }
  });
});

describe('fulfillment configuration', () => {
  it('defaults to manual with a 10% fall-out rate and refuses values out of range', () => {
    expect(resolveFulfillmentConfig({ seed: 9 })).toEqual({ mode: 'manual', seed: 9, falloutRate: 0.1, intervalMs: 5000, leaseMs: 15000 });
    expect(() => resolveFulfillmentConfig({ falloutRate: 1.5 })).toThrow(/fall-out rate/);
    expect(() => resolveFulfillmentConfig({ seed: -1 })).toThrow(/seed/);
    expect(() => resolveFulfillmentConfig({ intervalMs: 1 })).toThrow(/interval/);
    // A lease no longer than the interval would lapse between two steps of its holder.
    expect(() => resolveFulfillmentConfig({ intervalMs: 1000, leaseMs: 1000 })).toThrow(/lease .*longer than the interval \(1000\)/);
    expect(resolveFulfillmentConfig({ intervalMs: 10_000 }).leaseMs).toBe(30_000);
  });

  it("reads the environment, with the caller's default mode", () => {
    expect(fulfillmentOptionsFromEnv({}, 'auto')).toEqual({ mode: 'auto' });
    expect(
      fulfillmentOptionsFromEnv(
        {
          OUTPOST_FULFILLMENT: 'manual',
          OUTPOST_FULFILLMENT_SEED: '12',
          OUTPOST_FALLOUT_RATE: '0.3',
          OUTPOST_FULFILLMENT_INTERVAL_MS: '250',
        },
        'auto',
      ),
    ).toEqual({ mode: 'manual', seed: 12, falloutRate: 0.3, intervalMs: 250 });
    expect(() => fulfillmentOptionsFromEnv({ OUTPOST_FULFILLMENT: 'sometimes' }, 'auto')).toThrow(/OUTPOST_FULFILLMENT/);
    expect(() => fulfillmentOptionsFromEnv({ OUTPOST_FALLOUT_RATE: 'lots' }, 'auto')).toThrow(/OUTPOST_FALLOUT_RATE/);
    expect(() => fulfillmentOptionsFromEnv({ OUTPOST_FALLOUT_RATE: '2' }, 'auto')).toThrow(/OUTPOST_FALLOUT_RATE: .*0 to 1/);
    expect(() => fulfillmentOptionsFromEnv({ OUTPOST_FULFILLMENT_SEED: '1.5' }, 'auto')).toThrow(/OUTPOST_FULFILLMENT_SEED/);
    expect(() => fulfillmentOptionsFromEnv({ OUTPOST_FULFILLMENT_INTERVAL_MS: '0' }, 'auto')).toThrow(/OUTPOST_FULFILLMENT_INTERVAL_MS/);
    expect(
      fulfillmentOptionsFromEnv({ OUTPOST_FULFILLMENT_INTERVAL_MS: '100', OUTPOST_FULFILLMENT_LEASE_MS: '800' }, 'auto'),
    ).toMatchObject({
      leaseMs: 800,
    });
    expect(() => fulfillmentOptionsFromEnv({ OUTPOST_FULFILLMENT_LEASE_MS: '3000' }, 'auto')).toThrow(
      /OUTPOST_FULFILLMENT_LEASE_MS: .*5000/,
    );
  });
});
