/**
 * A lead conversion's other writes, checked against the lead they come from. Converting writes
 * the account (`sourceLeadId`), its first contact (the id derived from the lead) and the
 * opportunity (`leadId`) before the lead itself (shared/leads/convert.ts), each in its own
 * collection's push. So the lead may not be here yet: then it is judged when it comes, by the
 * status gate. When it is here it must be the pusher's, and converted or still convertible by
 * them (the lead machine, replayed to `accepted`), and not converted into other records.
 */
import { conversionIds } from '../../../../shared/leads/convert';
import { replayLead } from '../../../../shared/machines/replay';
import type { LeadDoc } from '../../../../shared/schemas';
import type { Queryable } from '../db/db';
import { loadDocs, type StoredDoc } from './docs';
import type { JsonObject } from '../json';
import type { RowContext } from './rules';

/** The lead a pushed account, contact or opportunity comes from, as stored (undefined: not here yet). */
export interface ConversionSource {
  leadId: string;
  lead: StoredDoc | undefined;
  /** The lead field that names this record once converted. */
  field: 'accountId' | 'contactId' | 'opportunityId';
}

const NOUN = { accountId: 'Account', contactId: 'Contact', opportunityId: 'Opportunity' } as const;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The lead id each pushed document names (the contact: through the stored account it belongs to, when its id is the derived one). */
async function leadIdsOf(tx: Queryable, collection: string, docs: readonly JsonObject[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (collection === 'accounts' || collection === 'opportunities') {
    const field = collection === 'accounts' ? 'sourceLeadId' : 'leadId';
    for (const doc of docs) {
      const leadId = text(doc[field]);
      if (leadId) result.set(String(doc.id), leadId);
    }
  } else if (collection === 'contacts') {
    const accounts = await loadDocs(tx, 'accounts', [...new Set(docs.flatMap((doc) => text(doc.accountId) ?? []))]);
    for (const doc of docs) {
      const leadId = text(accounts.get(String(doc.accountId))?.data.sourceLeadId);
      if (leadId && conversionIds(leadId).contactId === doc.id) result.set(String(doc.id), leadId);
    }
  }
  return result;
}

const FIELDS: Partial<Record<string, ConversionSource['field']>> = {
  accounts: 'accountId',
  contacts: 'contactId',
  opportunities: 'opportunityId',
};

/** One query for the leads a push's accounts, contacts or opportunities come from, by pushed document id. */
export async function loadConversionSources(
  tx: Queryable,
  collection: string,
  docs: readonly JsonObject[],
): Promise<Map<string, ConversionSource>> {
  const field = FIELDS[collection];
  if (!field) return new Map();
  const leadIds = await leadIdsOf(
    tx,
    collection,
    docs.filter((doc) => doc._deleted !== true),
  );
  const leads = await loadDocs(tx, 'leads', [...new Set(leadIds.values())]);
  return new Map(
    [...leadIds].map(([id, leadId]) => {
      const lead = leads.get(leadId);
      return [id, { leadId, lead: lead && !lead.deleted ? lead : undefined, field }];
    }),
  );
}

/** Why this record cannot come from its lead, or undefined when it may. */
export function conversionProblem(ctx: RowContext, id: string, source: ConversionSource): string | undefined {
  const { lead, leadId, field } = source;
  if (!lead) return undefined;
  const what = `${NOUN[field]} ${id} comes from converting lead ${leadId}`;
  if (lead.owner !== ctx.user.id) return `${what}, which belongs to another user; only its owner converts it`;
  const named = text(lead.data[field]);
  if (named !== undefined && named !== id)
    return `${what}, which was converted into ${NOUN[field].toLowerCase()} ${named}; open that one instead`;
  const stored = { ...lead.data, owner: lead.owner } as unknown as LeadDoc;
  if (stored.status === 'accepted') return undefined;
  // Pushed from a laptop that converted it offline: the lead itself follows; it must be convertible from where it is stored.
  const replayed = replayLead(stored, { ...stored, status: 'accepted' }, ctx.actor);
  if (replayed.ok) return undefined;
  const why = stored.qualified === true ? `it is ${stored.status}` : `it is ${stored.status} and not qualified`;
  return `${what}, which cannot be converted: ${why}; only a qualified lead that is being worked on is converted`;
}
