import { describe, expect, it } from 'vitest';
import { CATALOG, FIBRE, ROUTER } from '../pricing/catalog.fixture';
import { makeAccount, makeOrder, T0 } from '../testing/docs.fixture';
import { validateOrder } from './order.validation';
import { canReviseOrder, hasOwnLines, newDirectOrder, priceOrderLines, supplementalOrder } from './directOrder';

describe('direct orders', () => {
  it('start as a draft of the account with no quote, standard terms, and the only billing account and first site', () => {
    const account = makeAccount();
    const order = newDirectOrder(account, 'rep-1', T0, CATALOG, 'o-1');
    expect(order).toMatchObject({ id: 'o-1', status: 'draft', accountId: account.id, items: [], paymentTerms: 'Net 30' });
    expect(order.quoteId).toBeUndefined();
    expect(hasOwnLines(order)).toBe(true);
    expect(validateOrder(order).map((issue) => issue.message)).toContain('The order has no lines; add at least one line');
  });

  it("are priced by the quote's engine, and an order so priced validates", () => {
    const order = newDirectOrder(makeAccount(), 'rep-1', T0, CATALOG, 'o-1');
    const priced = priceOrderLines(
      [
        { id: 'l1', offeringId: FIBRE.id, quantity: 2, characteristics: [] },
        { id: 'l2', offeringId: ROUTER.id, quantity: 1, characteristics: [] },
      ],
      CATALOG,
    );
    if (!priced.ok) throw new Error(priced.message);
    const filled = {
      ...order,
      ...priced.changes,
      billingAccount: 'ba-1',
      serviceAddress: { street: 'a', city: 'b', postcode: 'c', country: 'US' },
    };
    expect(validateOrder(filled)).toEqual([]);
    expect(priced.changes.totals.recurring).toBe(priced.changes.items.reduce((sum, line) => sum + line.recurring, 0));
    const refused = priceOrderLines([{ id: 'l1', offeringId: 'nope', quantity: 1, characteristics: [] }], CATALOG);
    expect(refused.ok).toBe(false);
  });
});

describe('supplemental orders', () => {
  it('revise a submitted order before fulfilment: same lines and ids, a new draft that names the original', () => {
    const original = makeOrder({ status: 'acknowledged', tmfOrderId: 'po-1', paymentTerms: 'Net 45' });
    const revision = supplementalOrder(original, T0, 's-1');
    expect(revision).toMatchObject({
      id: 's-1',
      status: 'draft',
      supplementOf: original.id,
      quoteId: original.quoteId,
      paymentTerms: 'Net 45',
    });
    expect(revision.items.map((line) => line.id)).toEqual(original.items.map((line) => line.id));
    expect(hasOwnLines(revision)).toBe(true);
  });

  it('are refused once fulfilment started, or before the central system took the order', () => {
    for (const status of ['queued', 'inProgress', 'pending', 'completed', 'cancelled'] as const) {
      expect(canReviseOrder(makeOrder({ status, tmfOrderId: 'po-1' })), status).toBe(false);
    }
    expect(canReviseOrder(makeOrder({ status: 'held', tmfOrderId: 'po-1' }))).toBe(true);
    expect(() => supplementalOrder(makeOrder({ status: 'inProgress', tmfOrderId: 'po-1' }), T0)).toThrow(/fulfilment has not started/);
  });
});
