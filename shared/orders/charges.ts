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
  /** A disconnect (`delete`) sends no one and ships nothing: it has no installation or shipping. */
  delta?: { action: string } | undefined;
}

/** One line's installation and shipping, cents, quantity included. */
export interface LineCharges {
  installation: number;
  shipping: number;
}

/** Each line's share of the charges, in line order; the charges of `orderCharges` are their sums. */
export function lineCharges(order: Pick<OrderForCharges, 'items' | 'totals' | 'delta'>, table: ChargeTable): LineCharges[] {
  if (order.delta?.action === 'delete') return order.items.map(() => ({ installation: 0, shipping: 0 }));
  const perUnit = (offeringId: string, kind: 'installation' | 'shipping') =>
    table.itemCharges.filter((charge) => charge.offeringId === offeringId && charge.kind === kind).reduce((sum, c) => sum + c.amount, 0);
  const freeShipping = table.freeShippingFrom !== undefined && order.totals.oneTime >= table.freeShippingFrom;
  return order.items.map((line) => ({
    installation: perUnit(line.offeringId, 'installation') * line.quantity,
    shipping: freeShipping ? 0 : perUnit(line.offeringId, 'shipping') * line.quantity,
  }));
}

export function orderCharges(order: OrderForCharges, table: ChargeTable): OrderCharges {
  let installation = 0;
  let shipping = 0;
  for (const line of lineCharges(order, table)) {
    installation += line.installation;
    shipping += line.shipping;
  }
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
export function chargesDifference(sent: OrderCharges, central: OrderCharges): string[] {
  const money = (cents: number) => formatCents(cents, central.currency);
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

/**
 * How the central system's reason for holding an order starts a charges difference
 * (central/src/ordering/ingest/orderCharges.ts); the order screen reads it back.
 */
export const CHARGES_DIFFER = 'Charges and tax differ from the central charge table';

/** The charges difference the central system found, from the order's reason; undefined when it found none. */
export function chargesVerdictOf(stateReason: string | undefined): string | undefined {
  const start = stateReason?.indexOf(CHARGES_DIFFER) ?? -1;
  if (!stateReason || start < 0) return undefined;
  // Findings in a hold reason are separated by "; " (holdReason), the differences within this one by " and ".
  return stateReason.slice(start).split('; ')[0];
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
