/** TMF622 Product Ordering: every route's success and error answers against the v4 swagger. */
import { randomUUID } from 'node:crypto';
import { call, conforms, type Session } from '../session';
import type { CaseTable } from './types';

export const PO_BASE = '/tmf-api/productOrderingManagement/v4';
const PO = `${PO_BASE}/productOrder`;

/** The body the TMF622 v4 conformance kit posts (STATES.md §8). */
export const CTK_ORDER = {
  productOrderItem: [{ id: '123', action: 'add' }],
  relatedParty: [{ id: '456-dd-df45', '@referredType': 'Individual' }],
};

/** A sellable order: a Launched offering, priced line, party, so the server acknowledges it. */
export function sellableOrder(externalId = `conf-${randomUUID()}`) {
  return {
    externalId,
    description: 'conformance order',
    productOrderItem: [{ id: '01', action: 'add', quantity: 1, productOffering: { id: 'off-fibre-internet' } }],
    relatedParty: [{ id: 'acct-harbor-logistics', '@referredType': 'Organization', role: 'customer' }],
  };
}

/** Creates an order as `tmf` (visible to everyone who sees all) and returns it. */
export async function createOrder(session: Session, who: 'tmf' | 'alex' = 'tmf'): Promise<Record<string, unknown>> {
  const answer = await call(session, 'POST', PO, { who, body: sellableOrder() });
  return conforms(answer, PO, 201);
}

export const PRODUCT_ORDERING_CASES: CaseTable = {
  [`POST ${PO}`]: async ({ session, template }) => {
    const created = conforms(await call(session, 'POST', PO, { body: CTK_ORDER }), template, 201);
    const body = sellableOrder();
    conforms(await call(session, 'POST', PO, { body }), template, 201);
    // The retry of an order already placed answers the same order (quirk 5).
    const retried = conforms(await call(session, 'POST', PO, { body }), template, 200);
    if (retried.externalId !== body.externalId || created.id === retried.id) throw new Error('externalId retry did not return its order');
    // A rejected order (Retired offering) is still a ProductOrder.
    const rejected = { ...CTK_ORDER, productOrderItem: [{ id: '01', action: 'add', productOffering: { id: 'off-business-adsl' } }] };
    conforms(await call(session, 'POST', PO, { body: rejected }), template, 201);
    for (const bad of [{}, { ...CTK_ORDER, productOrderItem: [{ id: '01', action: 'destroy' }] }, [CTK_ORDER], '{"x": ']) {
      conforms(await call(session, 'POST', PO, { body: bad }), template, 400);
    }
    // The same externalId placed by another party.
    conforms(await call(session, 'POST', PO, { who: 'alex', body }), template, 409);
    conforms(await call(session, 'POST', PO, { body: '<order/>', contentType: 'application/xml' }), template, 415);
  },

  [`GET ${PO}`]: async ({ session, template }) => {
    await createOrder(session);
    const list = conforms<unknown[]>(await call(session, 'GET', `${PO}?limit=5`), template, 200);
    if (list.length === 0) throw new Error('expected orders in the list');
    conforms(await call(session, 'GET', `${PO}?state=acknowledged&offset=1&limit=2`), template, 200);
    conforms(await call(session, 'GET', `${PO}?fields=state,orderDate`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${PO}?state=no-such-state`), template, 200);
    conforms(await call(session, 'GET', `${PO}?who=alex`), template, 200);
    conforms(await call(session, 'GET', `${PO}?limit=-1`), template, 400);
    conforms(await call(session, 'GET', `${PO}?offset=1e30`), template, 400);
    conforms(await call(session, 'GET', `${PO}?${encodeURIComponent("x' OR 1=1")}=1`), template, 400);
  },

  [`GET ${PO}/:id`]: async ({ session, template }) => {
    const order = await createOrder(session, 'alex');
    conforms(await call(session, 'GET', `${PO}/${String(order.id)}`, { who: 'alex' }), template, 200);
    conforms(await call(session, 'GET', `${PO}/${String(order.id)}?fields=state`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${PO}/${String(order.id)}`, { who: 'sam' }), template, 404);
    conforms(await call(session, 'GET', `${PO}/${randomUUID()}`), template, 404);
  },
};
