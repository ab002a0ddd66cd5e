/** A small telecom catalog for pricing tests: fibre with bandwidth prices and term discounts, a bundle, a retired offering. */
import type { OfferingDoc } from '../schemas';

const base = {
  category: 'Connectivity',
  lifecycleStatus: 'Launched',
  isBundle: false,
  catalogVersion: '2024.05',
  updatedAt: '2024-05-01T00:00:00.000Z',
};
const usd = 'USD';

export const FIBRE: OfferingDoc = {
  ...base,
  id: 'fibre',
  name: 'Business Fibre',
  characteristics: [
    { name: 'bandwidth', values: ['100 Mbps', '500 Mbps', '1 Gbps'], default: '100 Mbps' },
    { name: 'contractTerm', values: ['12 months', '24 months', '36 months'], default: '12 months' },
  ],
  prices: [
    { id: 'fibre-install', name: 'Installation', priceType: 'oneTime', amount: 25000, currency: usd },
    {
      id: 'fibre-100',
      name: 'Monthly 100 Mbps',
      priceType: 'recurring',
      recurringChargePeriod: 'month',
      amount: 9900,
      currency: usd,
      when: { characteristic: 'bandwidth', value: '100 Mbps' },
    },
    {
      id: 'fibre-500',
      name: 'Monthly 500 Mbps',
      priceType: 'recurring',
      recurringChargePeriod: 'month',
      amount: 14900,
      currency: usd,
      when: { characteristic: 'bandwidth', value: '500 Mbps' },
    },
    {
      id: 'fibre-1g',
      name: 'Monthly 1 Gbps',
      priceType: 'recurring',
      recurringChargePeriod: 'month',
      amount: 19900,
      currency: usd,
      when: { characteristic: 'bandwidth', value: '1 Gbps' },
    },
  ],
  discounts: [
    { name: '24-month term', appliesTo: 'recurring', percent: 10, when: { characteristic: 'contractTerm', value: '24 months' } },
    { name: '36-month term', appliesTo: 'recurring', percent: 20, when: { characteristic: 'contractTerm', value: '36 months' } },
    {
      name: 'Installation waived on 36 months',
      appliesTo: 'oneTime',
      percent: 100,
      when: { characteristic: 'contractTerm', value: '36 months' },
    },
  ],
};

export const ROUTER: OfferingDoc = {
  ...base,
  id: 'router',
  name: 'Managed Router',
  category: 'Security',
  characteristics: [],
  prices: [
    { id: 'router-fee', name: 'Router', priceType: 'oneTime', amount: 15000, currency: usd },
    { id: 'router-care', name: 'Router care', priceType: 'recurring', recurringChargePeriod: 'month', amount: 1500, currency: usd },
  ],
};

export const OFFICE_BUNDLE: OfferingDoc = {
  ...base,
  id: 'office-bundle',
  name: 'Office Connect Bundle',
  isBundle: true,
  bundledOfferingIds: ['fibre', 'router'],
  characteristics: [{ name: 'seats', values: ['5', '10', '25'], default: '5' }],
  prices: [
    { id: 'bundle-setup', name: 'Setup', priceType: 'oneTime', amount: 30000, currency: usd },
    {
      id: 'bundle-5',
      name: 'Monthly 5 seats',
      priceType: 'recurring',
      amount: 29900,
      currency: usd,
      when: { characteristic: 'seats', value: '5' },
    },
    {
      id: 'bundle-10',
      name: 'Monthly 10 seats',
      priceType: 'recurring',
      amount: 49900,
      currency: usd,
      when: { characteristic: 'seats', value: '10' },
    },
    {
      id: 'bundle-25',
      name: 'Monthly 25 seats',
      priceType: 'recurring',
      amount: 99900,
      currency: usd,
      when: { characteristic: 'seats', value: '25' },
    },
  ],
  discounts: [{ name: 'Launch offer', appliesTo: 'recurring', percent: 12.5, when: { characteristic: 'seats', value: '25' } }],
};

export const ADSL: OfferingDoc = {
  ...base,
  id: 'adsl',
  name: 'Business ADSL',
  lifecycleStatus: 'Retired',
  characteristics: [],
  prices: [{ id: 'adsl-m', name: 'Monthly', priceType: 'recurring', amount: 2900, currency: usd }],
};

export const EU_FIBRE: OfferingDoc = {
  ...base,
  id: 'eu-fibre',
  name: 'EU Fibre',
  characteristics: [],
  prices: [{ id: 'eu-m', name: 'Monthly', priceType: 'recurring', amount: 8900, currency: 'EUR' }],
};

export const CATALOG: readonly OfferingDoc[] = [FIBRE, ROUTER, OFFICE_BUNDLE, ADSL, EU_FIBRE];
