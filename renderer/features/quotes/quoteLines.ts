import { defaultCharacteristics, PricingError, priceItems, type ConfiguredItem } from '../../../shared/pricing/engine';
import type { OfferingDoc } from '../../../shared/schemas';
import type { LineItem, Totals } from '../../../shared/schemas/lineItem';

/** The configuration of stored lines: what the rep chose, without the prices. */
export function configuredOf(items: readonly LineItem[]): ConfiguredItem[] {
  return items.map((i) => ({
    id: i.id,
    offeringId: i.offeringId,
    quantity: i.quantity,
    characteristics: i.characteristics.map((c) => ({ ...c })),
    ...(i.siteId === undefined ? {} : { siteId: i.siteId }),
  }));
}

/** A new line of one unit with the offering's default characteristic values. */
export function addLine(items: readonly ConfiguredItem[], offering: OfferingDoc, id: string): ConfiguredItem[] {
  return [...items, { id, offeringId: offering.id, quantity: 1, characteristics: defaultCharacteristics(offering) }];
}

export function removeLine(items: readonly ConfiguredItem[], lineId: string): ConfiguredItem[] {
  return items.filter((i) => i.id !== lineId);
}

export function setQuantity(items: readonly ConfiguredItem[], lineId: string, quantity: number): ConfiguredItem[] {
  return items.map((i) => (i.id === lineId ? { ...i, quantity } : i));
}

/** The site a line is delivered to; '' takes the line off any site. */
export function setSite(items: readonly ConfiguredItem[], lineId: string, siteId: string): ConfiguredItem[] {
  return items.map((i) => {
    if (i.id !== lineId) return i;
    const { siteId: _old, ...rest } = i;
    return siteId === '' ? rest : { ...rest, siteId };
  });
}

export function setCharacteristic(items: readonly ConfiguredItem[], lineId: string, name: string, value: string): ConfiguredItem[] {
  return items.map((i) => {
    if (i.id !== lineId) return i;
    const has = i.characteristics.some((c) => c.name === name);
    const characteristics = has
      ? i.characteristics.map((c) => (c.name === name ? { name, value } : c))
      : [...i.characteristics, { name, value }];
    return { ...i, characteristics };
  });
}

/** Typed quantity text -> a whole number of 1 or more, or null (the line keeps its last valid quantity). */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

export type Priced = { ok: true; items: LineItem[]; totals: Totals } | { ok: false; message: string; lineId?: string };

/** Prices the lines with the local catalog; a configuration the catalog refuses is reported, not thrown. */
export function price(items: readonly ConfiguredItem[], catalog: readonly OfferingDoc[]): Priced {
  try {
    return { ok: true, ...priceItems(items, catalog) };
  } catch (e) {
    if (e instanceof PricingError) return { ok: false, message: e.message, ...(e.lineId === undefined ? {} : { lineId: e.lineId }) };
    throw e;
  }
}

/**
 * How each line is named in its controls' labels ("Quantity for <name>"): the offering name, with
 * the line number added when the same offering is on the quote more than once.
 */
export function lineNames(
  items: readonly { id: string; offeringId: string }[],
  offeringName: (offeringId: string) => string,
): Map<string, string> {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  items.forEach((item, index) => {
    const name = offeringName(item.offeringId);
    const count = (seen.get(item.offeringId) ?? 0) + 1;
    seen.set(item.offeringId, count);
    names.set(item.id, count === 1 ? name : `${name} (line ${index + 1})`);
  });
  return names;
}

/** Launched offerings by category, categories and names sorted, for the "Offering" select. */
export function offeringGroups(offerings: readonly OfferingDoc[]): { category: string; offerings: OfferingDoc[] }[] {
  const groups = new Map<string, OfferingDoc[]>();
  for (const o of offerings) {
    if (o.lifecycleStatus !== 'Launched') continue;
    const list = groups.get(o.category) ?? [];
    list.push(o);
    groups.set(o.category, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, list]) => ({ category, offerings: list.sort((a, b) => a.name.localeCompare(b.name)) }));
}

/**
 * A characteristic's name as a label word: catalog names may be camelCase ("contractTerm") or
 * already words ("Contract term"); both read "Contract term".
 */
export function characteristicLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`)
    .replace(/[_-]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
