import { describe, expect, it } from 'vitest';
import { LEAD_STATES } from '../schemas/lead.schema';
import { ORDER_STATES } from '../schemas/order.schema';
import { QUOTE_STATES } from '../schemas/quote.schema';
import { REP } from '../testing/actors';
import { makeLead, makeLine, makeOrder, makeQuote } from '../testing/docs.fixture';
import { insteadOf, isEditableStatus } from './editing';
import { judgeContent, judgeDeletion } from './judgeEdit';
import { canSendLead, LEAD_EDITING } from './lead.machine';
import { canSendOrder, ORDER_EDITING } from './order.machine';
import { canSendQuote, QUOTE_EDITING } from './quote.machine';
import { replayOrder, replayQuote } from './replay';

describe('editable statuses, as data beside each machine', () => {
  // The data and the machine must agree: a status is listed exactly where the owner's edit event is accepted.
  it('lists exactly the statuses where the machine accepts the edit event from the owner, with advice for every other one', () => {
    for (const status of QUOTE_STATES) {
      expect(isEditableStatus(QUOTE_EDITING, status), status).toBe(canSendQuote(makeQuote({ status }), { type: 'quote.update' }, REP));
    }
    for (const status of LEAD_STATES) {
      expect(isEditableStatus(LEAD_EDITING, status), status).toBe(canSendLead(makeLead({ status }), { type: 'lead.update' }, REP));
    }
    for (const status of ORDER_STATES) {
      // A queued order is editable once the central system refused it: the machine's guard decides.
      const order = makeOrder({ status, ...(status === 'queued' ? { syncError: { reason: 'no street', at: 'x' } } : {}) });
      expect(isEditableStatus(ORDER_EDITING, status), status).toBe(canSendOrder(order, { type: 'order.edit' }, REP));
    }
    for (const [editing, states] of [
      [QUOTE_EDITING, QUOTE_STATES],
      [LEAD_EDITING, LEAD_STATES],
      [ORDER_EDITING, ORDER_STATES.filter((s) => s !== 'queued')],
    ] as const) {
      for (const status of states.filter((s) => !isEditableStatus(editing, s))) {
        expect(insteadOf(editing, status), `${editing.noun} ${status}`).not.toBe('it can no longer be changed');
      }
    }
  });
});

describe('judging what an owner pushed', () => {
  const changedLines = { items: [makeLine({ quantity: 9 })], totals: { oneTime: 1, recurring: 1, currency: 'USD' } };

  it('refuses changed lines of an approved quote, naming the state and what the rep can do', () => {
    const stored = makeQuote({ status: 'approved' });
    const pushed = makeQuote({ status: 'approved', ...changedLines });
    const replayed = replayQuote(stored, pushed, REP);
    if (!replayed.ok) throw new Error(replayed.reason);
    const verdict = judgeContent('quotes', stored, pushed, replayed);
    expect(verdict).toEqual({
      ok: false,
      reason:
        'Quote quote-1 is approved, so its items, totals cannot change; put it to the customer as it is (accepted or declined), or reopen it to change lines (it must then be approved again)',
    });
    // Accepting it with other lines is no way round it.
    const accepted = { ...pushed, status: 'accepted' as const };
    const way = replayQuote(stored, accepted, REP);
    if (!way.ok) throw new Error(way.reason);
    expect(judgeContent('quotes', stored, accepted, way).ok).toBe(false);
  });

  it('stores changes made on the way through an editable status, and what events write (acceptance) after one', () => {
    const stored = makeQuote({ status: 'inProgress' });
    const pushed = makeQuote({ status: 'accepted', acceptedAt: '2026-12-01T10:00:00.000Z', ...changedLines });
    const replayed = replayQuote(stored, pushed, REP);
    if (!replayed.ok) throw new Error(replayed.reason);
    expect(judgeContent('quotes', stored, pushed, replayed)).toEqual({ ok: true });
    const approved = makeQuote({ status: 'approved' });
    const acceptance = makeQuote({ status: 'accepted', acceptedAt: '2026-12-01T10:00:00.000Z' });
    const accept = replayQuote(approved, acceptance, REP);
    if (!accept.ok) throw new Error(accept.reason);
    expect(judgeContent('quotes', approved, acceptance, accept)).toEqual({ ok: true });
  });

  it("refuses a submitted order's new address, and takes it once the central system refused the order", () => {
    const queued = makeOrder({ status: 'queued' });
    const moved = { ...queued, serviceAddress: { street: '9 Elm St', city: 'Shelbyville', postcode: '54321', country: 'US' } };
    const same = replayOrder(queued, moved, REP);
    if (!same.ok) throw new Error(same.reason);
    expect(judgeContent('orders', queued, moved, same)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Order order-1 is queued, so its serviceAddress cannot change; it is submitted/),
    });
    const refused = { ...queued, syncError: { reason: 'credit limit', at: 'x' } };
    expect(judgeContent('orders', refused, moved, same)).toEqual({ ok: true });
  });

  it("refuses a closed lead's changed details, but not the same lead pushed again", () => {
    const rejected = makeLead({ status: 'rejected' });
    const renamed = { ...rejected, company: 'Renamed Ltd' };
    const path = { events: [], path: ['rejected'] };
    expect(judgeContent('leads', rejected, renamed, path)).toMatchObject({
      ok: false,
      reason: 'Lead lead-1 is rejected, so its company cannot change; it is closed; capture a new lead',
    });
    expect(judgeContent('leads', rejected, { ...rejected, updatedAt: 'later', syncPending: true }, path)).toEqual({ ok: true });
  });

  it('allows deleting only what the rep could still discard', () => {
    expect(judgeDeletion('quotes', makeQuote({ status: 'inProgress' }))).toEqual({ ok: true });
    expect(judgeDeletion('orders', makeOrder({ status: 'draft' }))).toEqual({ ok: true });
    expect(judgeDeletion('orders', makeOrder({ status: 'queued', syncError: { reason: 'no street', at: 'x' } }))).toEqual({ ok: true });
    expect(judgeDeletion('quotes', makeQuote({ status: 'accepted' }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Quote quote-1 is accepted, so it cannot be deleted; the customer accepted it/),
    });
    expect(judgeDeletion('orders', makeOrder({ status: 'acknowledged' })).ok).toBe(false);
    expect(judgeDeletion('leads', makeLead({ status: 'accepted' })).ok).toBe(false);
  });
});
