/**
 * The fulfillment simulator: moves acknowledged orders through inProgress to completed, or into
 * a fall-out, one step at a time, through the order lifecycle (never by writing states itself),
 * and creates the TMF637 products of what was delivered in the same transaction.
 */
import { takeWriteLock, type Db } from '../../platform/db/db';
import { HttpError, notFound } from '../../platform/http/errors';
import { changeOf, type StoredDoc } from '../../platform/sync/docs';
import type { ChangeHub } from '../../platform/sync/hub';
import { applyOrderTransition } from '../productOrder/orderLifecycle';
import { lockProductOrder } from '../productOrder/productOrderStore';
import type { ProductOrderState } from '../productOrder/productOrderTypes';
import type { FulfillmentConfig } from './config';
import type { ProductDelivery } from './delivery';
import { lineReason, nextAction, planFulfillment, type FulfillmentPlan } from './plan';

export interface FulfillmentStep {
  orderId: string;
  from: ProductOrderState;
  to: ProductOrderState;
  /** The central.* event sent; null when the order had nothing to do. */
  event: string | null;
  reason: string;
  /** TMF637 products created by this step (completion, or the delivered items of a partial order). */
  productIds: string[];
}

/** Orders a step of "everything" moves: the ones nobody needs to look at first. */
const ELIGIBLE_STATES: readonly ProductOrderState[] = ['acknowledged', 'inProgress'];
/** States in which (some of) an order's items were delivered and become products. */
const DELIVERED_STATES: readonly ProductOrderState[] = ['completed', 'partial'];
export const MAX_ORDERS_PER_STEP = 100;

export class FulfillmentSimulator {
  constructor(
    private readonly db: Db,
    private readonly hub: ChangeHub,
    readonly config: FulfillmentConfig,
    private readonly delivery: ProductDelivery,
  ) {}

  /** The path this simulator gives an order (the app's order id keys it when there is one). */
  planFor(orderKey: string, itemIds: readonly string[]): FulfillmentPlan {
    return planFulfillment(this.config.seed, orderKey, this.config.falloutRate, itemIds);
  }

  /**
   * One step of one order. `explicit`: the order was named by an administrator, which also
   * releases a held order or resumes a pending one. Unknown order: 404.
   */
  async stepOrder(id: string, explicit: boolean): Promise<FulfillmentStep> {
    return (await this.advance(id, explicit)).step;
  }

  /** `acted`: the step changed something (a state, or products created). */
  private async advance(id: string, explicit: boolean): Promise<{ step: FulfillmentStep; acted: boolean }> {
    const { step, acted, changed } = await this.db.transaction(
      async (tx): Promise<{ step: FulfillmentStep; acted: boolean; changed: StoredDoc[] }> => {
        // Steps of one order never interleave: the write lock, then the order's row, in the
        // order the lifecycle takes them.
        await takeWriteLock(tx);
        const locked = await lockProductOrder(tx, id);
        if (!locked) throw notFound(`No ProductOrder with id ${id}`);
        const { order } = locked;
        const fellOut = await tx.query('SELECT 1 FROM fulfillment_fallouts WHERE order_id = $1', [id]);
        const planned = this.planFor(
          order.externalId ?? order.id,
          order.productOrderItem.map((item) => item.id),
        );
        const nameOf = (itemId: string): string => {
          const item = order.productOrderItem.find((candidate) => candidate.id === itemId);
          return item?.product?.name ?? item?.productOffering?.name ?? item?.productOffering?.id ?? `item ${itemId}`;
        };
        const plan: FulfillmentPlan = { ...planned, reason: lineReason(planned, nameOf) };
        const action = nextAction(order.state, plan, fellOut.length > 0, explicit);
        if (action.kind === 'idle') {
          // Completed through another path (the operations desk): its products are still due.
          const late = DELIVERED_STATES.includes(order.state)
            ? await this.delivery.createProductsForOrder(tx, order, locked.owner, new Date().toISOString())
            : undefined;
          const reason = late?.delivered ? `${order.state}: products created for an order completed outside fulfillment` : action.reason;
          const productIds = late?.products.map((product) => product.id) ?? [];
          const step = { orderId: id, from: order.state, to: order.state, event: null, reason, productIds };
          return { step, acted: late?.delivered ?? false, changed: late?.docs ?? [] };
        }

        const moved = await applyOrderTransition(tx, id, { type: action.event }, action.reason, {
          ...(action.itemOutcomes ? { itemOutcomes: action.itemOutcomes } : {}),
        });
        if (action.fallout) {
          await tx.query('INSERT INTO fulfillment_fallouts (order_id, fallout) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING', [
            id,
            action.fallout,
          ]);
        }
        const created = DELIVERED_STATES.includes(moved.order.state)
          ? await this.delivery.createProductsForOrder(tx, moved.order, moved.owner, new Date().toISOString())
          : { delivered: false, products: [], docs: [] };
        return {
          step: {
            orderId: id,
            from: order.state,
            to: moved.order.state,
            event: action.event,
            reason: action.reason,
            productIds: created.products.map((product) => product.id),
          },
          acted: true,
          changed: [...moved.changed, ...created.docs],
        };
      },
    );
    // After commit, so a connected app pulls what is already there.
    this.hub.publish(changed.map(changeOf));
    return { step, acted };
  }

  /**
   * One step of every order in acknowledged or inProgress (oldest first, at most 100), then the
   * products of orders completed outside fulfillment (at most 100). Stops early once `goOn`
   * turns false (the auto timer's instance lost its lease to another).
   */
  async stepEligible(goOn: () => boolean = () => true): Promise<FulfillmentStep[]> {
    const states = ELIGIBLE_STATES.map((_, index) => `$${index + 2}`).join(', ');
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM product_orders WHERE state IN (${states}) ORDER BY order_date, id LIMIT $1`,
      [MAX_ORDERS_PER_STEP, ...ELIGIBLE_STATES],
    );
    const steps: FulfillmentStep[] = [];
    const undelivered = await this.delivery.undeliveredOrderIds(this.db, MAX_ORDERS_PER_STEP);
    for (const id of [...rows.map((row) => row.id), ...undelivered]) {
      if (!goOn()) break;
      try {
        const { step, acted } = await this.advance(id, false);
        if (acted) steps.push(step);
      } catch (error) {
        // Deleted or moved by someone else since it was listed: not this step's business.
        if (error instanceof HttpError && (error.statusCode === 404 || error.statusCode === 409)) continue;
        throw error;
      }
    }
    return steps;
  }
}
