import { describe, expect, it } from 'vitest';
import { CATALOG, FIBRE } from '../pricing/catalog.fixture';
import { priceItems } from '../pricing/engine';
import { makeOrder } from '../testing/docs.fixture';
import { discountPercent, orderApprovalPolicyOf, orderApprovalReasons, orderValue, type OrderApprovalPolicy } from './orderPolicy';
import type { OrderDoc, PolicyDoc } from '../schemas';

const POLICY: OrderApprovalPolicy = {
  name: 'Order approval',
  valueThreshold: 5_000_000,
  valueMonths: 12,
  currency: 'USD',
  standardPaymentTerms: ['Net 30', 'Net 45'],
  repDiscountPercent: 15,
};

/** An order of `quantity` Business Fibre lines priced by the engine. */
function fibreOrder(quantity: number, term: string, overrides: Partial<OrderDoc> = {}): OrderDoc {
  const configured = [
    {
      id: 'l1',
      offeringId: FIBRE.id,
      quantity,
      characteristics: [
        { name: 'bandwidth', value: '1 Gbps' },
        { name: 'contractTerm', value: term },
      ],
    },
  ];
  const { items, totals } = priceItems(configured, CATALOG);
  return makeOrder({ items, totals, ...overrides });
}

describe('order approval policy', () => {
  it('lets the rep place an order within every limit alone', () => {
    expect(orderApprovalReasons(fibreOrder(1, '12 months', { paymentTerms: 'Net 45' }), POLICY, CATALOG)).toEqual([]);
  });

  it('routes an order whose value (one-time + 12 months) is above the threshold, naming both amounts', () => {
    // 1 Gbps at $199/month: 20 lines = $47,760 a year + $5,000 installation = $52,760.
    const order = fibreOrder(20, '12 months');
    expect(orderValue(order.totals, 12)).toBe(5_276_000);
    expect(orderApprovalReasons(order, POLICY, CATALOG)).toEqual([
      'Order value $52,760.00 (one-time + 12 months of monthly charges) is above $50,000.00',
    ]);
    // Exactly at the threshold is still the rep's.
    expect(orderApprovalReasons(order, { ...POLICY, valueThreshold: 5_276_000 }, CATALOG)).toEqual([]);
  });

  it('routes non-standard payment terms; an order without terms has the default Net 30', () => {
    expect(orderApprovalReasons(fibreOrder(1, '12 months', { paymentTerms: 'Net 90' }), POLICY, CATALOG)).toEqual([
      'Payment terms "Net 90" are not standard (standard: Net 30, Net 45)',
    ]);
    const { paymentTerms: _none, ...withoutTerms } = fibreOrder(1, '12 months');
    expect(orderApprovalReasons(withoutTerms, { ...POLICY, standardPaymentTerms: ['Net 45'] }, CATALOG)).toEqual([
      'Payment terms "Net 30" are not standard (standard: Net 45)',
    ]);
  });

  it("routes a direct order discounted beyond the rep's authority, but not an order whose quote was approved", () => {
    // 36 months: 20% off the monthly fee and the installation waived.
    const direct = fibreOrder(1, '36 months', { quoteId: undefined });
    const list = 25_000 + 12 * 19_900;
    const charged = 12 * 15_920;
    expect(discountPercent(direct, CATALOG, 12)).toBe(Math.round(((list - charged) / list) * 1000) / 10);
    expect(orderApprovalReasons(direct, POLICY, CATALOG)).toEqual([
      "Discount of 27.6% off the list price is above the rep's authority of 15%, and no quote approved it",
    ]);
    expect(orderApprovalReasons(fibreOrder(1, '36 months', { quoteId: 'quote-1' }), POLICY, CATALOG)).toEqual([]);
    // 24 months (10% off the monthly fee) is within the authority.
    expect(orderApprovalReasons(fibreOrder(1, '24 months', { quoteId: undefined }), POLICY, CATALOG)).toEqual([]);
  });

  it('takes a disconnect, which charges nothing for the product it ends, for no discount', () => {
    const { items } = fibreOrder(1, '12 months');
    const free = items.map((line) => ({ ...line, oneTime: 0, recurring: 0 }));
    const disconnect = makeOrder({ items: free, totals: { oneTime: 0, recurring: 0, currency: 'USD' }, quoteId: undefined });
    expect(orderApprovalReasons(disconnect, POLICY, CATALOG)).toEqual([expect.stringMatching(/^Discount of 100%/)]);
    expect(orderApprovalReasons({ ...disconnect, delta: { action: 'delete' } }, POLICY, CATALOG)).toEqual([]);
  });

  it('lists every limit an order breaks, and asks for approval when the currency is not the threshold one', () => {
    const order = fibreOrder(30, '36 months', { quoteId: undefined, paymentTerms: 'Net 60' });
    expect(orderApprovalReasons(order, POLICY, CATALOG)).toHaveLength(3);
    const euro = { ...fibreOrder(1, '12 months'), totals: { ...fibreOrder(1, '12 months').totals, currency: 'EUR' } };
    expect(orderApprovalReasons(euro, POLICY, CATALOG)).toEqual(['The order is in EUR; the approval limit of $50,000.00 is in USD']);
  });

  it('needs nothing without a policy, and finds the policy among the synced documents', () => {
    expect(orderApprovalReasons(fibreOrder(100, '36 months', { paymentTerms: 'Net 90' }), undefined, CATALOG)).toEqual([]);
    const doc: PolicyDoc = { id: 'order-approval', kind: 'orderApproval', updatedAt: '2026-01-01T00:00:00Z', ...POLICY };
    expect(orderApprovalPolicyOf([doc])).toEqual(POLICY);
    expect(orderApprovalPolicyOf([{ ...doc, valueThreshold: undefined }])).toBeUndefined();
    expect(orderApprovalPolicyOf([{ ...doc, id: 'other' }])).toBeUndefined();
  });
});
