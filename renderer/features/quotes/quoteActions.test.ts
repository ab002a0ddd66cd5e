import { describe, expect, it } from 'vitest';
import type { QuoteDoc } from '../../../shared/schemas';
import { acceptQuote, approveQuote, canEditQuote, canQuote, sendBackQuote, submitQuote, updateQuoteLines } from './quoteActions';

const empty: QuoteDoc = {
  id: 'q1',
  owner: 'u1',
  createdAt: 't',
  updatedAt: 't',
  syncPending: true,
  opportunityId: 'op1',
  accountId: 'a1',
  version: 1,
  status: 'inProgress',
  items: [],
  totals: { oneTime: 0, recurring: 0, currency: 'USD' },
  catalogVersion: '1',
};
const line = {
  id: 'l1',
  offeringId: 'fibre',
  offeringName: 'Business Fibre Internet',
  quantity: 1,
  characteristics: [],
  oneTime: 100,
  recurring: 50,
};

describe('quote actions', () => {
  it('cannot submit an empty quote', () => {
    expect(canEditQuote(empty)).toBe(true);
    expect(canQuote(empty, { type: 'quote.submit' })).toBe(false);
  });

  it('updates lines, auto-approves on submit, then accepts', () => {
    const priced = updateQuoteLines(empty, [line], { oneTime: 100, recurring: 50, currency: 'USD' });
    expect(priced).toMatchObject({ status: 'inProgress', items: [line], totals: { oneTime: 100, recurring: 50 } });
    expect(canQuote(priced, { type: 'quote.accept' })).toBe(false);
    const approved = submitQuote(priced);
    expect(approved.status).toBe('approved');
    expect(canEditQuote(approved)).toBe(false);
    const accepted = acceptQuote(approved, '2025-05-01T00:00:00.000Z');
    expect(accepted).toMatchObject({ status: 'accepted', acceptedAt: '2025-05-01T00:00:00.000Z' });
    expect(() => updateQuoteLines(accepted, [], empty.totals)).toThrow();
  });
});

describe('quote actions: the manager decides a pending quote', () => {
  const rep = { kind: 'user', id: 'u1', role: 'rep', manages: () => false } as const;
  const manager = { kind: 'user', id: 'm1', role: 'manager', manages: (owner: string) => owner === 'u1' } as const;
  const pending: QuoteDoc = { ...empty, status: 'pending', items: [line], totals: { oneTime: 100, recurring: 50, currency: 'USD' } };

  it('lets the manager approve or send back, and not the owner', () => {
    expect(canQuote(pending, { type: 'quote.approve' }, rep)).toBe(false);
    expect(() => approveQuote(pending, rep)).toThrow('only by a manager of its owner (never the owner)');
    expect(canQuote(pending, { type: 'quote.approve' }, manager)).toBe(true);
    expect(approveQuote(pending, manager)).toMatchObject({ status: 'approved', owner: 'u1' });
    expect(sendBackQuote(pending, manager)).toMatchObject({ status: 'inProgress', owner: 'u1' });
    expect(canEditQuote(sendBackQuote(pending, manager), manager)).toBe(false);
  });
});
