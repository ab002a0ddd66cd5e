import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyDoc } from '../schemas';
import {
  chargesDifference,
  chargesVerdictOf,
  chargeTableOf,
  formatRate,
  lineCharges,
  orderCharges,
  taxOn,
  withCharges,
  type ChargeTable,
} from './charges';

const table: ChargeTable = {
  updatedAt: '2026-01-01T00:00:00.000Z',
  taxRates: [
    { country: 'US', basisPoints: 825 },
    { country: 'DE', basisPoints: 1900 },
  ],
  defaultTaxBasisPoints: 1000,
  itemCharges: [
    { offeringId: 'off-fibre', kind: 'installation', amount: 15000 },
    { offeringId: 'off-router', kind: 'shipping', amount: 1500 },
  ],
  freeShippingFrom: 100000,
};
const line = (offeringId: string, quantity: number, oneTime: number, recurring: number) => ({ offeringId, quantity, oneTime, recurring });

describe('orderCharges', () => {
  it('adds installation and shipping per unit and taxes one-time and monthly apart at the country rate', () => {
    const result = orderCharges(
      {
        items: [line('off-fibre', 1, 0, 9900), line('off-router', 2, 20000, 0)],
        totals: { oneTime: 20000, recurring: 9900, currency: 'USD' },
        country: 'us',
      },
      table,
    );
    expect(result).toEqual({
      installation: 15000,
      shipping: 3000,
      taxBasisPoints: 825,
      taxOneTime: 3135, // 8.25 % of $380.00
      taxRecurring: 817, // 8.25 % of $99.00 = 816.75, half up
      totalOneTime: 41135,
      totalRecurring: 10717,
      currency: 'USD',
      tableVersion: table.updatedAt,
    });
  });

  it('ships free from the threshold and uses the default rate for a country the table does not name', () => {
    const result = orderCharges(
      { items: [line('off-router', 1, 100000, 0)], totals: { oneTime: 100000, recurring: 0, currency: 'USD' }, country: 'FR' },
      table,
    );
    expect(result).toMatchObject({ shipping: 0, taxBasisPoints: 1000, taxOneTime: 10000 });
  });

  it('charges a disconnect no installation and no shipping, only the tax on what its lines still cost', () => {
    const order = {
      items: [line('off-fibre', 1, 0, 0), line('off-router', 2, 0, 0)],
      totals: { oneTime: 0, recurring: 0, currency: 'USD' },
    };
    expect(orderCharges({ ...order, delta: { action: 'modify' } }, table)).toMatchObject({ installation: 15000, shipping: 3000 });
    expect(orderCharges({ ...order, delta: { action: 'delete' } }, table)).toMatchObject({
      installation: 0,
      shipping: 0,
      taxOneTime: 0,
      totalOneTime: 0,
    });
  });

  it('keeps integer cents, never a negative tax, and parts that sum to the totals', () => {
    const lines = fc.array(
      fc.record({
        offeringId: fc.constantFrom('off-fibre', 'off-router', 'off-other'),
        quantity: fc.integer({ min: 1, max: 50 }),
        oneTime: fc.integer({ min: -50_000, max: 5_000_000 }),
        recurring: fc.nat(500_000),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(lines, fc.constantFrom('US', 'DE', 'FR', undefined), fc.nat(5000), (items, country, rate) => {
        const totals = {
          oneTime: items.reduce((s, l) => s + l.oneTime, 0),
          recurring: items.reduce((s, l) => s + l.recurring, 0),
          currency: 'USD',
        };
        const result = orderCharges({ items, totals, country }, { ...table, defaultTaxBasisPoints: rate });
        for (const value of [
          result.installation,
          result.shipping,
          result.taxOneTime,
          result.taxRecurring,
          result.totalOneTime,
          result.totalRecurring,
        ])
          expect(Number.isInteger(value)).toBe(true);
        expect(result.taxOneTime).toBeGreaterThanOrEqual(0);
        expect(result.taxRecurring).toBeGreaterThanOrEqual(0);
        expect(result.totalOneTime).toBe(totals.oneTime + result.installation + result.shipping + result.taxOneTime);
        expect(result.totalRecurring).toBe(totals.recurring + result.taxRecurring);
        // The per-line split the TMF622 items carry adds up to the order's charges.
        const perLine = lineCharges({ items, totals }, table);
        expect(perLine).toHaveLength(items.length);
        expect(perLine.reduce((sum, l) => sum + l.installation, 0)).toBe(result.installation);
        expect(perLine.reduce((sum, l) => sum + l.shipping, 0)).toBe(result.shipping);
      }),
    );
  });

  it('rounds tax half up to the cent, within half a cent of the exact amount', () => {
    fc.assert(
      fc.property(fc.nat(100_000_000), fc.nat(10_000), (amount, basisPoints) => {
        const exact = (amount * basisPoints) / 10000;
        const tax = taxOn(amount, basisPoints);
        expect(tax - exact).toBeLessThanOrEqual(0.5);
        expect(exact - tax).toBeLessThan(0.5);
      }),
    );
    expect(taxOn(50, 1000)).toBe(5);
    expect(taxOn(5, 1000)).toBe(1); // 0.5 cent rounds up
    expect(taxOn(4, 1000)).toBe(0);
  });
});

describe('chargeTableOf and chargesDifference', () => {
  it('reads the synced charges policy and ignores one without a default rate', () => {
    const doc: PolicyDoc = {
      id: 'charges',
      kind: 'charges',
      name: 'Charges',
      updatedAt: 'x',
      defaultTaxBasisPoints: 700,
      taxRates: [],
      itemCharges: [],
    };
    expect(chargeTableOf([doc])?.defaultTaxBasisPoints).toBe(700);
    const { defaultTaxBasisPoints: _rate, ...noDefault } = doc;
    expect(chargeTableOf([noDefault])).toBeUndefined();
    expect(chargeTableOf([])).toBeUndefined();
    expect(formatRate(825)).toBe('8.25 %');
    expect(formatRate(1900)).toBe('19 %');
  });

  it('names each figure that differs between the laptop and the central system', () => {
    const central = orderCharges(
      { items: [line('off-fibre', 1, 0, 0)], totals: { oneTime: 0, recurring: 0, currency: 'USD' }, country: 'US' },
      table,
    );
    expect(chargesDifference(central, central)).toEqual([]);
    expect(chargesDifference({ ...central, installation: 10000, taxOneTime: 825 }, central)).toEqual([
      'installation $100.00 on the laptop, $150.00 on the central system',
      'one-time tax $8.25 on the laptop, $12.38 on the central system',
    ]);
  });
});

describe('chargesVerdictOf', () => {
  const finding = 'Charges and tax differ from the central charge table (v2): shipping $0.00 on the laptop, $25.00 on the central system';
  it("reads the charges finding out of the central system's hold reason, whatever else it holds for", () => {
    expect(chargesVerdictOf(`Held for price review: ${finding}`)).toBe(finding);
    expect(
      chargesVerdictOf(`Held for approval by the rep's manager: terms. Held for price and credit review: ${finding}; exposure $1.00`),
    ).toBe(finding);
    expect(chargesVerdictOf('Held for credit review: exposure $1.00')).toBeUndefined();
    expect(chargesVerdictOf(undefined)).toBeUndefined();
  });
});

describe('withCharges', () => {
  const order = { items: [line('off-fibre', 1, 0, 5000)], totals: { oneTime: 0, recurring: 5000, currency: 'USD' } };
  it('stamps the charges at the service country, else the account country, and leaves the order alone without a table', () => {
    expect(withCharges({ ...order, serviceAddress: { country: 'DE' } }, table, 'US').charges?.taxBasisPoints).toBe(1900);
    expect(withCharges({ ...order, serviceAddress: { country: ' ' } }, table, 'US').charges).toMatchObject({
      taxBasisPoints: 825,
      installation: 15000,
    });
    expect(withCharges(order, undefined, 'US')).toBe(order);
  });
});
