/**
 * A `leads` document (captured on a laptop or received over TMF699) as a TMF699 v4 SalesLead.
 * The lead document is the truth for everything a rep can change; what only a SalesLead_Create
 * carries (name, description, notes, references...) comes from the tracking row, as received.
 */
import { describeMatch, type DuplicateMatch } from '../../../../shared/leads/dedup';
import type { LeadDoc } from '../../../../shared/schemas';
import { isObject, type JsonObject } from '../../platform/json';
import {
  PARTY_ROLES,
  salesLeadHref,
  type ContactMedium,
  type LeadCharacteristic,
  type PartyRef,
  type SalesLead,
  type SalesLeadPriority,
} from './salesLeadTypes';

export interface LeadOwner {
  id: string;
  displayName: string;
}

/** What sales_leads remembers about a lead (absent for leads it has not seen change yet). */
export interface LeadTracking {
  status: string;
  statusChangedAt: string;
  received: JsonObject | null;
  /** Likely duplicates found when it arrived (leadDuplicates.ts). */
  duplicates?: readonly DuplicateMatch[];
}

/**
 * Without a posted priority the rating decides: the rule sets grade A for the most urgent
 * (Vision's "Within 1 month, Approved"), so A is high and B medium; anything else, or no rating, low.
 */
function priorityOf(lead: LeadDoc, received: JsonObject): SalesLeadPriority {
  const posted = received.priority;
  if (posted === 'low' || posted === 'medium' || posted === 'high') return posted;
  if (lead.rating === 'A') return 'high';
  if (lead.rating === 'B') return 'medium';
  return 'low';
}

function contactMedia(lead: LeadDoc): ContactMedium[] {
  const media: ContactMedium[] = [];
  if (lead.email) media.push({ mediumType: 'email', preferred: true, characteristic: { emailAddress: lead.email } });
  if (lead.phone) media.push({ mediumType: 'phone', preferred: !lead.email, characteristic: { phoneNumber: lead.phone } });
  media.push({ mediumType: 'postalAddress', characteristic: { country: lead.country } });
  return media;
}

function receivedParty(received: JsonObject, role: string): JsonObject | undefined {
  const parties = Array.isArray(received.relatedParty) ? received.relatedParty.filter(isObject) : [];
  return parties.find((party) => party.role === role);
}

/**
 * Prospect and contact keep the id the poster gave them (or the converted account and contact),
 * with the names as the rep keeps them now; a laptop lead's parties are named after the lead.
 */
function relatedParties(lead: LeadDoc, owner: LeadOwner, received: JsonObject): PartyRef[] {
  const prospect = receivedParty(received, PARTY_ROLES.prospect);
  const contact = receivedParty(received, PARTY_ROLES.contact);
  const others = (Array.isArray(received.relatedParty) ? received.relatedParty.filter(isObject) : []).filter(
    (party) => party.role !== PARTY_ROLES.prospect && party.role !== PARTY_ROLES.contact,
  ) as PartyRef[];
  return [
    {
      ...prospect,
      id: lead.accountId ?? (typeof prospect?.id === 'string' ? prospect.id : `${lead.id}-prospect`),
      name: lead.company,
      role: PARTY_ROLES.prospect,
      '@referredType': 'Organization',
    },
    {
      ...contact,
      id: lead.contactId ?? (typeof contact?.id === 'string' ? contact.id : `${lead.id}-contact`),
      name: lead.contactName,
      role: PARTY_ROLES.contact,
      '@referredType': 'Individual',
    },
    { id: owner.id, name: owner.displayName, role: PARTY_ROLES.salesRep, '@referredType': 'Individual' },
    ...others,
  ];
}

function characteristics(lead: LeadDoc, duplicates: readonly DuplicateMatch[] | undefined): LeadCharacteristic[] {
  const list: LeadCharacteristic[] = [
    { name: 'purchaseTimeframe', valueType: 'string', value: lead.purchaseTimeframe },
    { name: 'budgetStatus', valueType: 'string', value: lead.budgetStatus },
    { name: 'source', valueType: 'string', value: lead.source },
  ];
  if (lead.qualified !== undefined) list.push({ name: 'qualified', valueType: 'boolean', value: lead.qualified });
  if (lead.processingTrace) list.push({ name: 'processingTrace', valueType: 'array', value: [...lead.processingTrace] });
  if (duplicates && duplicates.length > 0) {
    const value = duplicates.map((d) => ({
      id: d.id,
      '@referredType': REFERRED[d.kind],
      score: d.score,
      matchingFields: describeMatch(d.fields),
    }));
    list.push({ name: 'possibleDuplicate', valueType: 'array', value });
  }
  return list;
}

/** Why the lead is where it is: the conversion, the rep's reason, or the engine's qualification verdict. */
function statusReasonOf(lead: LeadDoc): string | undefined {
  if (lead.status === 'accepted' && lead.opportunityId) return `Converted into opportunity ${lead.opportunityId}`;
  // The rep's words when disqualifying, closing or reopening it.
  if (lead.statusChangeReason) return lead.statusChangeReason;
  if ((lead.status === 'acknowledged' || lead.status === 'inProgress') && lead.processingTrace?.[0]) return lead.processingTrace[0];
  return undefined;
}

const REFERRED = { lead: 'SalesLead', contact: 'Individual', account: 'Organization' } as const;

export function toSalesLead(lead: LeadDoc, owner: LeadOwner, tracking: LeadTracking | undefined): SalesLead {
  const received = tracking?.received ?? {};
  const { relatedParty: _parties, ...echoed } = received;
  const reason = statusReasonOf(lead);
  // A tracking row that lags the document (a push stored with syncError) knows no newer change.
  const statusChangeDate = tracking && tracking.status === lead.status ? tracking.statusChangedAt : lead.updatedAt;
  return {
    ...echoed,
    id: lead.id,
    href: salesLeadHref(lead.id),
    name: typeof received.name === 'string' ? received.name : lead.company,
    creationDate: lead.createdAt,
    status: lead.status,
    statusChangeDate,
    ...(reason === undefined ? {} : { statusChangeReason: reason }),
    ...(lead.rating === undefined ? {} : { rating: lead.rating }),
    priority: priorityOf(lead, received),
    ...(lead.channel === undefined ? {} : { channel: { id: lead.channel, name: lead.channel } }),
    category: { id: lead.productCategory, name: lead.productCategory },
    estimatedRevenue: { unit: 'USD', value: lead.purchaseAmount },
    prospectContact: contactMedia(lead),
    relatedParty: relatedParties(lead, owner, received),
    ...(lead.opportunityId ? { salesOpportunity: { id: lead.opportunityId } } : {}),
    characteristic: characteristics(lead, tracking?.duplicates),
    '@type': 'SalesLead',
  };
}
