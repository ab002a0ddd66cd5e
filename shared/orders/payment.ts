/**
 * The order's payment method (issue 10 item 3): invoice, or a card the central system authorised
 * (shared/orders/cardAuthorisation.ts), of which the order keeps the reference only. The same
 * rules tell the laptop whether it may submit and the central ingest whether the authorisation
 * still covers the order.
 */
import type { CardBrand } from './card';
import { describeCard, formatCents } from './cardAuthorisation';
import type { OrderCharges } from './charges';

export type OrderPayment =
  { method: 'invoice' } | { method: 'card'; authorisationId: string; brand: CardBrand; last4: string; amount: number; currency: string };

/** The order's `payment` field as stored (the schema cannot say which fields go with which method). */
export interface StoredPayment {
  method: 'invoice' | 'card';
  authorisationId?: string;
  brand?: CardBrand;
  last4?: string;
  amount?: number;
  currency?: string;
}

/** The payment as a method with its fields; undefined for a card payment that lacks its authorisation. */
export function paymentOf(stored: StoredPayment | undefined): OrderPayment | undefined {
  if (!stored || stored.method === 'invoice') return { method: 'invoice' };
  const { authorisationId, brand, last4, amount, currency } = stored;
  if (authorisationId === undefined || brand === undefined || last4 === undefined || amount === undefined || currency === undefined) {
    return undefined;
  }
  return { method: 'card', authorisationId, brand, last4, amount, currency };
}

/**
 * What a card is authorised for: the first bill, i.e. the one-time total and the first month,
 * charges and tax included; without charges (no table synced) the lines' totals.
 */
export function grandTotal(order: { totals: { oneTime: number; recurring: number; currency: string }; charges?: OrderCharges }): {
  amount: number;
  currency: string;
} {
  if (order.charges) return { amount: order.charges.totalOneTime + order.charges.totalRecurring, currency: order.charges.currency };
  return { amount: order.totals.oneTime + order.totals.recurring, currency: order.totals.currency };
}

/** The authorisation as the central system holds it. */
export interface AuthorisationRecord {
  orderId: string;
  owner: string;
  amount: number;
  currency: string;
  expiresAt: string;
  usedByOrder: string | null;
}

const AGAIN = 'authorise the card again for the order total, or choose invoice';

/**
 * Why a card payment does not cover the order, or undefined when it does. Central re-check on
 * ingest: the authorisation exists, is the owner's for this order, holds the grand total the
 * central system computed, has not expired and no other order used it.
 */
export function paymentProblem(
  stored: StoredPayment | undefined,
  authorisation: AuthorisationRecord | undefined,
  order: { id: string; owner: string },
  total: { amount: number; currency: string },
  now: Date,
): string | undefined {
  if (!stored || stored.method === 'invoice') return undefined;
  const payment = paymentOf(stored);
  if (!payment || payment.method !== 'card') return `The card payment names no authorisation; ${AGAIN}`;
  const card = describeCard(payment.brand, payment.last4);
  if (!authorisation || authorisation.owner !== order.owner) return `The card authorisation of ${card} is unknown; ${AGAIN}`;
  if (authorisation.orderId !== order.id) return `The card authorisation of ${card} was made for another order; ${AGAIN}`;
  if (authorisation.usedByOrder !== null && authorisation.usedByOrder !== order.id) {
    return `The card authorisation of ${card} was used by another order; ${AGAIN}`;
  }
  if (Date.parse(authorisation.expiresAt) <= now.getTime())
    return `The card authorisation of ${card} expired on ${authorisation.expiresAt}; ${AGAIN}`;
  if (authorisation.amount !== total.amount || authorisation.currency !== total.currency) {
    return (
      `The card authorisation of ${card} holds ${formatCents(authorisation.amount, authorisation.currency)}, ` +
      `the order total is ${formatCents(total.amount, total.currency)}; ${AGAIN}`
    );
  }
  return undefined;
}

/** The laptop's submit guard: a card payment needs an authorisation of this order's grand total. */
export function paymentCovers(
  stored: StoredPayment | undefined,
  order: { totals: { oneTime: number; recurring: number; currency: string }; charges?: OrderCharges },
): boolean {
  if (!stored || stored.method === 'invoice') return true;
  const payment = paymentOf(stored);
  if (!payment || payment.method !== 'card') return false;
  const total = grandTotal(order);
  return payment.amount === total.amount && payment.currency === total.currency;
}

/** Why the order may not be submitted yet for its payment, or undefined: said beside the disabled Submit. */
export function paymentSubmitBlock(
  stored: StoredPayment | undefined,
  order: { totals: { oneTime: number; recurring: number; currency: string }; charges?: OrderCharges },
): string | undefined {
  if (paymentCovers(stored, order)) return undefined;
  const total = grandTotal(order);
  return `Payment: authorise the card for the order total, ${formatCents(total.amount, total.currency)}, or choose invoice, before submitting`;
}
