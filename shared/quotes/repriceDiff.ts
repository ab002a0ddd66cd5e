/**
 * Freshness: a quote keeps the prices it was made with until the rep chooses to reprice. When the
 * local catalog is newer than the quote's, the diff says line by line what repricing would change
 * (old price, new price, or why the line can no longer be priced), so nothing changes silently and
 * an order is never built on prices the central system would hold without the rep seeing them.
 */
import { PricingError, priceItems, type ConfiguredItem } from '../pricing/engine';
import type { OfferingDoc, QuoteDoc } from '../schemas';
import type { LineItem, Totals } from '../schemas/lineItem';

export interface RepriceLine {
  lineId: string;
  offeringName: string;
  old: { oneTime: number; recurring: number };
  /** Absent when the line cannot be priced with the new catalog (`problem` says why). */
  new?: { oneTime: number; recurring: number };
  problem?: string;
}

export interface RepriceDiff {
  /** The lines whose price differs, or that can no longer be priced; unchanged lines are left out. */
  lines: RepriceLine[];
  oldTotals: Totals;
  /** The repriced quote's lines and totals, when every line can be priced. */
  repriced?: { items: LineItem[]; totals: Totals };
  catalogVersion: string;
}

function configured(item: LineItem): ConfiguredItem {
  return {
    id: item.id,
    offeringId: item.offeringId,
    quantity: item.quantity,
    characteristics: item.characteristics.map((c) => ({ ...c })),
  };
}

function priceOne(item: LineItem, catalog: readonly OfferingDoc[]): LineItem | string {
  try {
    const priced = priceItems([configured(item)], catalog).items[0];
    return priced ?? 'the line is empty';
  } catch (e) {
    if (e instanceof PricingError) return e.message.replace(/^Line 1: /, '');
    throw e;
  }
}

/** What repricing the quote with `catalog` (of version `catalogVersion`) would change. */
export function repriceDiff(
  quote: Pick<QuoteDoc, 'items' | 'totals'>,
  catalog: readonly OfferingDoc[],
  catalogVersion: string,
): RepriceDiff {
  const lines: RepriceLine[] = [];
  const items: LineItem[] = [];
  for (const item of quote.items) {
    const old = { oneTime: item.oneTime, recurring: item.recurring };
    const now = priceOne(item, catalog);
    if (typeof now === 'string') {
      lines.push({ lineId: item.id, offeringName: item.offeringName, old, problem: now });
      continue;
    }
    items.push(now);
    if (now.oneTime !== old.oneTime || now.recurring !== old.recurring) {
      lines.push({ lineId: item.id, offeringName: now.offeringName, old, new: { oneTime: now.oneTime, recurring: now.recurring } });
    }
  }
  const canReprice = items.length === quote.items.length;
  const repriced = canReprice ? priceTotals(items, quote.totals.currency) : undefined;
  return { lines, oldTotals: quote.totals, catalogVersion, ...(repriced ? { repriced: { items, totals: repriced } } : {}) };
}

function priceTotals(items: readonly LineItem[], currency: string): Totals {
  return {
    oneTime: items.reduce((sum, l) => sum + l.oneTime, 0),
    recurring: items.reduce((sum, l) => sum + l.recurring, 0),
    currency,
  };
}

/**
 * Whether the quote must be looked at before it goes further: repricing with the local catalog
 * would change something. Not only a new catalog version: a price the central system changed
 * within a version (TMF620 PATCH of a price) counts as much, since its check holds such an order.
 */
export function needsRepriceReview(diff: RepriceDiff): boolean {
  return diff.lines.length > 0;
}

/** The age of the local catalog copy in words, from the newest offering change it holds. */
export function catalogAge(offerings: readonly Pick<OfferingDoc, 'updatedAt'>[], now: Date): string {
  const newest = offerings.reduce((max, o) => (o.updatedAt > max ? o.updatedAt : max), '');
  const at = Date.parse(newest);
  if (newest === '' || Number.isNaN(at)) return 'no catalog on this laptop yet';
  const minutes = Math.max(0, Math.floor((now.getTime() - at) / 60_000));
  if (minutes < 1) return 'changed less than a minute ago';
  if (minutes < 60) return `changed ${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `changed ${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `changed ${Math.floor(hours / 24)} days ago`;
}
