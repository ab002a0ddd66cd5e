import type { Queryable } from '../db/db';
import type { JsonObject } from '../json';
import { EVENT_API_BASE, HUB_APIS } from './domains';

/** TMF688 Topic: one per API domain, named after it. */
export interface Topic extends JsonObject {
  id: string;
  href: string;
  name: string;
  '@type': 'Topic';
}

export function topicOf(domain: string): Topic {
  return { id: domain, href: `${EVENT_API_BASE}/topic/${domain}`, name: domain, '@type': 'Topic' };
}

/** The APIs with a hub, plus any other domain that has recorded events. */
export async function listTopics(db: Queryable): Promise<Topic[]> {
  const rows = await db.query<{ domain: string }>('SELECT DISTINCT domain FROM tmf_events');
  const known: string[] = HUB_APIS.map((api) => api.domain);
  const others = rows
    .map((row) => row.domain)
    .filter((domain) => !known.includes(domain))
    .sort();
  return [...known, ...others].map(topicOf);
}

export async function topicExists(db: Queryable, id: string): Promise<boolean> {
  if (HUB_APIS.some((api) => api.domain === id)) return true;
  const rows = await db.query('SELECT 1 FROM tmf_events WHERE domain = $1 LIMIT 1', [id]);
  return rows.length > 0;
}
