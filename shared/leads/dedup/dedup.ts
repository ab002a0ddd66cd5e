/**
 * Likely duplicates of a lead among leads, contacts and accounts (issue 11; seed 001's "Leads
 * Deduplication rule"): compared by normalised company name, email address and domain, phone
 * digits, address and a fuzzy match of company and person names. The same engine runs on the
 * laptop (lead form, import, conversion) and on the central system (TMF699, pushed leads).
 *
 * Candidates come from an index of normalised keys (exact keys, and a short prefix of the company
 * and of each name word for the fuzzy match), so a check looks at a handful of records, not at
 * every one: 50k leads and 10k accounts are checked in milliseconds per lead.
 */
import { SimilarityBound, jaroWinkler } from './similarity';
import { addressKey, companyKey, emailDomainKey, emailKey, personKey, phoneKey, type AddressIn } from './normalise';

export type DedupKind = 'lead' | 'contact' | 'account';

/** What a record offers to compare; every field may be missing. */
export interface DedupRecord {
  kind: DedupKind;
  id: string;
  company?: string;
  /** A person: the lead's contact, the contact's name. */
  personName?: string;
  email?: string;
  phone?: string;
  addresses?: readonly AddressIn[];
}

export type MatchField = 'company' | 'contactName' | 'email' | 'emailDomain' | 'phone' | 'address';

export interface MatchedField {
  field: MatchField;
  /** exact: equal once normalised; similar: a fuzzy name match. */
  how: 'exact' | 'similar';
}

export interface DuplicateMatch {
  kind: DedupKind;
  id: string;
  /** 0..1: 0.5 and above is a likely duplicate. */
  score: number;
  fields: MatchedField[];
}

/** The score from which two records are shown as likely duplicates. */
export const LIKELY_DUPLICATE = 0.5;
/** Jaro-Winkler similarity from which two names count as the same name mistyped. */
export const SIMILAR_NAME = 0.92;

const WEIGHT: Record<MatchField, { exact: number; similar: number }> = {
  company: { exact: 0.5, similar: 0.35 },
  contactName: { exact: 0.3, similar: 0.2 },
  email: { exact: 0.6, similar: 0 },
  emailDomain: { exact: 0.2, similar: 0 },
  phone: { exact: 0.5, similar: 0 },
  address: { exact: 0.4, similar: 0 },
};

interface Keys {
  company: string;
  person: string;
  email: string;
  domain: string;
  phone: string;
  addresses: string[];
}

export function keysOf(record: DedupRecord): Keys {
  return {
    company: companyKey(record.company),
    person: personKey(record.personName),
    email: emailKey(record.email),
    domain: emailDomainKey(record.email),
    phone: phoneKey(record.phone),
    addresses: [...new Set((record.addresses ?? []).map(addressKey).filter((k) => k !== ''))],
  };
}

function nameMatch(a: string, b: string): 'exact' | 'similar' | undefined {
  if (a === '' || b === '') return undefined;
  if (a === b) return 'exact';
  // Short names differ by one letter from many others: only longer ones are matched fuzzily.
  if (Math.min(a.length, b.length) < 5) return undefined;
  // Lengths this far apart cannot reach SIMILAR_NAME: spare the comparison.
  if (Math.abs(a.length - b.length) > Math.max(a.length, b.length) / 4) return undefined;
  return jaroWinkler(a, b) >= SIMILAR_NAME ? 'similar' : undefined;
}

/** How alike two records' keys are: which fields match and the score (symmetric in a and b). */
export function compareKeys(a: Keys, b: Keys): { score: number; fields: MatchedField[] } {
  const fields: MatchedField[] = [];
  const company = nameMatch(a.company, b.company);
  if (company) fields.push({ field: 'company', how: company });
  const person = nameMatch(a.person, b.person);
  if (person) fields.push({ field: 'contactName', how: person });
  if (a.email !== '' && a.email === b.email) fields.push({ field: 'email', how: 'exact' });
  else if (a.domain !== '' && a.domain === b.domain) fields.push({ field: 'emailDomain', how: 'exact' });
  if (a.phone !== '' && a.phone === b.phone) fields.push({ field: 'phone', how: 'exact' });
  if (a.addresses.some((k) => b.addresses.includes(k))) fields.push({ field: 'address', how: 'exact' });
  const sum = fields.reduce((total, f) => total + WEIGHT[f.field][f.how], 0);
  return { score: Math.min(1, Math.round(sum * 100) / 100), fields };
}

export function compareRecords(a: DedupRecord, b: DedupRecord): { score: number; fields: MatchedField[] } {
  return compareKeys(keysOf(a), keysOf(b));
}

/** Blocking keys: records sharing none of these cannot be likely duplicates. */
function blockingKeys(keys: Keys): string[] {
  const out: string[] = [];
  if (keys.company !== '') out.push(`c:${keys.company}`);
  if (keys.email !== '') out.push(`e:${keys.email}`);
  if (keys.domain !== '') out.push(`d:${keys.domain}`);
  if (keys.phone !== '') out.push(`p:${keys.phone}`);
  for (const a of keys.addresses) out.push(`a:${a}`);
  // Last, so its candidates that share an exact key are already compared: a typo after the first
  // four letters still finds its candidates.
  if (keys.company.length >= 5) out.push(`${PREFIX}${keys.company.slice(0, 4)}`);
  return out;
}

const PREFIX = 'cp:';

/** The most records a fuzzy (prefix) candidate list may hold before it is skipped as too common. */
const MAX_PREFIX_BUCKET = 200;

interface Entry {
  record: DedupRecord;
  keys: Keys;
}

/** Records indexed by their normalised keys; add and check in any order. */
export class DedupIndex {
  private readonly entries = new Map<string, Entry>();
  /** Blocking key -> the entries that have it (the entries themselves: a lookup by ref per candidate cost more than the comparison). */
  private readonly buckets = new Map<string, Set<Entry>>();

  static of(records: Iterable<DedupRecord>): DedupIndex {
    const index = new DedupIndex();
    for (const record of records) index.add(record);
    return index;
  }

  get size(): number {
    return this.entries.size;
  }

  add(record: DedupRecord): void {
    const ref = refOf(record);
    if (this.entries.has(ref)) this.remove(record);
    const entry: Entry = { record, keys: keysOf(record) };
    this.entries.set(ref, entry);
    for (const key of blockingKeys(entry.keys)) {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new Set()));
      bucket.add(entry);
    }
  }

  remove(record: Pick<DedupRecord, 'kind' | 'id'>): void {
    const ref = refOf(record);
    const entry = this.entries.get(ref);
    if (!entry) return;
    for (const key of blockingKeys(entry.keys)) this.buckets.get(key)?.delete(entry);
    this.entries.delete(ref);
  }

  /** Likely duplicates of `record` (never itself, by kind and id), best first. */
  duplicatesOf(record: DedupRecord, threshold = LIKELY_DUPLICATE): DuplicateMatch[] {
    const keys = keysOf(record);
    // Without a company match the most a record can score is an exact contact name.
    const companyNeeded = threshold > WEIGHT.contactName.exact;
    const companyBound = new SimilarityBound(keys.company, SIMILAR_NAME);
    const seen = new Set<Entry>();
    const found: DuplicateMatch[] = [];
    for (const key of blockingKeys(keys)) {
      const bucket = this.buckets.get(key);
      const prefixOnly = key.startsWith(PREFIX);
      // A prefix hundreds of companies share ("inte...") says little: exact keys still find them.
      if (!bucket || (prefixOnly && bucket.size > MAX_PREFIX_BUCKET)) continue;
      for (const entry of bucket) {
        if (seen.has(entry) || (entry.record.kind === record.kind && entry.record.id === record.id)) continue;
        seen.add(entry);
        // Sharing only the prefix, it shares no exact key (those buckets came first): without a
        // similar company name it cannot reach the threshold, whatever the contact.
        if (prefixOnly && companyNeeded && !(companyBound.mayReach(entry.keys.company) && nameMatch(keys.company, entry.keys.company)))
          continue;
        const { score, fields } = compareKeys(keys, entry.keys);
        if (score >= threshold) found.push({ kind: entry.record.kind, id: entry.record.id, score, fields });
      }
    }
    return found.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  }
}

function refOf(record: Pick<DedupRecord, 'kind' | 'id'>): string {
  return `${record.kind}:${record.id}`;
}

/** Words a rep reads: "Company (similar), Phone". */
export const MATCH_FIELD_LABEL: Record<MatchField, string> = {
  company: 'Company',
  contactName: 'Contact name',
  email: 'Email',
  emailDomain: 'Email domain',
  phone: 'Phone',
  address: 'Address',
};

export function describeMatch(fields: readonly MatchedField[]): string {
  return fields.map((f) => (f.how === 'similar' ? `${MATCH_FIELD_LABEL[f.field]} (similar)` : MATCH_FIELD_LABEL[f.field])).join(', ');
}
