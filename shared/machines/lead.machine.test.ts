import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { LEAD_STATES, type LeadStatus } from '../schemas/lead.schema';
import { makeLead } from '../testing/docs.fixture';
import type { LeadProcessingResult } from '../leads/engine';
import { leadLifecycle, leadMachine, type LeadEvent } from './lead.machine';
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
    ['acknowledged', plain, { type: 'lead.cancel' }, 'cancelled'],
    ['inProgress', qualified, { type: 'lead.process', result: qualifiedResult }, 'inProgress'],
    ['inProgress', qualified, { type: 'lead.process', result: unqualifiedResult }, 'acknowledged'],
    ['inProgress', qualified, { type: 'lead.update' }, 'inProgress'],
    ['inProgress', qualified, { type: 'lead.convert' }, 'accepted'],
    ['inProgress', qualified, { type: 'lead.reject', reason: 'No budget after all' }, 'rejected'],
    ['inProgress', qualified, { type: 'lead.requestInfo' }, 'pending'],
    ['pending', qualified, { type: 'lead.infoProvided' }, 'inProgress'],
    ['pending', qualified, { type: 'lead.reject' }, 'rejected'],
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

  it('cannot cancel a lead sales already works, nor reject one marketing has not qualified', () => {
    expect(can('inProgress', qualified, { type: 'lead.cancel' })).toBe(false);
    expect(can('acknowledged', plain, { type: 'lead.reject' })).toBe(false);
  });

  it('allows nothing in the final states', () => {
    const events: LeadEvent[] = [
      { type: 'lead.process', result: qualifiedResult },
      { type: 'lead.update' },
      { type: 'lead.convert' },
      { type: 'lead.reject' },
      { type: 'lead.cancel' },
      { type: 'lead.requestInfo' },
      { type: 'lead.infoProvided' },
    ];
    for (const status of ['accepted', 'rejected', 'cancelled'] as const) {
      for (const event of events) expect(can(status, qualified, event)).toBe(false);
    }
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
