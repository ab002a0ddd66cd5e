import { processLeadWithVersions } from '../../../shared/leads/engine';
import { canEditLeadDoc, canSendLead, sendLead } from '../../../shared/machines/lead.machine';
import { ownerOf, sendOrThrow, type Actor } from '../../../shared/machines/send';
import type { LeadDoc, RuleSetDoc } from '../../../shared/schemas';

/** Whether the lead may be (re)processed now: the lead machine must accept `lead.process`. */
export function canProcessLead(lead: LeadDoc, actor: Actor = ownerOf(lead)): boolean {
  return canSendLead(lead, { type: 'lead.process', result: { qualified: false, trace: [] } }, actor);
}

/**
 * Runs the lead processing engine with the synced rule sets and sends the result through the
 * lead machine, which records it on the lead and decides the status (qualified -> inProgress).
 */
export function processLeadDoc(lead: LeadDoc, ruleSets: readonly RuleSetDoc[], now: string, actor: Actor = ownerOf(lead)): LeadDoc {
  const result = processLeadWithVersions(lead, ruleSets);
  return sendOrThrow(sendLead(lead, { type: 'lead.process', result, at: now }, actor));
}

/** Whether the lead machine allows converting this lead (qualified and being worked by sales). */
export function canConvertLead(lead: LeadDoc, actor: Actor = ownerOf(lead)): boolean {
  return canSendLead(lead, { type: 'lead.convert' }, actor);
}

/** Whether the lead's details may be edited: an open status (LEAD_EDITING) and the machine accepts `lead.update`. */
export function canEditLead(lead: LeadDoc, actor: Actor = ownerOf(lead)): boolean {
  return canEditLeadDoc(lead, actor);
}
