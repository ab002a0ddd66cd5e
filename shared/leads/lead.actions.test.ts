import { describe, expect, it } from 'vitest';
import { MANAGER, REP } from '../testing/actors';
import { makeLead } from '../testing/docs.fixture';
import { leadActionState } from './lead.actions';
import { VISION_RULE_SETS } from './vision.ruleSets';

describe('leadActionState: what the lead screen enables, and why not', () => {
  it('enables Convert for a qualified lead in progress, for its owner only', () => {
    const lead = makeLead({ status: 'inProgress', qualified: true });
    expect(leadActionState(lead, 'convert', REP, VISION_RULE_SETS)).toEqual({ enabled: true });
    expect(leadActionState(lead, 'convert', MANAGER, VISION_RULE_SETS)).toEqual({
      enabled: false,
      why: "Only the lead's owner (rep-1) does this",
    });
  });

  it('says why Convert is unavailable for an unqualified lead, by the closest rule', () => {
    const lead = makeLead({ budgetStatus: 'Approved', purchaseTimeframe: '3-6 months', purchaseAmount: 30000, qualified: false });
    expect(leadActionState(lead, 'convert', REP, VISION_RULE_SETS)).toEqual({
      enabled: false,
      why: 'Not qualified: Purchase amount is $30,000 (needs $50,000 or more)',
    });
    const outside = makeLead({ productCategory: 'Voice', qualified: false });
    expect(leadActionState(outside, 'convert', REP, VISION_RULE_SETS)).toEqual({
      enabled: false,
      why: 'Not qualified: Product category is Voice (needs Monitors, Laptops or Computers)',
    });
  });

  it('says an unprocessed lead is not processed yet, and whether the rules are missing', () => {
    expect(leadActionState(makeLead(), 'convert', REP, [])).toEqual({
      enabled: false,
      why: 'Not processed yet: the lead rules have not been downloaded',
    });
    expect(leadActionState(makeLead(), 'convert', REP, VISION_RULE_SETS)).toMatchObject({
      why: 'Not processed yet: process the lead first',
    });
  });

  it('offers reopening a disqualified lead and says why nothing else is possible', () => {
    const lead = makeLead({ status: 'rejected', statusChangeReason: 'No budget', qualified: true });
    expect(leadActionState(lead, 'reopen', REP, VISION_RULE_SETS)).toEqual({ enabled: true });
    expect(leadActionState(lead, 'convert', REP, VISION_RULE_SETS)).toEqual({
      enabled: false,
      why: 'Disqualified (No budget): reopen it first',
    });
    expect(leadActionState(lead, 'edit', REP, VISION_RULE_SETS)).toEqual({
      enabled: false,
      why: 'Disqualified (No budget): reopen it first',
    });
    expect(leadActionState(makeLead({ status: 'accepted' }), 'reopen', REP, VISION_RULE_SETS)).toEqual({
      enabled: false,
      why: 'A converted lead stays converted',
    });
  });

  it('offers reassigning to a manager of the owner, never to the owner', () => {
    const lead = makeLead({ status: 'inProgress', qualified: true });
    expect(leadActionState(lead, 'reassign', MANAGER, VISION_RULE_SETS)).toEqual({ enabled: true });
    expect(leadActionState(lead, 'reassign', REP, VISION_RULE_SETS)).toEqual({
      enabled: false,
      why: 'Only a manager of its owner reassigns a lead',
    });
    expect(leadActionState(lead, 'disqualify', REP, VISION_RULE_SETS)).toEqual({ enabled: true });
  });
});
