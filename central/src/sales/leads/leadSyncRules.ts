import type { LeadDoc } from '../../../../shared/schemas';
import { validateLeadDoc } from '../../../../shared/leads/lead.validation';
import type { CollectionRules, WritePlan } from '../../platform/sync/rules';
import { checkPushedLeads } from '../ruleSets/leadDrift';
import { announcePushedLeads } from './pushedLeads';

/** How a push of `leads` is judged and announced (wired into the sync routes by server.ts). */
export const leadSyncRules: CollectionRules = {
  check: (plan: WritePlan): string[] => validateLeadDoc(plan.data as unknown as LeadDoc).map((issue) => issue.message),
  // TMF699 SalesLeadCreateEvent / StateChangeEvent / DeleteEvent for leads changed in the app,
  // for the whole batch at once, so leads are written in bulk.
  // Then drift: the central re-run of each lead with the rule-set versions it records.
  afterWriteBatch: async (ctx, rows) => {
    await announcePushedLeads(ctx, rows);
    await checkPushedLeads(ctx, rows);
  },
};
