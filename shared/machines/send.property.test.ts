/**
 * Properties of the gate, for every status x event x actor: sendX agrees with the machine's own
 * `can`, adds only the role rules on top, lists exactly what it would accept, and a refusal
 * leaves the document as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { LEAD_STATES } from '../schemas/lead.schema';
import { ORDER_STATES } from '../schemas/order.schema';
import { QUOTE_STATES } from '../schemas/quote.schema';
import type { LineItem } from '../schemas/lineItem';
import { ACTORS } from '../testing/actors';
import { makeLead, makeLine, makeOrder, makeQuote } from '../testing/docs.fixture';
import { LEAD_EVENT_RULES, LEAD_EVENT_TYPES, leadLifecycle, type LeadEvent } from './lead.machine';
import { ORDER_EVENT_RULES, ORDER_EVENT_TYPES, orderLifecycle, type OrderEvent } from './order.machine';
import { QUOTE_EVENT_RULES, QUOTE_EVENT_TYPES, quoteLifecycle, type QuoteEvent } from './quote.machine';
import { allowedEvents, send, type Actor, type Lifecycle, type Party } from './send';

function machineCan(machine: AnyStateMachine, status: string, context: unknown, event: { type: string }): boolean {
  return machine.resolveState({ value: status, context }).can(event);
}

function mayAct(parties: readonly Party[], actor: Actor, owner: string): boolean {
  return parties.some((party) => {
    if (party === 'system') return actor.kind === 'system';
    if (actor.kind !== 'user') return false;
    return party === 'owner' ? actor.id === owner : actor.role === 'manager' && actor.id !== owner && actor.manages(owner);
  });
}

function checkGate<D extends { status: string; owner: string }, E extends { type: string }>(
  lifecycle: Lifecycle<AnyStateMachine, D, undefined>,
  rules: Readonly<Record<string, readonly Party[]>>,
  docs: fc.Arbitrary<D>,
  events: fc.Arbitrary<E>,
): void {
  fc.assert(
    fc.property(docs, events, fc.constantFrom(...ACTORS), (doc, event, actor) => {
      const before: unknown = JSON.parse(JSON.stringify(doc));
      const result = send(lifecycle, doc, event, actor);
      const can = machineCan(lifecycle.machine, doc.status, lifecycle.contextOf(doc, undefined), event);
      const allowed = allowedEvents(lifecycle, doc, actor);
      expect(result.ok).toBe(can && mayAct(rules[event.type] ?? [], actor, doc.owner));
      // A refusal never changes the document, and says why.
      expect(doc).toEqual(before);
      if (!result.ok) {
        expect(result.cause).toBe(can ? 'role' : 'machine');
        expect(result.allowed).toEqual(allowed);
        expect(result.reason).toContain(`'${event.type}'`);
      } else {
        expect(result.doc.owner).toBe(doc.owner);
      }
      // Every event listed as allowed is accepted when sent.
      for (const type of allowed) {
        const probe = lifecycle.probes.find((candidate) => candidate.type === type);
        expect(send(lifecycle, doc, probe, actor).ok).toBe(true);
      }
    }),
    { numRuns: 600 },
  );
}

const owners = fc.constantFrom('rep-1', 'rep-2', 'manager-1');
const lines = fc.constantFrom<LineItem[]>([], [makeLine()], [makeLine({ offeringId: '' })]);

describe('sendX agrees with the machine, plus the role rules', () => {
  it('quotes', () => {
    const docs = fc
      .record({ status: fc.constantFrom(...QUOTE_STATES), owner: owners, items: lines, recurring: fc.integer({ min: 0, max: 1_000_000 }) })
      .map(({ items, recurring, ...rest }) => makeQuote({ ...rest, items, totals: { oneTime: 0, recurring, currency: 'USD' } }));
    checkGate(
      quoteLifecycle as never,
      QUOTE_EVENT_RULES,
      docs,
      fc.constantFrom(...QUOTE_EVENT_TYPES).map((type) => ({ type }) as QuoteEvent),
    );
  });

  it('leads', () => {
    const docs = fc.record({ status: fc.constantFrom(...LEAD_STATES), owner: owners, qualified: fc.boolean() }).map((o) => makeLead(o));
    const events = fc
      .record({ type: fc.constantFrom(...LEAD_EVENT_TYPES), qualified: fc.boolean() })
      .map(({ type, qualified }) => (type === 'lead.process' ? { type, result: { qualified, trace: [] } } : { type }) as LeadEvent);
    checkGate(leadLifecycle as never, LEAD_EVENT_RULES, docs, events);
  });

  it('orders', () => {
    const docs = fc
      .record({ status: fc.constantFrom(...ORDER_STATES), owner: owners, billingAccount: fc.constantFrom('ba-1', '') })
      .map((o) => makeOrder(o));
    checkGate(
      orderLifecycle as never,
      ORDER_EVENT_RULES,
      docs,
      fc.constantFrom(...ORDER_EVENT_TYPES).map((type) => ({ type }) as OrderEvent),
    );
  });
});
