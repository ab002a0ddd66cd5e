/** The parts of the TMF699 v4 SalesLead resource the central system writes (swagger definitions). */
export const SALES_BASE = '/tmf-api/sales/v4';
/** Event `domain`: the API's base path name, as the other TMF APIs here use it. */
export const SALES_DOMAIN = 'sales';

export const SALES_LEAD_PRIORITIES = ['low', 'medium', 'high'] as const;
export type SalesLeadPriority = (typeof SALES_LEAD_PRIORITIES)[number];

export interface PartyRef {
  id: string;
  name?: string;
  role?: string;
  '@referredType': string;
  [extension: string]: unknown;
}

export interface ContactMedium {
  mediumType: string;
  preferred?: boolean;
  characteristic: { emailAddress?: string; phoneNumber?: string; country?: string; [other: string]: unknown };
}

/**
 * Outpost's extension attribute (v4 SalesLead has no attribute for the purchase timeframe, the
 * budget status or where the lead came from): the TM Forum Characteristic shape {name, value}.
 */
export interface LeadCharacteristic {
  name: string;
  valueType?: string;
  value: unknown;
}

export interface SalesLead {
  id: string;
  href: string;
  name: string;
  creationDate: string;
  status: string;
  statusChangeDate: string;
  statusChangeReason?: string;
  rating?: string;
  priority: SalesLeadPriority;
  channel?: { id: string; name: string };
  category: { id: string; name: string };
  estimatedRevenue: { unit: string; value: number };
  prospectContact: ContactMedium[];
  relatedParty: PartyRef[];
  salesOpportunity?: { id: string };
  characteristic: LeadCharacteristic[];
  '@type': 'SalesLead';
  [attribute: string]: unknown;
}

export function salesLeadHref(id: string): string {
  return `${SALES_BASE}/salesLead/${id}`;
}

/** Party roles the central system reads on create and writes on every SalesLead. */
export const PARTY_ROLES = {
  prospect: 'prospect',
  contact: 'contact',
  salesRep: 'salesRep',
} as const;
