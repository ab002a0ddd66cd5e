/**
 * The discount policy: who may decide a discount of a given depth. Data, so the central system
 * can change it; the laptop decides with its copy and the central system decides again with its
 * own when the quote is pushed (the quote machine's guards and approval check read it).
 */
import type { LineItem } from '../schemas/lineItem';
import type { Actor } from '../machines/send';
import { applyDiscounts, CHARGE_TYPES, type ChargeType, type QuoteDiscount } from './discounts';

/** Who decides, in order of authority. */
export const APPROVERS = ['rep', 'manager', 'director'] as const;
export type Approver = (typeof APPROVERS)[number];

export interface DiscountPolicy {
  version: string;
  /** Up to `upToPercent` (inclusive) the `approver` decides; the last level covers everything above. */
  levels: readonly { upToPercent: number; approver: Approver }[];
}

export const DEFAULT_DISCOUNT_POLICY: DiscountPolicy = {
  version: 'discount-policy-1',
  levels: [
    { upToPercent: 10, approver: 'rep' },
    { upToPercent: 25, approver: 'manager' },
    { upToPercent: 100, approver: 'director' },
  ],
};

const APPROVER_TEXT: Record<Approver, string> = { rep: 'the rep', manager: 'the sales manager', director: 'the sales director' };

// Percents computed through cents carry float noise; a hundredth of a basis point is no discount.
const EPSILON = 1e-6;

/** Who decides a discount of `percent`. */
export function approverFor(percent: number, policy: DiscountPolicy): Approver {
  const level = policy.levels.find((l) => percent <= l.upToPercent + EPSILON);
  return level?.approver ?? policy.levels[policy.levels.length - 1]?.approver ?? 'director';
}

export interface DiscountDecision {
  approver: Approver;
  /** The deepest discount and where, in words ("22 % on recurring charges"), when there is one. */
  depth: number;
  chargeType?: ChargeType;
  text: string;
}

function rounded(percent: number): string {
  return String(Math.round(percent * 100) / 100);
}

/** Who must decide the quote's discounts under the policy, and why in words. */
export function discountDecision(
  quote: { items: readonly LineItem[]; discounts?: readonly QuoteDiscount[] },
  policy: DiscountPolicy,
): DiscountDecision {
  const { depth } = applyDiscounts(quote.items, quote.discounts ?? []);
  const deepest = CHARGE_TYPES.reduce<ChargeType>((a, b) => (depth[b] > depth[a] ? b : a), 'oneTime');
  const percent = depth[deepest];
  const approver = approverFor(percent, policy);
  if (percent <= EPSILON) return { approver, depth: 0, text: 'no discount' };
  const what = deepest === 'oneTime' ? 'one-time' : 'recurring';
  return {
    approver,
    depth: percent,
    chargeType: deepest,
    text: `${rounded(percent)} % off ${what} charges needs ${APPROVER_TEXT[approver]}`,
  };
}

export function approverText(approver: Approver): string {
  return APPROVER_TEXT[approver];
}

/** The authority of an actor over an owner's quote: a manager of the owner, a director above them, or none. */
export function authorityOf(actor: Actor, owner: string): Approver | undefined {
  if (actor.kind !== 'user' || actor.id === owner) return undefined;
  if (actor.role !== 'manager' || !actor.manages(owner)) return undefined;
  return actor.salesDirector === true ? 'director' : 'manager';
}

/** Whether `authority` covers what `needed` asks. */
export function covers(authority: Approver, needed: Approver): boolean {
  return APPROVERS.indexOf(authority) >= APPROVERS.indexOf(needed);
}
