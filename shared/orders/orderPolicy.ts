/**
 * Order approval (seed 003: "the order can be routed for approval by a supervisor"): the
 * order-level policy the central system publishes as reference data (`policies`, kind
 * `orderApproval`). A submitted order that breaks any of its limits waits for the rep's
 * manager before it reaches fulfilment. The app evaluates it offline to tell the rep before
 * submitting; the central system evaluates it again on the order it receives and decides.
 */
import { formatCents } from '../money';
import { PricingError, priceItems } from '../pricing/engine';
import type { OfferingDoc, PolicyDoc } from '../schemas';
import type { LineItem, Totals } from '../schemas/lineItem';

/** The id of the one order approval policy document. */
export const ORDER_APPROVAL_POLICY_ID = 'order-approval';
/** Terms an order has when the rep chose none (and what an order from before payment terms means). */
export const DEFAULT_PAYMENT_TERMS = 'Net 30';
/** The terms a rep can choose; the policy says which of them are standard. */
export const PAYMENT_TERMS = ['Net 30', 'Net 45', 'Net 60', 'Net 90', 'Due on receipt'] as const;

export type OrderApprovalPolicy = Required<
  Pick<PolicyDoc, 'name' | 'valueThreshold' | 'valueMonths' | 'currency' | 'standardPaymentTerms' | 'repDiscountPercent'>
>;

/** What the policy reads of an order, however it arrived. */
export interface OrderForPolicy {
  items: readonly LineItem[];
  totals: Totals;
  paymentTerms?: string | undefined;
  /** An order from a quote: the quote's own approval covered its discount. */
  quoteId?: string | undefined;
  /** A delta order: a disconnect (`delete`) charges nothing because it orders nothing, which is no discount. */
  delta?: { action: string } | undefined;
}

/** One-time total plus `months` of the monthly total: what the order commits the customer to. */
export function orderValue(totals: { oneTime: number; recurring: number }, months: number): number {
  return totals.oneTime + months * totals.recurring;
}

/**
 * The discount off the catalog list price, percent of the list value (one decimal): the same
 * lines priced by the same engine without the catalog's discounts. Lines the catalog cannot
 * price are left out (the central consistency check reports them); none left: 0.
 */
export function discountPercent(order: OrderForPolicy, catalog: readonly OfferingDoc[], months: number): number {
  const undiscounted = catalog.map((offering) => ({ ...offering, discounts: [] }));
  let list = 0;
  let charged = 0;
  for (const line of order.items) {
    try {
      const [priced] = priceItems([line], undiscounted).items;
      if (!priced) continue;
      list += orderValue(priced, months);
      charged += orderValue(line, months);
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
    }
  }
  if (list <= 0) return 0;
  return Math.round(((list - charged) / list) * 1000) / 10;
}

/**
 * Why the manager must approve this order: one sentence per limit it breaks, empty when the rep
 * may place it alone (or when no policy is known: the central system then decides alone).
 */
export function orderApprovalReasons(
  order: OrderForPolicy,
  policy: OrderApprovalPolicy | undefined,
  catalog: readonly OfferingDoc[],
): string[] {
  if (!policy) return [];
  const reasons: string[] = [];
  const currency = order.totals.currency;
  const value = orderValue(order.totals, policy.valueMonths);
  const months = `one-time + ${policy.valueMonths} months of monthly charges`;
  if (currency !== policy.currency) {
    reasons.push(
      `The order is in ${currency}; the approval limit of ${formatCents(policy.valueThreshold, policy.currency)} is in ${policy.currency}`,
    );
  } else if (value > policy.valueThreshold) {
    reasons.push(`Order value ${formatCents(value, currency)} (${months}) is above ${formatCents(policy.valueThreshold, currency)}`);
  }
  const terms = order.paymentTerms ?? DEFAULT_PAYMENT_TERMS;
  if (!policy.standardPaymentTerms.includes(terms)) {
    reasons.push(`Payment terms "${terms}" are not standard (standard: ${policy.standardPaymentTerms.join(', ')})`);
  }
  if ((order.quoteId === undefined || order.quoteId === '') && order.delta?.action !== 'delete') {
    const discount = discountPercent(order, catalog, policy.valueMonths);
    if (discount > policy.repDiscountPercent) {
      reasons.push(
        `Discount of ${discount}% off the list price is above the rep's authority of ${policy.repDiscountPercent}%, and no quote approved it`,
      );
    }
  }
  return reasons;
}

/**
 * The policy among synced policy documents. Its fields are optional in the schema since v1 (a
 * policy document of another kind has none); one missing them is no usable policy.
 */
export function orderApprovalPolicyOf(policies: readonly PolicyDoc[]): OrderApprovalPolicy | undefined {
  const doc = policies.find((policy) => policy.kind === 'orderApproval' && policy.id === ORDER_APPROVAL_POLICY_ID);
  if (!doc) return undefined;
  const { name, valueThreshold, valueMonths, currency, standardPaymentTerms, repDiscountPercent } = doc;
  if (
    valueThreshold === undefined ||
    valueMonths === undefined ||
    currency === undefined ||
    standardPaymentTerms === undefined ||
    repDiscountPercent === undefined
  )
    return undefined;
  return { name, valueThreshold, valueMonths, currency, standardPaymentTerms: [...standardPaymentTerms], repDiscountPercent };
}
