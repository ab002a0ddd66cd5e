import type { PolicyDoc } from '../../../shared/schemas';
import { ORDER_APPROVAL_POLICY_ID } from '../../../shared/orders/orderPolicy';
import { DEFAULT_DISCOUNT_POLICY, DISCOUNT_POLICY_ID } from '../../../shared/quotes/discountPolicy';

/**
 * The demo company's order approval policy (reference data every laptop pulls): orders worth
 * more than $50,000 over a year, payment terms beyond Net 45, or a direct order discounted by
 * more than 15% off list wait for the rep's manager. And the discount authority on quotes: up to
 * 10 % the rep, up to 25 % the sales manager, above that the sales director.
 */
export const SEED_POLICIES: readonly PolicyDoc[] = [
  {
    id: ORDER_APPROVAL_POLICY_ID,
    kind: 'orderApproval',
    name: 'Order approval',
    valueThreshold: 5_000_000,
    valueMonths: 12,
    currency: 'USD',
    standardPaymentTerms: ['Net 30', 'Net 45'],
    repDiscountPercent: 15,
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  {
    id: DISCOUNT_POLICY_ID,
    kind: 'discount',
    name: 'Discount authority',
    levels: DEFAULT_DISCOUNT_POLICY.levels.map((level) => ({ ...level })),
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
];
