/**
 * Prices configured lines from the local catalog copy (TMF620 offerings with embedded prices and
 * discounts). Amounts are integer cents.
 *
 * Rounding: a discount is applied to the unit charge and rounded half up to a whole cent once per
 * unit; the line is that unit amount times the quantity. So a line is always exactly
 * quantity x unit price, as the invoice shows it, and totals are plain sums.
 *
 * Discounts of one charge type add up (10% + 5% = 15% off the undiscounted charge), capped at
 * 100%, so no combination makes a charge negative.
 */
import type { OfferingDoc } from '../schemas';
import type { CharacteristicValue } from '../schemas/common';
import type { LineItem, Totals } from '../schemas/lineItem';

export interface ConfiguredItem {
  id: string;
  offeringId: string;
  quantity: number;
  characteristics: CharacteristicValue[];
  /** The customer site the line is delivered to (an account site's id), when the rep chose one. */
  siteId?: string | undefined;
}

/** A configuration the rep must change before the quote can be priced; the message says how. */
export class PricingError extends Error {
  constructor(
    message: string,
    readonly lineId?: string,
  ) {
    super(message);
    this.name = 'PricingError';
  }
}

/** Used when nothing is priced yet; every catalog price today is in US dollars. */
export const DEFAULT_CURRENCY = 'USD';

export function defaultCharacteristics(offering: OfferingDoc): CharacteristicValue[] {
  return offering.characteristics.map((c) => ({ name: c.name, value: c.default }));
}

type ChargeType = 'oneTime' | 'recurring';
type When = { characteristic: string; value: string } | undefined;

function applies(when: When, chosen: ReadonlyMap<string, string>): boolean {
  return when === undefined || chosen.get(when.characteristic) === when.value;
}

/** Half up for the non-negative amounts a catalog holds. */
function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5);
}

function clampPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}

/** Checks the configuration and fills defaults for characteristics the rep did not set. */
function resolveCharacteristics(item: ConfiguredItem, offering: OfferingDoc, line: string): CharacteristicValue[] {
  const chosen = new Map<string, string>();
  for (const { name, value } of item.characteristics) {
    const spec = offering.characteristics.find((c) => c.name === name);
    if (spec === undefined) {
      const known = offering.characteristics.map((c) => c.name);
      throw new PricingError(
        `${line}: '${offering.name}' has no option '${name}'; remove it${known.length > 0 ? ` (its options are ${known.join(', ')})` : ''}`,
        item.id,
      );
    }
    if (chosen.has(name)) throw new PricingError(`${line}: '${name}' is set twice; keep one value`, item.id);
    if (!spec.values.includes(value)) {
      throw new PricingError(
        `${line}: '${value}' is not a valid ${name} for '${offering.name}'; choose one of ${spec.values.join(', ')}`,
        item.id,
      );
    }
    chosen.set(name, value);
  }
  return offering.characteristics.map((c) => ({ name: c.name, value: chosen.get(c.name) ?? c.default }));
}

function priceLine(item: ConfiguredItem, index: number, catalog: readonly OfferingDoc[], currencies: Set<string>): LineItem {
  const line = `Line ${index + 1}`;
  const offering = catalog.find((o) => o.id === item.offeringId);
  if (offering === undefined) {
    throw new PricingError(`${line}: offering '${item.offeringId}' is not in the catalog; sync the catalog or remove the line`, item.id);
  }
  if (offering.lifecycleStatus !== 'Launched') {
    throw new PricingError(
      `${line}: '${offering.name}' is ${offering.lifecycleStatus} and can no longer be sold; remove the line or choose a launched offering`,
      item.id,
    );
  }
  if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
    throw new PricingError(`${line}: quantity of '${offering.name}' must be a whole number of 1 or more`, item.id);
  }
  const characteristics = resolveCharacteristics(item, offering, line);
  const chosen = new Map(characteristics.map((c) => [c.name, c.value]));

  const gross: Record<ChargeType, number> = { oneTime: 0, recurring: 0 };
  for (const price of offering.prices) {
    if (!applies(price.when, chosen)) continue;
    currencies.add(price.currency);
    gross[price.priceType] += price.amount;
  }
  const percentOff: Record<ChargeType, number> = { oneTime: 0, recurring: 0 };
  for (const discount of offering.discounts ?? []) {
    if (applies(discount.when, chosen)) percentOff[discount.appliesTo] += clampPercent(discount.percent);
  }
  const unit = (type: ChargeType): number => roundHalfUp((gross[type] * (100 - Math.min(100, percentOff[type]))) / 100);

  return {
    id: item.id,
    offeringId: offering.id,
    offeringName: offering.name,
    quantity: item.quantity,
    characteristics,
    oneTime: unit('oneTime') * item.quantity,
    recurring: unit('recurring') * item.quantity,
    ...(item.siteId === undefined ? {} : { siteId: item.siteId }),
  };
}

export function priceItems(items: readonly ConfiguredItem[], catalog: readonly OfferingDoc[]): { items: LineItem[]; totals: Totals } {
  const currencies = new Set<string>();
  const priced = items.map((item, index) => priceLine(item, index, catalog, currencies));
  if (currencies.size > 1) {
    throw new PricingError(
      `The lines are priced in several currencies (${[...currencies].sort().join(', ')}); quote offerings of one currency only`,
    );
  }
  const totals: Totals = {
    oneTime: priced.reduce((sum, l) => sum + l.oneTime, 0),
    recurring: priced.reduce((sum, l) => sum + l.recurring, 0),
    currency: [...currencies][0] ?? DEFAULT_CURRENCY,
  };
  return { items: priced, totals };
}
