/** Small valid documents for tests; each builder takes overrides for the case under test. */
import type { AccountDoc, LeadDoc, OrderDoc, QuoteDoc } from '../schemas';
import type { LineItem } from '../schemas/lineItem';

export const T0 = '2024-05-01T09:00:00.000Z';

export function makeLead(overrides: Partial<LeadDoc> = {}): LeadDoc {
  return {
    id: 'lead-1',
    owner: 'rep-1',
    createdAt: T0,
    updatedAt: T0,
    syncPending: false,
    company: 'Acme Corp',
    contactName: 'Jane Doe',
    email: 'jane@acme.example',
    phone: '+1 555 010 0199',
    country: 'US',
    productCategory: 'Laptops',
    purchaseTimeframe: 'Within 1 month',
    purchaseAmount: 60000,
    budgetStatus: 'Approved',
    source: 'Road show',
    status: 'acknowledged',
    ...overrides,
  };
}

export function makeLine(overrides: Partial<LineItem> = {}): LineItem {
  return {
    id: 'line-1',
    offeringId: 'fibre',
    offeringName: 'Business Fibre',
    quantity: 1,
    characteristics: [{ name: 'bandwidth', value: '1 Gbps' }],
    oneTime: 25000,
    recurring: 19900,
    ...overrides,
  };
}

export function makeQuote(overrides: Partial<QuoteDoc> = {}): QuoteDoc {
  const items = overrides.items ?? [makeLine()];
  return {
    id: 'quote-1',
    owner: 'rep-1',
    createdAt: T0,
    updatedAt: T0,
    syncPending: false,
    opportunityId: 'opp-1',
    accountId: 'acct-1',
    version: 1,
    status: 'inProgress',
    items,
    totals: {
      oneTime: items.reduce((s, i) => s + i.oneTime, 0),
      recurring: items.reduce((s, i) => s + i.recurring, 0),
      currency: 'USD',
    },
    catalogVersion: '2024.05',
    ...overrides,
  };
}

export function makeAccount(overrides: Partial<AccountDoc> = {}): AccountDoc {
  return {
    id: 'acct-1',
    owner: 'rep-1',
    createdAt: T0,
    updatedAt: T0,
    syncPending: false,
    name: 'Acme Corp',
    country: 'US',
    billingAccounts: [{ id: 'ba-1', name: 'Acme HQ billing' }],
    sites: [{ id: 'site-1', street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' }],
    ...overrides,
  };
}

export function makeOrder(overrides: Partial<OrderDoc> = {}): OrderDoc {
  const items = overrides.items ?? [makeLine()];
  return {
    id: 'order-1',
    owner: 'rep-1',
    createdAt: T0,
    updatedAt: T0,
    syncPending: true,
    quoteId: 'quote-1',
    opportunityId: 'opp-1',
    accountId: 'acct-1',
    accountName: 'Acme Corp',
    status: 'draft',
    items,
    totals: {
      oneTime: items.reduce((s, i) => s + i.oneTime, 0),
      recurring: items.reduce((s, i) => s + i.recurring, 0),
      currency: 'USD',
    },
    catalogVersion: '2024.05',
    billingAccount: 'ba-1',
    serviceAddress: { street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' },
    ...overrides,
  };
}
