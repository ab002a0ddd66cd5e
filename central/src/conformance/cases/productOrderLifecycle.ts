/** TMF622 PATCH/DELETE productOrder and cancelProductOrder: success and error answers against the v4 swagger. */
import { randomUUID } from 'node:crypto';
import { call, conforms, type Session } from '../session';
import { createOrder, PO_BASE } from './productOrdering';
import type { CaseTable } from './types';

const PO = `${PO_BASE}/productOrder`;
const CANCEL = `${PO_BASE}/cancelProductOrder`;

async function cancelTask(session: Session, who: 'tmf' | 'alex' = 'tmf'): Promise<Record<string, unknown>> {
  const order = await createOrder(session, who);
  return conforms(
    await call(session, 'POST', CANCEL, { who, body: { productOrder: { id: order.id }, cancellationReason: 'conformance' } }),
    CANCEL,
    201,
  );
}

export const PRODUCT_ORDER_LIFECYCLE_CASES: CaseTable = {
  [`PATCH ${PO}/:id`]: async ({ session, template }) => {
    const order = await createOrder(session, 'alex');
    const path = `${PO}/${String(order.id)}`;
    conforms(await call(session, 'PATCH', path, { who: 'alex', body: { description: 'patched' } }), template, 200);
    conforms(await call(session, 'PATCH', path, { body: { priority: '1' }, contentType: 'application/merge-patch+json' }), template, 200);
    conforms(await call(session, 'PATCH', path, { body: { state: 'completed' } }), template, 400);
    conforms(await call(session, 'PATCH', path, { body: '{"x": ' }), template, 400);
    conforms(await call(session, 'PATCH', path, { who: 'sam', body: { description: 'x' } }), template, 404);
    conforms(await call(session, 'PATCH', `${PO}/${randomUUID()}`, { body: { description: 'x' } }), template, 404);
    const cancelled = await createOrder(session);
    conforms(await call(session, 'POST', CANCEL, { body: { productOrder: { id: cancelled.id } } }), CANCEL, 201);
    conforms(await call(session, 'PATCH', `${PO}/${String(cancelled.id)}`, { body: { description: 'late' } }), template, 409);
  },

  [`DELETE ${PO}/:id`]: async ({ session, template }) => {
    const order = await createOrder(session, 'alex');
    const path = `${PO}/${String(order.id)}`;
    conforms(await call(session, 'DELETE', path, { who: 'alex' }), template, 403);
    conforms(await call(session, 'DELETE', path, { who: 'sam' }), template, 404);
    conforms(await call(session, 'DELETE', path, { who: 'admin' }), template, 204);
    conforms(await call(session, 'DELETE', path, { who: 'admin' }), template, 404);
  },

  [`POST ${CANCEL}`]: async ({ session, template }) => {
    const task = await cancelTask(session);
    if (task.state !== 'done') throw new Error(`expected the cancellation to be done, got ${String(task.state)}`);
    // A cancelled order cannot be cancelled again: the task ends terminatedWithError.
    const again = conforms(await call(session, 'POST', template, { body: { productOrder: task.productOrder } }), template, 201);
    if (again.state !== 'terminatedWithError') throw new Error(`expected terminatedWithError, got ${String(again.state)}`);
    for (const bad of [{}, { productOrder: 'x' }, { productOrder: { id: 'x' }, requestedCancellationDate: 'soon' }, '{"x": ']) {
      conforms(await call(session, 'POST', template, { body: bad }), template, 400);
    }
    const alexOrder = await createOrder(session, 'alex');
    conforms(await call(session, 'POST', template, { who: 'sam', body: { productOrder: { id: alexOrder.id } } }), template, 400);
  },

  [`GET ${CANCEL}`]: async ({ session, template }) => {
    await cancelTask(session, 'alex');
    const list = conforms<unknown[]>(await call(session, 'GET', `${template}?limit=5`, { who: 'alex' }), template, 200);
    if (list.length === 0) throw new Error('expected cancellation tasks in the list');
    conforms(await call(session, 'GET', `${template}?state=done&offset=1`), template, 200);
    conforms(await call(session, 'GET', `${template}?fields=state`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${template}?limit=x`), template, 400);
  },

  [`GET ${CANCEL}/:id`]: async ({ session, template }) => {
    const task = await cancelTask(session, 'alex');
    conforms(await call(session, 'GET', `${CANCEL}/${String(task.id)}`, { who: 'alex' }), template, 200);
    conforms(await call(session, 'GET', `${CANCEL}/${String(task.id)}?fields=state`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${CANCEL}/${String(task.id)}`, { who: 'sam' }), template, 404);
    conforms(await call(session, 'GET', `${CANCEL}/${randomUUID()}`), template, 404);
  },
};
