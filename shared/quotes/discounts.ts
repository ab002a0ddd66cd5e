/**
 * Discounts a rep gives on a quote: on one line or on the whole quote, a percent or an amount,
 * one-time and recurring charges separately. The lines keep their catalog prices (what the
 * central system checks an order against); the discounts sit beside them and the net is derived.
 *
 * Order: a line's own discount first, then the quote's discount of that charge type on the sum of
 * the lines' nets. Amounts are integer cents; a percent is rounded half up once per line (or once
 * on the quote's sum); an amount is capped at what it discounts, so nothing goes below zero.
 */
import type { LineItem } from '../schemas/lineItem';

export type ChargeType = 'oneTime' | 'recurring';
export const CHARGE_TYPES: readonly ChargeType[] = ['oneTime', 'recurring'];
export type DiscountKind = 'percent' | 'amount';

/** One discount. `lineId` absent: on the whole quote. `value`: percent (0-100) or cents (whole, 0 or more). */
export interface QuoteDiscount {
  lineId?: string;
  appliesTo: ChargeType;
  kind: DiscountKind;
  value: number;
}

export interface NetLine {
  id: string;
  list: Record<ChargeType, number>;
  /** After the line's own discount (before the quote's). */
  net: Record<ChargeType, number>;
}

export interface NetQuote {
  lines: NetLine[];
  /** Sum of the lines' list prices. */
  list: Record<ChargeType, number>;
  /** What the customer pays: lines' nets less the quote's discount. */
  net: Record<ChargeType, number>;
  /**
   * The deepest discount any line gets, in percent of its list price, per charge type, counting
   * the quote's discount as spread over every line: what the discount policy judges.
   */
  depth: Record<ChargeType, number>;
}

/** Why a discount cannot be given as typed; the message names what to fix. */
export function discountProblem(discount: QuoteDiscount): string | undefined {
  const what = discount.appliesTo === 'oneTime' ? 'one-time' : 'recurring';
  if (!Number.isFinite(discount.value) || discount.value < 0) return `The ${what} discount must be 0 or more`;
  if (discount.kind === 'percent' && discount.value > 100) return `The ${what} discount cannot be more than 100 %`;
  if (discount.kind === 'percent' && Math.abs(Math.round(discount.value * 100) - discount.value * 100) > 1e-6) {
    return `The ${what} discount percent may have at most two decimals`;
  }
  if (discount.kind === 'amount' && !Number.isSafeInteger(discount.value)) return `The ${what} discount amount must be whole cents`;
  return undefined;
}

function off(base: number, discount: QuoteDiscount | undefined): number {
  if (discount === undefined || discountProblem(discount) !== undefined || base <= 0) return 0;
  if (discount.kind === 'amount') return Math.min(base, discount.value);
  return Math.min(base, Math.floor((base * discount.value) / 100 + 0.5));
}

const find = (discounts: readonly QuoteDiscount[], lineId: string | undefined, type: ChargeType) =>
  discounts.find((d) => d.lineId === lineId && d.appliesTo === type);

const zero = (): Record<ChargeType, number> => ({ oneTime: 0, recurring: 0 });

/** The quote's lines and totals after its discounts. Discounts naming no line of the quote are ignored. */
export function applyDiscounts(items: readonly LineItem[], discounts: readonly QuoteDiscount[]): NetQuote {
  const lines = items.map((item): NetLine => {
    const list = { oneTime: item.oneTime, recurring: item.recurring };
    const net = zero();
    for (const type of CHARGE_TYPES) net[type] = list[type] - off(list[type], find(discounts, item.id, type));
    return { id: item.id, list, net };
  });
  const list = zero();
  const net = zero();
  const depth = zero();
  for (const type of CHARGE_TYPES) {
    list[type] = lines.reduce((sum, l) => sum + l.list[type], 0);
    const linesNet = lines.reduce((sum, l) => sum + l.net[type], 0);
    const quoteOff = off(linesNet, find(discounts, undefined, type));
    net[type] = linesNet - quoteOff;
    // The quote's discount takes this share of every line's net.
    const kept = linesNet > 0 ? (linesNet - quoteOff) / linesNet : 1;
    for (const line of lines) {
      if (line.list[type] <= 0) continue;
      const percent = 100 * (1 - (line.net[type] * kept) / line.list[type]);
      depth[type] = Math.max(depth[type], percent);
    }
  }
  return { lines, list, net, depth };
}

/** The discounts with `discount` set (replacing one for the same line and charge type); value 0 removes it. */
export function setDiscount(discounts: readonly QuoteDiscount[], discount: QuoteDiscount): QuoteDiscount[] {
  const others = discounts.filter((d) => !(d.lineId === discount.lineId && d.appliesTo === discount.appliesTo));
  return discount.value === 0 ? others : [...others, discount];
}

/** Discounts of lines still on the quote, and the quote's own: a removed line takes its discounts with it. */
export function discountsOfLines(discounts: readonly QuoteDiscount[], items: readonly LineItem[]): QuoteDiscount[] {
  const ids = new Set(items.map((item) => item.id));
  return discounts.filter((d) => d.lineId === undefined || ids.has(d.lineId));
}
