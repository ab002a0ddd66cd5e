/**
 * Charges and tax before submit (issue 10 item 3): the central system's charge table (the synced
 * `policies` document `charges`) applied to an order's lines, one function for the laptop and the
 * central ingest. All amounts are integer cents.
 *
 * - Installation: one-time, the table's amount per unit of an offering that needs a visit.
 * - Shipping: one-time, per unit of a physical item; none when the lines' one-time subtotal
 *   reaches `freeShippingFrom`.
 * - Tax: the rate of the service address's country (else the account's, else the default), on the
 *   one-time total (lines plus charges) and on the monthly total separately, each rounded once to
 *   the nearest cent, half up. Tax on the totals, not per line, so the sum never drifts.
 */
import { formatCents } from '../money';
import type { PolicyDoc } from '../schemas';
import type { LineItem } from '../schemas/lineItem';

/** The id of the one charge table document. */
export const CHARGES_POLICY_ID = 'charges';

export interface ChargeTable {
  updatedAt: string;
  taxRates: readonly { country: string; basisPoints: number }[];
  defaultTaxBasisPoints: number;
  itemCharges: readonly { offeringId: string; kind: 'installation' | 'shipping'; amount: number }[];
  freeShippingFrom?: number | undefined;
}

/** What an order stores (its `charges`) and the central system recomputes: one-time and recurring kept apart. */
export interface OrderCharges {
  installation: number;
  shipping: number;
  taxBasisPoints: number;
  taxOneTime: number;
  taxRecurring: number;
  /** Lines plus installation plus shipping plus tax. */
  totalOneTime: number;
  /** Monthly lines plus tax. */
  totalRecurring: number;
  currency: string;
  /** The charge table the figures come from (its `updatedAt`). */
  tableVersion: string;
}

export function chargeTableOf(policies: readonly PolicyDoc[]): ChargeTable | undefined {
  const doc = policies.find((policy) => policy.kind === 'charges' && policy.id === CHARGES_POLICY_ID);
  if (!doc || doc.defaultTaxBasisPoints === undefined) return undefined;
  return {
    updatedAt: doc.updatedAt,
    taxRates: (doc.taxRates ?? []).map((rate) => ({ ...rate })),
    defaultTaxBasisPoints: doc.defaultTaxBasisPoints,
    itemCharges: (doc.itemCharges ?? []).map((charge) => ({ ...charge })),
    freeShippingFrom: doc.freeShippingFrom,
  };
}

export function taxRateFor(table: ChargeTable, country: string | undefined): number {
  const code = country?.trim().toUpperCase();
  return table.taxRates.find((rate) => rate.country.toUpperCase() === code)?.basisPoints ?? table.defaultTaxBasisPoints;
}

/** `amount` × `basisPoints` / 10 000 rounded half up to the cent; never negative for non-negative input. */
export function taxOn(amount: number, basisPoints: number): number {
  if (amount <= 0 || basisPoints <= 0) return 0;
  return Math.floor((amount * basisPoints + 5000) / 10000);
}

export interface OrderForCharges {
  items: readonly Pick<LineItem, 'offeringId' | 'quantity' | 'oneTime' | 'recurring'>[];
  totals: { oneTime: number; recurring: number; currency: string };
  /** Where the service is delivered; else the account's country. */
  country?: string | undefined;
}

export function orderCharges(order: OrderForCharges, table: ChargeTable): OrderCharges {
  const perUnit = (offeringId: string, kind: 'installation' | 'shipping') =>
    table.itemCharges.filter((charge) => charge.offeringId === offeringId && charge.kind === kind).reduce((sum, c) => sum + c.amount, 0);
  let installation = 0;
  let shipping = 0;
  for (const line of order.items) {
    installation += perUnit(line.offeringId, 'installation') * line.quantity;
    shipping += perUnit(line.offeringId, 'shipping') * line.quantity;
  }
  if (table.freeShippingFrom !== undefined && order.totals.oneTime >= table.freeShippingFrom) shipping = 0;
  const taxBasisPoints = taxRateFor(table, order.country);
  const oneTimeBeforeTax = order.totals.oneTime + installation + shipping;
  const taxOneTime = taxOn(oneTimeBeforeTax, taxBasisPoints);
  const taxRecurring = taxOn(order.totals.recurring, taxBasisPoints);
  return {
    installation,
    shipping,
    taxBasisPoints,
    taxOneTime,
    taxRecurring,
    totalOneTime: oneTimeBeforeTax + taxOneTime,
    totalRecurring: order.totals.recurring + taxRecurring,
    currency: order.totals.currency,
    tableVersion: table.updatedAt,
  };
}

/** "8.25 %": a rate in basis points as a rep reads it. */
export function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2).replace(/\.?0+$/, '')} %`;
}

/** The figures that differ between two computations, as a sentence part; empty when they agree. */
export function chargesDifference(sent: OrderCharges | undefined, central: OrderCharges): string[] {
  const money = (cents: number) => formatCents(cents, central.currency);
  if (!sent) return [`charges and tax were not sent; the central system computes ${money(central.totalOneTime)} one-time`];
  const fields = [
    ['installation', 'installation'],
    ['shipping', 'shipping'],
    ['taxOneTime', 'one-time tax'],
    ['taxRecurring', 'monthly tax'],
  ] as const;
  return fields
    .filter(([key]) => sent[key] !== central[key])
    .map(([key, label]) => `${label} ${money(sent[key])} on the laptop, ${money(central[key])} on the central system`);
}

/** Where the tax is due: the service address's country, else the account's. */
export function chargeCountry(order: { serviceAddress?: { country?: string } }, accountCountry: string | undefined): string | undefined {
  const service = order.serviceAddress?.country?.trim();
  return service ? service : accountCountry;
}

/** The order with its charges stamped from the table (none without a table: the central system computes them). */
export function withCharges<O extends OrderForCharges & { serviceAddress?: { country?: string } }>(
  order: O,
  table: ChargeTable | undefined,
  accountCountry: string | undefined,
): O & { charges?: OrderCharges } {
  if (!table) return order;
  return { ...order, charges: orderCharges({ ...order, country: chargeCountry(order, accountCountry) }, table) };
}
