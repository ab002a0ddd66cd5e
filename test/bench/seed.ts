import type { AccountDoc, LeadDoc } from '../../shared/schemas';
import { volumeLead } from '../support/leadVolume';
import { DESKTOP_CLIENT_ID, SYNC_PATHS, type TokenResponse } from '../../shared/sync/protocol';

/** Runs in Node (seeding) and in the bench page (B1), so it uses only web APIs. */

/** Tier M: what one busy rep holds. BENCH_SCALE shrinks it for a quick run. */
export const TIER_M = { accounts: 10_000, leads: 50_000 } as const;
export const BENCH_REP = 'alex';

const AT = '2026-11-20T10:00:00.000Z';
const COUNTRIES = ['US', 'CA'];
const CATEGORIES = ['Laptops', 'Monitors', 'Computers', 'Voice'];

function meta(index: number) {
  const day = String(1 + (index % 28)).padStart(2, '0');
  return { id: crypto.randomUUID(), owner: 'unknown', createdAt: `2026-10-${day}T09:00:00.000Z`, updatedAt: AT, syncPending: true };
}

export function benchAccount(index: number): AccountDoc & { _deleted: boolean } {
  return {
    ...meta(index),
    name: `Bench Account ${index}`,
    country: COUNTRIES[index % COUNTRIES.length]!,
    industry: 'Retail',
    creditLimit: 50_000 + (index % 10) * 10_000,
    billingAccounts: [{ id: `ba-${index}`, name: `Bench Account ${index} billing` }],
    sites: [{ id: `site-${index}`, street: `${index} Long Industrial Estate Road`, city: 'Springfield', postcode: '12345', country: 'US' }],
    _deleted: false,
  };
}

export function benchLead(index: number): LeadDoc & { _deleted: boolean } {
  // Contacts, status, rating and channel vary as in the list tests, so B7's search and filters select real subsets.
  const { contactName, email, status, statusChangeReason, rating, channel, qualified } = volumeLead(index, 'unknown');
  return {
    ...meta(index),
    company: `Bench Prospect ${index} Holdings`,
    contactName,
    email,
    phone: `+1 555 ${String(index).padStart(7, '0')}`,
    country: COUNTRIES[index % COUNTRIES.length]!,
    productCategory: CATEGORIES[index % CATEGORIES.length]!,
    purchaseTimeframe: 'Within 1 month',
    purchaseAmount: 10_000 + (index % 90) * 1_000,
    budgetStatus: 'Approved',
    source: 'Road show',
    status,
    ...(statusChangeReason === undefined ? {} : { statusChangeReason }),
    ...(qualified === undefined ? {} : { qualified }),
    ...(rating ? { rating, channel } : {}),
    // Processed leads carry a trace; it makes the documents the size real ones are (~600 bytes).
    processingTrace: ['vision-qualification: rule "US laptops" matched', 'vision-rating: rule "budget approved" gave A'],
    _deleted: false,
  };
}

export async function repToken(centralUrl: string, username = BENCH_REP): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: DESKTOP_CLIENT_ID, username, password: 'demo' });
  const response = await fetch(`${centralUrl}${SYNC_PATHS.token}`, { method: 'POST', body: form });
  if (!response.ok) throw new Error(`Sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as TokenResponse).access_token;
}

/** Pushes `count` documents as the rep would, in 200-row batches, `parallel` at a time. */
async function pushAll(
  centralUrl: string,
  token: string,
  collection: 'accounts' | 'leads',
  count: number,
  make: (i: number) => object,
  parallel = 4,
) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const start = next;
      next = Math.min(count, next + 200);
      const rows = [];
      for (let i = start; i < next; i++) rows.push({ newDocumentState: make(i) });
      const response = await fetch(`${centralUrl}${SYNC_PATHS.push(collection)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(rows),
      });
      const refused = response.ok ? ((await response.json()) as unknown[]) : null;
      if (!refused || refused.length > 0) {
        throw new Error(
          `Seeding ${collection} failed at row ${start}: ${response.status} ${JSON.stringify(refused ?? (await response.text())).slice(0, 1500)}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** Seeds tier M (times `scale`) for the bench rep through the public sync protocol. */
export async function seedTierM(centralUrl: string, scale: number): Promise<{ accounts: number; leads: number; seconds: number }> {
  const started = performance.now();
  const token = await repToken(centralUrl);
  const accounts = Math.round(TIER_M.accounts * scale);
  const leads = Math.round(TIER_M.leads * scale);
  await pushAll(centralUrl, token, 'accounts', accounts, benchAccount);
  await pushAll(centralUrl, token, 'leads', leads, benchLead);
  return { accounts, leads, seconds: (performance.now() - started) / 1000 };
}
