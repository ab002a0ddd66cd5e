import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grandTotal, paymentCovers, paymentOf, paymentProblem, paymentSubmitBlock, type AuthorisationRecord } from './payment';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const ORDER = { id: 'order-1', owner: 'user-alex' };
const TOTAL = { amount: 92_348, currency: 'USD' };
const CARD = { method: 'card' as const, authorisationId: 'auth-1', brand: 'visa' as const, last4: '4242', amount: 92_348, currency: 'USD' };
const AUTH: AuthorisationRecord = {
  orderId: 'order-1',
  owner: 'user-alex',
  amount: 92_348,
  currency: 'USD',
  expiresAt: '2026-12-10T12:00:00.000Z',
  usedByOrder: null,
};

describe('paymentProblem', () => {
  it('accepts invoice, no payment, and a card authorisation that covers this order', () => {
    expect(paymentProblem({ method: 'invoice' }, undefined, ORDER, TOTAL, NOW)).toBeUndefined();
    expect(paymentProblem(undefined, undefined, ORDER, TOTAL, NOW)).toBeUndefined();
    expect(paymentProblem(CARD, AUTH, ORDER, TOTAL, NOW)).toBeUndefined();
    expect(paymentProblem(CARD, { ...AUTH, usedByOrder: 'order-1' }, ORDER, TOTAL, NOW)).toBeUndefined();
  });

  it.each([
    ['unknown', undefined, /^The card authorisation of Visa ending 4242 is unknown/],
    ["another rep's", { ...AUTH, owner: 'user-sam' }, /is unknown/],
    ['another order', { ...AUTH, orderId: 'order-2' }, /was made for another order/],
    ['used', { ...AUTH, usedByOrder: 'order-2' }, /was used by another order/],
    ['expired', { ...AUTH, expiresAt: '2026-12-03T11:59:59.000Z' }, /expired on 2026-12-03T11:59:59.000Z/],
    ['short', { ...AUTH, amount: 90_000 }, /holds \$900\.00, the order total is \$923\.48/],
  ])('refuses an authorisation that is %s, saying what to do', (_, authorisation, reason) => {
    const problem = paymentProblem(CARD, authorisation, ORDER, TOTAL, NOW);
    expect(problem).toMatch(reason);
    expect(problem).toMatch(/authorise the card again for the order total, or choose invoice$/);
  });

  it('refuses a card payment without its authorisation fields', () => {
    expect(paymentOf({ method: 'card', brand: 'visa' })).toBeUndefined();
    expect(paymentProblem({ method: 'card' }, AUTH, ORDER, TOTAL, NOW)).toMatch(/^The card payment names no authorisation/);
  });

  it('finds a problem with every amount but the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (amount) => {
        const problem = paymentProblem(CARD, { ...AUTH, amount }, ORDER, TOTAL, NOW);
        expect(problem === undefined).toBe(amount === TOTAL.amount);
      }),
    );
  });
});

describe('grandTotal and paymentCovers', () => {
  const totals = { oneTime: 24_900, recurring: 32_910, currency: 'USD' };
  const charges = {
    installation: 25_000,
    shipping: 2_500,
    taxBasisPoints: 825,
    taxOneTime: 4_323,
    taxRecurring: 2_715,
    totalOneTime: 56_723,
    totalRecurring: 35_625,
    currency: 'USD',
    tableVersion: 'v',
  };

  it('is the first bill: one-time and first month, charges and tax included; the lines without charges', () => {
    expect(grandTotal({ totals, charges })).toEqual({ amount: 92_348, currency: 'USD' });
    expect(grandTotal({ totals })).toEqual({ amount: 57_810, currency: 'USD' });
  });

  it('lets invoice through, and a card only while its authorisation holds the grand total', () => {
    expect(paymentCovers({ method: 'invoice' }, { totals, charges })).toBe(true);
    expect(paymentCovers(undefined, { totals, charges })).toBe(true);
    expect(paymentCovers(CARD, { totals, charges })).toBe(true);
    expect(paymentCovers({ ...CARD, amount: 57_810 }, { totals, charges })).toBe(false);
    expect(paymentCovers({ method: 'card' }, { totals, charges })).toBe(false);
  });
});

describe('paymentSubmitBlock', () => {
  it('says what to do while a card payment does not cover the grand total, nothing otherwise', () => {
    const totals = { oneTime: 100_000, recurring: 23_400, currency: 'USD' };
    expect(paymentSubmitBlock({ method: 'card' }, { totals })).toBe(
      'Payment: authorise the card for the order total, $1,234.00, or choose invoice, before submitting',
    );
    expect(paymentSubmitBlock({ method: 'invoice' }, { totals })).toBeUndefined();
    expect(paymentSubmitBlock({ ...CARD, amount: 123_400 }, { totals })).toBeUndefined();
  });
});
