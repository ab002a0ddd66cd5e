/**
 * Orders that do not start from an accepted quote (seed 003): a direct order captured on an
 * account ("a salesperson may create an order directly, without creating a quote"), and a
 * supplemental order that revises a submitted one before fulfilment starts. Their lines are
 * configured and priced by the quote's own pricing engine; validation is the order's own.
 */
import type { AccountDoc, OfferingDoc, OrderDoc } from '../schemas';
import { newId } from '../ids';
import { DEFAULT_CURRENCY, PricingError, priceItems, type ConfiguredItem } from '../pricing/engine';
import { DEFAULT_PAYMENT_TERMS } from './orderPolicy';

/** The catalog version the lines are priced from: the newest of the offerings they use. */
function catalogVersionOf(catalog: readonly OfferingDoc[]): string {
  return catalog.reduce((newest, offering) => (offering.catalogVersion > newest ? offering.catalogVersion : newest), '');
}

/** A draft order for the account with no lines yet; billing account and site prefilled where there is no choice. */
export function newDirectOrder(account: AccountDoc, owner: string, now: string, catalog: readonly OfferingDoc[], id = newId()): OrderDoc {
  const billingAccounts = account.billingAccounts ?? [];
  const site = account.sites?.[0];
  return {
    id,
    owner,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    accountId: account.id,
    accountName: account.name,
    status: 'draft',
    items: [],
    totals: { oneTime: 0, recurring: 0, currency: DEFAULT_CURRENCY },
    catalogVersion: catalogVersionOf(catalog),
    paymentTerms: DEFAULT_PAYMENT_TERMS,
    ...(billingAccounts.length === 1 && billingAccounts[0] ? { billingAccount: billingAccounts[0].id } : {}),
    ...(site ? { serviceAddress: { street: site.street, city: site.city, postcode: site.postcode, country: site.country } } : {}),
  };
}

/** Whether the rep configures this order's lines (a direct or supplemental order), rather than carrying them from a quote. */
export function hasOwnLines(order: OrderDoc): boolean {
  return order.quoteId === undefined || order.supplementOf !== undefined;
}

export type PricedLines =
  { ok: true; changes: Pick<OrderDoc, 'items' | 'totals' | 'catalogVersion'> } | { ok: false; message: string; lineId?: string };

/** The configured lines priced with the local catalog, as changes for `order.edit`; a configuration the catalog refuses is reported. */
export function priceOrderLines(configured: readonly ConfiguredItem[], catalog: readonly OfferingDoc[]): PricedLines {
  try {
    const { items, totals } = priceItems(configured, catalog);
    return { ok: true, changes: { items, totals, catalogVersion: catalogVersionOf(catalog) } };
  } catch (error) {
    if (!(error instanceof PricingError)) throw error;
    return { ok: false, message: error.message, ...(error.lineId === undefined ? {} : { lineId: error.lineId }) };
  }
}

/** Statuses in which a submitted order may still be revised: taken on by the central system, fulfilment not started. */
export const REVISABLE_STATUSES: readonly OrderDoc['status'][] = ['acknowledged', 'held'];

export function canReviseOrder(order: OrderDoc): boolean {
  return REVISABLE_STATUSES.includes(order.status) && order.tmfOrderId !== undefined;
}

/**
 * A supplemental order revising `original`: a new draft with the original's lines (same line
 * ids, so the central system sends each as a TMF622 `modify` of the original's item), terms,
 * billing and address. Submitted, it replaces the original, which the central system cancels.
 */
export function supplementalOrder(original: OrderDoc, now: string, id = newId()): OrderDoc {
  if (!canReviseOrder(original)) {
    throw new Error(`Order ${original.id} is ${original.status}; only a submitted order whose fulfilment has not started can be revised`);
  }
  return {
    id,
    owner: original.owner,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    ...(original.quoteId === undefined ? {} : { quoteId: original.quoteId }),
    ...(original.opportunityId === undefined ? {} : { opportunityId: original.opportunityId }),
    accountId: original.accountId,
    accountName: original.accountName,
    status: 'draft',
    items: original.items.map((line) => ({ ...line, characteristics: line.characteristics.map((c) => ({ ...c })) })),
    totals: { ...original.totals },
    catalogVersion: original.catalogVersion,
    supplementOf: original.id,
    ...(original.paymentTerms === undefined ? {} : { paymentTerms: original.paymentTerms }),
    ...(original.billingAccount === undefined ? {} : { billingAccount: original.billingAccount }),
    ...(original.serviceAddress === undefined ? {} : { serviceAddress: { ...original.serviceAddress } }),
  };
}
