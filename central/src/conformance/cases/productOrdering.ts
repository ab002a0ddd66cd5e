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

/**
 * Event paths of the operations desk that reach every ProductOrder state after acknowledged:
 * the state of the order and of its items (bundle children included) must stay within the
 * spec's enums in each (items never `partial`, STATES.md §1).
 */
const LIFECYCLE_PATHS: readonly (readonly [string, ...{ event: string; itemOutcomes?: Record<string, string> }[]])[] = [
  ['inProgress', { event: 'central.start' }],
  ['pending', { event: 'central.start' }, { event: 'central.pend' }],
  ['held', { event: 'central.start' }, { event: 'central.hold' }],
  ['completed', { event: 'central.start' }, { event: 'central.complete' }],
  ['failed', { event: 'central.start' }, { event: 'central.fail' }],
  ['partial', { event: 'central.start' }, { event: 'central.partial', itemOutcomes: { '01': 'completed', '02': 'failed' } }],
  ['assessingCancellation', { event: 'central.start' }, { event: 'central.requestCancellation' }],
  [
    'cancelled',
    { event: 'central.start' },
    { event: 'central.requestCancellation' },
    { event: 'central.acceptCancellation' },
    { event: 'central.cancelled' },
  ],
];

/** An order of two lines, the second a bundle, walked by the operations desk; returns its id. */
async function orderIn(session: Session, path: (typeof LIFECYCLE_PATHS)[number]): Promise<string> {
  const [state, ...steps] = path;
  const body = {
    ...sellableOrder(),
    productOrderItem: [
      { id: '01', action: 'add', quantity: 1, productOffering: { id: 'off-fibre-internet' } },
      { id: '02', action: 'add', quantity: 1, productOffering: { id: 'off-office-connect-bundle' } },
    ],
  };
  const order = conforms(await call(session, 'POST', PO, { body }), PO, 201);
  for (const step of steps) {
    const answer = await call(session, 'POST', `/ops/productOrder/${String(order.id)}/transition`, {
      who: 'admin',
      body: { ...step, reason: `to ${state}` },
    });
    if (answer.status !== 200) throw new Error(`${step.event} towards ${state}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return String(order.id);
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
    for (const path of LIFECYCLE_PATHS) {
      const walked = conforms(await call(session, 'GET', `${PO}/${await orderIn(session, path)}`), template, 200);
      if (walked.state !== path[0]) throw new Error(`expected ${path[0]}, got ${String(walked.state)}`);
    }
  },
};
