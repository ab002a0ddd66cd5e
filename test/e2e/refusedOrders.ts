import { randomUUID } from 'node:crypto';
import type { OrderDoc } from '../../shared/schemas';
import { centralDoc, pushAsRep } from './centralAsRep';

/**
 * Queues an order with no street straight at the central system, as the rep's other laptop (or
 * an older app) would: the central system stores it refused, with its reason, and the app under
 * test receives it by sync like any refused record of its own.
 */
export async function pushRefusedOrder(username: string, accountName: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const order = {
    id,
    owner: username,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    quoteId: randomUUID(),
    accountId: randomUUID(),
    accountName,
    status: 'queued',
    catalogVersion: '1',
    billingAccount: 'BA-REFUSED-1',
    items: [
      {
        id: randomUUID(),
        offeringId: 'off-x',
        offeringName: 'Business Fibre Internet',
        quantity: 1,
        characteristics: [],
        oneTime: 9900,
        recurring: 4900,
      },
    ],
    totals: { oneTime: 9900, recurring: 4900, currency: 'USD' },
    serviceAddress: { street: '', city: 'Springfield', postcode: '12345', country: 'US' },
    submittedAt: now,
  } satisfies OrderDoc;
  const answer = await pushAsRep(username, 'orders', [{ newDocumentState: { ...order, _deleted: false } }]);
  if (!answer[0]?.syncError) throw new Error(`The central system was expected to refuse the order, it answered ${JSON.stringify(answer)}`);
  return id;
}

export function centralOrder(username: string, id: string) {
  return centralDoc(username, 'orders', id);
}
