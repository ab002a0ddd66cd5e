import type { StoredDoc } from '../../platform/sync/docs';
import type { JsonObject } from '../../platform/json';
import type { CollectionRules, RowContext, WritePlan } from '../../platform/sync/rules';
import type { AccountDoc, OrderDoc } from '../../../../shared/schemas';
import { validateAccountDoc } from '../../../../shared/accounts/account.validation';
import { ingestQueuedOrder } from './ingest';
import { writeOrderStatus } from '../productOrder/orderStatus';

interface WaitingRow extends Record<string, unknown> {
  id: string;
  data: JsonObject;
}

/**
 * When an account arrives, submit the owner's queued orders that were waiting for it
 * (valid, no syncError, no ProductOrder yet), in the same transaction.
 */
async function submitWaitingOrders(ctx: RowContext, account: StoredDoc): Promise<StoredDoc[]> {
  if (account.deleted || account.owner !== ctx.user.id) return [];
  const rows = await ctx.tx.query<WaitingRow>(
    `SELECT d.id, d.data FROM sync_docs d
      WHERE d.collection = 'orders' AND d.owner = $1 AND NOT d.deleted
        AND d.data ->> 'accountId' = $2 AND d.data ->> 'status' = 'queued' AND NOT (d.data ? 'syncError')
        AND NOT EXISTS (SELECT 1 FROM product_orders p WHERE p.external_id = d.id)
      ORDER BY d.seq`,
    [ctx.user.id, account.id],
  );
  const stored: StoredDoc[] = [];
  for (const row of rows) {
    const ingested = await ingestQueuedOrder(ctx.tx, ctx.user, row.data as unknown as OrderDoc, ctx.now);
    stored.push(...ingested.changed, ...(await writeOrderStatus(ctx.tx, row.id, ctx.user.id, ingested.status)));
  }
  return stored;
}

/** The account form's rules again: an account the app accepts is stored clean, anything else says what to fix. */
function checkAccount(plan: WritePlan): string[] {
  return validateAccountDoc(plan.data as unknown as AccountDoc).map((issue) => issue.message);
}

export const accountRules: CollectionRules = { check: checkAccount, afterWrite: submitWaitingOrders };
