import type { PolicyDoc } from '../../../shared/schemas';
import { CHARGES_POLICY_ID } from '../../../shared/orders/charges';
import { ORDER_APPROVAL_POLICY_ID } from '../../../shared/orders/orderPolicy';
import { DEFAULT_DISCOUNT_POLICY, DISCOUNT_POLICY_ID } from '../../../shared/quotes/discountPolicy';

/**
 * The demo company's order approval policy (reference data every laptop pulls): orders worth
 * more than $50,000 over a year, payment terms beyond Net 45, or a direct order discounted by
 * more than 15% off list wait for the rep's manager. And the discount authority on quotes: up to
 * 10 % the rep, up to 25 % the sales manager, above that the sales director. And the charge
 * table: sales tax by the service country (a blended 8.25 % for the US), an installation visit
 * for fibre, SD-WAN, voice and the firewall, shipping for the devices, free from $1,000 one-time.
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
  {
    id: CHARGES_POLICY_ID,
    kind: 'charges',
    name: 'Charges and tax',
    taxRates: [
      { country: 'US', basisPoints: 825 },
      { country: 'CA', basisPoints: 1300 },
      { country: 'GB', basisPoints: 2000 },
      { country: 'DE', basisPoints: 1900 },
    ],
    defaultTaxBasisPoints: 1000,
    itemCharges: [
      { offeringId: 'off-fibre-internet', kind: 'installation', amount: 25000 },
      { offeringId: 'off-sdwan-edge', kind: 'installation', amount: 35000 },
      { offeringId: 'off-sdwan-edge', kind: 'shipping', amount: 2500 },
      { offeringId: 'off-business-voice', kind: 'installation', amount: 9900 },
      { offeringId: 'off-managed-firewall', kind: 'installation', amount: 19900 },
      { offeringId: 'off-managed-firewall', kind: 'shipping', amount: 2500 },
      { offeringId: 'off-mobile-business', kind: 'shipping', amount: 500 },
    ],
    freeShippingFrom: 100000,
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
];
