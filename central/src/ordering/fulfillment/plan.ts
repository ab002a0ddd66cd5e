/**
 * The fulfillment simulator's decisions, as pure functions: which path an order takes (straight
 * to `completed`, or a fall-out to `held`, `pending`, `failed` or `partial`) and which central.*
 * event moves it next. Deterministic: the same seed and order key give the same path every time.
 */
import { falloutReason, partialReason } from '../../../../shared/orders/fallout';
import type { ItemOutcome } from '../productOrder/orderStates';
import type { CentralOrderEvent } from '../productOrder/orderStates';
import type { ProductOrderState } from '../productOrder/productOrderTypes';

export const FALLOUTS = ['held', 'pending', 'failed', 'partial'] as const;
export type Fallout = (typeof FALLOUTS)[number];
export type FulfillmentOutcome = 'completed' | Fallout;

/** mulberry32: a small, fast 32-bit PRNG; enough to pick paths, not for anything secret. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a, 32 bits: turns the seed and the order key into the PRNG's seed. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const REASONS: Readonly<Record<FulfillmentOutcome, readonly string[]>> = {
  completed: ['Completed: every item is delivered and active'],
  held: [
    'Held: the site survey found no free duct capacity; civil works must be scheduled',
    'Held: the customer premises equipment is out of stock at the depot',
    'Held: the landlord has not granted building access for the installation yet',
  ],
  pending: [
    'Information required: confirm the on-site contact and access hours for the installation',
    'Information required: the service address is not in the building register; confirm the address',
    'Information required: send the signed number porting authorisation',
  ],
  failed: [
    'Failed: the service address is outside the network footprint',
    'Failed: the access line failed acceptance testing and cannot be delivered',
  ],
  partial: ['Partially completed: some items were delivered, the others could not be'],
};

export interface FulfillmentPlan {
  outcome: FulfillmentOutcome;
  /** The stateReason of the final or fall-out state change, before the line is named (lineReason). */
  reason: string;
  /** held, pending, failed: the item that fell out (the rep is told which line and why). */
  lineId?: string;
  /** `partial` only: the outcome of each top-level item, at least one of each. */
  itemOutcomes?: Record<string, ItemOutcome>;
}

function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

function partialOutcomes(random: () => number, itemIds: readonly string[]): Record<string, ItemOutcome> {
  const delivered = Math.floor(random() * itemIds.length);
  // One item certainly fails, another certainly completes; the rest are a coin toss each.
  const failed = (delivered + 1 + Math.floor(random() * (itemIds.length - 1))) % itemIds.length;
  return Object.fromEntries(
    itemIds.map((id, index): [string, ItemOutcome] => {
      const coin = random();
      if (index === delivered) return [id, 'completed'];
      if (index === failed) return [id, 'failed'];
      return [id, coin < 0.5 ? 'completed' : 'failed'];
    }),
  );
}

/**
 * The path of one order. `orderKey` is the app's order id when there is one (so the same order
 * takes the same path on a fresh database), else the ProductOrder id. A fall-out happens with
 * probability `falloutRate`; its kind is held 35%, pending 35%, failed 15%, partial 15%.
 * `partial` needs two items at least: a single-item order fails instead.
 */
export function planFulfillment(seed: number, orderKey: string, falloutRate: number, itemIds: readonly string[]): FulfillmentPlan {
  const random = mulberry32(hash32(`${seed}:${orderKey}`));
  const fallsOut = random() < falloutRate;
  const kindDraw = random();
  let outcome: FulfillmentOutcome = 'completed';
  if (fallsOut) outcome = kindDraw < 0.35 ? 'held' : kindDraw < 0.7 ? 'pending' : kindDraw < 0.85 ? 'failed' : 'partial';
  if (outcome === 'partial' && itemIds.length < 2) outcome = 'failed';
  const reason = pick(random, REASONS[outcome]);
  if (outcome === 'partial') return { outcome, reason, itemOutcomes: partialOutcomes(random, itemIds) };
  // Drawn last, so the outcome and reason of an order are what they were before lines were named.
  const lineId = outcome === 'completed' || itemIds.length === 0 ? undefined : pick(random, itemIds);
  return lineId === undefined ? { outcome, reason } : { outcome, reason, lineId };
}

/** "Held: the site survey ..." -> "the site survey ...": the why, for a reason that names the line. */
function whyOf(reason: string): string {
  const colon = reason.indexOf(': ');
  return colon < 0 ? reason : reason.slice(colon + 2);
}

/**
 * The fall-out's stateReason naming the line that fell out and why (shared/orders/fallout.ts, which
 * the app reads back): "Held on line 01 (Business Fibre Internet): ...", or for partial each line
 * with its outcome. `nameOf` gives an item's name; plans without a line keep their reason.
 */
export function lineReason(plan: FulfillmentPlan, nameOf: (itemId: string) => string): string {
  if (plan.outcome === 'partial' && plan.itemOutcomes) {
    const outcomes = Object.entries(plan.itemOutcomes).map(([id, outcome]) => ({
      line: { id, name: nameOf(id) },
      delivered: outcome === 'completed',
    }));
    return partialReason(outcomes, 'the failed lines could not be delivered');
  }
  if (plan.outcome === 'completed' || plan.outcome === 'partial' || plan.lineId === undefined) return plan.reason;
  return falloutReason(plan.outcome, { id: plan.lineId, name: nameOf(plan.lineId) }, whyOf(plan.reason));
}

const FALLOUT_EVENT: Readonly<Record<Fallout, CentralOrderEvent['type']>> = {
  held: 'central.hold',
  pending: 'central.pend',
  failed: 'central.fail',
  partial: 'central.partial',
};

export type FulfillmentAction =
  | { kind: 'transition'; event: CentralOrderEvent['type']; reason: string; fallout?: Fallout; itemOutcomes?: Record<string, ItemOutcome> }
  | { kind: 'idle'; reason: string };

/**
 * The next step of an order in `state`. Held and pending orders wait for a person: only a step
 * naming the order (`explicit`) releases them, standing for "issue solved" / "information
 * received"; after that the order completes, it does not fall out a second time.
 */
export function nextAction(state: ProductOrderState, plan: FulfillmentPlan, alreadyFellOut: boolean, explicit: boolean): FulfillmentAction {
  switch (state) {
    case 'acknowledged':
      return { kind: 'transition', event: 'central.start', reason: 'In progress: order treatment started' };
    case 'inProgress':
      if (plan.outcome === 'completed' || alreadyFellOut) {
        return { kind: 'transition', event: 'central.complete', reason: REASONS.completed[0] ?? 'Completed' };
      }
      return {
        kind: 'transition',
        event: FALLOUT_EVENT[plan.outcome],
        reason: plan.reason,
        fallout: plan.outcome,
        ...(plan.itemOutcomes ? { itemOutcomes: plan.itemOutcomes } : {}),
      };
    case 'held':
      return explicit
        ? { kind: 'transition', event: 'central.release', reason: 'In progress: the blocking issue is solved' }
        : { kind: 'idle', reason: 'Held: waits for the issue to be solved; step this order by id to release it' };
    case 'pending':
      return explicit
        ? { kind: 'transition', event: 'central.resume', reason: 'In progress: the missing information was supplied' }
        : { kind: 'idle', reason: "Pending: waits for the customer's information; step this order by id to resume it" };
    default:
      return { kind: 'idle', reason: `${state}: nothing for fulfillment to do` };
  }
}
