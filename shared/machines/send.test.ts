import { describe, expect, it } from 'vitest';
import { makeLead, makeOrder, makeQuote } from '../testing/docs.fixture';
import { ADMIN, MANAGER, OTHER_MANAGER, OTHER_REP, REP, SYSTEM } from '../testing/actors';
import { sendLead } from './lead.machine';
import { actorName, type Actor } from './send';
import { sendOrder } from './order.machine';
import { REP_MONTHLY_AUTHORITY, allowedQuoteEvents, sendQuote, withinAutoApproval } from './quote.machine';

const pending = makeQuote({ status: 'pending' });

describe('sendQuote: who may decide a pending quote', () => {
  it('lets a manager of the owner approve it or send it back, and returns the next quote', () => {
    expect(sendQuote(pending, { type: 'quote.approve' }, MANAGER)).toEqual({ ok: true, doc: { ...pending, status: 'approved' } });
    expect(sendQuote(pending, { type: 'quote.rework' }, MANAGER)).toEqual({ ok: true, doc: { ...pending, status: 'inProgress' } });
  });

  it('refuses the owner, naming who may and what the owner may do now', () => {
    const refused = sendQuote(pending, { type: 'quote.approve' }, REP);
    expect(refused).toEqual({
      ok: false,
      cause: 'role',
      allowed: ['quote.cancel'],
      reason:
        "'quote.approve' on this quote may be sent only by a manager of its owner (never the owner), not by rep-1 (rep); allowed now: quote.cancel",
    });
  });

  it('refuses other reps, a manager of other reps, an administrator and the central system', () => {
    for (const actor of [OTHER_REP, OTHER_MANAGER, ADMIN, SYSTEM]) {
      expect(sendQuote(pending, { type: 'quote.approve' }, actor)).toMatchObject({ ok: false, cause: 'role' });
    }
  });

  it('a manager is never the approver of their own quote', () => {
    const own = makeQuote({ status: 'pending', owner: 'manager-1' });
    expect(sendQuote(own, { type: 'quote.approve' }, MANAGER)).toMatchObject({ ok: false, cause: 'role' });
  });

  it('lists for each actor only what the machine and the rules both allow', () => {
    expect(allowedQuoteEvents(pending, MANAGER)).toEqual(['quote.approve', 'quote.rework']);
    expect(allowedQuoteEvents(pending, REP)).toEqual(['quote.cancel']);
    expect(allowedQuoteEvents(makeQuote(), MANAGER)).toEqual([]);
    expect(allowedQuoteEvents(makeQuote(), REP)).toEqual(['quote.update', 'quote.submit', 'quote.cancel']);
  });

  it('names the status and the allowed events when the machine refuses', () => {
    expect(sendQuote(makeQuote(), { type: 'quote.accept' }, REP)).toEqual({
      ok: false,
      cause: 'machine',
      allowed: ['quote.update', 'quote.submit', 'quote.cancel'],
      reason: "'quote.accept' is not allowed when the quote is 'inProgress'; allowed now: quote.update, quote.submit, quote.cancel",
    });
  });
});

describe('auto-approval: a large monthly commitment waits for the manager', () => {
  it('submits to approved within the rep authority and to pending above it', () => {
    const small = makeQuote();
    const large = makeQuote({ totals: { oneTime: 0, recurring: REP_MONTHLY_AUTHORITY + 1, currency: 'USD' } });
    expect(withinAutoApproval(small)).toBe(true);
    expect(withinAutoApproval(large)).toBe(false);
    expect(sendQuote(small, { type: 'quote.submit' }, REP)).toMatchObject({ ok: true, doc: { status: 'approved' } });
    expect(sendQuote(large, { type: 'quote.submit' }, REP)).toMatchObject({ ok: true, doc: { status: 'pending' } });
  });
});

describe('sendOrder and sendLead: events of the central system', () => {
  it('refuses central.* from every app user, and allows them to the central system', () => {
    const queued = makeOrder({ status: 'queued' });
    for (const actor of [REP, MANAGER, ADMIN]) {
      const refused = sendOrder(queued, { type: 'central.acknowledged' }, actor);
      expect(refused).toMatchObject({ ok: false, cause: 'role' });
      if (!refused.ok) expect(refused.reason).toContain('only by the central system or fulfilment (never a user of the app)');
    }
    expect(sendOrder(queued, { type: 'central.acknowledged', tmfOrderId: 'PO-1' }, SYSTEM)).toMatchObject({
      ok: true,
      doc: { status: 'acknowledged', tmfOrderId: 'PO-1' },
    });
  });

  it('lets the owner work their lead and the central system process it, nobody else', () => {
    const lead = makeLead();
    const result = { qualified: true, rating: 'A', trace: [] };
    expect(sendLead(lead, { type: 'lead.process', result }, REP)).toMatchObject({ ok: true, doc: { status: 'inProgress', rating: 'A' } });
    expect(sendLead(lead, { type: 'lead.process', result }, SYSTEM)).toMatchObject({ ok: true });
    expect(sendLead(lead, { type: 'lead.process', result }, MANAGER)).toMatchObject({ ok: false, cause: 'role' });
    expect(sendLead(lead, { type: 'lead.cancel', reason: 'Duplicate' }, SYSTEM)).toMatchObject({ ok: false, cause: 'role' });
    expect(sendLead(lead, { type: 'lead.cancel', reason: 'Duplicate' }, MANAGER)).toMatchObject({ ok: false, cause: 'role' });
    expect(sendLead(makeLead({ status: 'rejected' }), { type: 'lead.reopen' }, MANAGER)).toMatchObject({ ok: false, cause: 'role' });
  });
});

describe('sendLead: reassigning a lead', () => {
  /** Manages rep-1 (the fixtures' owner) and rep-3. */
  const TEAM_MANAGER: Actor = {
    kind: 'user',
    id: 'manager-1',
    role: 'manager',
    manages: (owner) => owner === 'rep-1' || owner === 'rep-3',
  };
  const lead = makeLead({ status: 'inProgress', qualified: true });

  it('lets a manager of the owner give it to another of their reps, keeping everything else', () => {
    expect(sendLead(lead, { type: 'lead.reassign', to: 'rep-3' }, TEAM_MANAGER)).toEqual({ ok: true, doc: { ...lead, owner: 'rep-3' } });
  });

  it("refuses the owner, other reps, another team's manager and the central system", () => {
    for (const actor of [REP, OTHER_REP, OTHER_MANAGER, ADMIN, SYSTEM]) {
      const refused = sendLead(lead, { type: 'lead.reassign', to: 'rep-3' }, actor);
      expect(refused, actorName(actor)).toMatchObject({ ok: false, cause: 'role' });
    }
    const byOwner = sendLead(lead, { type: 'lead.reassign', to: 'rep-3' }, REP);
    if (!byOwner.ok) expect(byOwner.reason).toContain('may be sent only by a manager of its owner (never the owner), not by rep-1 (rep)');
  });

  it("refuses a target outside the manager's team, saying so", () => {
    const refused = sendLead(lead, { type: 'lead.reassign', to: 'rep-2' }, TEAM_MANAGER);
    expect(refused).toMatchObject({ ok: false, cause: 'role' });
    if (!refused.ok) expect(refused.reason).toContain("rep-2 is not one of manager-1 (manager)'s reps");
  });

  it('refuses a converted lead', () => {
    expect(sendLead({ ...lead, status: 'accepted' }, { type: 'lead.reassign', to: 'rep-3' }, TEAM_MANAGER)).toMatchObject({
      ok: false,
      cause: 'machine',
    });
  });
});
