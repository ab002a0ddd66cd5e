/**
 * Server-side re-check of a pushed lead: the same rules as the capture form, applied to the
 * stored document, because the central system must not trust what a client sends.
 */
import type { LeadDoc } from '../schemas';
import { LEAD_STATES } from '../schemas/lead.schema';
import { checkLeadFields, type LeadInput } from './lead.form';

export function validateLeadDoc(lead: LeadDoc): { field: string; message: string }[] {
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  const errors = checkLeadFields({
    company: text(lead.company),
    contactName: text(lead.contactName),
    email: text(lead.email),
    phone: text(lead.phone),
    country: text(lead.country),
    productCategory: text(lead.productCategory),
    purchaseTimeframe: text(lead.purchaseTimeframe),
    purchaseAmount: lead.purchaseAmount,
    budgetStatus: text(lead.budgetStatus),
    source: text(lead.source),
  });
  const issues: { field: string; message: string }[] = (Object.keys(errors) as (keyof LeadInput)[]).map((field) => ({
    field,
    message: errors[field] ?? '',
  }));
  if (!(LEAD_STATES as readonly string[]).includes(lead.status)) {
    issues.push({ field: 'status', message: `Status '${String(lead.status)}' is not a lead status; use one of ${LEAD_STATES.join(', ')}` });
  }
  return issues;
}
