import { randomUUID } from 'node:crypto';
import type { AccountDoc, LeadDoc, OrderAttachmentDoc, OrderDoc } from '../../../shared/schemas';
import type { LineItem } from '../../../shared/schemas/lineItem';

const AT = '2026-11-20T10:00:00.000Z';

/** Pushed document: what the app sends (syncPending true, owner as the app believes). */
export function pushedMeta(owner: string) {
  return { id: randomUUID(), owner, createdAt: AT, updatedAt: AT, syncPending: true };
}

export function newLead(owner: string, overrides: Partial<LeadDoc> = {}): LeadDoc & { _deleted: boolean } {
  return {
    ...pushedMeta(owner),
    company: 'Acme Widgets',
    contactName: 'Jo Doe',
    email: 'jo@acme.example',
    country: 'US',
    productCategory: 'Laptops',
    purchaseTimeframe: 'Within 1 month',
    purchaseAmount: 60000,
    budgetStatus: 'Approved',
    source: 'Web form',
    status: 'acknowledged',
    ...overrides,
    _deleted: false,
  };
}

export function newAccount(owner: string, overrides: Partial<AccountDoc> = {}): AccountDoc & { _deleted: boolean } {
  return {
    ...pushedMeta(owner),
    name: 'Fresh Bakery Co.',
    country: 'US',
    billingAccounts: [{ id: 'ba-fresh', name: 'Fresh Bakery billing' }],
    sites: [{ id: 'site-fresh', street: '1 Main St', city: 'Austin', postcode: '73301', country: 'US' }],
    ...overrides,
    _deleted: false,
  };
}

/**
 * Lines priced from the demo catalog for alex's seeded account Harbor Logistics: fibre 500 Mbps on
 * 24 months + 5 mobile lines (the mobile line's characteristics as the order or quote has them).
 */
export function harborLines(mobileCharacteristics: LineItem['characteristics']): LineItem[] {
  return [
    {
      id: 'qli-1',
      offeringId: 'off-fibre-internet',
      offeringName: 'Business Fibre Internet',
      quantity: 1,
      characteristics: [
        { name: 'Bandwidth', value: '500 Mbps' },
        { name: 'Contract term', value: '24 months' },
      ],
      oneTime: 19900,
      recurring: 13410,
    },
    {
      id: 'qli-2',
      offeringId: 'off-mobile-business',
      offeringName: 'Mobile Business',
      quantity: 5,
      characteristics: mobileCharacteristics,
      oneTime: 5000,
      recurring: 19500,
    },
  ];
}

/** A valid order for alex's seeded account Harbor Logistics: fibre 500 Mbps on 24 months + 5 mobile lines. */
export function newOrder(owner: string, overrides: Partial<OrderDoc> = {}): OrderDoc & { _deleted: boolean } {
  const items = harborLines([
    { name: 'Plan', value: 'Plus 50 GB' },
    { name: 'Contract term', value: '12 months' },
  ]);
  const lines = overrides.items ?? items;
  return {
    ...pushedMeta(owner),
    quoteId: randomUUID(),
    accountId: 'acct-harbor-logistics',
    accountName: 'Harbor Logistics Inc.',
    status: 'queued',
    items: lines,
    totals: {
      oneTime: lines.reduce((sum, line) => sum + line.oneTime, 0),
      recurring: lines.reduce((sum, line) => sum + line.recurring, 0),
      currency: 'USD',
    },
    catalogVersion: '2026.11',
    billingAccount: 'ba-harbor-main',
    serviceAddress: { street: '1200 Pier Avenue', city: 'Oakland', postcode: '94607', country: 'US' },
    submittedAt: AT,
    ...overrides,
    _deleted: false,
  };
}

/** The wire form of a master as the server returns it, for use as assumedMasterState. */
export function asMaster<T extends object>(doc: T): T {
  return JSON.parse(JSON.stringify(doc)) as T;
}

/** A pushed order attachment: a small PDF unless `bytes` say otherwise (shared/orders/attachment.ts). */
export function newAttachment(
  owner: string,
  orderId: string,
  bytes: Uint8Array = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n'),
  overrides: Partial<OrderAttachmentDoc> = {},
): OrderAttachmentDoc & { _deleted: boolean } {
  return {
    ...pushedMeta(owner),
    orderId,
    kind: 'purchaseOrder',
    fileName: 'PO-4711.pdf',
    mediaType: 'application/pdf',
    size: bytes.length,
    data: Buffer.from(bytes).toString('base64'),
    ...overrides,
    _deleted: false,
  };
}
