/**
 * The same lead processing as on the laptop (renderer/features/leads/leadProcessing.ts): the
 * shared engine with the synced rule sets, its result sent through the shared lead machine,
 * which records it and decides the status (qualified -> inProgress).
 */
import { processLeadWithVersions } from '../../../../shared/leads/engine';
import { validateLeadDoc } from '../../../../shared/leads/lead.validation';
import { sendLead } from '../../../../shared/machines/lead.machine';
import { CENTRAL_SYSTEM, sendOrThrow } from '../../../../shared/machines/send';
import type { LeadDoc, RuleSetDoc } from '../../../../shared/schemas';
import type { Queryable } from '../../platform/db/db';
import { badRequest } from '../../platform/http/errors';
import type { LeadFieldsIn } from './salesLeadInput';

/** The rule sets the reps' apps pull: reference data maintained in the central system. */
export async function loadRuleSets(tx: Queryable): Promise<RuleSetDoc[]> {
  const rows = await tx.query<{ data: RuleSetDoc }>(`SELECT data FROM sync_docs WHERE collection = 'ruleSets' AND NOT deleted ORDER BY id`);
  return rows.map((row) => row.data);
}

/** Where each lead field came from in SalesLead_Create, for reasons a TMF client can act on. */
const ATTRIBUTE_OF: Record<string, string> = {
  company: 'relatedParty (role prospect) name, or name',
  contactName: 'relatedParty (role contact) name',
  email: 'prospectContact emailAddress',
  phone: 'prospectContact phoneNumber',
  country: 'prospectContact country',
  productCategory: 'category',
  purchaseTimeframe: 'characteristic purchaseTimeframe',
  purchaseAmount: 'estimatedRevenue',
  budgetStatus: 'characteristic budgetStatus',
  source: 'characteristic source',
};

export interface NewLead {
  id: string;
  owner: string;
  fields: LeadFieldsIn;
  now: string;
}

/**
 * A new lead, processed as the laptop does it. With no rule sets at all the lead stays as
 * received, unprocessed, as the laptop leaves it when it has none.
 */
export function processNewLead(lead: NewLead, ruleSets: readonly RuleSetDoc[]): LeadDoc {
  const received: LeadDoc = {
    id: lead.id,
    owner: lead.owner,
    createdAt: lead.now,
    updatedAt: lead.now,
    syncPending: false,
    ...lead.fields,
    status: 'acknowledged',
  };
  const issues = validateLeadDoc(received);
  if (issues.length > 0) {
    throw badRequest(issues.map((issue) => `${ATTRIBUTE_OF[issue.field] ?? issue.field}: ${issue.message}`).join('; '));
  }
  if (ruleSets.length === 0) return received;
  const result = processLeadWithVersions(received, ruleSets);
  return sendOrThrow(sendLead(received, { type: 'lead.process', result, at: lead.now }, CENTRAL_SYSTEM));
}
