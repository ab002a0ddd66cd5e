import { processLead } from '../../../shared/leads/engine';
import { leadMachine } from '../../../shared/machines/lead.machine';
import { canSend, step } from '../../../shared/machines/transition';
import type { LeadDoc, RuleSetDoc } from '../../../shared/schemas';
import type { LeadStatus } from '../../../shared/schemas/lead.schema';

/** Whether the lead may be (re)processed now: the lead machine must accept `lead.process`. */
export function canProcessLead(lead: LeadDoc): boolean {
  return canSend(leadMachine, lead.status, { lead }, { type: 'lead.process', result: { qualified: false, trace: [] } });
}

/**
 * Runs the lead processing engine with the synced rule sets and sends the result through the
 * lead machine, which records it on the lead and decides the status (qualified -> inProgress).
 */
export function processLeadDoc(lead: LeadDoc, ruleSets: readonly RuleSetDoc[], now: string): LeadDoc {
  const result = processLead(lead, ruleSets);
  const next = step(leadMachine, lead.status, { lead }, { type: 'lead.process', result, at: now });
  return { ...next.context.lead, status: next.status as LeadStatus };
}

/** Whether the lead machine allows converting this lead (qualified and being worked by sales). */
export function canConvertLead(lead: LeadDoc): boolean {
  return canSend(leadMachine, lead.status, { lead }, { type: 'lead.convert' });
}
