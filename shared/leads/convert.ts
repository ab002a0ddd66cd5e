/**
 * Converting a qualified lead (TMF699: accepted = "converted into an opportunity") creates the
 * customer account, its first contact and the opportunity, all offline with client ids so the
 * four writes sync as one story. The ids are derived from the lead's id, so a conversion that
 * failed between its writes and is tried again writes the same three records, never a second set.
 */
import { v5 } from 'uuid';
import type { AccountDoc, ContactDoc, LeadDoc, OpportunityDoc } from '../schemas';
import { sendLead } from '../machines/lead.machine';
import { sendOrThrow, type Actor } from '../machines/send';

/** Fixed namespace of Outpost's derived ids (UUIDv5); changing it would duplicate on retry across versions. */
const CONVERSION_NAMESPACE = '6f1d3c2e-8a4b-5c7d-9e0f-a1b2c3d4e5f6';

/** The ids a lead's conversion gives its account, contact and opportunity: the same on every try. */
export function conversionIds(leadId: string): { accountId: string; contactId: string; opportunityId: string } {
  return {
    accountId: v5(`${leadId}/account`, CONVERSION_NAMESPACE),
    contactId: v5(`${leadId}/contact`, CONVERSION_NAMESPACE),
    opportunityId: v5(`${leadId}/opportunity`, CONVERSION_NAMESPACE),
  };
}

function checkConvertible(lead: LeadDoc, actor: Actor): LeadDoc['status'] {
  if (lead.qualified !== true) {
    throw new Error(
      `Lead '${lead.company}' is not qualified; process it with the lead rules (or complete its details) before converting it`,
    );
  }
  // Throws with the reason when the lifecycle or the role rules do not allow it (e.g. pending, already accepted, not the owner).
  return sendOrThrow(sendLead(lead, { type: 'lead.convert' }, actor)).status;
}

export function convertLead(
  lead: LeadDoc,
  now: string,
  actor: Actor,
): { account: AccountDoc; contact: ContactDoc; opportunity: OpportunityDoc; lead: LeadDoc } {
  const status = checkConvertible(lead, actor);
  const synced = { owner: lead.owner, createdAt: now, updatedAt: now, syncPending: true } as const;
  const { accountId, contactId, opportunityId } = conversionIds(lead.id);

  const account: AccountDoc = {
    id: accountId,
    ...synced,
    name: lead.company,
    country: lead.country,
    primaryContactId: contactId,
    sourceLeadId: lead.id,
    billingAccounts: [],
    sites: [],
  };
  const contact = newContact(lead, accountId, now);
  const opportunity = newOpportunity(lead, accountId, contactId, now);
  const converted: LeadDoc = { ...lead, accountId, contactId, opportunityId, status, updatedAt: now, syncPending: true };
  return { account, contact, opportunity, lead: converted };
}

function newContact(lead: LeadDoc, accountId: string, now: string): ContactDoc {
  return {
    id: conversionIds(lead.id).contactId,
    owner: lead.owner,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    accountId,
    name: lead.contactName,
    ...(lead.email ? { email: lead.email } : {}),
    ...(lead.phone ? { phone: lead.phone } : {}),
  };
}

function newOpportunity(lead: LeadDoc, accountId: string, contactId: string, now: string): OpportunityDoc {
  return {
    id: conversionIds(lead.id).opportunityId,
    owner: lead.owner,
    createdAt: now,
    updatedAt: now,
    syncPending: true,
    name: `${lead.company} – ${lead.productCategory}`,
    accountId,
    contactId,
    leadId: lead.id,
    productCategory: lead.productCategory,
    expectedAmount: lead.purchaseAmount,
    status: 'acknowledged',
  };
}

/**
 * Converts the lead into an existing account (the rep picked it from conversionOffers.ts), and
 * an existing contact of it or a new one: only the opportunity, and the contact when new, are
 * created. The ids stay derived from the lead, so a retry writes the same records.
 */
export function convertLeadInto(
  lead: LeadDoc,
  now: string,
  actor: Actor,
  into: { account: Pick<AccountDoc, 'id'>; contact?: Pick<ContactDoc, 'id' | 'accountId'> },
): { contact: ContactDoc | null; opportunity: OpportunityDoc; lead: LeadDoc } {
  const status = checkConvertible(lead, actor);
  const accountId = into.account.id;
  if (into.contact && into.contact.accountId !== accountId) throw new Error('The contact chosen belongs to another account');
  const contact = into.contact ? null : newContact(lead, accountId, now);
  const contactId = into.contact?.id ?? conversionIds(lead.id).contactId;
  const opportunity = newOpportunity(lead, accountId, contactId, now);
  const converted: LeadDoc = { ...lead, accountId, contactId, opportunityId: opportunity.id, status, updatedAt: now, syncPending: true };
  return { contact, opportunity, lead: converted };
}
