/**
 * Why two records look like the same customer, in the rep's words and with the other record's
 * own values: "same email domain acme.com, company name matches 'ACME Ltd'". The fields come
 * from the engine (compareRecords / DedupIndex), so the text never claims more than it found.
 */
import type { DedupKind, DedupRecord, MatchedField } from './dedup';
import { addressKey, emailDomainKey, type AddressIn } from './normalise';

function quoted(value: string | undefined): string {
  return `'${(value ?? '').trim()}'`;
}

function addressText(address: AddressIn): string {
  return [address.street, address.postcode, address.city].filter((part) => part && part.trim() !== '').join(', ');
}

/** One phrase per matching field, in the engine's order. */
export function matchPhrases(subject: DedupRecord, other: DedupRecord, fields: readonly MatchedField[]): string[] {
  return fields.map(({ field, how }) => {
    switch (field) {
      case 'company':
        return how === 'exact' ? `company name matches ${quoted(other.company)}` : `company name is like ${quoted(other.company)}`;
      case 'contactName':
        return how === 'exact' ? `contact name matches ${quoted(other.personName)}` : `contact name is like ${quoted(other.personName)}`;
      case 'email':
        return `same email address ${(other.email ?? '').trim()}`;
      case 'emailDomain':
        return `same email domain ${emailDomainKey(other.email)}`;
      case 'phone':
        return `same phone number ${(other.phone ?? '').trim()}`;
      case 'address': {
        const mine = new Set((subject.addresses ?? []).map(addressKey));
        const shared = (other.addresses ?? []).find((a) => addressKey(a) !== '' && mine.has(addressKey(a)));
        return shared ? `same address ${addressText(shared)}` : 'same address';
      }
    }
  });
}

/** The phrases as one sentence part: "same email domain acme.com, company name matches 'ACME Ltd'". */
export function explainMatch(subject: DedupRecord, other: DedupRecord, fields: readonly MatchedField[]): string {
  return matchPhrases(subject, other, fields).join(', ');
}

const KIND_NOUN: Record<DedupKind, string> = { lead: 'Lead', contact: 'Contact', account: 'Account' };

/** How a matching record is named in a list: "Lead Acme Corp (Jane Doe)", "Account ACME Ltd". */
export function recordTitle(record: DedupRecord): string {
  const main = record.kind === 'contact' ? (record.personName ?? '') : (record.company ?? '');
  const aside = record.kind === 'contact' ? record.company : record.kind === 'lead' ? record.personName : undefined;
  return `${KIND_NOUN[record.kind]} ${main.trim()}${aside && aside.trim() !== '' ? ` (${aside.trim()})` : ''}`;
}
