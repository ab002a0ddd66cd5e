/**
 * TMF648 Quote lifecycle. A submitted quote is approved at once when it is within the rep's
 * authority, otherwise it waits in pending for a manager. Only an approved quote can be put to
 * the customer (accepted or rejected); a rejected quote is renegotiated as a new version (a new
 * document), not by a transition.
 */
import { and, assign, setup } from 'xstate';
import type { QuoteDoc } from '../schemas';
import type { QuoteStatus } from '../schemas/quote.schema';
import {
  APPROVERS,
  approverText,
  authorityOf,
  covers,
  DEFAULT_DISCOUNT_POLICY,
  discountDecision,
  type Approver,
  type DiscountPolicy,
} from '../quotes/discountPolicy';
import type { Editing } from './editing';
import { actorName, allowedEvents, send, type Actor, type Lifecycle, type Party, type Sent } from './send';

export interface QuoteMachineContext {
  quote: QuoteDoc;
  /** The version that supersedes this one (shared/quotes/quoteVersions.ts); absent on the latest version. */
  laterVersion?: number;
  /** The discount policy the decision is made with (the synced one; the central system's own on push). */
  policy?: DiscountPolicy;
}

/**
 * What the machine is told beside the quote: its other versions (versionFacts) and the discount
 * policy in force (none given: DEFAULT_DISCOUNT_POLICY).
 */
export interface QuoteVersionFacts {
  laterVersion?: number;
  policy?: DiscountPolicy;
}

export type QuoteEvent =
  | { type: 'quote.update'; changes?: Partial<QuoteDoc> }
  | { type: 'quote.submit' }
  | { type: 'quote.approve' }
  | { type: 'quote.rework' }
  | { type: 'quote.accept'; at?: string }
  | { type: 'quote.decline' }
  | { type: 'quote.reopen' }
  | { type: 'quote.cancel' };

/**
 * A rep's own approval authority, in minor units of the quote's currency per month. A stand-in
 * until discount authority exists (a later issue): the smallest honest rule that needs a
 * manager, so a large monthly commitment waits in pending for the rep's manager.
 */
export const REP_MONTHLY_AUTHORITY = 500_000;

/**
 * Who must approve the quote: the discount policy's approver for its deepest discount, and at
 * least the rep's manager when a line is not from the catalog or the monthly total is above the
 * rep's authority.
 */
export function requiredApprover(quote: QuoteDoc, policy: DiscountPolicy = DEFAULT_DISCOUNT_POLICY): Approver {
  const priced = quote.items.every((item) => typeof item.offeringId === 'string' && item.offeringId !== '');
  const byTotal: Approver = priced && quote.totals.recurring <= REP_MONTHLY_AUTHORITY ? 'rep' : 'manager';
  const byDiscount = discountDecision(quote, policy).approver;
  return APPROVERS.indexOf(byDiscount) > APPROVERS.indexOf(byTotal) ? byDiscount : byTotal;
}

/** Approved at once when the rep may decide it alone (requiredApprover). */
export function withinAutoApproval(quote: QuoteDoc, policy?: DiscountPolicy): boolean {
  return requiredApprover(quote, policy) === 'rep';
}

/** Why this actor may not decide (approve or send back) the pending quote although they manage its owner. */
function approvalRefusal(quote: QuoteDoc, actor: Actor, policy: DiscountPolicy | undefined): string | undefined {
  const needed = requiredApprover(quote, policy);
  const authority = authorityOf(actor, quote.owner);
  if (authority !== undefined && covers(authority, needed)) return undefined;
  const decision = discountDecision(quote, policy ?? DEFAULT_DISCOUNT_POLICY);
  const why = decision.approver === needed && decision.depth > 0 ? decision.text : `it needs ${approverText(needed)}`;
  return `quote ${quote.id} must be decided by ${approverText(needed)} (${why}), not by ${actorName(actor)}`;
}

export const quoteMachine = setup({
  types: {
    context: {} as QuoteMachineContext,
    events: {} as QuoteEvent,
    input: {} as QuoteMachineContext,
  },
  actions: {
    applyChanges: assign(({ context, event }) => {
      if (event.type !== 'quote.update' || event.changes === undefined) return {};
      const { status: _status, ...changes } = event.changes;
      return { quote: { ...context.quote, ...changes } };
    }),
    // A reopened quote's approval no longer holds: it is decided again when resubmitted.
    forgetDecision: assign(({ context }) => {
      const { approvalDecision: _decision, ...quote } = context.quote;
      return { quote };
    }),
    recordAcceptance: assign(({ context, event }) => {
      if (event.type !== 'quote.accept' || event.at === undefined) return {};
      return { quote: { ...context.quote, acceptedAt: event.at } };
    }),
  },
  guards: {
    // An empty quote has nothing to approve or order.
    hasLines: ({ context }) => context.quote.items.length > 0,
    withinAutoApproval: ({ context }) => withinAutoApproval(context.quote, context.policy),
    // Only the latest version is edited or put to the customer; older ones stay as they were.
    isLatest: ({ context }) => context.laterVersion === undefined,
  },
}).createMachine({
  id: 'quote',
  context: ({ input }) => input,
  initial: 'inProgress',
  states: {
    inProgress: {
      on: {
        'quote.update': { guard: 'isLatest', actions: 'applyChanges' },
        'quote.submit': [
          { guard: and(['hasLines', 'withinAutoApproval']), target: 'approved' },
          { guard: 'hasLines', target: 'pending' },
        ],
        'quote.cancel': { target: 'cancelled' },
      },
    },
    pending: {
      on: {
        'quote.approve': { target: 'approved' },
        'quote.rework': { target: 'inProgress' },
        'quote.cancel': { target: 'cancelled' },
      },
    },
    approved: {
      on: {
        'quote.accept': { guard: 'isLatest', target: 'accepted', actions: 'recordAcceptance' },
        'quote.decline': { target: 'rejected' },
        // To change a line of an approved quote the rep reopens it; it must then be approved again.
        'quote.reopen': { guard: 'isLatest', target: 'inProgress', actions: 'forgetDecision' },
      },
    },
    accepted: { type: 'final' },
    rejected: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type QuoteEventType = QuoteEvent['type'];

/**
 * Who may send each event. Approving or sending back a pending quote is a manager's decision
 * about a rep's quote, so never the owner's; everything else is the owner's own work.
 */
export const QUOTE_EVENT_RULES: Readonly<Record<QuoteEventType, readonly Party[]>> = {
  'quote.update': ['owner'],
  'quote.submit': ['owner'],
  'quote.approve': ['ownersManager'],
  'quote.rework': ['ownersManager'],
  'quote.accept': ['owner'],
  'quote.decline': ['owner'],
  'quote.reopen': ['owner'],
  'quote.cancel': ['owner'],
};

export const QUOTE_EVENT_TYPES = Object.keys(QUOTE_EVENT_RULES) as QuoteEventType[];

export const quoteLifecycle: Lifecycle<typeof quoteMachine, QuoteDoc, QuoteVersionFacts> = {
  machine: quoteMachine,
  rules: QUOTE_EVENT_RULES,
  probes: QUOTE_EVENT_TYPES.map((type) => ({ type }) as QuoteEvent),
  contextOf: (quote, facts) => ({
    quote,
    ...(facts?.laterVersion === undefined ? {} : { laterVersion: facts.laterVersion }),
    ...(facts?.policy === undefined ? {} : { policy: facts.policy }),
  }),
  docOf: (context) => context.quote,
  // A manager decides only the discounts within their authority (the discount policy).
  authorize: (quote, event, actor, facts) =>
    event.type === 'quote.approve' || event.type === 'quote.rework' ? approvalRefusal(quote, actor, facts?.policy) : undefined,
};

/**
 * The quote after the event (status and changes applied), or why this actor may not send it now.
 * `versions`: what is known about the quote's other versions (none known = the latest).
 */
export function sendQuote(quote: QuoteDoc, event: QuoteEvent, actor: Actor, versions?: QuoteVersionFacts): Sent<QuoteDoc, QuoteEventType> {
  const result = send(quoteLifecycle, quote, event, actor, versions);
  if (!result.ok && versions?.laterVersion !== undefined && result.cause === 'machine') {
    const superseded = `version ${quote.version} is superseded by version ${versions.laterVersion}: only the latest version can be edited or accepted`;
    if (event.type === 'quote.accept' || event.type === 'quote.update') return { ...result, reason: `${result.reason} (${superseded})` };
  }
  return result.ok ? { ok: true, doc: { ...result.doc, status: result.doc.status as QuoteStatus } } : result;
}

export function canSendQuote(quote: QuoteDoc, event: QuoteEvent, actor: Actor, versions?: QuoteVersionFacts): boolean {
  return sendQuote(quote, event, actor, versions).ok;
}

export function allowedQuoteEvents(quote: QuoteDoc, actor: Actor, versions?: QuoteVersionFacts): QuoteEventType[] {
  return allowedEvents(quoteLifecycle, quote, actor, versions);
}

/** Lines and totals change only while the quote is being worked on (the machine accepts `quote.update` there only). */
export const QUOTE_EDITING: Editing<QuoteStatus> = {
  noun: 'Quote',
  editableIn: ['inProgress'],
  instead: {
    pending: 'it waits for your manager: they approve it or send it back to you, and only then can its lines change; or cancel it',
    approved: 'put it to the customer as it is (accepted or declined), or reopen it to change lines (it must then be approved again)',
    accepted: 'the customer accepted it as it is; create the order from it, or renegotiate a new version',
    rejected: 'renegotiate it as a new version to change lines',
    cancelled: 'start a new quote',
  },
  writtenByEvents: ['acceptedAt', 'approvalDecision'],
  // The customer signs an approved version; signedQuoteChangeRefusal judges it, and that nothing
  // changes after, and the sales agreement written with the acceptance.
  judgedApart: ['signature', 'agreement'],
};

/** Whether this actor may change the quote's lines now: an editable status and the machine accepts `quote.update` from them. */
export function canEditQuoteDoc(quote: QuoteDoc, actor: Actor, versions?: QuoteVersionFacts): boolean {
  return (
    (QUOTE_EDITING.editableIn as readonly string[]).includes(quote.status) && canSendQuote(quote, { type: 'quote.update' }, actor, versions)
  );
}
