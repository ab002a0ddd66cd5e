import type { AuthUser } from '../../platform/auth/users';
import type { Queryable } from '../../platform/db/db';
import { ownerVisibleSql } from '../../platform/auth/scope';
import type { CancelProductOrder } from './cancelProductOrderTypes';
import { listOwnedPage, type AttributeFilter } from '../../platform/tmf/listing';

interface TaskRow extends Record<string, unknown> {
  resource: CancelProductOrder;
}

/**
 * One row per cancellation request. `owner` is the order's owner (who sees the task), and
 * `origin_state` the order's state when the cancellation was requested: a denial returns there.
 */
export async function saveCancelTask(tx: Queryable, task: CancelProductOrder, owner: string, originState: string): Promise<void> {
  await tx.query(
    `INSERT INTO cancel_product_orders (id, product_order_id, owner, state, origin_state, resource)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, resource = EXCLUDED.resource`,
    [task.id, task.productOrder.id, owner, task.state, originState, JSON.stringify(task)],
  );
}

export async function findVisibleCancelTask(db: Queryable, user: AuthUser, id: string): Promise<CancelProductOrder | undefined> {
  const scope = ownerVisibleSql(user, 'owner', 2);
  const rows = await db.query<TaskRow>(
    `SELECT resource FROM cancel_product_orders WHERE id = $1 AND ${scope}`,
    scope === 'TRUE' ? [id] : [id, user.id],
  );
  return rows[0]?.resource;
}

const COLUMN_OF: Record<string, string> = { id: 'id', state: 'state' };

export async function listVisibleCancelTasks(
  db: Queryable,
  user: AuthUser,
  filters: readonly AttributeFilter[],
  offset: number,
  limit: number,
): Promise<{ total: number; tasks: CancelProductOrder[] }> {
  const page = await listOwnedPage<CancelProductOrder>(db, user, {
    table: 'cancel_product_orders',
    columns: COLUMN_OF,
    orderBy: 'created_at, id',
    filters: filters.filter((filter) => filter.attribute !== 'productOrder'),
    offset,
    limit,
    // productOrder is a reference: filtering on it means its id (productOrder=<order id>).
    extraWhere: (bind) =>
      filters
        .filter((filter) => filter.attribute === 'productOrder')
        .map((filter) => `(${filter.values.map((value) => `product_order_id = ${bind(value)}`).join(' OR ')})`),
  });
  return { total: page.total, tasks: page.resources };
}
