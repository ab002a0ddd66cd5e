import { describe, expect, it } from 'vitest';
import type { OrderDoc } from '../../../shared/schemas';
import {
  canEditOrder,
  canSubmitOrder,
  editOrder,
  issuesByField,
  ORDER_FIELDS,
  orderFieldsOf,
  submitOrder,
  validateOrderWith,
  withoutIssueFor,
  type OrderFields,
} from './orderForm';

function draft(overrides: Partial<OrderDoc> = {}): OrderDoc {
  return {
    id: 'o1',
    owner: 'u1',
    createdAt: 't',
    updatedAt: 't',
    syncPending: true,
    quoteId: 'q1',
    accountId: 'a1',
    accountName: 'Acme Ltd',
    status: 'draft',
    catalogVersion: '1',
    items: [
      {
        id: 'i1',
        offeringId: 'off1',
        offeringName: 'Business Fibre Internet',
        quantity: 1,
        characteristics: [],
        oneTime: 9900,
        recurring: 4900,
      },
    ],
    totals: { oneTime: 9900, recurring: 4900, currency: 'USD' },
    ...overrides,
  };
}

const complete: OrderFields = { billingAccount: 'BA-1', street: '1 High St', city: 'Springfield', postcode: '12345', country: 'US' };

describe('order form', () => {
  it('labels the fields of the order journey', () => {
    expect(ORDER_FIELDS.map((f) => f.label)).toEqual(['Billing account', 'Street', 'City', 'Postcode', 'Country']);
    expect(orderFieldsOf(draft())).toEqual({ billingAccount: '', street: '', city: '', postcode: '', country: '' });
  });

  it('names every missing item and keeps the order a draft with what was typed', () => {
    const { order, issues } = validateOrderWith(draft(), { ...complete, billingAccount: '', city: ' ' });
    expect(order.status).toBe('draft');
    expect(order.serviceAddress?.street).toBe('1 High St');
    const byField = issuesByField(issues);
    expect(Object.keys(byField).sort()).toEqual(['billingAccount', 'city']);
    expect(withoutIssueFor(issues, 'city').map((i) => i.field)).toEqual(['billingAccount']);
    expect(canSubmitOrder(order)).toBe(false);
  });

  it('validates, then submits to queued with the submission time', () => {
    const { order, issues } = validateOrderWith(draft(), complete);
    expect(issues).toEqual([]);
    expect(order.status).toBe('validated');
    expect(order.billingAccount).toBe('BA-1');
    expect(canSubmitOrder(order)).toBe(true);
    expect(validateOrderWith(order, complete)).toEqual({ order, issues: [] });
    const queued = submitOrder(order, '2025-05-01T00:00:00.000Z');
    expect(queued).toMatchObject({ status: 'queued', submittedAt: '2025-05-01T00:00:00.000Z' });
    expect(canEditOrder(queued)).toBe(false);
    expect(canSubmitOrder(queued)).toBe(false);
  });

  it('returns a validated order to draft on any edit', () => {
    const { order } = validateOrderWith(draft(), complete);
    const edited = editOrder(order, { ...complete, postcode: '54321' });
    expect(edited.status).toBe('draft');
    expect(edited.serviceAddress?.postcode).toBe('54321');
    expect(editOrder(edited, { ...complete, street: '1 High ' }).serviceAddress?.street).toBe('1 High ');
    expect(validateOrderWith(edited, { ...complete, street: ' 1 High St ' }).order.serviceAddress?.street).toBe('1 High St');
    expect(canSubmitOrder(edited)).toBe(false);
  });

  it('refuses to submit an order that was not validated', () => {
    expect(() => submitOrder(draft(), 'now')).toThrow();
  });

  it('stores nothing while a typed field holds a NUL: the order is unchanged and the field says why', () => {
    const stored = draft();
    const { order, issues } = validateOrderWith(stored, { ...complete, street: '1 High\u0000 St' });
    expect(order).toBe(stored);
    expect(issuesByField(issues).street).toBe(
      'The street of the service address contains a NUL character at position 7; delete it or type the text again',
    );
  });
});
