import { describe, expect, it } from 'vitest';
import type { OrderDoc } from '../schemas';
import { makeLine, makeOrder } from '../testing/docs.fixture';
import { validateOrder } from './order.validation';

describe('validateOrder', () => {
  it('accepts a complete order', () => {
    expect(validateOrder(makeOrder())).toEqual([]);
  });

  it('names every missing item at once, each with what to fix', () => {
    const order = makeOrder({ billingAccount: ' ', serviceAddress: { street: '1 Main St', city: '' }, items: [] });
    expect(validateOrder(order)).toEqual([
      { field: 'billingAccount', message: 'Choose the billing account this order is invoiced to' },
      { field: 'serviceAddress.city', message: 'Enter the city of the service address' },
      { field: 'serviceAddress.postcode', message: 'Enter the postcode of the service address' },
      { field: 'serviceAddress.country', message: 'Enter the country of the service address' },
      { field: 'items', message: 'The order has no lines; create it again from an accepted quote with at least one line' },
    ]);
  });

  it('asks for the whole service address when there is none', () => {
    const fields = validateOrder(makeOrder({ serviceAddress: undefined })).map((i) => i.field);
    expect(fields).toEqual(['serviceAddress.street', 'serviceAddress.city', 'serviceAddress.postcode', 'serviceAddress.country']);
  });

  it('checks each line for a quantity of at least 1 and an offering', () => {
    const items = [
      makeLine(),
      makeLine({ id: 'line-2', quantity: 0, offeringId: '', offeringName: 'Router' }),
      makeLine({ id: 'line-3', quantity: 1.5 }),
    ];
    const order = makeOrder({ items, totals: { oneTime: 75000, recurring: 59700, currency: 'USD' } });
    expect(validateOrder(order)).toEqual([
      { field: 'items.1.quantity', message: 'Line 2 (Router): set a quantity of 1 or more' },
      { field: 'items.1.offeringId', message: 'Line 2 (Router): choose a product offering for this line' },
      { field: 'items.2.quantity', message: 'Line 3 (Business Fibre): set a quantity of 1 or more' },
    ]);
  });

  it('reports totals that do not match the sum of the lines, in dollars', () => {
    const order = makeOrder({ totals: { oneTime: 100, recurring: 19900, currency: 'USD' } });
    expect(validateOrder(order)).toEqual([
      {
        field: 'totals',
        message:
          'The totals ($1.00 one-time and $199.00 monthly) do not match the sum of the lines ($250.00 one-time and $199.00 monthly); reprice the quote and create the order again',
      },
    ]);
  });

  it('does not throw on a corrupt stored order', () => {
    const corrupt = { ...makeOrder(), items: [{ ...makeLine(), oneTime: 'x' }], totals: undefined } as unknown as OrderDoc;
    const fields = validateOrder(corrupt).map((i) => i.field);
    expect(fields).toEqual(['totals.currency', 'items']);
  });

  it('refuses a NUL or a control character in the billing account or the service address, at that field', () => {
    const order = makeOrder({
      billingAccount: 'ba\u001b1',
      serviceAddress: { street: '1 Main\u0000 St', city: 'Springfield', postcode: '12345', country: 'US' },
    });
    expect(validateOrder(order)).toEqual([
      {
        field: 'billingAccount',
        message: 'The billing account contains an invisible control character (U+001B) at position 3; delete it or type the text again',
      },
      {
        field: 'serviceAddress.street',
        message: 'The street of the service address contains a NUL character at position 7; delete it or type the text again',
      },
    ]);
  });
});
