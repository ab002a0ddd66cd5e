import { describe, expect, it } from 'vitest';
import { makeAccount, makeLine, makeQuote } from '../testing/docs.fixture';
import { orderFromQuote } from './fromQuote';
import { validateOrder } from './order.validation';

const NOW = '2024-05-05T09:30:00.000Z';
const lines = [
  makeLine(),
  makeLine({
    id: 'line-2',
    offeringId: 'router',
    offeringName: 'Managed Router',
    quantity: 3,
    characteristics: [],
    oneTime: 45000,
    recurring: 4500,
  }),
];
const accepted = makeQuote({ status: 'accepted', items: lines, owner: 'rep-9' });

describe('orderFromQuote', () => {
  it('copies the accepted quote into a draft order with full fidelity', () => {
    const order = orderFromQuote(accepted, makeAccount(), NOW);
    expect(order).toMatchObject({
      status: 'draft',
      quoteId: 'quote-1',
      opportunityId: 'opp-1',
      accountId: 'acct-1',
      accountName: 'Acme Corp',
      owner: 'rep-9',
      catalogVersion: '2024.05',
      totals: { oneTime: 70000, recurring: 24400, currency: 'USD' },
      createdAt: NOW,
      updatedAt: NOW,
      syncPending: true,
    });
    expect(order.items).toEqual(lines);
    expect(order.id).not.toBe(accepted.id);
  });

  it('does not share line objects with the quote, so editing one never changes the other', () => {
    const order = orderFromQuote(accepted, makeAccount(), NOW);
    order.items[0]?.characteristics.push({ name: 'x', value: 'y' });
    expect(accepted.items[0]?.characteristics).toEqual([{ name: 'bandwidth', value: '1 Gbps' }]);
  });

  it('prefills the only billing account and the first site, so the order is ready to validate', () => {
    const order = orderFromQuote(accepted, makeAccount(), NOW);
    expect(order.billingAccount).toBe('ba-1');
    expect(order.serviceAddress).toEqual({ street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' });
    expect(validateOrder(order)).toEqual([]);
  });

  it('leaves the billing account for the rep to choose when there are several or none, and the address when there is no site', () => {
    const several = makeAccount({
      billingAccounts: [
        { id: 'ba-1', name: 'HQ' },
        { id: 'ba-2', name: 'Branch' },
      ],
      sites: [],
    });
    const order = orderFromQuote(accepted, several, NOW);
    expect(order.billingAccount).toBeUndefined();
    expect(order.serviceAddress).toBeUndefined();
    expect(orderFromQuote(accepted, makeAccount({ billingAccounts: undefined }), NOW).billingAccount).toBeUndefined();
  });

  it('refuses a quote the customer has not accepted', () => {
    expect(() => orderFromQuote(makeQuote({ status: 'approved' }), makeAccount(), NOW)).toThrow(
      "Quote is 'approved'; only a quote the customer accepted can become an order",
    );
  });

  it("refuses an account that is not the quote's", () => {
    expect(() => orderFromQuote(accepted, makeAccount({ id: 'acct-2', name: 'Other Ltd' }), NOW)).toThrow(/not to 'Other Ltd'/);
  });
});
