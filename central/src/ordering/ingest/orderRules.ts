import type { OrderDoc } from '../../../../shared/schemas';
import { SYNC_META_FIELDS } from '../../../../shared/schemas/common';
import { ORDER_LOCAL_STATES } from '../../../../shared/schemas/order.schema';
import { validateOrder } from '../../../../shared/orders/order.validation';
import type { StoredDoc } from '../../platform/sync/docs';
import { jsonEqual, type JsonObject } from '../../platform/json';
import type { CollectionRules, RowContext, WritePlan } from '../../platform/sync/rules';
import { findByExternalId, type StoredProductOrder } from '../productOrder/productOrderStore';
import { stateReasonOf } from './productOrderFromOrder';
import { ingestQueuedOrder, type IngestOutcome } from './ingest';

/** Order fields only the central system writes once the order is submitted. */
const CENTRAL_FIELDS = ['status', 'tmfOrderId', 'stateReason'] as const;

function businessFields(data: JsonObject): JsonObject {
  const skip = new Set<string>([...SYNC_META_FIELDS, ...CENTRAL_FIELDS]);
  return Object.fromEntries(Object.entries(data).filter(([key]) => !skip.has(key)));
}

/** The schema check at the door guarantees the shape; this names the type. */
function asOrder(data: JsonObject): OrderDoc {
  return data as unknown as OrderDoc;
}

export function applyOutcome(data: JsonObject, outcome: IngestOutcome): JsonObject {
  const next: JsonObject = { ...data };
  if (outcome.kind === 'waiting') {
    next.status = 'queued';
    next.stateReason = outcome.reason;
    delete next.tmfOrderId;
  } else {
    next.status = outcome.state;
    next.tmfOrderId = outcome.tmfOrderId;
    if (outcome.reason) next.stateReason = outcome.reason;
    else delete next.stateReason;
  }
  return next;
}

/** Once a ProductOrder exists the central system owns the order: only sync bookkeeping may change. */
function prepareSubmitted(plan: WritePlan, master: StoredDoc | undefined, submitted: StoredProductOrder): WritePlan {
  const order = submitted.order;
  const refusal = `This order was submitted as ProductOrder ${order.id} (${order.state}); it can no longer be changed or deleted from the app`;
  if (master && (plan.deleted || !jsonEqual(businessFields(plan.data), businessFields(master.data)))) {
    const kept = { ...master.data, owner: plan.data.owner, syncPending: false };
    return { data: kept, deleted: master.deleted, problems: [refusal] };
  }
  const outcome: IngestOutcome = { kind: 'ingested', state: order.state, tmfOrderId: order.id, reason: stateReasonOf(order) };
  return { ...plan, data: applyOutcome(plan.data, outcome) };
}

export function idTakenReason(id: string): string {
  return `The order id ${id} is already used by another party's ProductOrder; this order was not stored - queue it again as a new order`;
}

async function prepareOrder(ctx: RowContext, plan: WritePlan, master: StoredDoc | undefined): Promise<WritePlan> {
  const id = String(plan.data.id);
  const submitted = await findByExternalId(ctx.tx, id);
  // Another party's ProductOrder with this externalId (TMF622 POST answers 409 for it): never
  // hand its id, state and reason to this rep.
  if (submitted && submitted.owner !== ctx.user.id) return { ...plan, refusal: idTakenReason(id) };
  if (submitted) return prepareSubmitted(plan, master, submitted);

  const data: JsonObject = { ...plan.data };
  // Not submitted yet: the app cannot claim a TMF622 id or reason.
  delete data.tmfOrderId;
  delete data.stateReason;
  if (plan.deleted) return { ...plan, data };

  const status = String(data.status);
  if (!(ORDER_LOCAL_STATES as readonly string[]).includes(status)) {
    const problem = `Status "${status}" is set by the central system; submit the order by queueing it`;
    return { ...plan, data, problems: [problem] };
  }
  // A draft is work in progress; the submission rules apply from `validated` on.
  if (status !== 'draft') {
    const problems = validateOrder(asOrder(data)).map((issue) => issue.message);
    if (problems.length > 0) return { ...plan, data, problems };
  }
  if (status !== 'queued') return { ...plan, data };
  const outcome = await ingestQueuedOrder(ctx.tx, ctx.user, asOrder(data), ctx.now);
  return { ...plan, data: applyOutcome(data, outcome) };
}

export const orderRules: CollectionRules = { prepare: prepareOrder };
