/**
 * Work started from an account rather than from a lead (seed 003: a quote may be created
 * manually): an opportunity for it, which a quote then hangs from (every quote belongs to an
 * opportunity, whose quotes are its versions).
 */
import type { AccountDoc, OpportunityDoc } from '../schemas';
import { MAX_TEXT_LENGTH } from '../leads/lead.form';
import { unsafeTextReason } from '../text/unsafeText';

/** What is wrong with a typed opportunity name, or undefined; empty means "use the default name". */
export function opportunityNameError(name: string): string | undefined {
  const unsafe = unsafeTextReason(name);
  if (unsafe) return `The opportunity name ${unsafe}`;
  if (name.trim().length > MAX_TEXT_LENGTH) return `Shorten the opportunity name to ${MAX_TEXT_LENGTH} characters`;
  return undefined;
}

/** A new opportunity in TMF699's first state for the account, its primary contact as the contact. */
export function opportunityForAccount(input: {
  id: string;
  owner: string;
  now: string;
  account: Pick<AccountDoc, 'id' | 'name' | 'primaryContactId'>;
  name: string;
}): OpportunityDoc {
  const error = opportunityNameError(input.name);
  if (error) throw new Error(error);
  return {
    id: input.id,
    owner: input.owner,
    createdAt: input.now,
    updatedAt: input.now,
    syncPending: true,
    name: input.name.trim() || `${input.account.name} - new business`,
    accountId: input.account.id,
    ...(input.account.primaryContactId ? { contactId: input.account.primaryContactId } : {}),
    status: 'acknowledged',
  };
}
