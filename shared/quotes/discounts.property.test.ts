/**
 * The discounts and the policy over generated quotes: a discount never raises a price nor makes
 * one negative, the net is what the rep typed (percent rounded once, amount capped), and the
 * policy's approver only grows with the discount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeLine } from '../testing/docs.fixture';
import { applyDiscounts, CHARGE_TYPES, setDiscount, type QuoteDiscount } from './discounts';
import { APPROVERS, approverFor, DEFAULT_DISCOUNT_POLICY, discountDecision } from './discountPolicy';

const line = fc
  .record({ oneTime: fc.integer({ min: 0, max: 5_000_000 }), recurring: fc.integer({ min: 0, max: 5_000_000 }) })
  .map((prices) => prices);
const lines = fc.array(line, { minLength: 1, maxLength: 6 }).map((ps) => ps.map((p, i) => makeLine({ id: `line-${i}`, ...p })));
const percent = fc.integer({ min: 0, max: 10_000 }).map((basis) => basis / 100);
const discount = (lineIds: string[]): fc.Arbitrary<QuoteDiscount> =>
  fc
    .record({
      lineId: fc.option(fc.constantFrom(...lineIds), { nil: undefined }),
      appliesTo: fc.constantFrom(...CHARGE_TYPES),
      kind: fc.constantFrom('percent' as const, 'amount' as const),
      value: fc.integer({ min: 0, max: 10_000 }),
    })
    .map((d) => (d.kind === 'percent' ? { ...d, value: d.value / 100 } : d))
    .map(({ lineId, ...d }) => (lineId === undefined ? d : { ...d, lineId }));
const quote = lines.chain((items) =>
  fc
    .array(discount(items.map((i) => i.id)), { maxLength: 6 })
    .map((ds) => ({ items, discounts: ds.reduce<QuoteDiscount[]>(setDiscount, []) })),
);

describe('discounts', () => {
  it('never raise a price or take it below zero; the depth bounds the total discount', () => {
    fc.assert(
      fc.property(quote, ({ items, discounts }) => {
        const net = applyDiscounts(items, discounts);
        for (const type of CHARGE_TYPES) {
          expect(net.net[type]).toBeGreaterThanOrEqual(0);
          expect(net.net[type]).toBeLessThanOrEqual(net.list[type]);
          for (const l of net.lines) expect(l.net[type]).toBeLessThanOrEqual(l.list[type]);
          expect(net.depth[type]).toBeGreaterThanOrEqual(-1e-9);
          expect(net.depth[type]).toBeLessThanOrEqual(100 + 1e-9);
          if (net.list[type] > 0)
            expect(net.depth[type]).toBeGreaterThanOrEqual((100 * (net.list[type] - net.net[type])) / net.list[type] - 1e-6);
        }
      }),
    );
  });

  it('a quote percent takes that share of the total (rounded once), an amount takes at most the total', () => {
    fc.assert(
      fc.property(lines, percent, fc.integer({ min: 0, max: 20_000_000 }), (items, p, amount) => {
        const list = items.reduce((s, i) => s + i.recurring, 0);
        const byPercent = applyDiscounts(items, [{ appliesTo: 'recurring', kind: 'percent', value: p }]);
        expect(byPercent.net.recurring).toBe(list - Math.min(list, Math.floor((list * p) / 100 + 0.5)));
        expect(byPercent.net.oneTime).toBe(byPercent.list.oneTime);
        const byAmount = applyDiscounts(items, [{ appliesTo: 'recurring', kind: 'amount', value: amount }]);
        expect(byAmount.net.recurring).toBe(Math.max(0, list - amount));
      }),
    );
  });

  it('a line discount of 20 % on one line of two: 20 % deep, less on the total', () => {
    const items = [makeLine({ id: 'a', recurring: 10_000, oneTime: 0 }), makeLine({ id: 'b', recurring: 10_000, oneTime: 0 })];
    const net = applyDiscounts(items, [{ lineId: 'a', appliesTo: 'recurring', kind: 'percent', value: 20 }]);
    expect(net.net.recurring).toBe(18_000);
    expect(net.depth.recurring).toBeCloseTo(20);
    expect(
      discountDecision(
        { items, discounts: [{ lineId: 'a', appliesTo: 'recurring', kind: 'percent', value: 20 }] },
        DEFAULT_DISCOUNT_POLICY,
      ),
    ).toMatchObject({
      approver: 'manager',
      text: '20 % off recurring charges needs the sales manager',
    });
  });
});

describe('the discount policy', () => {
  it('≤ 10 % the rep, ≤ 25 % the manager, above that the director (boundaries included)', () => {
    expect(approverFor(0, DEFAULT_DISCOUNT_POLICY)).toBe('rep');
    expect(approverFor(10, DEFAULT_DISCOUNT_POLICY)).toBe('rep');
    expect(approverFor(10.01, DEFAULT_DISCOUNT_POLICY)).toBe('manager');
    expect(approverFor(25, DEFAULT_DISCOUNT_POLICY)).toBe('manager');
    expect(approverFor(25.01, DEFAULT_DISCOUNT_POLICY)).toBe('director');
    expect(approverFor(100, DEFAULT_DISCOUNT_POLICY)).toBe('director');
  });

  it('a deeper discount never needs a lower approver', () => {
    fc.assert(
      fc.property(percent, percent, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(APPROVERS.indexOf(approverFor(low, DEFAULT_DISCOUNT_POLICY))).toBeLessThanOrEqual(
          APPROVERS.indexOf(approverFor(high, DEFAULT_DISCOUNT_POLICY)),
        );
      }),
    );
  });

  it('an amount discount is judged by the percent it makes: $30 off a $100 line is the director’s', () => {
    const items = [makeLine({ id: 'a', recurring: 10_000, oneTime: 0 })];
    const discounts: QuoteDiscount[] = [{ lineId: 'a', appliesTo: 'recurring', kind: 'amount', value: 3_000 }];
    expect(discountDecision({ items, discounts }, DEFAULT_DISCOUNT_POLICY).approver).toBe('director');
    // Line 10 % and quote 10 %: 19 % on the line, the manager's.
    const both: QuoteDiscount[] = [
      { lineId: 'a', appliesTo: 'recurring', kind: 'percent', value: 10 },
      { appliesTo: 'recurring', kind: 'percent', value: 10 },
    ];
    const decision = discountDecision({ items, discounts: both }, DEFAULT_DISCOUNT_POLICY);
    expect(decision.approver).toBe('manager');
    expect(decision.depth).toBeCloseTo(19);
  });
});
