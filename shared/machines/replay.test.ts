import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MANAGER, REP, SYSTEM } from '../testing/actors';
import { makeLead, makeOrder, makeQuote } from '../testing/docs.fixture';
import { REP_MONTHLY_AUTHORITY, QUOTE_EVENT_TYPES, sendQuote, type QuoteEvent } from './quote.machine';
import { replayLead, replayOrder, replayQuote } from './replay';

const large = { totals: { oneTime: 0, recurring: REP_MONTHLY_AUTHORITY + 1, currency: 'USD' } };

describe('replaying a pushed status change', () => {
  it('infers the events that lead from the stored status to the pushed one', () => {
    expect(replayQuote(makeQuote(), makeQuote({ status: 'accepted' }), REP)).toEqual({
      ok: true,
      events: ['quote.submit', 'quote.accept'],
      path: ['inProgress', 'approved', 'accepted'],
    });
    expect(replayQuote(makeQuote({ status: 'pending', ...large }), makeQuote({ status: 'approved', ...large }), MANAGER)).toEqual({
      ok: true,
      events: ['quote.approve'],
      path: ['pending', 'approved'],
    });
    expect(replayQuote(makeQuote(), makeQuote({ version: 2 }), REP)).toEqual({ ok: true, events: [], path: ['inProgress'] });
  });

  it('starts a new document at the machine initial status (work done offline arrives several events on)', () => {
    expect(replayLead(undefined, makeLead({ status: 'accepted', qualified: true }), REP)).toEqual({
      ok: true,
      events: ['lead.process', 'lead.convert'],
      path: ['acknowledged', 'inProgress', 'accepted'],
    });
    expect(replayOrder(undefined, makeOrder({ status: 'queued' }), REP)).toEqual({
      ok: true,
      events: ['order.validate', 'order.submit'],
      path: ['draft', 'validated', 'queued'],
    });
  });

  it('replays a disqualification only with its reason, and a reopening of it', () => {
    const working = makeLead({ status: 'inProgress', qualified: true });
    expect(replayLead(working, { ...working, status: 'rejected', statusChangeReason: 'No budget' }, REP)).toEqual({
      ok: true,
      events: ['lead.reject'],
      path: ['inProgress', 'rejected'],
    });
    const silent = replayLead(working, { ...working, status: 'rejected' }, REP);
    expect(silent).toMatchObject({ ok: false });
    if (!silent.ok) expect(silent.reason).toContain('a lead is disqualified only with a reason: statusChangeReason is empty');
    const closed = makeLead({ status: 'cancelled', qualified: true, statusChangeReason: 'Duplicate' });
    // Reopened and processed again offline: qualified, so sales works it again.
    expect(replayLead(closed, { ...closed, status: 'inProgress' }, REP)).toEqual({
      ok: true,
      events: ['lead.reopen', 'lead.process'],
      path: ['cancelled', 'acknowledged', 'inProgress'],
    });
    expect(replayLead(closed, { ...closed, status: 'acknowledged' }, MANAGER)).toMatchObject({ ok: false });
  });

  it('refuses a rep approving their own quote, naming the step and what the rep may do', () => {
    const refused = replayQuote(makeQuote({ status: 'pending', ...large }), makeQuote({ status: 'approved', ...large }), REP);
    expect(refused).toMatchObject({ ok: false, allowed: ['quote.cancel'] });
    if (refused.ok) return;
    expect(refused.reason).toBe(
      "quote quote-1 cannot go from 'pending' to 'approved' when sent by rep-1 (rep): 'quote.approve' on this quote may be sent only by a manager of its owner (never the owner), not by rep-1 (rep); allowed now: quote.cancel",
    );
  });

  it('refuses a large quote pushed approved from in progress: the submission lands in pending', () => {
    const refused = replayQuote(makeQuote(large), makeQuote({ status: 'approved', ...large }), REP);
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.reason).toContain("'quote.approve' on this quote may be sent only by a manager");
  });

  it('refuses a status the lifecycle cannot reach, and central states from a rep', () => {
    const back = replayQuote(makeQuote({ status: 'accepted' }), makeQuote({ status: 'inProgress' }), REP);
    expect(back).toMatchObject({ ok: false });
    if (!back.ok) expect(back.reason).toContain('no event of the quote lifecycle leads there; nothing is allowed now');
    const acked = replayOrder(makeOrder({ status: 'queued' }), makeOrder({ status: 'acknowledged' }), REP);
    expect(acked).toMatchObject({ ok: false });
    if (!acked.ok) expect(acked.reason).toContain('only by the central system or fulfilment');
    expect(replayOrder(makeOrder({ status: 'queued' }), makeOrder({ status: 'acknowledged' }), SYSTEM)).toMatchObject({ ok: true });
  });

  it('accepts the end of any walk an actor may take, one event at a time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...QUOTE_EVENT_TYPES), { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom(REP, MANAGER),
        (types, big, actor) => {
          const start = makeQuote(big ? large : {});
          let doc = start;
          for (const type of types) {
            const next = sendQuote(doc, { type } as QuoteEvent, actor);
            if (next.ok) doc = next.doc;
          }
          expect(replayQuote(start, doc, actor).ok).toBe(true);
        },
      ),
    );
  });
});
