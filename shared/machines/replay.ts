/**
 * A pushed status change replayed through the machine. A push carries documents, not events,
 * and a laptop that was offline may have sent several events since the central system last
 * stored the document (a lead captured, processed and converted offline arrives `accepted`).
 * So the events are inferred: the shortest way from the stored status to the pushed one that
 * this actor may walk, each step sent through the same `send` as the app, the payloads taken
 * from the pushed document (its lines decide auto-approval, its processing result the lead's
 * qualification). The statuses of every lifecycle here are reached by one event each, so the
 * way, when there is one, says which events were sent. No way = refused, with the reason.
 */
import type { AnyStateMachine, EventFromLogic } from 'xstate';
import type { LeadDoc, OrderDoc, QuoteDoc } from '../schemas';
import { LEAD_EVENT_TYPES, leadLifecycle, type LeadEvent, type LeadEventType } from './lead.machine';
import { ORDER_EVENT_TYPES, orderLifecycle, type OrderEvent, type OrderEventType } from './order.machine';
import { QUOTE_EVENT_TYPES, quoteLifecycle, type QuoteEvent, type QuoteEventType, type QuoteVersionFacts } from './quote.machine';
import { actorName, allowedEvents, machineStep, send, stepAs, type Actor, type Lifecycle } from './send';

interface ReplayDoc {
  id: string;
  status: string;
  owner: string;
}

/** `path`: the statuses the events pass through, from the stored (or initial) status to the pushed one. */
export type Replayed<T extends string> = { ok: true; events: T[]; path: string[] } | { ok: false; reason: string; allowed: T[] };

type Step<D> = (doc: D, event: { type: string }) => D | undefined;

/** Breadth-first: the shortest list of events from `start` to `target`, each step taken by `step`. */
function findWay<D extends ReplayDoc, E extends { type: string }>(
  start: D,
  target: string,
  candidates: readonly E[],
  step: Step<D>,
): { events: E[]; path: string[] } | undefined {
  const queue: { doc: D; events: E[]; path: string[] }[] = [{ doc: start, events: [], path: [start.status] }];
  const seen = new Set([start.status]);
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    for (const event of candidates) {
      const next = step(item.doc, event);
      if (next === undefined || seen.has(next.status)) continue;
      const events = [...item.events, event];
      const path = [...item.path, next.status];
      if (next.status === target) return { events, path };
      seen.add(next.status);
      queue.push({ doc: next, events, path });
    }
  }
  return undefined;
}

function replay<M extends AnyStateMachine, D extends ReplayDoc, X = undefined>(
  lifecycle: Lifecycle<M, D, X>,
  candidates: readonly EventFromLogic<M>[],
  stored: D | undefined,
  pushed: D,
  actor: Actor,
  extra?: X,
): Replayed<EventFromLogic<M>['type']> {
  type T = EventFromLogic<M>['type'];
  const noun = lifecycle.machine.id;
  const initial = String(lifecycle.machine.config.initial);
  // The pushed content with the stored status and owner: guards judge what is being stored.
  const start: D = { ...pushed, status: stored?.status ?? initial, owner: stored?.owner ?? pushed.owner };
  if (start.status === pushed.status) return { ok: true, events: [], path: [start.status] };
  const asActor: Step<D> = (doc, event) => stepAs(lifecycle, doc, event as EventFromLogic<M>, actor, extra);
  const way = findWay(start, pushed.status, candidates, asActor);
  if (way) return { ok: true, events: way.events.map((event) => event.type as T), path: way.path };

  const allowed = allowedEvents(lifecycle, start, actor, extra) as T[];
  const from = stored ? `from '${start.status}'` : `as a new ${noun} (which starts '${initial}')`;
  const head = `${noun} ${pushed.id} cannot go ${from} to '${pushed.status}' when sent by ${actorName(actor)}`;
  // Is there a way at all? Then say which step this actor may not take.
  const anyone: Step<D> = (doc, event) => {
    const next = machineStep(lifecycle, doc, event as EventFromLogic<M>, extra);
    return next.ok ? next.doc : undefined;
  };
  const machineWay = findWay(start, pushed.status, candidates, anyone);
  let doc = start;
  for (const event of machineWay?.events ?? []) {
    const next = send(lifecycle, doc, event, actor, extra);
    if (!next.ok) return { ok: false, allowed, reason: `${head}: ${next.reason}` };
    doc = next.doc;
  }
  const options = allowed.length > 0 ? `allowed now: ${allowed.join(', ')}` : 'nothing is allowed now';
  return { ok: false, allowed, reason: `${head}: no event of the ${noun} lifecycle leads there; ${options}` };
}

function quoteCandidates(pushed: QuoteDoc): QuoteEvent[] {
  return QUOTE_EVENT_TYPES.map((type) =>
    type === 'quote.accept' && pushed.acceptedAt !== undefined ? { type, at: pushed.acceptedAt } : ({ type } as QuoteEvent),
  );
}

function leadCandidates(pushed: LeadDoc): LeadEvent[] {
  const result = {
    qualified: pushed.qualified === true,
    ...(pushed.rating === undefined ? {} : { rating: pushed.rating }),
    ...(pushed.channel === undefined ? {} : { channel: pushed.channel }),
    trace: pushed.processingTrace ?? [],
    ...(pushed.ruleSetVersions === undefined ? {} : { ruleSetVersions: pushed.ruleSetVersions }),
  };
  // A disqualification, closing or reopening carries its reason on the lead (statusChangeReason).
  const reason = pushed.statusChangeReason ?? '';
  return LEAD_EVENT_TYPES.map((type): LeadEvent => {
    if (type === 'lead.process') return { type, result };
    if (type === 'lead.reject' || type === 'lead.cancel' || type === 'lead.reopen') return { type, reason };
    // Not a status change: a reassignment is judged apart (statusGate.ts), never inferred.
    if (type === 'lead.reassign') return { type, to: '' };
    return { type } as LeadEvent;
  });
}

function orderCandidates(pushed: OrderDoc): OrderEvent[] {
  return ORDER_EVENT_TYPES.map((type) => {
    if (type === 'order.edit') return { type, changes: pushed };
    if (type === 'order.submit' && pushed.submittedAt !== undefined) return { type, at: pushed.submittedAt };
    if (type === 'order.cancel' && pushed.cancellationReason !== undefined) return { type, reason: pushed.cancellationReason };
    if (type === 'order.answer' && pushed.informationAnswer !== undefined) {
      const { text, answeredAt } = pushed.informationAnswer;
      return { type, answer: text, ...(answeredAt === undefined ? {} : { at: answeredAt }) };
    }
    if (type === 'order.acceptPartial' && pushed.partialAcceptance !== undefined) return { type, at: pushed.partialAcceptance.acceptedAt };
    return { type } as OrderEvent;
  });
}

/** `versions`: the pushed quote's place among its opportunity's versions (only the latest may be accepted). */
export function replayQuote(
  stored: QuoteDoc | undefined,
  pushed: QuoteDoc,
  actor: Actor,
  versions?: QuoteVersionFacts,
): Replayed<QuoteEventType> {
  const result = replay(quoteLifecycle, quoteCandidates(pushed), stored, pushed, actor, versions);
  if (result.ok || versions?.laterVersion === undefined || pushed.status !== 'accepted') return result;
  const why = `version ${pushed.version} is superseded by version ${versions.laterVersion}: only the latest version can be accepted`;
  return { ...result, reason: `${result.reason} (${why})` };
}

export function replayLead(stored: LeadDoc | undefined, pushed: LeadDoc, actor: Actor): Replayed<LeadEventType> {
  const result = replay(leadLifecycle, leadCandidates(pushed), stored, pushed, actor);
  const closing = pushed.status === 'rejected' || pushed.status === 'cancelled';
  if (result.ok || !closing || (pushed.statusChangeReason ?? '').trim() !== '' || stored?.status === pushed.status) return result;
  // The one obstacle a laptop can fix: say it plainly rather than "no event leads there".
  const what = pushed.status === 'rejected' ? 'disqualified' : 'closed';
  return { ...result, reason: `${result.reason} (a lead is ${what} only with a reason: statusChangeReason is empty)` };
}

/** Orders in assessingCancellation never come from the app (central.* events are the system's), so no origin is needed here. */
export function replayOrder(stored: OrderDoc | undefined, pushed: OrderDoc, actor: Actor): Replayed<OrderEventType> {
  return replay(
    orderLifecycle as Lifecycle<typeof orderLifecycle.machine, OrderDoc, undefined>,
    orderCandidates(pushed),
    stored,
    pushed,
    actor,
  );
}
