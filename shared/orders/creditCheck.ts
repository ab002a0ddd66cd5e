/**
 * The credit check before and at submission (issue 10 item 3), one rule for the laptop and the
 * central consistency check: the exposure of an account is this order's (one-time total plus
 * CREDIT_EXPOSURE_MONTHS of its recurring total) plus the open exposure of its other orders
 * (submitted and not final, counted the same way); above the account's credit limit it needs a
 * credit review (the central system holds the order). An order that carries its charges counts
 * what the account is billed: installation, shipping and tax included (billedTotals). Amounts in
 * cents; the limit is recorded in whole currency units. Orders in another currency than this one
 * are left out, not converted.
 */
import { formatCents } from '../money';
import type { OrderCharges } from './charges';

export const CREDIT_EXPOSURE_MONTHS = 12;

/** Submitted and not final: what the account may still be billed for. Drafts and final states do not count. */
export const OPEN_EXPOSURE_STATES: ReadonlySet<string> = new Set([
  'queued',
  'acknowledged',
  'pending',
  'held',
  'inProgress',
  'partial',
  'assessingCancellation',
  'pendingCancellation',
]);

export interface Totals {
  oneTime: number;
  recurring: number;
  currency: string;
  /** Installation, shipping and tax are included (the order's charges), so the text says so. */
  charged?: boolean;
}

/** The billed figures of an order's charges. */
export type BilledCharges = Pick<OrderCharges, 'totalOneTime' | 'totalRecurring' | 'currency'>;

export interface ExposureOrder {
  id: string;
  accountId: string;
  status: string;
  totals: Totals;
  /** A delta order changes an installed product; a supplemental one replaces its original, so the original stops counting. */
  supplementOf?: string;
  charges?: BilledCharges;
}

/** What the account is billed for an order: its charges when it carries them, otherwise its lines. */
export function billedTotals(order: { totals: Totals; charges?: BilledCharges | undefined }): Totals {
  const { totals, charges } = order;
  if (!charges || charges.currency !== totals.currency) return totals;
  return { oneTime: charges.totalOneTime, recurring: charges.totalRecurring, currency: totals.currency, charged: true };
}

export type CreditResult =
  | { outcome: 'noLimit'; text: string }
  | { outcome: 'within' | 'over'; limit: number; exposure: number; open: number; total: number; text: string };

export function orderExposure(totals: Totals): number {
  return totals.oneTime + CREDIT_EXPOSURE_MONTHS * totals.recurring;
}

/** The exposure of the account's other open orders in this currency (the order itself, and the order it replaces, left out). */
export function openExposure(
  orders: readonly ExposureOrder[],
  accountId: string,
  order: Pick<ExposureOrder, 'id' | 'supplementOf'>,
  currency: string,
): number {
  return orders
    .filter((other) => other.accountId === accountId && other.id !== order.id && other.id !== order.supplementOf)
    .filter((other) => OPEN_EXPOSURE_STATES.has(other.status) && other.totals.currency === currency)
    .reduce((sum, other) => sum + orderExposure(billedTotals(other)), 0);
}

/** The check in words; "over" is the text the central system puts in the hold reason. */
export function creditCheck(account: { name: string; creditLimit?: number }, totals: Totals, open: number): CreditResult {
  if (typeof account.creditLimit !== 'number' || !Number.isFinite(account.creditLimit)) {
    return { outcome: 'noLimit', text: `No credit limit is recorded for ${account.name}, so no credit check applies` };
  }
  const money = (cents: number) => formatCents(cents, totals.currency);
  const exposure = orderExposure(totals);
  const total = exposure + open;
  const limit = Math.round(account.creditLimit * 100);
  const openText = open > 0 ? `, and ${money(open)} of open orders` : '';
  const charged = totals.charged ? ', charges and tax included' : '';
  const parts = `${money(totals.oneTime)} one-time + ${CREDIT_EXPOSURE_MONTHS} months of ${money(totals.recurring)}${charged}${openText}`;
  if (total > limit) {
    return {
      outcome: 'over',
      limit,
      exposure,
      open,
      total,
      text: `exposure ${money(total)} (${parts}) exceeds the credit limit of ${money(limit)} of ${account.name}`,
    };
  }
  return {
    outcome: 'within',
    limit,
    exposure,
    open,
    total,
    text: `exposure ${money(total)} (${parts}) is within the credit limit of ${money(limit)} of ${account.name} (${money(limit - total)} left)`,
  };
}
