import { describe, expect, it } from 'vitest';
import { QUOTE_STATES, type QuoteStatus } from '../schemas/quote.schema';
import { makeLine, makeQuote } from '../testing/docs.fixture';
import { MANAGER, REP } from '../testing/actors';
import { canSendQuote, quoteLifecycle, quoteMachine, sendQuote, withinAutoApproval, type QuoteEvent } from './quote.machine';
import { machineSteps } from '../testing/machineSteps';

const { can, next, step } = machineSteps(quoteLifecycle);

const ctx = { quote: makeQuote() };
const manual = { quote: makeQuote({ items: [makeLine({ offeringId: '' })] }) };

describe('quote machine: allowed transitions', () => {
  const cases: [QuoteStatus, typeof ctx, QuoteEvent, QuoteStatus][] = [
    ['inProgress', ctx, { type: 'quote.update', changes: { version: 2 } }, 'inProgress'],
    ['inProgress', ctx, { type: 'quote.submit' }, 'approved'],
    ['inProgress', manual, { type: 'quote.submit' }, 'pending'],
    ['inProgress', ctx, { type: 'quote.cancel' }, 'cancelled'],
    ['pending', ctx, { type: 'quote.approve' }, 'approved'],
    ['pending', ctx, { type: 'quote.rework' }, 'inProgress'],
    ['pending', ctx, { type: 'quote.cancel' }, 'cancelled'],
    ['approved', ctx, { type: 'quote.accept' }, 'accepted'],
    ['approved', ctx, { type: 'quote.decline' }, 'rejected'],
    ['approved', ctx, { type: 'quote.reopen' }, 'inProgress'],
  ];
  it.each(cases)('%s --%s--> %s', (status, context, event, expected) => {
    expect(can(status, context, event)).toBe(true);
    expect(next(status, context, event)).toBe(expected);
  });
});

describe('quote machine: forbidden transitions', () => {
  it('cannot accept a quote that is still in progress or pending approval', () => {
    expect(can('inProgress', ctx, { type: 'quote.accept' })).toBe(false);
    expect(can('pending', ctx, { type: 'quote.accept' })).toBe(false);
    expect(() => next('inProgress', ctx, { type: 'quote.accept' })).toThrow("'quote.accept' is not allowed when the quote is 'inProgress'");
  });

  it('cannot submit a quote without lines', () => {
    expect(can('inProgress', { quote: makeQuote({ items: [] }) }, { type: 'quote.submit' })).toBe(false);
  });

  it('cannot edit a quote once submitted, nor cancel an approved one', () => {
    for (const status of ['pending', 'approved'] as const) expect(can(status, ctx, { type: 'quote.update' })).toBe(false);
    expect(can('approved', ctx, { type: 'quote.cancel' })).toBe(false);
  });

  it('cannot approve a quote that was not submitted', () => {
    expect(can('inProgress', ctx, { type: 'quote.approve' })).toBe(false);
  });

  it('allows nothing in the final states (a rejected quote is renegotiated as a new version)', () => {
    const events: QuoteEvent[] = [
      'quote.update',
      'quote.submit',
      'quote.approve',
      'quote.rework',
      'quote.accept',
      'quote.decline',
      'quote.cancel',
    ].map((type) => ({ type }) as QuoteEvent);
    for (const status of ['accepted', 'rejected', 'cancelled'] as const) {
      for (const event of events) expect(can(status, ctx, event)).toBe(false);
    }
  });

  it('has a state for every TMF648 quote status', () => {
    expect(Object.keys(quoteMachine.states).sort()).toEqual([...QUOTE_STATES].sort());
  });
});

describe('quote machine: context', () => {
  it('auto-approves only quotes whose lines are all priced from the catalog', () => {
    expect(withinAutoApproval(ctx.quote)).toBe(true);
    expect(withinAutoApproval(manual.quote)).toBe(false);
  });

  it('records when the customer accepted', () => {
    const next = step('approved', ctx, { type: 'quote.accept', at: '2024-05-03T10:00:00Z' });
    expect(next.context.quote.acceptedAt).toBe('2024-05-03T10:00:00Z');
  });

  it('applies edits without letting them change the status', () => {
    const next = step('inProgress', ctx, { type: 'quote.update', changes: { version: 2, status: 'accepted' } });
    expect(next.context.quote).toMatchObject({ version: 2, status: 'inProgress' });
  });
});

describe('quote machine: discounts and who approves them', () => {
  const discounted = (percent: number) =>
    makeQuote({ status: 'pending', discounts: [{ appliesTo: 'recurring', kind: 'percent', value: percent }] });
  const DIRECTOR = { ...MANAGER, id: 'director-1', salesDirector: true };

  it('a discount within the rep authority is approved at submission; a deeper one waits', () => {
    expect(sendQuote({ ...discounted(10), status: 'inProgress' }, { type: 'quote.submit' }, REP)).toMatchObject({
      ok: true,
      doc: { status: 'approved' },
    });
    expect(sendQuote({ ...discounted(10.5), status: 'inProgress' }, { type: 'quote.submit' }, REP)).toMatchObject({
      ok: true,
      doc: { status: 'pending' },
    });
  });

  it('up to 25 % the manager decides; above that only the sales director, who may also decide less', () => {
    expect(canSendQuote(discounted(25), { type: 'quote.approve' }, MANAGER)).toBe(true);
    const refused = sendQuote(discounted(26), { type: 'quote.approve' }, MANAGER);
    expect(refused).toMatchObject({
      ok: false,
      reason: expect.stringContaining('must be decided by the sales director (26 % off recurring charges needs the sales director)'),
    });
    expect(canSendQuote(discounted(26), { type: 'quote.rework' }, MANAGER)).toBe(false);
    expect(canSendQuote(discounted(26), { type: 'quote.approve' }, DIRECTOR)).toBe(true);
    expect(canSendQuote(discounted(20), { type: 'quote.approve' }, DIRECTOR)).toBe(true);
    expect(canSendQuote(discounted(20), { type: 'quote.approve' }, REP)).toBe(false);
  });

  it('a policy given as a fact is the one that decides', () => {
    const strict = {
      version: 'strict',
      levels: [
        { upToPercent: 5, approver: 'rep' as const },
        { upToPercent: 100, approver: 'manager' as const },
      ],
    };
    const quote = { ...discounted(8), status: 'inProgress' as const };
    expect(sendQuote(quote, { type: 'quote.submit' }, REP)).toMatchObject({ doc: { status: 'approved' } });
    expect(sendQuote(quote, { type: 'quote.submit' }, REP, { policy: strict })).toMatchObject({ doc: { status: 'pending' } });
  });

  it('reopening an approved quote forgets the approval', () => {
    const approved = makeQuote({
      status: 'approved',
      approvalDecision: { outcome: 'approved', by: 'manager-1', at: '2024-05-01T10:00:00.000Z' },
    });
    const reopened = sendQuote(approved, { type: 'quote.reopen' }, REP);
    expect(reopened).toMatchObject({ ok: true, doc: { status: 'inProgress' } });
    expect(reopened.ok && reopened.doc.approvalDecision).toBe(undefined);
    expect(canSendQuote(approved, { type: 'quote.reopen' }, MANAGER)).toBe(false);
  });
});
