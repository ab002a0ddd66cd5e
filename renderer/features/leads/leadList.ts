import type { ListSpec } from '../../../shared/lists/listView';
import type { LeadDoc } from '../../../shared/schemas';
import { statusLabel } from '../statusLabels';
import { qualifiedText } from './leadDisplay';

/** Newest change first; the id breaks ties so the order is total and stable. */
export function newestKey(doc: { id: string; updatedAt?: string; createdAt?: string }): string {
  return `${doc.updatedAt ?? doc.createdAt ?? ''}|${doc.id}`;
}

/** What the Leads screen searches (company, contact, email), filters and sorts on. */
export const leadListSpec: ListSpec<LeadDoc> = {
  searchText: (lead) => [lead.company, lead.contactName, lead.email],
  filters: {
    status: (lead) => lead.status,
    rating: (lead) => lead.rating,
    channel: (lead) => lead.channel,
  },
  // Sorted as the rep reads the cells ("In progress", "Yes"), not by stored codes.
  sortValues: {
    company: (lead) => lead.company,
    contact: (lead) => lead.contactName,
    status: (lead) => statusLabel(lead.status),
    qualified: (lead) => (lead.qualified === undefined ? undefined : qualifiedText(lead)),
    rating: (lead) => lead.rating,
    channel: (lead) => lead.channel,
  },
  defaultOrder: newestKey,
  defaultDescending: true,
};
