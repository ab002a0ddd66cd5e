/**
 * What a conversion offers instead of always creating a new customer: the existing accounts the
 * lead matches (directly, or through one of their contacts), each with why it matches, and for
 * each the contacts that match the lead's person. The rep picks one, or "new account".
 */
import type { AccountDoc, ContactDoc, LeadDoc } from '../schemas';
import { accountRecord, contactRecord, leadRecord } from './dedup/records';
import { explainMatch } from './dedup/explainMatch';
import type { DuplicateMatch } from './dedup/dedup';

const PERSONAL: ReadonlySet<string> = new Set(['contactName', 'email', 'phone']);

export interface ContactOffer {
  contact: ContactDoc;
  why: string;
}

export interface AccountOffer {
  account: AccountDoc;
  /** "company name matches 'ACME Ltd', same address 1 High St, SW1 1AA". */
  why: string;
  /** The account's contacts that match the lead, best first. */
  contacts: ContactOffer[];
}

/**
 * The accounts to offer for `lead`, best first, from the dedup engine's matches of the lead
 * (DedupIndex.duplicatesOf(leadRecord(lead))) and the laptop's accounts and contacts.
 */
export function conversionOffers(
  lead: LeadDoc,
  matches: readonly DuplicateMatch[],
  accounts: ReadonlyMap<string, AccountDoc>,
  contacts: ReadonlyMap<string, ContactDoc>,
): AccountOffer[] {
  const subject = leadRecord(lead);
  const offers = new Map<string, AccountOffer & { direct?: string; through: string[] }>();
  const offerFor = (account: AccountDoc) => {
    let offer = offers.get(account.id);
    if (!offer) offers.set(account.id, (offer = { account, why: '', contacts: [], through: [] }));
    return offer;
  };
  // Best first (the engine's order), each account once: its own match first, then its matching contacts'.
  for (const match of matches) {
    if (match.kind === 'account') {
      const account = accounts.get(match.id);
      if (account) offerFor(account).direct = explainMatch(subject, accountRecord(account), match.fields);
    } else if (match.kind === 'contact') {
      const contact = contacts.get(match.id);
      const account = contact ? accounts.get(contact.accountId) : undefined;
      if (!contact || !account) continue;
      const offer = offerFor(account);
      // Every contact of the account shares its company name: only one matching the person is offered as the lead's contact.
      if (!match.fields.some((f) => PERSONAL.has(f.field))) continue;
      const why = explainMatch(subject, contactRecord(contact, account.name), match.fields);
      offer.contacts.push({ contact, why });
      offer.through.push(`its contact ${contact.name}: ${why}`);
    }
  }
  return [...offers.values()].map(({ account, direct, through, contacts: offered }) => ({
    account,
    why: [...(direct ? [direct] : []), ...through].join('; '),
    contacts: offered,
  }));
}
