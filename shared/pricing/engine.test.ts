import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OfferingDoc } from '../schemas';
import { CATALOG, FIBRE, OFFICE_BUNDLE } from './catalog.fixture';
import { defaultCharacteristics, priceItems, PricingError, type ConfiguredItem } from './engine';

function item(offeringId: string, characteristics: ConfiguredItem['characteristics'] = [], quantity = 1, id = 'l1'): ConfiguredItem {
  return { id, offeringId, quantity, characteristics };
}

function pricingError(items: ConfiguredItem[], catalog: readonly OfferingDoc[] = CATALOG): PricingError {
  try {
    priceItems(items, catalog);
  } catch (error) {
    if (error instanceof PricingError) return error;
    throw error;
  }
  throw new Error('expected a PricingError');
}

describe('defaultCharacteristics', () => {
  it('starts a line with every characteristic at its default', () => {
    expect(defaultCharacteristics(FIBRE)).toEqual([
      { name: 'bandwidth', value: '100 Mbps' },
      { name: 'contractTerm', value: '12 months' },
    ]);
  });
});

describe('priceItems', () => {
  it('prices fibre at its defaults: installation plus the 100 Mbps monthly charge', () => {
    const { items, totals } = priceItems([item('fibre')], CATALOG);
    expect(items).toEqual([
      {
        id: 'l1',
        offeringId: 'fibre',
        offeringName: 'Business Fibre',
        quantity: 1,
        characteristics: [
          { name: 'bandwidth', value: '100 Mbps' },
          { name: 'contractTerm', value: '12 months' },
        ],
        oneTime: 25000,
        recurring: 9900,
      },
    ]);
    expect(totals).toEqual({ oneTime: 25000, recurring: 9900, currency: 'USD' });
  });

  it('charges by bandwidth and discounts the monthly charge for a longer term, per unit times quantity', () => {
    const { items } = priceItems(
      [
        item(
          'fibre',
          [
            { name: 'contractTerm', value: '24 months' },
            { name: 'bandwidth', value: '1 Gbps' },
          ],
          2,
        ),
      ],
      CATALOG,
    );
    expect(items[0]).toMatchObject({ oneTime: 50000, recurring: 35820 });
    expect(items[0]?.characteristics).toEqual([
      { name: 'bandwidth', value: '1 Gbps' },
      { name: 'contractTerm', value: '24 months' },
    ]);
  });

  it('waives installation entirely on 36 months without going below zero', () => {
    const { items } = priceItems(
      [
        item('fibre', [
          { name: 'contractTerm', value: '36 months' },
          { name: 'bandwidth', value: '500 Mbps' },
        ]),
      ],
      CATALOG,
    );
    expect(items[0]).toMatchObject({ oneTime: 0, recurring: 11920 });
  });

  it('prices a bundle by its own prices and rounds a half cent up once per unit', () => {
    // 99900 x 87.5% = 87412.5 cents per unit -> 87413; three units -> 262239.
    const { items, totals } = priceItems(
      [item('office-bundle', [{ name: 'seats', value: '25' }], 3), item('router', [], 1, 'l2')],
      CATALOG,
    );
    expect(items.map((l) => [l.oneTime, l.recurring])).toEqual([
      [90000, 262239],
      [15000, 1500],
    ]);
    expect(totals).toEqual({ oneTime: 105000, recurring: 263739, currency: 'USD' });
  });

  it('prices an empty quote as zero dollars', () => {
    expect(priceItems([], CATALOG)).toEqual({ items: [], totals: { oneTime: 0, recurring: 0, currency: 'USD' } });
  });

  describe('refuses configurations the rep must fix, saying how', () => {
    it('an offering missing from the catalog', () => {
      const error = pricingError([item('fibre'), item('tv', [], 1, 'l2')]);
      expect(error.message).toBe("Line 2: offering 'tv' is not in the catalog; sync the catalog or remove the line");
      expect(error.lineId).toBe('l2');
      expect(error.name).toBe('PricingError');
    });
    it('an offering that is no longer launched', () => {
      expect(pricingError([item('adsl')]).message).toBe(
        "Line 1: 'Business ADSL' is Retired and can no longer be sold; remove the line or choose a launched offering",
      );
    });
    it('a quantity that is not a positive whole number', () => {
      for (const quantity of [0, -1, 1.5, Number.NaN]) {
        expect(pricingError([item('router', [], quantity)]).message).toBe(
          "Line 1: quantity of 'Managed Router' must be a whole number of 1 or more",
        );
      }
    });
    it('a characteristic the offering does not have', () => {
      expect(pricingError([item('fibre', [{ name: 'colour', value: 'red' }])]).message).toBe(
        "Line 1: 'Business Fibre' has no option 'colour'; remove it (its options are bandwidth, contractTerm)",
      );
    });
    it('a value that is not one of the characteristic values', () => {
      expect(pricingError([item('fibre', [{ name: 'bandwidth', value: '10 Gbps' }])]).message).toBe(
        "Line 1: '10 Gbps' is not a valid bandwidth for 'Business Fibre'; choose one of 100 Mbps, 500 Mbps, 1 Gbps",
      );
    });
    it('a characteristic set twice', () => {
      expect(
        pricingError([
          item('fibre', [
            { name: 'bandwidth', value: '1 Gbps' },
            { name: 'bandwidth', value: '1 Gbps' },
          ]),
        ]).message,
      ).toMatch(/set twice/);
    });
    it('lines in different currencies', () => {
      expect(pricingError([item('fibre'), item('eu-fibre', [], 1, 'l2')]).message).toBe(
        'The lines are priced in several currencies (EUR, USD); quote offerings of one currency only',
      );
    });
  });
});

// ---- properties ----------------------------------------------------------------------------

const when = fc.option(fc.record({ characteristic: fc.constant('c'), value: fc.constantFrom('x', 'y') }), { nil: undefined });
const offeringArb: fc.Arbitrary<OfferingDoc> = fc
  .record({
    prices: fc.array(
      fc.record({
        priceType: fc.constantFrom('oneTime' as const, 'recurring' as const),
        amount: fc.integer({ min: 0, max: 1_000_000 }),
        when,
      }),
      { maxLength: 4 },
    ),
    discounts: fc.array(
      fc.record({
        appliesTo: fc.constantFrom('oneTime' as const, 'recurring' as const),
        percent: fc.double({ min: 0, max: 100, noNaN: true }),
        when,
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ prices, discounts }) => ({
    ...OFFICE_BUNDLE,
    id: 'gen',
    name: 'Generated',
    characteristics: [{ name: 'c', values: ['x', 'y'], default: 'x' }],
    prices: prices.map((p, i) => ({
      id: `p${i}`,
      name: `P${i}`,
      currency: 'USD',
      ...p,
      ...(p.when === undefined ? {} : { when: p.when }),
    })),
    discounts: discounts.map((d, i) => ({ name: `D${i}`, ...d, when: d.when ?? { characteristic: 'c', value: 'x' } })),
  }));
const valueArb = fc.constantFrom('x', 'y');

describe('priceItems properties', () => {
  it('totals are the sums of the lines', () => {
    const linesArb = fc.array(
      fc.record({ offeringId: fc.constantFrom('fibre', 'router', 'office-bundle'), quantity: fc.integer({ min: 1, max: 50 }) }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(linesArb, (lines) => {
        const { items, totals } = priceItems(
          lines.map((l, i) => item(l.offeringId, [], l.quantity, `l${i}`)),
          CATALOG,
        );
        expect(totals.oneTime).toBe(items.reduce((s, l) => s + l.oneTime, 0));
        expect(totals.recurring).toBe(items.reduce((s, l) => s + l.recurring, 0));
      }),
    );
  });

  it('a line is linear in its quantity', () => {
    fc.assert(
      fc.property(offeringArb, valueArb, fc.integer({ min: 1, max: 1000 }), (offering, value, quantity) => {
        const one = priceItems([item('gen', [{ name: 'c', value }], 1)], [offering]).items[0];
        const many = priceItems([item('gen', [{ name: 'c', value }], quantity)], [offering]).items[0];
        expect(many?.oneTime).toBe((one?.oneTime ?? Number.NaN) * quantity);
        expect(many?.recurring).toBe((one?.recurring ?? Number.NaN) * quantity);
      }),
    );
  });

  it('discounts never make a charge negative or larger than without them', () => {
    fc.assert(
      fc.property(offeringArb, valueArb, fc.integer({ min: 1, max: 100 }), (offering, value, quantity) => {
        const configured = [item('gen', [{ name: 'c', value }], quantity)];
        const discounted = priceItems(configured, [offering]).totals;
        const full = priceItems(configured, [{ ...offering, discounts: [] }]).totals;
        for (const type of ['oneTime', 'recurring'] as const) {
          expect(discounted[type]).toBeGreaterThanOrEqual(0);
          expect(discounted[type]).toBeLessThanOrEqual(full[type]);
          expect(Number.isInteger(discounted[type])).toBe(true);
        }
      }),
    );
  });
});
