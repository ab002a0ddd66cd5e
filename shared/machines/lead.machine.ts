/**
 * TMF699 SalesLead lifecycle. Marketing qualification is the lead processing engine: a qualified
 * result moves the lead to inProgress (sales works it); an unqualified one leaves it acknowledged
 * so the rep can complete the lead and process it again. Converting makes it accepted (final).
 */
import { assign, setup } from 'xstate';
import type { LeadDoc } from '../schemas';
import type { LeadStatus } from '../schemas/lead.schema';
import type { LeadProcessingResult } from '../leads/engine';
import type { Editing } from './editing';
import { allowedEvents, send, type Actor, type Lifecycle, type Party, type Sent } from './send';

export interface LeadMachineContext {
  lead: LeadDoc;
}

export type LeadEvent =
  | { type: 'lead.process'; result: LeadProcessingResult; at?: string }
  | { type: 'lead.update'; changes?: Partial<LeadDoc> }
  | { type: 'lead.convert' }
  | { type: 'lead.reject'; reason?: string }
  | { type: 'lead.cancel'; reason?: string }
  | { type: 'lead.requestInfo'; reason?: string }
  | { type: 'lead.infoProvided' };

function withoutRating(lead: LeadDoc): LeadDoc {
  const { rating: _rating, channel: _channel, ...rest } = lead;
  return rest;
}

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
  },
  guards: {
    resultQualified: ({ event }) => event.type === 'lead.process' && event.result.qualified,
    leadQualified: ({ context }) => context.lead.qualified === true,
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
        'lead.cancel': { target: 'cancelled' },
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
        'lead.reject': { target: 'rejected' },
        'lead.requestInfo': { target: 'pending' },
      },
    },
    pending: {
      on: {
        'lead.infoProvided': { target: 'inProgress' },
        'lead.reject': { target: 'rejected' },
        'lead.update': { actions: 'applyChanges' },
      },
    },
    accepted: { type: 'final' },
    rejected: { type: 'final' },
    cancelled: { type: 'final' },
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
  'lead.requestInfo': ['owner'],
  'lead.infoProvided': ['owner'],
};

export const LEAD_EVENT_TYPES = Object.keys(LEAD_EVENT_RULES) as LeadEventType[];

const PROBES: LeadEvent[] = LEAD_EVENT_TYPES.map((type) =>
  type === 'lead.process' ? { type, result: { qualified: false, trace: [] } } : ({ type } as LeadEvent),
);

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
  writtenByEvents: ['qualified', 'rating', 'channel', 'processingTrace', 'processedAt', 'accountId', 'contactId', 'opportunityId'],
};

/** Whether this actor may change the lead's details now: an editable status and the machine accepts `lead.update` from them. */
export function canEditLeadDoc(lead: LeadDoc, actor: Actor): boolean {
  return (LEAD_EDITING.editableIn as readonly string[]).includes(lead.status) && canSendLead(lead, { type: 'lead.update' }, actor);
}
