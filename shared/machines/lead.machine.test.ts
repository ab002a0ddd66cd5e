import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { LEAD_STATES, type LeadStatus } from '../schemas/lead.schema';
import { makeLead } from '../testing/docs.fixture';
import type { LeadProcessingResult } from '../leads/engine';
import { LEAD_REASON_MAX, leadLifecycle, leadMachine, type LeadEvent } from './lead.machine';
import { machineSteps } from '../testing/machineSteps';

const { can, next, step } = machineSteps(leadLifecycle);

const qualifiedResult: LeadProcessingResult = { qualified: true, rating: 'A', channel: 'Direct', trace: ['q', 'r', 'c'] };
const unqualifiedResult: LeadProcessingResult = { qualified: false, trace: ['q', 'r', 'c'] };
const plain = { lead: makeLead() };
const qualified = { lead: makeLead({ status: 'inProgress', qualified: true, rating: 'A' }) };

describe('lead machine: allowed transitions', () => {
  const cases: [LeadStatus, typeof plain, LeadEvent, LeadStatus][] = [
    ['acknowledged', plain, { type: 'lead.process', result: qualifiedResult }, 'inProgress'],
    ['acknowledged', plain, { type: 'lead.process', result: unqualifiedResult }, 'acknowledged'],
    ['acknowledged', plain, { type: 'lead.update', changes: { company: 'Acme Inc' } }, 'acknowledged'],
    ['acknowledged', plain, { type: 'lead.cancel', reason: 'Duplicate of the Acme lead' }, 'cancelled'],
    ['acknowledged', plain, { type: 'lead.reject', reason: 'Student project, no budget' }, 'rejected'],
    ['acknowledged', plain, { type: 'lead.reassign', to: 'rep-2' }, 'acknowledged'],
    ['inProgress', qualified, { type: 'lead.process', result: qualifiedResult }, 'inProgress'],
    ['inProgress', qualified, { type: 'lead.process', result: unqualifiedResult }, 'acknowledged'],
    ['inProgress', qualified, { type: 'lead.update' }, 'inProgress'],
    ['inProgress', qualified, { type: 'lead.convert' }, 'accepted'],
    ['inProgress', qualified, { type: 'lead.reject', reason: 'No budget after all' }, 'rejected'],
    ['inProgress', qualified, { type: 'lead.cancel', reason: 'Contact left the company' }, 'cancelled'],
    ['inProgress', qualified, { type: 'lead.reassign', to: 'rep-2' }, 'inProgress'],
    ['inProgress', qualified, { type: 'lead.requestInfo' }, 'pending'],
    ['pending', qualified, { type: 'lead.infoProvided' }, 'inProgress'],
    ['pending', qualified, { type: 'lead.reject', reason: 'No answer' }, 'rejected'],
    ['pending', qualified, { type: 'lead.cancel', reason: 'No answer' }, 'cancelled'],
    ['rejected', qualified, { type: 'lead.reopen' }, 'acknowledged'],
    ['cancelled', qualified, { type: 'lead.reopen', reason: 'Called back' }, 'acknowledged'],
    ['pending', qualified, { type: 'lead.update' }, 'pending'],
  ];
  it.each(cases)('%s --%s--> %s', (status, context, event, expected) => {
    expect(can(status, context, event)).toBe(true);
    expect(next(status, context, event)).toBe(expected);
  });
});

describe('lead machine: forbidden transitions', () => {
  it('cannot convert an unqualified lead, even in progress', () => {
    const context = { lead: makeLead({ status: 'inProgress', qualified: false }) };
    expect(can('inProgress', context, { type: 'lead.convert' })).toBe(false);
    expect(() => next('inProgress', context, { type: 'lead.convert' })).toThrow(
      "'lead.convert' is not allowed when the lead is 'inProgress'",
    );
  });

  it('cannot convert a lead that was not processed into progress yet', () => {
    expect(can('acknowledged', { lead: makeLead({ qualified: true }) }, { type: 'lead.convert' })).toBe(false);
  });

  it('never disqualifies or closes a lead without a reason, nor with an essay', () => {
    for (const status of ['acknowledged', 'inProgress', 'pending'] as const) {
      for (const type of ['lead.reject', 'lead.cancel'] as const) {
        expect(can(status, qualified, { type, reason: '' }), `${status} ${type}`).toBe(false);
        expect(can(status, qualified, { type, reason: '   ' }), `${status} ${type}`).toBe(false);
        expect(can(status, qualified, { type, reason: 'x'.repeat(LEAD_REASON_MAX + 1) }), `${status} ${type}`).toBe(false);
      }
    }
  });

  it('reassigns only to someone else', () => {
    expect(can('inProgress', qualified, { type: 'lead.reassign', to: 'rep-1' })).toBe(false);
    expect(can('inProgress', qualified, { type: 'lead.reassign', to: ' ' })).toBe(false);
  });

  it('allows nothing in accepted (converted), and only reopening when disqualified or closed', () => {
    const events: LeadEvent[] = [
      { type: 'lead.process', result: qualifiedResult },
      { type: 'lead.update' },
      { type: 'lead.convert' },
      { type: 'lead.reject', reason: 'r' },
      { type: 'lead.cancel', reason: 'r' },
      { type: 'lead.reassign', to: 'rep-2' },
      { type: 'lead.requestInfo' },
      { type: 'lead.infoProvided' },
    ];
    for (const status of ['accepted', 'rejected', 'cancelled'] as const) {
      for (const event of events) expect(can(status, qualified, event), `${status} ${event.type}`).toBe(false);
    }
    expect(can('accepted', qualified, { type: 'lead.reopen' })).toBe(false);
  });

  it('refuses a status it does not know instead of crashing', () => {
    expect(can('won' as LeadStatus, plain, { type: 'lead.update' })).toBe(false);
    expect(() => next('won' as LeadStatus, plain, { type: 'lead.update' })).toThrow(/'won'/);
  });

  it('has a state for every TMF699 lead status', () => {
    expect(Object.keys(leadMachine.states).sort()).toEqual([...LEAD_STATES].sort());
  });
});

describe('lead machine: context', () => {
  it('records the processing result on the lead, dropping a stale rating', () => {
    const context = { lead: makeLead({ qualified: true, rating: 'B', channel: 'Direct' }) };
    const next = step('acknowledged', context, { type: 'lead.process', result: unqualifiedResult, at: '2024-05-02T00:00:00Z' });
    expect(next.status).toBe('acknowledged');
    expect(next.context.lead).toMatchObject({ qualified: false, processingTrace: ['q', 'r', 'c'], processedAt: '2024-05-02T00:00:00Z' });
    expect(next.context.lead.rating).toBeUndefined();
    expect(next.context.lead.channel).toBeUndefined();
  });

  it('records the reason of a disqualification, replaces it on reopening, and moves the lead on reassignment', () => {
    const rejected = step('inProgress', qualified, { type: 'lead.reject', reason: '  Bought from a competitor ' });
    expect(rejected.context.lead.statusChangeReason).toBe('Bought from a competitor');
    const reopened = step('rejected', rejected.context, { type: 'lead.reopen' });
    expect(reopened.context.lead.statusChangeReason).toBeUndefined();
    const again = step('rejected', rejected.context, { type: 'lead.reopen', reason: 'They called back' });
    expect(again.context.lead.statusChangeReason).toBe('They called back');
    expect(step('inProgress', qualified, { type: 'lead.reassign', to: 'rep-2' }).context.lead.owner).toBe('rep-2');
  });

  it('applies edits but never a status change smuggled into them', () => {
    const next = step('acknowledged', plain, { type: 'lead.update', changes: { company: 'Acme Inc', status: 'accepted' } });
    expect(next.context.lead.company).toBe('Acme Inc');
    expect(next.context.lead.status).toBe('acknowledged');
  });

  it('runs as an actor for the UI from the stored status', () => {
    const actor = createActor(leadMachine, {
      input: qualified,
      snapshot: leadMachine.resolveState({ value: 'inProgress', context: qualified }),
    }).start();
    expect(actor.getSnapshot().can({ type: 'lead.convert' })).toBe(true);
    actor.send({ type: 'lead.convert' });
    expect(actor.getSnapshot().value).toBe('accepted');
    actor.stop();
  });
});
