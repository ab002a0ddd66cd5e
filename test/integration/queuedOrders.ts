import { newId } from '../../shared/ids';
import { defaultCharacteristics, priceItems } from '../../shared/pricing/engine';
import type { OrderDoc } from '../../shared/schemas';
import type { RepLaptop } from './syncHarness';

/** The ProductOrders the central system holds for one client order id, as the integration client sees them. */
export async function centralOrdersFor(
  centralUrl: string,
  externalId: string,
): Promise<{ id: string; state: string; externalId: string }[]> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' });
  const token = (await (await fetch(`${centralUrl}/oauth/token`, { method: 'POST', body: form })).json()) as { access_token: string };
  const response = await fetch(`${centralUrl}/tmf-api/productOrderingManagement/v4/productOrder?externalId=${externalId}`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  });
  if (response.status !== 200) throw new Error(`the central system answered ${response.status} to the order lookup`);
  return (await response.json()) as { id: string; state: string; externalId: string }[];
}

/** A complete order, as the order screen would queue it, for one of the rep's accounts. */
export async function queuedOrder(rep: RepLaptop, changes: Partial<OrderDoc> = {}): Promise<OrderDoc> {
  const account = (await rep.db.accounts.find().exec())[0]?.toMutableJSON();
  const catalog = (await rep.db.offerings.find().exec()).map((d) => d.toMutableJSON());
  const offering = catalog.find((o) => o.lifecycleStatus === 'Launched' && !o.isBundle);
  if (!account || !offering) throw new Error('the first sync brought no account or no offering');
  const priced = priceItems(
    [{ id: '01', offeringId: offering.id, quantity: 2, characteristics: defaultCharacteristics(offering) }],
    catalog,
  );
  const now = new Date().toISOString();
  return {
    id: newId(),
    owner: rep.user.id,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    quoteId: newId(),
    accountId: account.id,
    accountName: account.name,
    status: 'queued',
    items: priced.items,
    totals: priced.totals,
    catalogVersion: offering.catalogVersion,
    billingAccount: account.billingAccounts?.[0]?.id ?? 'BA-TEST',
    serviceAddress: { street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' },
    submittedAt: now,
    ...changes,
  };
}

/** The laptop's copy of an order, read fresh each call (for waitFor). */
export const orderStatus = (rep: RepLaptop, id: string) => async () => (await rep.db.orders.findOne(id).exec())?.toMutableJSON();
