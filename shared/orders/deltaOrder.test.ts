import { describe, expect, it } from 'vitest';
import type { AccountDoc, OfferingDoc, ProductDoc } from '../schemas';
import { canChangeProduct, deltaOrderFromProduct } from './deltaOrder';

const account: AccountDoc = {
  id: 'acct-1',
  owner: 'user-alex',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  syncPending: false,
  name: 'Harbor Logistics Inc.',
  country: 'US',
  billingAccounts: [{ id: 'ba-1', name: 'Head office' }],
  sites: [{ id: 'site-1', street: '1200 Pier Avenue', city: 'Oakland', postcode: '94607', country: 'US' }],
};
const product: ProductDoc = {
  id: 'prod-1',
  owner: 'user-alex',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  syncPending: false,
  accountId: 'acct-1',
  name: 'Business Fibre Internet',
  offeringId: 'off-fibre-internet',
  isBundle: false,
  status: 'active',
  characteristics: [
    { name: 'Bandwidth', value: '500 Mbps' },
    { name: 'Contract term', value: '12 months' },
  ],
  quantity: 1,
  recurring: 14900,
  currency: 'USD',
  startDate: '2026-11-01T00:00:00.000Z',
  orderId: 'order-0',
};
/** The demo catalog's fibre offering, as the laptop holds it. */
const fibre: OfferingDoc = {
  id: 'off-fibre-internet',
  name: 'Business Fibre Internet',
  category: 'Connectivity',
  lifecycleStatus: 'Launched',
  isBundle: false,
  catalogVersion: '2026.11',
  updatedAt: '2026-11-01T00:00:00.000Z',
  characteristics: [
    { name: 'Bandwidth', values: ['100 Mbps', '500 Mbps', '1 Gbps'], default: '100 Mbps' },
    { name: 'Contract term', values: ['12 months', '24 months'], default: '12 months' },
  ],
  prices: [
    {
      id: 'p-500',
      name: 'Monthly fee 500 Mbps',
      priceType: 'recurring',
      recurringChargePeriod: 'month',
      amount: 14900,
      currency: 'USD',
      when: { characteristic: 'Bandwidth', value: '500 Mbps' },
    },
    {
      id: 'p-1g',
      name: 'Monthly fee 1 Gbps',
      priceType: 'recurring',
      recurringChargePeriod: 'month',
      amount: 24900,
      currency: 'USD',
      when: { characteristic: 'Bandwidth', value: '1 Gbps' },
    },
  ],
  discounts: [],
};
const now = '2026-12-01T10:00:00.000Z';

describe('delta orders from an installed product', () => {
  it('a change carries the new configuration, priced from the catalog, and names the product to modify', () => {
    const order = deltaOrderFromProduct({
      product,
      account,
      offering: fibre,
      change: 'change',
      characteristics: { Bandwidth: '1 Gbps' },
      owner: 'user-alex',
      now,
    });
    expect(order).toMatchObject({
      status: 'draft',
      quoteId: '',
      billingAccount: 'ba-1',
      delta: { action: 'modify', change: 'change', productId: 'prod-1' },
    });
    expect(order.items).toHaveLength(1);
    expect(order.items[0]?.characteristics).toEqual([
      { name: 'Bandwidth', value: '1 Gbps' },
      { name: 'Contract term', value: '12 months' },
    ]);
    expect(order.items[0]?.recurring).toBe(24900);
    expect(order.totals.recurring).toBe(24900);
    expect(order.serviceAddress?.street).toBe('1200 Pier Avenue');
  });

  it('a disconnect is a delete at no charge; a move leaves the new address to the rep', () => {
    const disconnect = deltaOrderFromProduct({ product, account, offering: fibre, change: 'disconnect', owner: 'user-alex', now });
    expect(disconnect.delta).toMatchObject({ action: 'delete', change: 'disconnect' });
    expect(disconnect.totals).toEqual({ oneTime: 0, recurring: 0, currency: 'USD' });
    const move = deltaOrderFromProduct({ product, account, offering: fibre, change: 'move', owner: 'user-alex', now });
    expect(move.delta).toMatchObject({ action: 'modify', change: 'move' });
    expect(move.serviceAddress).toBeUndefined();
    expect(move.items[0]?.characteristics).toEqual(product.characteristics);
  });

  it('refuses a product that is not active or belongs to another account', () => {
    expect(canChangeProduct({ status: 'terminated' })).toBe(false);
    expect(() =>
      deltaOrderFromProduct({
        product: { ...product, status: 'terminated' },
        account,
        offering: fibre,
        change: 'disconnect',
        owner: 'user-alex',
        now,
      }),
    ).toThrow('only an active product can be changed');
    expect(() =>
      deltaOrderFromProduct({ product, account: { ...account, id: 'other' }, offering: fibre, change: 'move', owner: 'user-alex', now }),
    ).toThrow('another account');
    expect(() => deltaOrderFromProduct({ product, account, offering: undefined, change: 'change', owner: 'user-alex', now })).toThrow(
      "not in this laptop's catalog",
    );
  });
});
