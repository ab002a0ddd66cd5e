import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, FIBRE } from '../pricing/catalog.fixture';
import { priceItems } from '../pricing/engine';
import type { OfferingDoc } from '../schemas';
import { makeQuote } from '../testing/docs.fixture';
import { catalogAge, needsRepriceReview, repriceDiff } from './repriceDiff';

const fibreLine = (id: string, bandwidth: string, quantity: number) => ({
  id,
  offeringId: FIBRE.id,
  quantity,
  characteristics: [
    { name: 'bandwidth', value: bandwidth },
    { name: 'contractTerm', value: '12 months' },
  ],
});

function quoteOn(catalog: readonly OfferingDoc[], lines: ReturnType<typeof fibreLine>[]) {
  const priced = priceItems(lines, catalog);
  return makeQuote({ items: priced.items, totals: priced.totals, catalogVersion: '2024.05' });
}

/** The catalog with fibre's monthly prices raised by `cents`. */
function raised(cents: number): OfferingDoc[] {
  return CATALOG.map((o) =>
    o.id !== FIBRE.id
      ? o
      : {
          ...o,
          catalogVersion: '2024.06',
          prices: o.prices.map((p) => (p.priceType === 'recurring' ? { ...p, amount: p.amount + cents } : p)),
        },
  );
}

describe('the reprice diff', () => {
  it('names each changed line with old and new price, and leaves unchanged ones out', () => {
    const quote = quoteOn(CATALOG, [fibreLine('a', '1 Gbps', 2), fibreLine('b', '100 Mbps', 1)]);
    const diff = repriceDiff(quote, raised(100), '2024.06');
    expect(diff.lines).toEqual([
      { lineId: 'a', offeringName: FIBRE.name, old: { oneTime: 50_000, recurring: 39_800 }, new: { oneTime: 50_000, recurring: 40_000 } },
      { lineId: 'b', offeringName: FIBRE.name, old: { oneTime: 25_000, recurring: 9_900 }, new: { oneTime: 25_000, recurring: 10_000 } },
    ]);
    expect(diff.repriced?.totals.recurring).toBe(50_000);
    expect(needsRepriceReview(diff)).toBe(true);
    expect(needsRepriceReview(repriceDiff(quote, CATALOG, '2024.05'))).toBe(false);
  });

  it('a line the new catalog cannot price is named with why, and the quote cannot be repriced', () => {
    const quote = quoteOn(CATALOG, [fibreLine('a', '1 Gbps', 1)]);
    const retired = CATALOG.map((o) => (o.id === FIBRE.id ? { ...o, lifecycleStatus: 'Retired' } : o));
    const diff = repriceDiff(quote, retired, '2024.06');
    expect(diff.lines[0]).toMatchObject({ lineId: 'a', problem: expect.stringContaining('can no longer be sold') });
    expect(diff.repriced).toBeUndefined();
  });

  it('repricing gives what pricing with the new catalog gives; no diff means nothing changes', () => {
    const bandwidths = FIBRE.characteristics[0]?.values ?? [];
    const lines = fc.array(fc.tuple(fc.constantFrom(...bandwidths), fc.integer({ min: 1, max: 50 })), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(lines, fc.integer({ min: -9_000, max: 9_000 }), (spec, cents) => {
        const configured = spec.map(([bandwidth, quantity], i) => fibreLine(`l${i}`, bandwidth, quantity));
        const quote = quoteOn(CATALOG, configured);
        const next = raised(cents);
        const diff = repriceDiff(quote, next, '2024.06');
        expect(diff.repriced).toEqual(priceItems(configured, next));
        expect(diff.lines.length === 0).toBe(cents === 0);
        for (const line of diff.lines)
          expect(line.new?.recurring).toBe(line.old.recurring + cents * (configured.find((c) => c.id === line.lineId)?.quantity ?? 0));
      }),
    );
  });

  it('says how old the local catalog is', () => {
    const now = new Date('2024-05-03T12:00:00.000Z');
    expect(catalogAge([], now)).toBe('no catalog on this laptop yet');
    expect(catalogAge([{ updatedAt: '2024-05-03T11:59:30.000Z' }], now)).toBe('changed less than a minute ago');
    expect(catalogAge([{ updatedAt: '2024-05-03T11:15:00.000Z' }, { updatedAt: '2024-05-01T00:00:00.000Z' }], now)).toBe(
      'changed 45 minutes ago',
    );
    expect(catalogAge([{ updatedAt: '2024-05-02T00:00:00.000Z' }], now)).toBe('changed 36 hours ago');
    expect(catalogAge([{ updatedAt: '2024-05-01T00:00:00.000Z' }], now)).toBe('changed 2 days ago');
  });
});
