import { isOwnedCollection } from '../../../../shared/schemas';
import { toWire, type StoredDoc } from './docs';
import { jsonEqual, type JsonObject } from '../json';
import { wireOf, withoutInternalFields, type PushRowInput, type SentDoc } from './pushInput';
import type { CollectionRules, RowContext, WritePlan } from './rules';
import { gateRow, refusedAnswer } from './statusGate';
import { conversionProblem, type ConversionSource } from './conversionGate';

export const FOREIGN_OWNER_REASON = 'This record belongs to another user';

/**
 * Fields the central system rewrites when it stores a push. The client keeps what it sent as
 * its assumed master until the next pull, so comparing these would turn every quick second
 * edit into a false conflict.
 */
const NORMALISED_FIELDS = ['owner', 'createdAt', 'syncPending', 'syncError'] as const;

function comparable(doc: JsonObject | undefined): JsonObject | undefined {
  if (!doc) return undefined;
  const copy: JsonObject = { ...doc };
  for (const field of NORMALISED_FIELDS) delete copy[field];
  return copy;
}

/**
 * The answer for a row that is not stored: the master with the reason, so the app keeps the
 * central version and the rep's text in its conflict copy; without a master (or when the master
 * is someone else's, which must not leak) the rep's own document, so nothing typed is lost.
 */
export function refusalOf(ctx: RowContext, sent: SentDoc, master: StoredDoc | undefined, reason: string): JsonObject {
  const foreign = master !== undefined && isOwnedCollection(ctx.collection) && master.owner !== ctx.user.id;
  const base = master && !foreign ? toWire(master) : wireOf(sent);
  return { ...base, syncError: { reason, at: ctx.now } };
}

/** The stored form of a pushed document: the central system owns the sync meta fields. */
function normalise(ctx: RowContext, row: PushRowInput, master: StoredDoc | undefined): WritePlan {
  const sent = row.newDocumentState;
  const data = withoutInternalFields(sent);
  if (isOwnedCollection(ctx.collection)) {
    data.owner = ctx.user.id;
    data.syncPending = false;
    delete data.syncError;
    const masterCreated = master?.data.createdAt;
    data.createdAt = typeof masterCreated === 'string' ? masterCreated : typeof data.createdAt === 'string' ? data.createdAt : ctx.now;
    if (typeof data.updatedAt !== 'string') data.updatedAt = ctx.now;
    if (data.conflictCopy !== undefined && typeof data.conflictCopy !== 'string') delete data.conflictCopy;
  }
  return { data, deleted: sent._deleted, problems: [] };
}

export type Judgement = { kind: 'answer'; response: JsonObject } | { kind: 'write'; plan: WritePlan };

/**
 * A pushed row judged in memory against its master: refusal of foreign records, conflict
 * detection against `assumedMasterState`, normalisation and the collection's pure checks.
 */
export function judgeRow(
  ctx: RowContext,
  row: PushRowInput,
  master: StoredDoc | undefined,
  rules: CollectionRules,
  source?: ConversionSource,
): Judgement {
  const sent = row.newDocumentState;
  // Every status change goes through the lifecycle machine and its role rules (statusGate.ts);
  // a lead conversion's account, contact and opportunity are checked against their lead (conversionGate.ts).
  const converted = source ? conversionProblem(ctx, sent.id, source) : undefined;
  const gate = converted !== undefined ? { ok: false as const, reason: converted } : gateRow(ctx, sent, master);
  const forOwner = gate?.ok === true && gate.asOwnersManager ? (gate.owner ?? master?.owner ?? undefined) : undefined;
  if (master && isOwnedCollection(ctx.collection) && master.owner !== ctx.user.id && forOwner === undefined) {
    // The owner's manager sees the record anyway, so they may read why; anyone else learns nothing about it.
    const manages = gate?.ok === false && ctx.actor.kind === 'user' && ctx.actor.manages(master.owner ?? '');
    return { kind: 'answer', response: refusalOf(ctx, sent, master, manages && gate?.ok === false ? gate.reason : FOREIGN_OWNER_REASON) };
  }
  // No master but an assumed one (e.g. a reset central database): nothing to conflict with, store it.
  const assumed = row.assumedMasterState ? wireOf(row.assumedMasterState) : undefined;
  if (master && !jsonEqual(comparable(toWire(master)), comparable(assumed))) {
    return { kind: 'answer', response: toWire(master) };
  }
  if (gate?.ok === false)
    return { kind: 'answer', response: refusedAnswer(ctx.collection, refusalOf(ctx, sent, master, gate.reason), master) };
  const plan = normalise(ctx, row, master);
  // A manager's decision on a rep's record stays the rep's record (or goes to the rep it was reassigned to).
  if (forOwner !== undefined) plan.data.owner = forOwner;
  if (rules.check && !plan.deleted) plan.problems.push(...rules.check(plan));
  return { kind: 'write', plan };
}

/** The document to write for a plan; problems are stored with the reason, for the rep to see. */
export function docOfPlan(
  ctx: RowContext,
  id: string,
  plan: WritePlan,
): { id: string; owner: string | null; deleted: boolean; data: JsonObject } {
  const data = plan.problems.length > 0 ? { ...plan.data, syncError: { reason: plan.problems.join('; '), at: ctx.now } } : plan.data;
  const owner = typeof plan.data.owner === 'string' ? plan.data.owner : ctx.user.id;
  return { id, owner: isOwnedCollection(ctx.collection) ? owner : null, deleted: plan.deleted, data };
}
