/**
 * Merging two leads the rep confirmed are the same: field by field the rep picks which value the
 * survivor keeps. Nothing is lost: the survivor's `mergeHistory` keeps every value of the merged
 * lead, which ones it took and its own values they replaced; a stored merged lead is not deleted
 * but closed (cancelled, TMF699 statusChangeReason "Merged into lead ...") with `mergedIntoId`.
 * Both changes go through the lead machine's gate (lead.update, lead.cancel), as the central
 * status gate judges them when they are pushed.
 */
import { sendLead } from '../../machines/lead.machine';
import { sendOrThrow, type Actor } from '../../machines/send';
import type { LeadDoc } from '../../schemas';

/** The lead fields a merge may take from either side. */
export const MERGE_FIELDS = [
  'company',
  'contactName',
  'email',
  'phone',
  'country',
  'productCategory',
  'purchaseTimeframe',
  'purchaseAmount',
  'budgetStatus',
  'source',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
/** For each field, which side's value the survivor keeps (unnamed fields: the survivor's own). */
export type MergeChoices = Partial<Record<MergeField, 'survivor' | 'other'>>;
export type MergeEntry = NonNullable<LeadDoc['mergeHistory']>[number];
type MergeValues = MergeEntry['values'];

/** The fields whose values differ: the ones the rep has to choose between. */
export function differingFields(survivor: LeadDoc, other: LeadDoc): MergeField[] {
  return MERGE_FIELDS.filter((field) => (survivor[field] ?? '') !== (other[field] ?? ''));
}

function valuesOf(lead: LeadDoc, fields: readonly MergeField[]): MergeValues {
  const values: MergeValues = {};
  for (const field of fields) if (lead[field] !== undefined) Object.assign(values, { [field]: lead[field] });
  return values;
}

export interface MergeOptions {
  /**
   * False when `other` was never stored (a lead typed in the form and merged before saving): it is
   * kept in the survivor's history only, and there is nothing to close.
   */
  otherStored?: boolean;
}

export function mergeLeads(
  survivor: LeadDoc,
  other: LeadDoc,
  choices: MergeChoices,
  actor: Actor,
  now: string,
  { otherStored = true }: MergeOptions = {},
): { survivor: LeadDoc; closed: LeadDoc | null } {
  if (survivor.id === other.id) throw new Error('A lead cannot be merged into itself');
  // Only a value that differs and exists is taken: choosing "other" for an empty field keeps the survivor's.
  const taken = differingFields(survivor, other).filter((field) => choices[field] === 'other' && other[field] !== undefined);
  const changes = valuesOf(other, taken) as Partial<LeadDoc>;
  const entry: MergeEntry = {
    leadId: other.id,
    mergedAt: now,
    ...(actor.kind === 'user' ? { mergedBy: actor.id } : {}),
    taken: [...taken],
    values: valuesOf(other, MERGE_FIELDS),
    replaced: valuesOf(survivor, taken),
  };
  const updated = sendOrThrow(sendLead(survivor, { type: 'lead.update', changes }, actor));
  const merged: LeadDoc = { ...updated, mergeHistory: [...(survivor.mergeHistory ?? []), entry], updatedAt: now, syncPending: true };
  if (!otherStored) return { survivor: merged, closed: null };
  const reason = `Merged into lead ${merged.company} (${survivor.id})`;
  const closed = sendOrThrow(sendLead(other, { type: 'lead.cancel', reason }, actor));
  return { survivor: merged, closed: { ...closed, mergedIntoId: survivor.id, updatedAt: now, syncPending: true } };
}
