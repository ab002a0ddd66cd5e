import { describe, expect, it } from 'vitest';
import { CATALOG, FIBRE, OFFICE_BUNDLE, ROUTER } from '../pricing/catalog.fixture';
import { bundleContents, bundlesContaining, describeWhen, offeringSearchText, priceSummary } from './catalogView';

describe('catalog browser', () => {
  it('prices an offering from its cheapest configuration, per charge type', () => {
    expect(priceSummary(FIBRE)).toEqual({ oneTimeFrom: 25000, recurringFrom: 9900, currency: 'USD' });
    expect(priceSummary(ROUTER)).toEqual({ oneTimeFrom: 15000, recurringFrom: 1500, currency: 'USD' });
    const free = { ...FIBRE, prices: FIBRE.prices.filter((p) => p.id !== 'fibre-100') };
    expect(priceSummary(free).recurringFrom).toBe(0); // 100 Mbps has no monthly price of its own
    expect(priceSummary({ ...FIBRE, prices: [] })).toEqual({ oneTimeFrom: null, recurringFrom: null, currency: 'USD' });
  });

  it('says when a price or discount applies', () => {
    expect(describeWhen({ characteristic: 'contractTerm', value: '36 months' })).toBe('when contractTerm is 36 months');
    expect(describeWhen(undefined)).toBe('always');
  });

  it('lists what a bundle holds and the bundles an offering is part of, naming a component not on the laptop', () => {
    expect(bundleContents(OFFICE_BUNDLE, CATALOG).map((c) => c.offering?.name)).toEqual(['Business Fibre', 'Managed Router']);
    expect(bundleContents({ ...OFFICE_BUNDLE, bundledOfferingIds: ['gone'] }, CATALOG)).toEqual([{ id: 'gone', offering: undefined }]);
    expect(bundlesContaining('router', CATALOG).map((o) => o.id)).toEqual(['office-bundle']);
  });

  it('searches names, categories and characteristic options', () => {
    expect(offeringSearchText(FIBRE)).toEqual(expect.arrayContaining(['Business Fibre', 'bandwidth', '1 Gbps', '36 months']));
  });
});
