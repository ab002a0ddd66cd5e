import type { Queryable } from '../../platform/db/db';
import type { StoredDoc } from '../../platform/sync/docs';
import type { ProductOrder } from '../productOrder/productOrderTypes';

/**
 * What fulfillment needs from the inventory of delivered products (TMF637). Ordering states
 * the need and inventory meets it (server.ts wires inventory's `productDelivery` in), so
 * ordering never imports inventory, which reads ordering's ProductOrder through its door.
 */
export interface ProductDelivery {
  /**
   * The products of the order's delivered items, in the caller's transaction, exactly once per
   * order. `delivered` false: they had been created before and nothing was done.
   */
  createProductsForOrder(
    tx: Queryable,
    order: ProductOrder,
    owner: string,
    now: string,
  ): Promise<{
    delivered: boolean;
    products: readonly { id: string }[];
    /** The synced documents written, to publish after commit. */
    docs: StoredDoc[];
  }>;
  /** Orders in a delivered state whose products were never created (completed outside fulfillment). */
  undeliveredOrderIds(db: Queryable, limit: number): Promise<string[]>;
}
