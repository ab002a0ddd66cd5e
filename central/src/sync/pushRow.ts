import { isOwnedCollection } from '../../../shared/schemas';
import { takeWriteLock } from '../db/db';
import { loadDoc, toWire, writeDoc, type StoredDoc } from './docs';
import { jsonEqual, type JsonObject } from './json';
import { wireOf, withoutInternalFields, type PushRowInput } from './pushInput';
import type { CollectionRules, RowContext, WritePlan } from './rules';

export interface RowResult {
  /** Master state to return to the client (conflict or refusal); undefined when stored as sent. */
  response?: JsonObject;
  /** Every document this row stored, for change events after commit. */
  stored: StoredDoc[];
}

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

/**
 * One pushed row, in its own transaction: refusal of foreign records, conflict detection
 * against `assumedMasterState`, normalisation, validation and the collection's side effects.
 */
export async function applyPushRow(ctx: RowContext, row: PushRowInput, rules: CollectionRules): Promise<RowResult> {
  // Taken before reading the master, so the read-compare-write below cannot interleave.
  await takeWriteLock(ctx.tx);
  const sent = row.newDocumentState;
  const master = await loadDoc(ctx.tx, ctx.collection, sent.id);

  if (master && isOwnedCollection(ctx.collection) && master.owner !== ctx.user.id) {
    return { response: { ...wireOf(sent), syncError: { reason: FOREIGN_OWNER_REASON, at: ctx.now } }, stored: [] };
  }
  // No master but an assumed one (e.g. a reset central database): nothing to conflict with, store it.
  const assumed = row.assumedMasterState ? wireOf(row.assumedMasterState) : undefined;
  if (master && !jsonEqual(comparable(toWire(master)), comparable(assumed))) {
    return { response: toWire(master), stored: [] };
  }

  let plan = normalise(ctx, row, master);
  if (rules.prepare) plan = await rules.prepare(ctx, plan, master);
  if (plan.problems.length > 0) plan.data.syncError = { reason: plan.problems.join('; '), at: ctx.now };

  const stored = await writeDoc(ctx.tx, {
    collection: ctx.collection,
    id: sent.id,
    owner: isOwnedCollection(ctx.collection) ? ctx.user.id : null,
    deleted: plan.deleted,
    data: plan.data,
  });
  if (plan.problems.length > 0) return { response: toWire(stored), stored: [stored] };
  const followUps = rules.afterWrite ? await rules.afterWrite(ctx, stored, master) : [];
  return { stored: [stored, ...followUps] };
}
