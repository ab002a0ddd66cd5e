import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billedTotals, creditCheck, openExposure, orderExposure, type ExposureOrder } from './creditCheck';

const totals = (oneTime: number, recurring: number, currency = 'USD') => ({ oneTime, recurring, currency });
const order = (id: string, status: string, over: Partial<ExposureOrder> = {}): ExposureOrder => ({
  id,
  accountId: 'acct-1',
  status,
  totals: totals(10000, 1000),
  ...over,
});

describe('creditCheck', () => {
  it('says within with what is left, over with the hold text, and nothing to check without a limit', () => {
    const account = { name: 'Fresh Bakery Co.', creditLimit: 1000 };
    expect(creditCheck(account, totals(24900, 32910), 0)).toMatchObject({
      outcome: 'over',
      text: 'exposure $4,198.20 ($249.00 one-time + 12 months of $329.10) exceeds the credit limit of $1,000.00 of Fresh Bakery Co.',
    });
    expect(creditCheck({ ...account, creditLimit: 5000 }, totals(24900, 32910), 50000)).toMatchObject({
      outcome: 'within',
      total: 469820,
      text: 'exposure $4,698.20 ($249.00 one-time + 12 months of $329.10, and $500.00 of open orders) is within the credit limit of $5,000.00 of Fresh Bakery Co. ($301.80 left)',
    });
    expect(creditCheck({ name: 'New Co' }, totals(1, 1), 0)).toEqual({
      outcome: 'noLimit',
      text: 'No credit limit is recorded for New Co, so no credit check applies',
    });
  });

  it('is over exactly when the order and the open orders exceed the limit', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(100_000), fc.nat(10_000_000), fc.nat(200_000), (oneTime, recurring, open, limit) => {
        const result = creditCheck({ name: 'A', creditLimit: limit }, totals(oneTime, recurring), open);
        expect(result.outcome).toBe(oneTime + 12 * recurring + open > limit * 100 ? 'over' : 'within');
      }),
    );
  });
});

describe('openExposure', () => {
  it("sums the account's other submitted, not final orders in the currency, leaving out the order itself and the one it replaces", () => {
    const orders = [
      order('self', 'queued'),
      order('open', 'acknowledged'),
      order('held', 'held'),
      order('draft', 'draft'),
      order('done', 'completed'),
      order('gone', 'cancelled'),
      order('elsewhere', 'inProgress', { accountId: 'acct-2' }),
      order('euro', 'inProgress', { totals: totals(10000, 1000, 'EUR') }),
      order('original', 'acknowledged'),
    ];
    const each = orderExposure(totals(10000, 1000));
    expect(openExposure(orders, 'acct-1', { id: 'self', supplementOf: 'original' }, 'USD')).toBe(2 * each);
    expect(openExposure(orders, 'acct-1', { id: 'self' }, 'USD')).toBe(3 * each);
  });
});

describe('billedTotals', () => {
  const charges = { totalOneTime: 56723, totalRecurring: 35625, currency: 'USD' };

  it('counts what the account is billed when the order carries its charges, and says so in the check', () => {
    expect(billedTotals({ totals: totals(24900, 32910), charges })).toEqual({ ...totals(56723, 35625), charged: true });
    expect(billedTotals({ totals: totals(24900, 32910) })).toEqual(totals(24900, 32910));
    // Charges in another currency than the lines are not the order's figures.
    expect(billedTotals({ totals: totals(24900, 32910), charges: { ...charges, currency: 'EUR' } })).toEqual(totals(24900, 32910));
    expect(
      creditCheck({ name: 'Fresh Bakery Co.', creditLimit: 4199 }, billedTotals({ totals: totals(24900, 32910), charges }), 0),
    ).toMatchObject({
      outcome: 'over',
      text: 'exposure $4,842.23 ($567.23 one-time + 12 months of $356.25, charges and tax included) exceeds the credit limit of $4,199.00 of Fresh Bakery Co.',
    });
  });

  it("counts the other open orders' charges too", () => {
    const orders = [order('charged', 'acknowledged', { charges }), order('plain', 'queued')];
    expect(openExposure(orders, 'acct-1', { id: 'self' }, 'USD')).toBe(
      orderExposure(totals(56723, 35625)) + orderExposure(totals(10000, 1000)),
    );
  });
});
