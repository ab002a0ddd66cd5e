import type { RepWritableCollectionName } from '../schemas';

/** How a rep names one and several records of each collection, most consequential first. */
const NOUNS: readonly [RepWritableCollectionName, string, string][] = [
  ['orders', 'order', 'orders'],
  ['orderAttachments', 'order attachment', 'order attachments'],
  ['quotes', 'quote', 'quotes'],
  ['opportunities', 'opportunity', 'opportunities'],
  ['leads', 'lead', 'leads'],
  ['accounts', 'account', 'accounts'],
  ['contacts', 'contact', 'contacts'],
];

export type UnsyncedCounts = Partial<Record<RepWritableCollectionName, number>>;

/**
 * "2 orders and 1 lead have not reached the central system yet", or null when nothing waits.
 * Said before signing out, so the rep knows exactly what stays behind on this laptop.
 */
export function describeUnsynced(counts: UnsyncedCounts): string | null {
  const parts = NOUNS.flatMap(([name, one, many]) => {
    const n = counts[name] ?? 0;
    return n > 0 ? [`${n} ${n === 1 ? one : many}`] : [];
  });
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const total = NOUNS.reduce((sum, [name]) => sum + (counts[name] ?? 0), 0);
  return `${list} ${total === 1 ? 'has' : 'have'} not reached the central system yet`;
}
