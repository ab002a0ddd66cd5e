/**
 * The central system's re-check of a pushed account: the new-account form's rules applied to the
 * stored document (an account converted from a lead has no site yet, so sites are checked only
 * where there are some). The central system must not trust what a client sends.
 */
import type { AccountDoc } from '../schemas';
import { MAX_TEXT_LENGTH } from '../leads/lead.form';

export interface AccountIssue {
  field: string;
  message: string;
}

export function validateAccountDoc(account: AccountDoc): AccountIssue[] {
  const issues: AccountIssue[] = [];
  const name = typeof account.name === 'string' ? account.name.trim() : '';
  if (name === '') issues.push({ field: 'name', message: 'Enter the name of the customer' });
  else if (name.length > MAX_TEXT_LENGTH)
    issues.push({ field: 'name', message: `Shorten the account name to ${MAX_TEXT_LENGTH} characters` });
  if (account.parentAccountId !== undefined && account.parentAccountId === account.id) {
    issues.push({ field: 'parentAccountId', message: 'An account cannot be its own parent; choose another parent account or none' });
  }
  (account.sites ?? []).forEach((site, index) => {
    for (const field of ['street', 'city', 'postcode'] as const) {
      if (site[field].trim() === '') issues.push({ field: `sites.${index}.${field}`, message: `Enter the ${field} of site ${index + 1}` });
    }
  });
  return issues;
}
