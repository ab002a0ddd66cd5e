import { describe, expect, it } from 'vitest';
import { QUOTE_STATES, type QuoteStatus } from '../schemas/quote.schema';
import { makeLine, makeQuote } from '../testing/docs.fixture';
import { quoteLifecycle, quoteMachine, withinAutoApproval, type QuoteEvent } from './quote.machine';
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
