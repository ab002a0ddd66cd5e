import { randomUUID } from 'node:crypto';
import type { OrderDoc } from '../../shared/schemas';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { centralUrl } from './journey';

async function repToken(username: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'outpost-desktop', username, password: 'demo' });
  const response = await fetch(`${centralUrl()}${SYNC_PATHS.token}`, { method: 'POST', body: form });
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * Queues an order with no street straight at the central system, as the rep's other laptop (or
 * an older app) would: the central system stores it refused, with its reason, and the app under
 * test receives it by sync like any refused record of its own.
 */
export async function pushRefusedOrder(username: string, accountName: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const order = {
    id, owner: username, createdAt: now, updatedAt: now, syncPending: true, quoteId: randomUUID(), accountId: randomUUID(), accountName,
    status: 'queued', catalogVersion: '1', billingAccount: 'BA-REFUSED-1',
    items: [{ id: randomUUID(), offeringId: 'off-x', offeringName: 'Business Fibre Internet', quantity: 1, characteristics: [], oneTime: 9900, recurring: 4900 }],
    totals: { oneTime: 9900, recurring: 4900, currency: 'USD' },
    serviceAddress: { street: '', city: 'Springfield', postcode: '12345', country: 'US' },
    submittedAt: now,
  } satisfies OrderDoc;
  const response = await fetch(`${centralUrl()}${SYNC_PATHS.push('orders')}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await repToken(username)}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ newDocumentState: { ...order, _deleted: false } }]),
  });
  const answer = (await response.json()) as { syncError?: { reason: string } }[];
  if (!answer[0]?.syncError) throw new Error(`The central system was expected to refuse the order, it answered ${JSON.stringify(answer)}`);
  return id;
}

/** The central system's copy of one of the rep's orders. */
export async function centralOrder(username: string, id: string): Promise<(OrderDoc & { _deleted: boolean }) | undefined> {
  const response = await fetch(`${centralUrl()}${SYNC_PATHS.pull('orders')}?seq=0&limit=500`, { headers: { authorization: `Bearer ${await repToken(username)}` } });
  const { documents } = (await response.json()) as { documents: (OrderDoc & { _deleted: boolean })[] };
  return documents.find((d) => d.id === id);
}
