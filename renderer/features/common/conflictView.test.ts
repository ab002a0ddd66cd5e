import { describe, expect, it } from 'vitest';
import { choiceLabel, referenceName, showValue } from './conflictView';

describe('conflict view', () => {
  it('shows money as money, statuses by label, dates formatted and lines one by one', () => {
    expect(showValue('totals', { oneTime: 120000, recurring: 39800, currency: 'USD' })).toEqual({
      kind: 'text',
      text: '$1,200.00 one-time, $398.00 monthly',
    });
    expect(showValue('purchaseAmount', 60000)).toEqual({ kind: 'text', text: '$60,000.00' });
    expect(showValue('status', 'inProgress')).toEqual({ kind: 'text', text: 'In progress' });
    expect(showValue('acceptedAt', '2024-05-06T10:00:00.000Z')).toEqual({
      kind: 'text',
      text: new Date('2024-05-06T10:00:00.000Z').toLocaleString(),
    });
    const line = {
      id: 'l1',
      offeringId: 'off-fibre',
      offeringName: 'Business Fibre Internet',
      quantity: 2,
      characteristics: [{ name: 'Bandwidth', value: '1 Gbps' }],
      oneTime: 20000,
      recurring: 19800,
    };
    expect(showValue('items', [line], 'USD')).toEqual({
      kind: 'lines',
      lines: ['2 × Business Fibre Internet (Bandwidth 1 Gbps): $200.00 one-time, $198.00 monthly'],
    });
    expect(showValue('serviceAddress', { street: '1 Main', city: 'Leeds' })).toEqual({ kind: 'text', text: '1 Main, Leeds' });
    expect(showValue('phone', undefined)).toEqual({ kind: 'text', text: '—' });
  });

  it('names the lines group and fields in words', () => {
    expect(choiceLabel('items')).toBe('Lines and totals');
    expect(choiceLabel('billingAccount')).toBe('Billing account');
    expect(choiceLabel('accountId')).toBe('Account');
    expect(choiceLabel('opportunityId')).toBe('Opportunity');
  });

  it('shows account and opportunity references as the records they name, not as ids', () => {
    expect(showValue('accountId', 'acc-1')).toEqual({ kind: 'reference', collection: 'accounts', id: 'acc-1' });
    expect(showValue('opportunityId', 'opp-1')).toEqual({ kind: 'reference', collection: 'opportunities', id: 'opp-1' });
    expect(referenceName('accounts', { id: 'acc-1', name: 'Acme Corp' })).toBe('Acme Corp');
    expect(referenceName('leads', { id: 'lead-1', company: 'Globex' })).toBe('Globex');
    expect(referenceName('opportunities', null)).toBeNull();
  });
});
