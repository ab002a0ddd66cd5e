import { describe, expect, it } from 'vitest';
import { VISION_RULE_SETS } from '../../../shared/leads/vision.ruleSets';
import { MANAGER, REP } from '../../../shared/testing/actors';
import { makeLead } from '../../../shared/testing/docs.fixture';
import type { Actor } from '../../../shared/machines/send';
import { closedLead, needsProcessingOnOpen, reasonProblem, reassignedLead, reopenedLead, teamOf } from './leadLifecycle';

const NOW = '2026-12-01T10:00:00.000Z';

describe('lead lifecycle actions on the laptop', () => {
  it('disqualifies and closes only with a reason, named at the field', () => {
    expect(reasonProblem('disqualify', '  ')).toBe('Enter why the lead is disqualified');
    expect(reasonProblem('close', '')).toBe('Enter why the lead is closed');
    expect(reasonProblem('close', 'x'.repeat(501))).toMatch(/under 500 characters/);
    expect(reasonProblem('disqualify', 'No budget')).toBeNull();
    const lead = makeLead({ status: 'inProgress', qualified: true });
    expect(closedLead(lead, 'disqualify', 'No budget this year', REP)).toMatchObject({
      status: 'rejected',
      statusChangeReason: 'No budget this year',
    });
    expect(closedLead(lead, 'close', 'Duplicate', REP)).toMatchObject({ status: 'cancelled', statusChangeReason: 'Duplicate' });
    expect(() => closedLead(lead, 'close', 'Duplicate', MANAGER)).toThrow(/only by its owner/);
  });

  it('reopens a disqualified lead and processes it again: a qualified one goes back to sales', () => {
    const rejected = makeLead({ status: 'rejected', statusChangeReason: 'No budget', qualified: true, rating: 'A' });
    const reopened = reopenedLead(rejected, VISION_RULE_SETS, NOW, REP);
    expect(reopened).toMatchObject({ status: 'inProgress', qualified: true, processedAt: NOW });
    expect(reopened.statusChangeReason).toBeUndefined();
    expect(reopenedLead(rejected, [], NOW, REP).status).toBe('acknowledged');
  });

  it('reassigns through the gate: a manager to another of their reps', () => {
    const team: Actor = { kind: 'user', id: 'manager-1', role: 'manager', manages: (o) => o === 'rep-1' || o === 'rep-3' };
    const lead = makeLead({ status: 'inProgress', qualified: true });
    expect(reassignedLead(lead, 'rep-3', team).owner).toBe('rep-3');
    expect(() => reassignedLead(lead, 'rep-3', REP)).toThrow(/only by a manager of its owner/);
    expect(teamOf([{ owner: 'rep-1' }, { owner: 'rep-3' }, { owner: 'manager-1' }, { owner: 'rep-3' }], 'manager-1', 'rep-1')).toEqual([
      'rep-3',
    ]);
  });

  it('processes an unprocessed lead on open only for its owner and with rules', () => {
    const fresh = makeLead();
    expect(needsProcessingOnOpen(fresh, VISION_RULE_SETS, REP)).toBe(true);
    expect(needsProcessingOnOpen(fresh, [], REP)).toBe(false);
    expect(needsProcessingOnOpen(fresh, VISION_RULE_SETS, MANAGER)).toBe(false);
    expect(needsProcessingOnOpen(makeLead({ qualified: false, processedAt: NOW }), VISION_RULE_SETS, REP)).toBe(false);
  });
});
