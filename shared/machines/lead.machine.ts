/**
 * TMF699 SalesLead lifecycle. Marketing qualification is the lead processing engine: a qualified
 * result moves the lead to inProgress (sales works it); an unqualified one leaves it acknowledged
 * so the rep can complete the lead and process it again. Converting makes it accepted (final).
 *
 * Beyond TMF699's diagram (which draws only acknowledged -> cancelled and inProgress | pending ->
 * rejected, and no way out of either), a rep disqualifies (rejected) or closes (cancelled) any
 * open lead, always with a reason, and may reopen a disqualified or closed one: it goes back to
 * acknowledged, to be processed again. Converted (accepted) stays final. A manager reassigns an
 * open lead of one of their reps to another of their reps; the status does not change.
 */
import { assign, setup } from 'xstate';
import type { LeadDoc } from '../schemas';
import type { LeadStatus } from '../schemas/lead.schema';
import type { LeadProcessingResult } from '../leads/engine';
import type { Editing } from './editing';
import { actorName, allowedEvents, send, type Actor, type Lifecycle, type Party, type Sent } from './send';

export interface LeadMachineContext {
  lead: LeadDoc;
}

export type LeadEvent =
  | { type: 'lead.process'; result: LeadProcessingResult; at?: string }
  | { type: 'lead.update'; changes?: Partial<LeadDoc> }
  | { type: 'lead.convert' }
  | { type: 'lead.reject'; reason: string }
  | { type: 'lead.cancel'; reason: string }
  | { type: 'lead.reopen'; reason?: string }
  | { type: 'lead.reassign'; to: string }
  | { type: 'lead.requestInfo'; reason?: string }
  | { type: 'lead.infoProvided' };

/** The longest reason kept: a sentence or two, as TMF699's statusChangeReason. */
export const LEAD_REASON_MAX = 500;

function reasonOf(event: LeadEvent): string | undefined {
  if (event.type !== 'lead.reject' && event.type !== 'lead.cancel' && event.type !== 'lead.reopen') return undefined;
  const reason = typeof event.reason === 'string' ? event.reason.trim() : '';
  return reason === '' ? undefined : reason;
}

/** A new result replaces the old one whole: what it leaves out (no rating, no versions) is gone. */
function withoutRating(lead: LeadDoc): LeadDoc {
  const { rating: _rating, channel: _channel, ruleSetVersions: _versions, ...rest } = lead;
  return rest;
}

/** What every open status accepts: disqualify, close (each with a reason), reassign. */
const CLOSE = {
  'lead.reject': { guard: 'hasReason', target: 'rejected', actions: 'recordReason' },
  'lead.cancel': { guard: 'hasReason', target: 'cancelled', actions: 'recordReason' },
  'lead.reassign': { guard: 'otherOwner', actions: 'reassign' },
} as const;

const REOPEN = { 'lead.reopen': { guard: 'reopenReasonFits', target: 'acknowledged', actions: 'recordReason' } } as const;

export const leadMachine = setup({
  types: {
    context: {} as LeadMachineContext,
    events: {} as LeadEvent,
    input: {} as LeadMachineContext,
  },
  actions: {
    recordResult: assign(({ context, event }) => {
      if (event.type !== 'lead.process') return {};
      const { result } = event;
      const lead: LeadDoc = {
        ...withoutRating(context.lead),
        qualified: result.qualified,
        ...(result.rating === undefined ? {} : { rating: result.rating }),
        ...(result.channel === undefined ? {} : { channel: result.channel }),
        processingTrace: [...result.trace],
        ...(result.ruleSetVersions === undefined ? {} : { ruleSetVersions: result.ruleSetVersions.map((v) => ({ ...v })) }),
        ...(event.at === undefined ? {} : { processedAt: event.at }),
      };
      return { lead };
    }),
    applyChanges: assign(({ context, event }) => {
      if (event.type !== 'lead.update' || event.changes === undefined) return {};
      // The status only ever changes through an event, never through an edit.
      const { status: _status, ...changes } = event.changes;
      return { lead: { ...context.lead, ...changes } };
    }),
    recordReason: assign(({ context, event }) => {
      const { statusChangeReason: _previous, ...lead } = context.lead;
      const reason = reasonOf(event);
      return { lead: reason === undefined ? lead : { ...lead, statusChangeReason: reason } };
    }),
    reassign: assign(({ context, event }) => (event.type === 'lead.reassign' ? { lead: { ...context.lead, owner: event.to } } : {})),
  },
  guards: {
    resultQualified: ({ event }) => event.type === 'lead.process' && event.result.qualified,
    leadQualified: ({ context }) => context.lead.qualified === true,
    hasReason: ({ event }) => {
      const reason = reasonOf(event);
      return reason !== undefined && reason.length <= LEAD_REASON_MAX;
    },
    reopenReasonFits: ({ event }) => (reasonOf(event)?.length ?? 0) <= LEAD_REASON_MAX,
    // Typed, but events also come from replays and tests: a missing target is no target.
    otherOwner: ({ context, event }) =>
      event.type === 'lead.reassign' && typeof event.to === 'string' && event.to.trim() !== '' && event.to !== context.lead.owner,
  },
}).createMachine({
  id: 'lead',
  context: ({ input }) => input,
  initial: 'acknowledged',
  states: {
    acknowledged: {
      on: {
        'lead.process': [{ guard: 'resultQualified', target: 'inProgress', actions: 'recordResult' }, { actions: 'recordResult' }],
        'lead.update': { actions: 'applyChanges' },
        ...CLOSE,
      },
    },
    inProgress: {
      on: {
        'lead.process': [
          { guard: 'resultQualified', actions: 'recordResult' },
          // Edits made it unqualified: back to marketing's side of the lifecycle.
          { target: 'acknowledged', actions: 'recordResult' },
        ],
        'lead.update': { actions: 'applyChanges' },
        'lead.convert': { guard: 'leadQualified', target: 'accepted' },
        'lead.requestInfo': { target: 'pending' },
        ...CLOSE,
      },
    },
    pending: {
      on: {
        'lead.infoProvided': { target: 'inProgress' },
        'lead.update': { actions: 'applyChanges' },
        ...CLOSE,
      },
    },
    accepted: { type: 'final' },
    // Not final, unlike TMF699: a disqualified or closed lead may be reopened (see the top).
    rejected: { on: REOPEN },
    cancelled: { on: REOPEN },
  },
});

export type LeadEventType = LeadEvent['type'];

/**
 * Who may send each event: a lead is its owner's work. The central system processes leads it
 * receives through TMF699 (salesLeadProcessing.ts) with the same engine and machine.
 */
export const LEAD_EVENT_RULES: Readonly<Record<LeadEventType, readonly Party[]>> = {
  'lead.process': ['owner', 'system'],
  'lead.update': ['owner'],
  'lead.convert': ['owner'],
  'lead.reject': ['owner'],
  'lead.cancel': ['owner'],
  'lead.reopen': ['owner'],
  // And only to another rep of the same manager: sendLead checks the target.
  'lead.reassign': ['ownersManager'],
  'lead.requestInfo': ['owner'],
  'lead.infoProvided': ['owner'],
};

export const LEAD_EVENT_TYPES = Object.keys(LEAD_EVENT_RULES) as LeadEventType[];

/** One event of each type, with the payload its guards need, to ask which are allowed now. */
export function probeLeadEvent(type: LeadEventType): LeadEvent {
  switch (type) {
    case 'lead.process':
      return { type, result: { qualified: false, trace: [] } };
    case 'lead.reject':
    case 'lead.cancel':
      return { type, reason: 'probe' };
    case 'lead.reassign':
      return { type, to: '\u0000another owner' };
    default:
      return { type } as LeadEvent;
  }
}

const PROBES: LeadEvent[] = LEAD_EVENT_TYPES.map(probeLeadEvent);

export const leadLifecycle: Lifecycle<typeof leadMachine, LeadDoc> = {
  machine: leadMachine,
  rules: LEAD_EVENT_RULES,
  probes: PROBES,
  contextOf: (lead) => ({ lead }),
  docOf: (context) => context.lead,
};

/** The lead after the event (status and changes applied), or why this actor may not send it now. */
export function sendLead(lead: LeadDoc, event: LeadEvent, actor: Actor): Sent<LeadDoc, LeadEventType> {
  const result = send(leadLifecycle, lead, event, actor);
  // The role rules name who may send it (a manager of the owner); the target must be theirs too.
  if (result.ok && event.type === 'lead.reassign' && (actor.kind !== 'user' || !actor.manages(event.to))) {
    return {
      ok: false,
      cause: 'role',
      allowed: allowedLeadEvents(lead, actor),
      reason: `a lead may be reassigned only to a rep of the same manager; ${event.to} is not one of ${actorName(actor)}'s reps`,
    };
  }
  return result.ok ? { ok: true, doc: { ...result.doc, status: result.doc.status as LeadStatus } } : result;
}

export function canSendLead(lead: LeadDoc, event: LeadEvent, actor: Actor): boolean {
  return sendLead(lead, event, actor).ok;
}

export function allowedLeadEvents(lead: LeadDoc, actor: Actor): LeadEventType[] {
  return allowedEvents(leadLifecycle, lead, actor);
}

/** A lead's details change while it is open (the machine accepts `lead.update`); a closed lead keeps what it said. */
export const LEAD_EDITING: Editing<LeadStatus> = {
  noun: 'Lead',
  editableIn: ['acknowledged', 'inProgress', 'pending'],
  instead: {
    accepted: 'it was converted; change its account, contact or opportunity instead',
    rejected: 'it is closed; capture a new lead',
    cancelled: 'it is closed; capture a new lead',
  },
  writtenByEvents: [
    'qualified',
    'rating',
    'channel',
    'processingTrace',
    'processedAt',
    'ruleSetVersions',
    'accountId',
    'contactId',
    'opportunityId',
  ],
};

/** Whether this actor may change the lead's details now: an editable status and the machine accepts `lead.update` from them. */
export function canEditLeadDoc(lead: LeadDoc, actor: Actor): boolean {
  return (LEAD_EDITING.editableIn as readonly string[]).includes(lead.status) && canSendLead(lead, { type: 'lead.update' }, actor);
}
