/**
 * Converting a qualified lead (TMF699: accepted = "converted into an opportunity") creates the
 * customer account, its first contact and the opportunity, all offline with client ids so the
 * four writes sync as one story.
 */
import type { AccountDoc, ContactDoc, LeadDoc, OpportunityDoc } from '../schemas';
import { newId } from '../ids';
import { sendLead } from '../machines/lead.machine';
import { sendOrThrow, type Actor } from '../machines/send';

export function convertLead(lead: LeadDoc, now: string, actor: Actor): { account: AccountDoc; contact: ContactDoc; opportunity: OpportunityDoc; lead: LeadDoc } {
  if (lead.qualified !== true) {
    throw new Error(`Lead '${lead.company}' is not qualified; process it with the lead rules (or complete its details) before converting it`);
  }
  // Throws with the reason when the lifecycle or the role rules do not allow it (e.g. pending, already accepted, not the owner).
  const { status } = sendOrThrow(sendLead(lead, { type: 'lead.convert' }, actor));

  const synced = { owner: lead.owner, createdAt: now, updatedAt: now, syncPending: true } as const;
  const accountId = newId();
  const contactId = newId();
  const opportunityId = newId();

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
  const contact: ContactDoc = {
    id: contactId,
    ...synced,
    accountId,
    name: lead.contactName,
    ...(lead.email ? { email: lead.email } : {}),
    ...(lead.phone ? { phone: lead.phone } : {}),
  };
  const opportunity: OpportunityDoc = {
    id: opportunityId,
    ...synced,
    name: `${lead.company} – ${lead.productCategory}`,
    accountId,
    contactId,
    leadId: lead.id,
    productCategory: lead.productCategory,
    expectedAmount: lead.purchaseAmount,
    status: 'acknowledged',
  };
  const converted: LeadDoc = { ...lead, accountId, contactId, opportunityId, status, updatedAt: now, syncPending: true };
  return { account, contact, opportunity, lead: converted };
}
