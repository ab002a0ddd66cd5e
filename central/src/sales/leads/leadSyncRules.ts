import type { LeadDoc } from '../../../../shared/schemas';
import { validateLeadDoc } from '../../../../shared/leads/lead.validation';
import type { CollectionRules, WritePlan } from '../../platform/sync/rules';
import { announcePushedLeads } from './pushedLeads';

/** How a push of `leads` is judged and announced (wired into the sync routes by server.ts). */
export const leadSyncRules: CollectionRules = {
  check: (plan: WritePlan): string[] => validateLeadDoc(plan.data as unknown as LeadDoc).map((issue) => issue.message),
  // TMF699 SalesLeadCreateEvent / StateChangeEvent / DeleteEvent for leads changed in the app,
  // for the whole batch at once, so leads are written in bulk.
  afterWriteBatch: announcePushedLeads,
};
