import { describe, expect, it } from 'vitest';
import type { OfferingDoc, QuoteDoc } from '../../../shared/schemas';
import { catalogCurrency, catalogVersionOf, launchedOfferings, newQuote, revisedQuote } from './newQuote';
import { canEditQuote } from './quoteActions';

function offering(id: string, lifecycleStatus: string, catalogVersion: string, currency = 'USD'): OfferingDoc {
  return {
    id,
    name: id,
    category: 'Internet',
    lifecycleStatus,
    isBundle: false,
    characteristics: [],
    prices: [{ id: `${id}-p`, name: 'Monthly', priceType: 'recurring', amount: 1000, currency }],
    catalogVersion,
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

describe('newQuote', () => {
  it('starts at version 1, in progress, empty, priced with the catalog version', () => {
    const q = newQuote({
      id: 'q1',
      owner: 'u1',
      now: '2025-05-01T00:00:00.000Z',
      opportunity: { id: 'op1', accountId: 'a1' },
      existing: [],
      catalogVersion: '2025.1',
      currency: 'USD',
    });
    expect(q).toMatchObject({
      id: 'q1',
      owner: 'u1',
      opportunityId: 'op1',
      accountId: 'a1',
      version: 1,
      status: 'inProgress',
      items: [],
      catalogVersion: '2025.1',
    });
    expect(q.totals).toEqual({ oneTime: 0, recurring: 0, currency: 'USD' });
  });

  it('takes the next version after the opportunity’s existing quotes', () => {
    const q = newQuote({
      id: 'q3',
      owner: 'u1',
      now: 'n',
      opportunity: { id: 'op1', accountId: 'a1' },
      existing: [{ version: 1 }, { version: 2 }],
      catalogVersion: '1',
      currency: 'EUR',
    });
    expect(q.version).toBe(3);
  });
});

describe('catalog helpers', () => {
  const offerings = [offering('a', 'Launched', '2025.2'), offering('b', 'Retired', '2025.10', 'EUR'), offering('c', 'Launched', '2025.9')];
  it('keeps Launched offerings only', () => {
    expect(launchedOfferings(offerings).map((o) => o.id)).toEqual(['a', 'c']);
  });
  it('finds the newest catalog version, numerically', () => {
    expect(catalogVersionOf(offerings)).toBe('2025.10');
    expect(catalogVersionOf([])).toBeNull();
  });
  it('takes the currency of the first price', () => {
    expect(catalogCurrency(offerings)).toBe('USD');
    expect(catalogCurrency([])).toBe('USD');
  });
});

describe('revisedQuote', () => {
  const base = newQuote({
    id: 'q1',
    owner: 'u1',
    now: '2025-05-01T00:00:00.000Z',
    opportunity: { id: 'op1', accountId: 'a1' },
    existing: [],
    catalogVersion: '2025.1',
    currency: 'USD',
  });
  const refused: QuoteDoc = {
    ...base,
    status: 'accepted',
    acceptedAt: '2025-05-02T00:00:00.000Z',
    syncPending: true,
    syncError: { reason: 'Prices do not match the catalog', at: '2025-05-02T00:00:01.000Z' },
    items: [
      {
        id: '01',
        offeringId: 'o1',
        offeringName: 'Fibre',
        quantity: 2,
        characteristics: [{ name: 'Speed', value: '1 Gbit/s' }],
        oneTime: 0,
        recurring: 2000,
      },
    ],
    totals: { oneTime: 0, recurring: 2000, currency: 'USD' },
  };

  it('copies the lines into the next version, in progress, without the refusal or the acceptance', () => {
    const copy = revisedQuote(refused, {
      id: 'q2',
      now: '2025-05-03T00:00:00.000Z',
      existing: [refused, { version: 3 }],
      catalogVersion: '2025.2',
    });
    expect(copy).toEqual({
      id: 'q2',
      owner: 'u1',
      createdAt: '2025-05-03T00:00:00.000Z',
      updatedAt: '2025-05-03T00:00:00.000Z',
      syncPending: true,
      opportunityId: 'op1',
      accountId: 'a1',
      version: 4,
      status: 'inProgress',
      items: refused.items,
      totals: refused.totals,
      catalogVersion: '2025.2',
    });
    expect(canEditQuote(copy)).toBe(true);
    expect(copy.items[0]?.characteristics).not.toBe(refused.items[0]?.characteristics);
  });

  it('is the next version after the quote itself when the opportunity lists no others', () => {
    expect(revisedQuote(refused, { id: 'q2', now: '2025-05-03T00:00:00.000Z', existing: [], catalogVersion: '2025.1' }).version).toBe(2);
  });
});
