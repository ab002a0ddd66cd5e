/**
 * The discount policy: who may decide a discount of a given depth. Data, so the central system
 * can change it; the laptop decides with its copy and the central system decides again with its
 * own when the quote is pushed (the quote machine's guards and approval check read it).
 */
import type { PolicyDoc } from '../schemas';
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

/** The id of the one discount policy document the central system publishes (`policies`, kind `discount`). */
export const DISCOUNT_POLICY_ID = 'discount-policy';

/** The policy in force and whether it is the synced one or the built-in default. */
export interface PolicyInForce {
  policy: DiscountPolicy;
  source: 'synced' | 'default';
}

/**
 * A usable policy from a `discount` document: levels rising strictly, within 0-100, the last
 * covering 100 %, each approver no lower than the one before. Else undefined: a broken document
 * must not let a rep approve everything, so the caller falls back to the default.
 */
export function discountPolicyFromDoc(doc: Pick<PolicyDoc, 'kind' | 'updatedAt' | 'levels'>): DiscountPolicy | undefined {
  if (doc.kind !== 'discount' || !doc.levels || doc.levels.length === 0) return undefined;
  const levels = doc.levels.map((l) => ({ upToPercent: l.upToPercent, approver: l.approver }));
  for (const [i, level] of levels.entries()) {
    if (!(level.upToPercent >= 0 && level.upToPercent <= 100) || !APPROVERS.includes(level.approver)) return undefined;
    const before = levels[i - 1];
    if (before && (level.upToPercent <= before.upToPercent || !covers(level.approver, before.approver))) return undefined;
  }
  if (levels[levels.length - 1]?.upToPercent !== 100) return undefined;
  return { version: `${DISCOUNT_POLICY_ID}@${doc.updatedAt}`, levels };
}

/** The discount policy among the synced policy documents; the default only when none usable has synced. */
export function discountPolicyOf(policies: readonly PolicyDoc[] | undefined): PolicyInForce {
  const doc = policies?.find((p) => p.id === DISCOUNT_POLICY_ID && p.kind === 'discount');
  const policy = doc ? discountPolicyFromDoc(doc) : undefined;
  return policy ? { policy, source: 'synced' } : { policy: DEFAULT_DISCOUNT_POLICY, source: 'default' };
}

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
