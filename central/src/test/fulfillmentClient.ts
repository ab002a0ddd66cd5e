/** Test helpers for fulfillment and inventory: what an admin and a TMF client send over HTTP. */
import type { Api, Json } from './client';
import { newOrder } from './fixtures';

export interface StepResult {
  orderId: string;
  from: string;
  to: string;
  event: string | null;
  reason: string;
  productIds: string[];
}

export interface TmfOrderView {
  id: string;
  externalId?: string;
  state: string;
  productOrderItem: { id: string; state?: string }[];
}

/** POST /admin/fulfillment/step; throws unless 200. */
export async function step(admin: Api, orderId?: string): Promise<StepResult[]> {
  const response = await admin.post('/admin/fulfillment/step', orderId ? { orderId } : {});
  if (response.status !== 200) throw new Error(`step failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { steps: StepResult[] }).steps;
}

/** The TMF622 ProductOrder ingested for an app order. */
export async function tmfOrderOf(client: Api, externalId: string): Promise<TmfOrderView> {
  const response = await client.get(`/tmf-api/productOrderingManagement/v4/productOrder?externalId=${encodeURIComponent(externalId)}`);
  const orders = (await response.json()) as TmfOrderView[];
  const order = orders[0];
  if (response.status !== 200 || !order) throw new Error(`no ProductOrder for externalId ${externalId}: ${response.status}`);
  return order;
}

/** A fixed, valid UUID per number: the same app order id on every server (paths depend on it). */
export function fixedOrderId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Pushes alex's two-line order (fibre + 5 mobile lines) under the given id; returns its ProductOrder. */
export async function placeOrder(alex: Api, id: string, reader: Api = alex): Promise<TmfOrderView> {
  const refused = await alex.push('orders', [{ newDocumentState: newOrder('user-alex', { id }) }]);
  if (refused.length > 0) throw new Error(`order ${id} was refused: ${JSON.stringify(refused)}`);
  return tmfOrderOf(reader, id);
}

export async function listOf(client: Api, path: string): Promise<{ status: number; total: string | null; body: Json[] }> {
  const response = await client.get(path);
  return { status: response.status, total: response.headers.get('x-total-count'), body: (await response.json()) as Json[] };
}
