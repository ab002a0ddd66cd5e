import { LEAD_STATES, type LeadDoc } from '../../shared/schemas/lead.schema';

/**
 * Deterministic leads at volume (tier M is 50k) for list tests and benchmarks: companies,
 * contacts and emails vary so searches hit a known subset, and status, rating and channel
 * cycle with different periods so filters combine.
 */
const COMPANIES = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Litware',
  'Adventure Works',
  'Proseware',
  'Wingtip',
  'Coho Winery',
  'Alpine Ski',
];
const FIRST = ['Dana', 'Lee', 'Ari', 'Sam', 'Noor', 'Kim', 'Jo', 'Ravi', 'Mia', 'Tom', 'Eva'];
const LAST = ['Reyes', 'Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Silva', 'Novak'];
export const VOLUME_RATINGS = ['A', 'B', 'C', 'D'] as const;
export const VOLUME_CHANNELS = ['Direct', 'Partner', 'Telesales'] as const;

/** A UUIDv7-shaped id whose order follows `index` (newer leads have larger ids). */
function volumeId(index: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-${index.toString(16).padStart(12, '0')}`;
}

export function volumeLead(index: number, owner: string): LeadDoc {
  const company = `${COMPANIES[index % COMPANIES.length]} ${Math.floor(index / COMPANIES.length)}`;
  const contactName = `${FIRST[index % FIRST.length]} ${LAST[index % LAST.length]}`;
  const at = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
  const rated = index % 5 !== 4;
  const status = LEAD_STATES[index % LEAD_STATES.length]!;
  // Consistent with the lead lifecycle, which the central system replays on every push: only a
  // qualified lead gets past acknowledged (cancelled is reachable from there directly).
  const unprocessed = status === 'acknowledged' || status === 'cancelled';
  return {
    id: volumeId(index),
    owner,
    createdAt: at,
    updatedAt: at,
    syncPending: false,
    company,
    contactName,
    email: `${contactName.toLowerCase().replace(' ', '.')}.${index}@example.com`,
    phone: `+1 555 ${String(index % 10_000).padStart(4, '0')}`,
    country: 'US',
    productCategory: 'Laptops',
    purchaseTimeframe: 'Within 1 month',
    purchaseAmount: 1_000 + (index % 97) * 500,
    budgetStatus: 'Approved',
    source: 'Road show',
    status,
    // Disqualifying or closing a lead takes a reason (lead.reject / lead.cancel).
    ...(status === 'rejected' || status === 'cancelled' ? { statusChangeReason: 'Bought elsewhere' } : {}),
    ...(unprocessed ? {} : { qualified: true }),
    ...(rated
      ? {
          ...(unprocessed ? { qualified: index % 2 === 0 } : {}),
          rating: VOLUME_RATINGS[index % VOLUME_RATINGS.length],
          channel: VOLUME_CHANNELS[index % VOLUME_CHANNELS.length],
        }
      : {}),
  };
}

export function volumeLeads(count: number, owner: string): LeadDoc[] {
  return Array.from({ length: count }, (_, i) => volumeLead(i, owner));
}
