/**
 * The catalog browser's reading of the local catalog copy (offerings, TMF620): what an offering
 * costs from, each price and discount with the condition it applies under, what a bundle holds.
 * Local data only, so it works offline.
 */
import type { OfferingDoc } from '../schemas';

type When = { characteristic: string; value: string } | undefined;

/** "when Bandwidth is 1 Gbps", or "always" for an unconditional price. */
export function describeWhen(when: When): string {
  return when ? `when ${when.characteristic} is ${when.value}` : 'always';
}

export interface PriceSummary {
  /** Lowest one-time charge per unit over the configurations (cents), null when there is none. */
  oneTimeFrom: number | null;
  /** Lowest monthly charge per unit (cents) before discounts, null when there is none. */
  recurringFrom: number | null;
  currency: string;
}

/**
 * The "from" prices of an offering: for each charge type, the cheapest configuration's sum of the
 * prices that apply to it (unconditional ones always, conditional ones for their value).
 */
export function priceSummary(offering: OfferingDoc): PriceSummary {
  const currency = offering.prices[0]?.currency ?? 'USD';
  const lowest = (type: 'oneTime' | 'recurring'): number | null => {
    const prices = offering.prices.filter((p) => p.priceType === type);
    if (prices.length === 0) return null;
    const always = prices.filter((p) => p.when === undefined).reduce((sum, p) => sum + p.amount, 0);
    const conditional = prices.filter((p) => p.when !== undefined);
    if (conditional.length === 0) return always;
    // Conditional prices of one characteristic are alternatives: the cheapest value counts.
    const byCharacteristic = new Map<string, number>();
    for (const p of conditional) {
      const name = p.when?.characteristic ?? '';
      byCharacteristic.set(name, Math.min(byCharacteristic.get(name) ?? Infinity, p.amount));
    }
    // A value with no price of its own adds nothing, so its characteristic costs nothing extra.
    for (const name of byCharacteristic.keys()) {
      const values = offering.characteristics.find((c) => c.name === name)?.values ?? [];
      const priced = new Set(conditional.filter((p) => p.when?.characteristic === name).map((p) => p.when?.value));
      if (values.some((value) => !priced.has(value))) byCharacteristic.set(name, 0);
    }
    return always + [...byCharacteristic.values()].reduce((sum, amount) => sum + amount, 0);
  };
  return { oneTimeFrom: lowest('oneTime'), recurringFrom: lowest('recurring'), currency };
}

export interface BundleComponent {
  id: string;
  /** The component's offering, undefined when it is not in the local catalog copy. */
  offering: OfferingDoc | undefined;
}

/** The offerings a bundle holds, in the catalog's order. */
export function bundleContents(offering: OfferingDoc, catalog: readonly OfferingDoc[]): BundleComponent[] {
  const byId = new Map(catalog.map((o) => [o.id, o]));
  return (offering.bundledOfferingIds ?? []).map((id) => ({ id, offering: byId.get(id) }));
}

/** The bundles that hold an offering: "part of". */
export function bundlesContaining(offeringId: string, catalog: readonly OfferingDoc[]): OfferingDoc[] {
  return catalog.filter((o) => (o.bundledOfferingIds ?? []).includes(offeringId));
}

/** The text a catalog search looks in: name, category, description, characteristic names and values. */
export function offeringSearchText(offering: OfferingDoc): string[] {
  return [offering.name, offering.category, offering.description ?? '', ...offering.characteristics.flatMap((c) => [c.name, ...c.values])];
}
