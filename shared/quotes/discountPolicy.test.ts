import { describe, expect, it } from 'vitest';
import type { PolicyDoc } from '../schemas';
import { approverFor, DEFAULT_DISCOUNT_POLICY, DISCOUNT_POLICY_ID, discountPolicyFromDoc, discountPolicyOf } from './discountPolicy';

const SYNCED: PolicyDoc = {
  id: DISCOUNT_POLICY_ID,
  kind: 'discount',
  name: 'Discount authority',
  updatedAt: '2026-02-01T00:00:00.000Z',
  levels: [
    { upToPercent: 5, approver: 'rep' },
    { upToPercent: 20, approver: 'manager' },
    { upToPercent: 100, approver: 'director' },
  ],
};

describe('the synced discount policy', () => {
  it('is used when it has synced, and decides with its own levels', () => {
    const { policy, source } = discountPolicyOf([SYNCED]);
    expect(source).toBe('synced');
    expect(policy.version).toBe('discount-policy@2026-02-01T00:00:00.000Z');
    expect(approverFor(8, policy)).toBe('manager');
    expect(approverFor(8, DEFAULT_DISCOUNT_POLICY)).toBe('rep');
    expect(approverFor(22, policy)).toBe('director');
  });

  it('falls back to the default, saying so, when none has synced or it is of another kind or id', () => {
    expect(discountPolicyOf(undefined)).toEqual({ policy: DEFAULT_DISCOUNT_POLICY, source: 'default' });
    expect(discountPolicyOf([])).toEqual({ policy: DEFAULT_DISCOUNT_POLICY, source: 'default' });
    expect(discountPolicyOf([{ ...SYNCED, id: 'other' }]).source).toBe('default');
    expect(discountPolicyOf([{ ...SYNCED, kind: 'orderApproval' }]).source).toBe('default');
  });

  it('refuses a broken document rather than let anyone approve everything', () => {
    const broken: PolicyDoc['levels'][] = [
      [],
      // Does not reach 100 %.
      [{ upToPercent: 30, approver: 'rep' }],
      // Not rising.
      [
        { upToPercent: 20, approver: 'rep' },
        { upToPercent: 10, approver: 'manager' },
        { upToPercent: 100, approver: 'director' },
      ],
      // Authority falls as the discount deepens.
      [
        { upToPercent: 10, approver: 'manager' },
        { upToPercent: 100, approver: 'rep' },
      ],
    ];
    for (const levels of broken) expect(discountPolicyFromDoc({ ...SYNCED, levels })).toBeUndefined();
    const { levels: _none, ...withoutLevels } = SYNCED;
    expect(discountPolicyFromDoc(withoutLevels)).toBeUndefined();
  });
});
