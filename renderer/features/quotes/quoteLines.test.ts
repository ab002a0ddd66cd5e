import { describe, expect, it } from 'vitest';
import type { OfferingDoc } from '../../../shared/schemas';
import {
  addLine,
  characteristicLabel,
  configuredOf,
  lineNames,
  offeringGroups,
  parseQuantity,
  price,
  removeLine,
  setCharacteristic,
  setQuantity,
} from './quoteLines';

const fibre: OfferingDoc = {
  id: 'fibre',
  name: 'Business Fibre Internet',
  category: 'Connectivity',
  lifecycleStatus: 'Launched',
  isBundle: false,
  characteristics: [
    { name: 'Bandwidth', values: ['100 Mbps', '1 Gbps'], default: '100 Mbps' },
    { name: 'Contract term', values: ['12 months', '36 months'], default: '12 months' },
  ],
  prices: [
    { id: 'p1', name: 'Installation', priceType: 'oneTime', amount: 10000, currency: 'USD' },
    {
      id: 'p2',
      name: 'Monthly 100',
      priceType: 'recurring',
      amount: 5000,
      currency: 'USD',
      when: { characteristic: 'Bandwidth', value: '100 Mbps' },
    },
    {
      id: 'p3',
      name: 'Monthly 1G',
      priceType: 'recurring',
      amount: 9000,
      currency: 'USD',
      when: { characteristic: 'Bandwidth', value: '1 Gbps' },
    },
  ],
  discounts: [{ name: '36 months', appliesTo: 'recurring', percent: 10, when: { characteristic: 'Contract term', value: '36 months' } }],
  catalogVersion: '1',
  updatedAt: 't',
};
const voice: OfferingDoc = {
  ...fibre,
  id: 'voice',
  name: 'Cloud Voice',
  category: 'Voice',
  characteristics: [],
  prices: [{ id: 'v', name: 'Seat', priceType: 'recurring', amount: 1500, currency: 'USD' }],
  discounts: [],
};
const retired: OfferingDoc = { ...voice, id: 'old', name: 'ISDN', lifecycleStatus: 'Retired' };
const catalog = [fibre, voice, retired];

describe('quote line editing', () => {
  it('adds a line of one unit with default characteristics and prices it', () => {
    const items = addLine([], fibre, 'l1');
    expect(items).toEqual([
      {
        id: 'l1',
        offeringId: 'fibre',
        quantity: 1,
        characteristics: [
          { name: 'Bandwidth', value: '100 Mbps' },
          { name: 'Contract term', value: '12 months' },
        ],
      },
    ]);
    const priced = price(items, catalog);
    expect(priced.ok && priced.totals).toEqual({ oneTime: 10000, recurring: 5000, currency: 'USD' });
  });

  it('reprices on quantity and characteristic changes', () => {
    let items = addLine([], fibre, 'l1');
    items = setQuantity(items, 'l1', 2);
    items = setCharacteristic(items, 'l1', 'Bandwidth', '1 Gbps');
    items = setCharacteristic(items, 'l1', 'Contract term', '36 months');
    const priced = price(items, catalog);
    expect(priced.ok && priced.items[0]).toMatchObject({
      quantity: 2,
      oneTime: 20000,
      recurring: 16200,
      offeringName: 'Business Fibre Internet',
    });
    expect(configuredOf(priced.ok ? priced.items : [])).toEqual(items);
  });

  it('removes a line', () => {
    const items = addLine(addLine([], fibre, 'l1'), voice, 'l2');
    expect(removeLine(items, 'l1').map((i) => i.id)).toEqual(['l2']);
  });

  it('reports what the catalog refuses instead of throwing', () => {
    const priced = price([{ id: 'l9', offeringId: 'old', quantity: 1, characteristics: [] }], catalog);
    expect(priced.ok).toBe(false);
    expect(!priced.ok && priced.lineId).toBe('l9');
  });

  it('accepts whole quantities of 1 or more only', () => {
    expect(parseQuantity(' 3 ')).toBe(3);
    for (const bad of ['', '0', '-1', '1.5', 'x']) expect(parseQuantity(bad)).toBeNull();
  });

  it('names lines by offering, numbering repeats', () => {
    const items = [
      { id: 'a', offeringId: 'fibre' },
      { id: 'b', offeringId: 'voice' },
      { id: 'c', offeringId: 'fibre' },
    ];
    const names = lineNames(items, (id) => (id === 'fibre' ? 'Business Fibre Internet' : 'Cloud Voice'));
    expect([...names.values()]).toEqual(['Business Fibre Internet', 'Cloud Voice', 'Business Fibre Internet (line 3)']);
  });

  it('groups Launched offerings by category', () => {
    expect(offeringGroups(catalog).map((g) => [g.category, g.offerings.map((o) => o.name)])).toEqual([
      ['Connectivity', ['Business Fibre Internet']],
      ['Voice', ['Cloud Voice']],
    ]);
  });

  it('labels characteristics in words whatever the catalog spelling', () => {
    expect(characteristicLabel('contractTerm')).toBe('Contract term');
    expect(characteristicLabel('bandwidth')).toBe('Bandwidth');
    expect(characteristicLabel('Contract term')).toBe('Contract term');
    expect(characteristicLabel('IP addresses')).toBe('IP addresses');
  });
});
