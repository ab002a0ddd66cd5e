/**
 * The lead's lifecycle actions on the laptop: each one the next document from the lead machine's
 * gate (sendLead) with the signed-in user as actor, so the screen stores only what the machine
 * allows, the same gate the central system replays on push.
 */
import { LEAD_REASON_MAX, sendLead } from '../../../shared/machines/lead.machine';
import { sendOrThrow, type Actor } from '../../../shared/machines/send';
import type { LeadDoc, RuleSetDoc } from '../../../shared/schemas';
import { canProcessLead, processLeadDoc } from './leadProcessing';

export type ClosingAction = 'disqualify' | 'close';

/** What is wrong with a typed reason, or null when it may be sent. */
export function reasonProblem(action: ClosingAction, reason: string): string | null {
  const text = reason.trim();
  if (text === '') return action === 'disqualify' ? 'Enter why the lead is disqualified' : 'Enter why the lead is closed';
  if (text.length > LEAD_REASON_MAX) return `Keep the reason under ${LEAD_REASON_MAX} characters (it has ${text.length})`;
  return null;
}

/** Disqualified (TMF699 rejected) or closed (cancelled), with the reason. */
export function closedLead(lead: LeadDoc, action: ClosingAction, reason: string, actor: Actor): LeadDoc {
  const type = action === 'disqualify' ? 'lead.reject' : 'lead.cancel';
  return sendOrThrow(sendLead(lead, { type, reason }, actor));
}

/** Reopened to acknowledged and, with rule sets at hand, processed at once (a qualified lead goes back to sales). */
export function reopenedLead(lead: LeadDoc, ruleSets: readonly RuleSetDoc[], now: string, actor: Actor): LeadDoc {
  const reopened = sendOrThrow(sendLead(lead, { type: 'lead.reopen' }, actor));
  return ruleSets.length > 0 && canProcessLead(reopened, actor) ? processLeadDoc(reopened, ruleSets, now, actor) : reopened;
}

export function reassignedLead(lead: LeadDoc, to: string, actor: Actor): LeadDoc {
  return sendOrThrow(sendLead(lead, { type: 'lead.reassign', to }, actor));
}

/**
 * The reps a manager may hand a lead to: the owners of the leads on the manager's laptop (the
 * central system only lets a manager pull their own reps' records), except the lead's owner.
 */
export function teamOf(leads: readonly Pick<LeadDoc, 'owner'>[], self: string, except: string): string[] {
  return [...new Set(leads.map((l) => l.owner))].filter((owner) => owner !== self && owner !== except).sort();
}

/**
 * A lead that arrived unprocessed (seeded, or received while the laptop had no rules) is
 * processed when opened by its owner, so Convert and the explanation mean something.
 */
export function needsProcessingOnOpen(lead: LeadDoc, ruleSets: readonly RuleSetDoc[], actor: Actor): boolean {
  return lead.processedAt === undefined && lead.qualified === undefined && ruleSets.length > 0 && canProcessLead(lead, actor);
}
