import { describe, expect, it } from 'vitest';
import type { OfferingDoc } from '../../../shared/schemas';
import { catalogCurrency, catalogVersionOf, launchedOfferings, newQuote } from './newQuote';

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
