import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import { notFound } from '../../platform/http/errors';
import { changeOf } from '../../platform/sync/docs';
import type { ChangeHub } from '../../platform/sync/hub';
import { parseCancelProductOrderCreate, requestCancellation } from './cancellation';
import { findVisibleCancelTask, listVisibleCancelTasks } from './cancelProductOrderStore';
import { parseListQuery, selectFields, sendPage } from '../../platform/tmf/listing';
import { PRODUCT_ORDER_BASE } from '../productOrder/productOrderTypes';

/** TMF622 cancelProductOrder: POST (the task runs to its end before the answer), GET list and by id. */
export function registerCancelProductOrderRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  const base = `${PRODUCT_ORDER_BASE}/cancelProductOrder`;

  app.post(base, async (request, reply) => {
    const user = currentUser(request);
    const input = parseCancelProductOrderCreate(request.body);
    const { task, changed } = await db.transaction((tx) => requestCancellation(tx, user, input));
    hub.publish(changed.map(changeOf));
    reply.code(201).header('Location', task.href);
    return task;
  });

  app.get(base, async (request, reply) => {
    const user = currentUser(request);
    const query = parseListQuery(request.query);
    const { total, tasks } = await listVisibleCancelTasks(db, user, query.filters, query.offset, query.limit);
    return sendPage(reply, total, tasks, query.fields);
  });

  app.get(`${base}/:id`, async (request) => {
    const user = currentUser(request);
    const { id } = request.params as { id: string };
    const task = await findVisibleCancelTask(db, user, id);
    if (!task) throw notFound(`No CancelProductOrder with id ${id} that you may see`);
    return selectFields(task, (request.query as Record<string, unknown>).fields);
  });
}
