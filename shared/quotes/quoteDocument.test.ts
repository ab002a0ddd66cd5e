import { describe, expect, it } from 'vitest';
import type { OfferingDoc } from '../schemas';
import { makeAccount, makeLine, makeQuote } from '../testing/docs.fixture';
import { documentFileName, documentTime, quoteDocument, QUOTE_TERMS } from './quoteDocument';

const fibre = {
  id: 'fibre',
  name: 'Business Fibre',
  category: 'Connectivity',
  lifecycleStatus: 'Launched',
  characteristics: [{ name: 'Contract term', values: ['12 months', '24 months'], default: '12 months' }],
  prices: [],
  discounts: [
    { name: '24-month term', appliesTo: 'recurring', percent: 10, when: { characteristic: 'Contract term', value: '24 months' } },
    { name: '36-month term', appliesTo: 'recurring', percent: 15, when: { characteristic: 'Contract term', value: '36 months' } },
  ],
  catalogVersion: '2026.11',
  updatedAt: '2026-11-01T00:00:00.000Z',
} as unknown as OfferingDoc;

const line = makeLine({
  offeringName: 'Business Fibre',
  quantity: 2,
  characteristics: [
    { name: 'Bandwidth', value: '1 Gbps' },
    { name: 'Contract term', value: '24 months' },
  ],
  oneTime: 39800,
  recurring: 35820,
});
const quote = makeQuote({ version: 2, status: 'approved', items: [line], createdAt: '2026-12-01T23:30:00.000Z' });
const account = makeAccount({
  name: 'Bluepeak Outfitters',
  billingAccounts: [{ id: 'ba-1', name: 'Bluepeak HQ billing' }],
  sites: [
    { id: 's-1', name: 'Head office', street: '12 Canyon Mall', city: 'Boulder', postcode: '80301', country: 'US' },
    { id: 's-2', street: '4 Pine Rd', city: 'Denver', postcode: '80202', country: 'US' },
  ],
});

describe('the quote document', () => {
  const model = quoteDocument({ quote, account, offerings: [fibre] });

  it('names the customer, its sites and billing accounts, and the version it is a copy of', () => {
    expect(model.title).toBe('Quote for Bluepeak Outfitters, version 2');
    expect(model.fileName).toBe('Quote-Bluepeak-Outfitters-v2.pdf');
    expect(model.customer).toMatchObject({ name: 'Bluepeak Outfitters', accountId: 'acct-1', billingAccounts: ['Bluepeak HQ billing'] });
    expect(model.sites).toEqual(['Head office: 12 Canyon Mall, Boulder 80301, US', '4 Pine Rd, Denver 80202, US']);
    expect(model.reference).toMatchObject({ quoteId: 'quote-1', version: 2, status: 'approved', catalogVersion: '2024.05' });
    expect(model.company.name).toBe('Outpost Telecom Business Sales');
  });

  it('lists every line with its characteristics, prices and the catalog discounts that priced it', () => {
    expect(model.lines).toEqual([
      {
        name: 'Business Fibre',
        quantity: 2,
        characteristics: ['Bandwidth: 1 Gbps', 'Contract term: 24 months'],
        oneTime: '$398.00',
        recurring: '$358.20 / month',
        discounts: ['24-month term: 10% off the monthly charge'],
      },
    ]);
    expect(model.discounts).toEqual(['Business Fibre: 24-month term: 10% off the monthly charge']);
    expect(model.totals).toEqual({ oneTime: '$398.00', recurring: '$358.20 / month' });
  });

  it('states the terms and the validity from the version date, in UTC', () => {
    expect(model.terms).toBe(QUOTE_TERMS);
    expect(model.validity).toEqual({
      from: '2026-12-01',
      until: '2026-12-31',
      text: 'This offer is valid from 2026-12-01 until 2026-12-31 (30 days).',
    });
  });

  it('carries the signature once the customer signed, and none before', () => {
    expect(model.signature).toBeNull();
    const signed = quoteDocument({
      quote: { ...quote, signature: { signerName: 'Dana Customer', signedAt: '2026-12-02T14:05:09.000Z', method: 'typed' } },
      account,
      offerings: [fibre],
    });
    expect(signed.signature).toEqual({ signerName: 'Dana Customer', signedAt: '2026-12-02 14:05 UTC', method: 'typed' });
  });

  it('still makes a copy when the account is not on this laptop, naming the account id', () => {
    const bare = quoteDocument({ quote, account: null, offerings: [] });
    expect(bare.customer.name).toBe('Account acct-1');
    expect(bare.sites).toEqual([]);
    expect(bare.lines[0]?.discounts).toEqual([]);
  });

  it('makes a portable file name from any customer name', () => {
    expect(documentFileName('Zürich Ärzte / Süd', 3)).toBe('Quote-Zurich-Arzte-Sud-v3.pdf');
    expect(documentFileName('../../etc', 1)).toBe('Quote-etc-v1.pdf');
    expect(documentFileName('東京', 1)).toBe('Quote-customer-v1.pdf');
    expect(documentTime('not a date')).toBe('not a date');
  });
});
