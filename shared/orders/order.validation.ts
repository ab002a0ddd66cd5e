/**
 * What an order needs before it can be submitted (seed 004: billing profile mandatory, order
 * lines reflect the quote). Every problem is listed at once so the rep fixes them in one pass.
 */
import type { OrderDoc } from '../schemas';
import { formatCents } from '../money';
import { unsafeTextReason } from '../text/unsafeText';

export interface ValidationIssue {
  field: string;
  message: string;
}

const ADDRESS_PARTS = [
  { key: 'street', label: 'street' },
  { key: 'city', label: 'city' },
  { key: 'postcode', label: 'postcode' },
  { key: 'country', label: 'country' },
] as const;

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** What the rep types on an order: billing account and service address. */
export interface OrderTypedText {
  billingAccount?: string | undefined;
  serviceAddress?: Partial<Record<(typeof ADDRESS_PARTS)[number]['key'], string | undefined>> | undefined;
}

/**
 * Typed text that carries a character no record may hold (NUL, control characters, broken
 * emoji), one issue per field. The form checks this as the rep types and stores nothing until
 * it is fixed; the central system refuses such a row with the same words.
 */
export function unsafeOrderText(order: OrderTypedText): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const billing = typeof order.billingAccount === 'string' ? unsafeTextReason(order.billingAccount) : null;
  if (billing) issues.push({ field: 'billingAccount', message: `The billing account ${billing}` });
  for (const { key, label } of ADDRESS_PARTS) {
    const value = order.serviceAddress?.[key];
    const reason = typeof value === 'string' ? unsafeTextReason(value) : null;
    if (reason) issues.push({ field: `serviceAddress.${key}`, message: `The ${label} of the service address ${reason}` });
  }
  return issues;
}

export function validateOrder(order: OrderDoc): ValidationIssue[] {
  const unsafe = unsafeOrderText(order);
  const issues: ValidationIssue[] = [];
  const has = (field: string) => unsafe.some((i) => i.field === field);
  if (has('billingAccount')) issues.push(...unsafe.filter((i) => i.field === 'billingAccount'));
  else if (blank(order.billingAccount)) {
    issues.push({ field: 'billingAccount', message: 'Choose the billing account this order is invoiced to' });
  }
  for (const { key, label } of ADDRESS_PARTS) {
    const field = `serviceAddress.${key}`;
    if (has(field)) issues.push(...unsafe.filter((i) => i.field === field));
    else if (blank(order.serviceAddress?.[key])) {
      issues.push({ field, message: `Enter the ${label} of the service address` });
    }
  }

  const items = Array.isArray(order.items) ? order.items : [];
  if (items.length === 0) {
    const fix = order.quoteId === undefined ? 'add at least one line' : 'create it again from an accepted quote with at least one line';
    issues.push({ field: 'items', message: `The order has no lines; ${fix}` });
  }
  items.forEach((item, index) => {
    const label = `Line ${index + 1}${blank(item.offeringName) ? '' : ` (${item.offeringName})`}`;
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      issues.push({ field: `items.${index}.quantity`, message: `${label}: set a quantity of 1 or more` });
    }
    if (blank(item.offeringId)) {
      issues.push({ field: `items.${index}.offeringId`, message: `${label}: choose a product offering for this line` });
    }
  });

  const totals = order.totals;
  const lineOneTime = items.reduce((sum, item) => sum + (isCents(item.oneTime) ? item.oneTime : Number.NaN), 0);
  const lineRecurring = items.reduce((sum, item) => sum + (isCents(item.recurring) ? item.recurring : Number.NaN), 0);
  const currency = blank(totals?.currency) ? 'USD' : totals.currency;
  if (blank(totals?.currency)) {
    issues.push({ field: 'totals.currency', message: 'The order total has no currency; reprice the quote and create the order again' });
  }
  if (Number.isNaN(lineOneTime) || Number.isNaN(lineRecurring)) {
    issues.push({ field: 'items', message: 'A line has no valid price; reprice the quote and create the order again' });
  } else if (totals?.oneTime !== lineOneTime || totals.recurring !== lineRecurring) {
    const shown = (oneTime: unknown, recurring: unknown): string =>
      `${isCents(oneTime) ? formatCents(oneTime, currency) : '?'} one-time and ${isCents(recurring) ? formatCents(recurring, currency) : '?'} monthly`;
    issues.push({
      field: 'totals',
      message: `The totals (${shown(totals?.oneTime, totals?.recurring)}) do not match the sum of the lines (${shown(lineOneTime, lineRecurring)}); reprice the quote and create the order again`,
    });
  }
  return issues;
}
