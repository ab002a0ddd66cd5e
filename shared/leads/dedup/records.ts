/** The laptop's and the central system's documents as the dedup engine compares them. */
import type { AccountDoc, ContactDoc, LeadDoc } from '../../schemas';
import type { DedupRecord } from './dedup';

type LeadLike = Pick<LeadDoc, 'id' | 'company' | 'contactName'> & Partial<Pick<LeadDoc, 'email' | 'phone'>>;

export function leadRecord(lead: LeadLike): DedupRecord {
  return {
    kind: 'lead',
    id: lead.id,
    company: lead.company,
    personName: lead.contactName,
    ...(lead.email ? { email: lead.email } : {}),
    ...(lead.phone ? { phone: lead.phone } : {}),
  };
}

export function accountRecord(account: Pick<AccountDoc, 'id' | 'name' | 'sites'>): DedupRecord {
  return { kind: 'account', id: account.id, company: account.name, addresses: account.sites ?? [] };
}

/** A contact, with the name of its account as its company when known. */
export function contactRecord(contact: Pick<ContactDoc, 'id' | 'name' | 'email' | 'phone'>, accountName?: string): DedupRecord {
  return {
    kind: 'contact',
    id: contact.id,
    personName: contact.name,
    ...(accountName ? { company: accountName } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
  };
}

/** A lead that is no longer open, or was merged away, is no duplicate to offer. */
export function isOpenLead(lead: Pick<LeadDoc, 'status'>): boolean {
  return lead.status === 'acknowledged' || lead.status === 'inProgress' || lead.status === 'pending';
}
