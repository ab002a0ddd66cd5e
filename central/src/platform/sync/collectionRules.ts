import type { CollectionName, LeadDoc } from '../../../../shared/schemas';
import { validateLeadDoc } from '../../../../shared/leads/lead.validation';
import { accountRules } from '../../ordering/ingest/awaitingAccount';
import { orderRules } from '../../ordering/ingest/orderRules';
import { quoteRules } from '../../sales/quotes/quoteEvents';
import { announcePushedLeads } from '../../sales/leads/pushedLeads';
import type { CollectionRules, WritePlan } from './rules';

const leadRules: CollectionRules = {
  check: (plan: WritePlan): string[] => validateLeadDoc(plan.data as unknown as LeadDoc).map((issue) => issue.message),
  // TMF699 SalesLeadCreateEvent / StateChangeEvent / DeleteEvent for leads changed in the app,
  // for the whole batch at once, so leads are written in bulk.
  afterWriteBatch: announcePushedLeads,
};

/** Collections without rules are stored as normalised. */
export const COLLECTION_RULES: Partial<Record<CollectionName, CollectionRules>> = {
  leads: leadRules,
  orders: orderRules,
  accounts: accountRules,
  quotes: quoteRules,
};
