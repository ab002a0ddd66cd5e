/** Helpers for the TMF622 ordering suites: placing orders as a rep, driving their lifecycle, PATCH/DELETE. */
import type { OrderDoc } from '../../../shared/schemas';
import { api, pullAll, signIn, type Api, type Json } from './client';
import { newOrder } from './fixtures';
import { expect } from 'vitest';
import { PRODUCT_ORDER_RULES } from '../ordering';
import { profileProblems } from '../platform/tmf/profileRules';

export const PO = '/tmf-api/productOrderingManagement/v4/productOrder';
export const CANCEL = '/tmf-api/productOrderingManagement/v4/cancelProductOrder';
export const OPS = (id: string) => `/ops/productOrder/${id}/transition`;

/** An Api with the methods the ordering suites need beyond GET and POST. */
export interface OrderingApi extends Api {
  patch(path: string, body: unknown, contentType?: string): Promise<Response>;
  delete(path: string): Promise<Response>;
}

export async function orderingApi(url: string, token: string): Promise<OrderingApi> {
  const headers = { authorization: `Bearer ${token}` };
  return {
    ...api(url, token),
    patch: (path, body, contentType = 'application/merge-patch+json') =>
      fetch(url + path, { method: 'PATCH', headers: { ...headers, 'content-type': contentType }, body: JSON.stringify(body) }),
    delete: (path) => fetch(url + path, { method: 'DELETE', headers }),
  };
}

export async function signedIn(url: string, username: string): Promise<OrderingApi> {
  return orderingApi(url, await signIn(url, username));
}

/** The rep's order document as their next pull brings it. */
export async function pulledOrder(rep: Api, orderId: string): Promise<Json> {
  const { documents } = await pullAll(rep, 'orders');
  const found = documents.filter((doc) => doc.id === orderId).pop();
  if (!found) throw new Error(`order ${orderId} not in the rep's pull`);
  return found;
}

/** The TMF622 ProductOrder `id` as a consumer reads it, checked against the conformance profile. */
export async function conformingProductOrder(client: Api, id: unknown): Promise<Json> {
  const response = await client.get(`${PO}/${String(id)}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as Json;
  expect(profileProblems(PRODUCT_ORDER_RULES, body, 'response')).toEqual([]);
  return body;
}

/** Pushes a queued order as the rep would and returns the order id and its ProductOrder id. */
export async function placeOrder(
  rep: Api,
  owner: string,
  overrides: Partial<OrderDoc> = {},
): Promise<{ orderId: string; tmfOrderId: string; doc: Json }> {
  const order = newOrder(owner, overrides);
  const refused = await rep.push('orders', [{ newDocumentState: order }]);
  if (refused.length > 0) throw new Error(`push refused: ${JSON.stringify(refused)}`);
  const doc = await pulledOrder(rep, order.id);
  if (typeof doc.tmfOrderId !== 'string') throw new Error(`order ${order.id} was not submitted: ${JSON.stringify(doc)}`);
  return { orderId: order.id, tmfOrderId: doc.tmfOrderId, doc };
}

export async function transition(ops: Api, id: string, event: string, body: Json = {}): Promise<Response> {
  return ops.post(OPS(id), { event, ...body });
}

/** Sends the events in order; throws on the first that is not accepted. Returns the last order. */
export async function walk(ops: Api, id: string, events: readonly string[]): Promise<Json> {
  let order: Json = {};
  for (const event of events) {
    const response = await transition(ops, id, event);
    if (response.status !== 200) throw new Error(`${event} on ${id}: ${response.status} ${await response.text()}`);
    order = (await response.json()) as Json;
  }
  return order;
}

export async function productOrder(client: Api, id: string): Promise<Json> {
  const response = await client.get(`${PO}/${id}`);
  if (response.status !== 200) throw new Error(`GET ${id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Json;
}

/** Item states, nested bundle children flattened after their parent. */
export function itemStates(order: Json): string[] {
  const states: string[] = [];
  const visit = (items: unknown) => {
    for (const item of (items ?? []) as Json[]) {
      states.push(String(item.state));
      visit(item.productOrderItem);
    }
  };
  visit(order.productOrderItem);
  return states;
}

export function stateReason(order: Json): string {
  return String(((order.note ?? []) as Json[]).find((note) => note.id === 'stateReason')?.text ?? '');
}
