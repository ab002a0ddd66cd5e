import { mergeLeads, type MergeChoices, type MergeField } from '../../../shared/leads/dedup';
import type { Actor } from '../../../shared/machines/send';
import type { LeadDoc, RuleSetDoc } from '../../../shared/schemas';
import type { OutpostDatabase } from '../../data/database';
import { saveDocument } from '../../data/writes';
import { countryName } from './leadDisplay';
import { canProcessLead, processLeadDoc } from './leadProcessing';

/** A lead value as the lead screen shows it: "United States", "$60,000", "—" for none. */
export function mergeValueText(field: MergeField, value: string | number | undefined): string {
  if (value === undefined || value === '') return '—';
  if (field === 'purchaseAmount') return `$${Number(value).toLocaleString('en-US')}`;
  if (field === 'country') return countryName(String(value));
  return String(value);
}

/**
 * Stores a merge: the survivor with the chosen values (processed again with the synced rules, as
 * any edit) and, when it was stored, the merged lead closed into it. Both through the lead machine.
 */
export async function storeMerge(
  db: OutpostDatabase,
  survivor: LeadDoc,
  other: LeadDoc,
  choices: MergeChoices,
  actor: Actor,
  ruleSets: readonly RuleSetDoc[],
  otherStored: boolean,
): Promise<LeadDoc> {
  const now = new Date().toISOString();
  const merged = mergeLeads(survivor, other, choices, actor, now, { otherStored });
  const kept =
    ruleSets.length > 0 && canProcessLead(merged.survivor, actor) ? processLeadDoc(merged.survivor, ruleSets, now, actor) : merged.survivor;
  await saveDocument(db, 'leads', kept);
  if (merged.closed) await saveDocument(db, 'leads', merged.closed);
  return kept;
}
