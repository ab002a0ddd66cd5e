/**
 * Seed 001's "Leads Deduplication rule" on the central system: a lead received over TMF699 or
 * pushed new from a laptop is checked with the shared dedup engine (shared/leads/dedup) against
 * the open leads, the contacts and the accounts stored here. The central system does not refuse
 * it (a rep may have chosen to keep both; a web form cannot know) but flags it: the likely
 * duplicates, with the fields that match, are kept on its tracking row and shown in the
 * SalesLead as the `possibleDuplicate` characteristic.
 */
import { DedupIndex, leadRecord, accountRecord, contactRecord, type DuplicateMatch } from '../../../../shared/leads/dedup';
import type { LeadDoc } from '../../../../shared/schemas';
import type { Queryable } from '../../platform/db/db';

const OPEN = `('acknowledged', 'inProgress', 'pending')`;

/** The index of what a new lead may duplicate: only the fields the engine compares are read. */
export async function loadDedupIndex(tx: Queryable): Promise<DedupIndex> {
  const leads = await tx.query<{ id: string; company: string; contact: string; email: string | null; phone: string | null }>(
    `SELECT id, data ->> 'company' AS company, data ->> 'contactName' AS contact, data ->> 'email' AS email, data ->> 'phone' AS phone
       FROM sync_docs WHERE collection = 'leads' AND NOT deleted AND data ->> 'status' IN ${OPEN}`,
  );
  const accounts = await tx.query<{ id: string; name: string; sites: LeadSite[] | null }>(
    `SELECT id, data ->> 'name' AS name, data -> 'sites' AS sites FROM sync_docs WHERE collection = 'accounts' AND NOT deleted`,
  );
  const contacts = await tx.query<{ id: string; name: string; email: string | null; phone: string | null; account: string | null }>(
    `SELECT c.id, c.data ->> 'name' AS name, c.data ->> 'email' AS email, c.data ->> 'phone' AS phone, a.data ->> 'name' AS account
       FROM sync_docs c LEFT JOIN sync_docs a ON a.collection = 'accounts' AND a.id = c.data ->> 'accountId'
      WHERE c.collection = 'contacts' AND NOT c.deleted`,
  );
  const index = new DedupIndex();
  for (const l of leads) index.add(leadRecord({ id: l.id, company: l.company, contactName: l.contact, ...optional(l) }));
  for (const a of accounts) index.add(accountRecord({ id: a.id, name: a.name, sites: Array.isArray(a.sites) ? a.sites : [] }));
  for (const c of contacts) index.add(contactRecord({ id: c.id, name: c.name, ...optional(c) }, c.account ?? undefined));
  return index;
}

type LeadSite = { id: string; street: string; city: string; postcode: string; country: string };

function optional(row: { email: string | null; phone: string | null }): { email?: string; phone?: string } {
  return { ...(row.email ? { email: row.email } : {}), ...(row.phone ? { phone: row.phone } : {}) };
}

/**
 * The likely duplicates of each lead, by lead id (leads with none are left out). A lead's own
 * conversion records are no duplicates of it.
 */
export function duplicatesOfLeads(index: DedupIndex, leads: readonly LeadDoc[]): Map<string, DuplicateMatch[]> {
  const result = new Map<string, DuplicateMatch[]>();
  for (const lead of leads) {
    const own = new Set([lead.accountId, lead.contactId].filter((id): id is string => id !== undefined));
    const found = index.duplicatesOf(leadRecord(lead)).filter((m) => !own.has(m.id));
    if (found.length > 0) result.set(lead.id, found);
  }
  return result;
}

/** Keeps the flags on the leads' tracking rows (written before, by trackStatus or trackStatuses). */
export async function flagDuplicates(tx: Queryable, flags: ReadonlyMap<string, DuplicateMatch[]>): Promise<void> {
  if (flags.size === 0) return;
  await tx.query(`UPDATE sales_leads s SET duplicates = f.value FROM jsonb_each($1::jsonb) AS f WHERE s.id = f.key`, [
    JSON.stringify(Object.fromEntries(flags)),
  ]);
}
