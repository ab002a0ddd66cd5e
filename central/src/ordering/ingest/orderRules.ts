import type { OrderDoc } from '../../../../shared/schemas';
import { SYNC_META_FIELDS } from '../../../../shared/schemas/common';
import { ORDER_LOCAL_STATES } from '../../../../shared/schemas/order.schema';
import { validateOrder } from '../../../../shared/orders/order.validation';
import type { DocRef, StoredDoc } from '../../platform/sync/docs';
import type { SentDoc } from '../../platform/sync/pushInput';
import { ORDER_APPROVAL_POLICY_ID } from '../../../../shared/orders/orderPolicy';
import { jsonEqual, type JsonObject } from '../../platform/json';
import type { CollectionRules, RowContext, WritePlan } from '../../platform/sync/rules';
import { CENTRAL_ORDER_FIELDS, statusOf, writeOrderStatus } from '../productOrder/orderStatus';
import { findByExternalId, type StoredProductOrder } from '../productOrder/productOrderStore';
import { appDecisionOf, decisionProblem, keepDecision, runDecision } from './appDecisions';
import { ingestQueuedOrder } from './ingest';
import { refreshAttachmentNotes } from '../attachments/attachmentNotes';

function businessFields(data: JsonObject): JsonObject {
  const skip = new Set<string>([...SYNC_META_FIELDS, ...CENTRAL_ORDER_FIELDS]);
  return Object.fromEntries(Object.entries(data).filter(([key]) => !skip.has(key)));
}

/** The schema check at the door guarantees the shape; this names the type. */
function asOrder(data: JsonObject): OrderDoc {
  return data as unknown as OrderDoc;
}

const isLocalState = (status: unknown): boolean => (ORDER_LOCAL_STATES as readonly unknown[]).includes(status);

/**
 * Once a ProductOrder exists the central system owns the order: only sync bookkeeping may
 * change, and the fields the central system writes keep what it wrote (orderStatus.ts, after the write).
 */
function prepareSubmitted(plan: WritePlan, master: StoredDoc | undefined, submitted: StoredProductOrder): WritePlan {
  const order = submitted.order;
  const refusal = `This order was submitted as ProductOrder ${order.id} (${order.state}); it can no longer be changed or deleted from the app`;
  if (master && (plan.deleted || !jsonEqual(businessFields(plan.data), businessFields(master.data)))) {
    const kept = { ...master.data, owner: plan.data.owner, syncPending: false };
    return { data: kept, deleted: master.deleted, problems: [refusal] };
  }
  if (!master) return plan;
  const data: JsonObject = { ...plan.data };
  for (const field of CENTRAL_ORDER_FIELDS) {
    if (master.data[field] === undefined) delete data[field];
    else data[field] = master.data[field];
  }
  return { ...plan, data };
}

export function idTakenReason(id: string): string {
  return `The order id ${id} is already used by another party's ProductOrder; this order was not stored - queue it again as a new order`;
}

/** Judges a pushed order before it is stored; never sets the central system's fields. */
async function prepareOrder(ctx: RowContext, plan: WritePlan, master: StoredDoc | undefined): Promise<WritePlan> {
  const id = String(plan.data.id);
  const submitted = await findByExternalId(ctx.tx, id);
  // Another party's ProductOrder with this externalId (TMF622 POST answers 409 for it): never
  // hand its id, state and reason to this rep.
  // The owner's document, or the owner's manager deciding on it (the gate stored it for its owner).
  if (submitted && submitted.owner !== String(plan.data.owner)) return { ...plan, refusal: idTakenReason(id) };
  // A decision the status gate let through (the manager's approve or decline, the rep's cancellation request).
  const decision = submitted && master ? appDecisionOf(ctx, master, plan) : undefined;
  if (decision && submitted && master) {
    const problem = await decisionProblem(ctx, decision, submitted);
    return problem ? { ...plan, refusal: problem } : keepDecision(plan, master);
  }
  if (submitted) return prepareSubmitted(plan, master, submitted);
  const data: JsonObject = { ...plan.data };
  // Not submitted yet: the app cannot claim a TMF622 id, reason or approval.
  delete data.tmfOrderId;
  delete data.stateReason;
  delete data.approval;
  delete data.partialAcceptanceNoted;
  if (plan.deleted) return { ...plan, data };
  const status = String(data.status);
  if (!isLocalState(status)) {
    const problem = `Status "${status}" is set by the central system; submit the order by queueing it`;
    return { ...plan, data, problems: [problem] };
  }
  // A draft is work in progress; the submission rules apply from `validated` on.
  if (status !== 'draft') {
    const problems = validateOrder(asOrder(data)).map((issue) => issue.message);
    if (problems.length > 0) return { ...plan, data, problems };
  }
  return { ...plan, data };
}

/**
 * After a clean write: a queued order (or one submitted before) goes through the ingest, and its
 * document shows the outcome, written by orderStatus.ts like every other status change.
 */
async function ingestAfterWrite(ctx: RowContext, stored: StoredDoc, master: StoredDoc | undefined): Promise<StoredDoc[]> {
  if (stored.deleted) return [];
  const decision = master ? appDecisionOf(ctx, master, { data: stored.data }) : undefined;
  const decided = decision ? await runDecision(ctx, decision, stored) : [];
  // Not queued: only a ProductOrder from before (a TMF622 POST with this externalId) is shown.
  if (stored.data.status !== 'queued' && !(await findByExternalId(ctx.tx, stored.id))) return [];
  const ingested = decision ? undefined : await ingestQueuedOrder(ctx.tx, ctx.user, asOrder(stored.data), ctx.now);
  // Attachments that arrived before their order are listed on its ProductOrder now.
  if (ingested && ingested.changed.length > 0) await refreshAttachmentNotes(ctx.tx, stored.id);
  const status = ingested?.status ?? (await currentStatus(ctx, stored.id));
  return [...decided, ...(ingested?.changed ?? []), ...(await writeOrderStatus(ctx.tx, stored.id, stored.owner ?? ctx.user.id, status))];
}

async function currentStatus(ctx: RowContext, id: string) {
  const submitted = await findByExternalId(ctx.tx, id);
  if (!submitted) throw new Error(`Order ${id} has no ProductOrder after a decision on it`);
  return statusOf(submitted.order);
}

/** What the ingest of queued orders reads (account, offerings, approval policy), read with the masters. */
function readsAlong(sent: readonly SentDoc[]): DocRef[] {
  const queued = sent.filter((doc) => !doc._deleted && doc.status === 'queued').map(asOrder);
  if (queued.length === 0) return [];
  return [
    { collection: 'policies', id: ORDER_APPROVAL_POLICY_ID },
    ...queued.flatMap((order): DocRef[] => [
      { collection: 'accounts', id: order.accountId },
      ...order.items.map((line): DocRef => ({ collection: 'offerings', id: line.offeringId })),
    ]),
  ];
}

/**
 * A push of new orders runs without the write lock until it draws its seqs (deferWriteLock): a
 * new order's ingest writes only new rows, and takes the write lock itself where it reads what
 * other writers change (a supplement's original, an account still missing, a hold).
 */
export const orderRules: CollectionRules = { prepare: prepareOrder, afterWrite: ingestAfterWrite, deferWriteLock: true, readsAlong };
