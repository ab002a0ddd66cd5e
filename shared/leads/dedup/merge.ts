/**
 * Merging two leads the rep confirmed are the same: field by field the rep picks which value the
 * survivor keeps; the other lead is closed (cancelled) with a reason naming the survivor. Both
 * changes go through the lead machine's gate (lead.update, lead.cancel), as the central status
 * gate judges them when they are pushed.
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

/** The fields whose values differ: the ones the rep has to choose between. */
export function differingFields(survivor: LeadDoc, other: LeadDoc): MergeField[] {
  return MERGE_FIELDS.filter((field) => (survivor[field] ?? '') !== (other[field] ?? ''));
}

export function mergeLeads(
  survivor: LeadDoc,
  other: LeadDoc,
  choices: MergeChoices,
  actor: Actor,
  now: string,
): { survivor: LeadDoc; closed: LeadDoc } {
  const changes: Partial<LeadDoc> = {};
  for (const field of MERGE_FIELDS) {
    if (choices[field] !== 'other') continue;
    const value = other[field];
    if (value !== undefined) Object.assign(changes, { [field]: value });
  }
  const updated = sendOrThrow(sendLead(survivor, { type: 'lead.update', changes }, actor));
  const reason = `Merged into lead ${survivor.company} (${survivor.id})`;
  const closed = sendOrThrow(sendLead(other, { type: 'lead.cancel', reason }, actor));
  return {
    survivor: { ...updated, updatedAt: now, syncPending: true },
    closed: { ...closed, updatedAt: now, syncPending: true },
  };
}
