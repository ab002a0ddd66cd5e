/** TMF637 Product Inventory: the product routes' success and error answers against the v4 swagger. */
import { randomUUID } from 'node:crypto';
import { call, conforms, type Session } from '../session';
import { createOrder } from './productOrdering';
import type { CaseTable } from './types';

const PRODUCT = '/tmf-api/productInventory/v4/product';

/** An order alex places over TMF622, fulfilled by an administrator's steps; returns its products' ids. */
async function fulfilledProducts(session: Session): Promise<string[]> {
  const order = await createOrder(session, 'alex');
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const answer = await call(session, 'POST', '/admin/fulfillment/step', { who: 'admin', body: { orderId: order.id } });
    if (answer.status !== 200) throw new Error(`fulfillment step failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    for (const step of (answer.body as { steps: { productIds: string[] }[] }).steps) ids.push(...step.productIds);
  }
  if (ids.length === 0) throw new Error(`order ${String(order.id)} was fulfilled without products`);
  return ids;
}

export const PRODUCT_INVENTORY_CASES: CaseTable = {
  [`GET ${PRODUCT}`]: async ({ session, template }) => {
    await fulfilledProducts(session);
    const list = conforms<unknown[]>(await call(session, 'GET', `${PRODUCT}?limit=5`), template, 200);
    if (list.length === 0) throw new Error('expected products in the list');
    conforms(await call(session, 'GET', `${PRODUCT}?status=active&offset=0&limit=2`), template, 200);
    conforms(await call(session, 'GET', `${PRODUCT}?relatedParty=acct-harbor-logistics`, { who: 'alex' }), template, 200);
    conforms(await call(session, 'GET', `${PRODUCT}?fields=status,name`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', PRODUCT, { who: 'sam' }), template, 200);
    conforms(await call(session, 'GET', `${PRODUCT}?limit=x`), template, 400);
  },

  [`GET ${PRODUCT}/:id`]: async ({ session, template }) => {
    const [id] = await fulfilledProducts(session);
    conforms(await call(session, 'GET', `${PRODUCT}/${String(id)}`, { who: 'alex' }), template, 200);
    conforms(await call(session, 'GET', `${PRODUCT}/${String(id)}`, { who: 'morgan' }), template, 200);
    conforms(await call(session, 'GET', `${PRODUCT}/${String(id)}?fields=status`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${PRODUCT}/${String(id)}`, { who: 'sam' }), template, 404);
    conforms(await call(session, 'GET', `${PRODUCT}/${randomUUID()}`), template, 404);
  },
};
