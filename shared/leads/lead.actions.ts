/**
 * What the rep (or manager) may do with a lead now, and in words why not: the lead screen enables
 * each action only where the lead machine's gate (`sendLead`) accepts it for the signed-in actor,
 * and shows the reason beside a disabled one ("Not qualified: Budget status is missing (needs
 * Approved)"). The gate decides; this only puts its refusal into words.
 */
import type { LeadDoc, RuleSetDoc } from '../schemas';
import { probeLeadEvent, sendLead, type LeadEvent, type LeadEventType } from '../machines/lead.machine';
import type { Actor } from '../machines/send';
import { joinWords } from './conditionText';
import { explainLead, type LeadExplanation } from './explain';

export type LeadAction = 'convert' | 'edit' | 'process' | 'disqualify' | 'close' | 'reopen' | 'reassign' | 'infoProvided';

export const ACTION_EVENT: Record<LeadAction, LeadEventType> = {
  convert: 'lead.convert',
  edit: 'lead.update',
  process: 'lead.process',
  disqualify: 'lead.reject',
  close: 'lead.cancel',
  reopen: 'lead.reopen',
  reassign: 'lead.reassign',
  infoProvided: 'lead.infoProvided',
};

export type ActionState = { enabled: true } | { enabled: false; why: string };

const FINAL_WORDS: Partial<Record<string, string>> = {
  accepted: 'Converted: this lead is an opportunity now',
  rejected: 'Disqualified',
  cancelled: 'Closed',
};

/** "Disqualified" / "Closed" / "Converted" where TMF699 says rejected / cancelled / accepted. */
export function leadStatusText(status: string): string | undefined {
  return { accepted: 'Converted', rejected: 'Disqualified', cancelled: 'Closed' }[status];
}

/** Why the lead did not qualify, shortest first: the closest rule's failed conditions, or the guards that kept it out. */
export function notQualifiedReason(explanation: LeadExplanation): string {
  const q = explanation.qualification;
  const closest = [...q.rules]
    .filter((r) => !r.matched)
    .sort((a, b) => a.conditions.filter((c) => !c.held).length - b.conditions.filter((c) => !c.held).length)[0];
  const failed = closest
    ? closest.conditions.filter((c) => !c.held)
    : (q.sets.find((s) => !s.applies)?.guards.filter((g) => !g.held) ?? []);
  if (failed.length === 0) return q.summary;
  return `Not qualified: ${joinWords(
    failed.map((c) => c.failure),
    'and',
  )}`;
}

function closedWhy(lead: LeadDoc): string {
  const head = FINAL_WORDS[lead.status] ?? `The lead is ${lead.status}`;
  const reason = lead.statusChangeReason ? ` (${lead.statusChangeReason})` : '';
  return lead.status === 'accepted' ? head : `${head}${reason}: reopen it first`;
}

function convertWhy(lead: LeadDoc, ruleSets: readonly RuleSetDoc[]): string {
  if (lead.status === 'pending') return 'Waiting for information from the customer: mark the information as received first';
  if (lead.qualified === undefined) {
    return ruleSets.length === 0
      ? 'Not processed yet: the lead rules have not been downloaded'
      : 'Not processed yet: process the lead first';
  }
  if (lead.qualified === false) return notQualifiedReason(explainLead(lead, ruleSets));
  return 'Process the lead again to move it to sales';
}

/** Whether the action is allowed now for this actor, and if not, why, as the rep reads it. */
export function leadActionState(lead: LeadDoc, action: LeadAction, actor: Actor, ruleSets: readonly RuleSetDoc[]): ActionState {
  const event: LeadEvent = probeLeadEvent(ACTION_EVENT[action]);
  const sent = sendLead(lead, event, actor);
  if (sent.ok || (action === 'reassign' && sent.cause === 'role' && sent.reason.startsWith('a lead may be reassigned only'))) {
    if (action === 'process' && ruleSets.length === 0) return { enabled: false, why: 'The lead rules have not been downloaded yet' };
    return { enabled: true };
  }
  if (sent.cause === 'role') {
    if (action === 'reassign') return { enabled: false, why: 'Only a manager of its owner reassigns a lead' };
    return { enabled: false, why: `Only the lead's owner (${lead.owner}) does this` };
  }
  if (lead.status === 'accepted' || lead.status === 'rejected' || lead.status === 'cancelled') {
    return {
      enabled: false,
      why: action === 'reopen' && lead.status === 'accepted' ? 'A converted lead stays converted' : closedWhy(lead),
    };
  }
  if (action === 'convert') return { enabled: false, why: convertWhy(lead, ruleSets) };
  if (action === 'process' && lead.status === 'pending')
    return { enabled: false, why: 'Waiting for information: mark it as received first' };
  if (action === 'reopen') return { enabled: false, why: 'Only a disqualified or closed lead is reopened' };
  if (action === 'infoProvided') return { enabled: false, why: 'The lead is not waiting for information' };
  return { enabled: false, why: sent.reason };
}
