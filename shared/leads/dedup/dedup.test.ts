import { describe, expect, it } from 'vitest';
import { compareRecords, DedupIndex, describeMatch, type DedupRecord } from './dedup';
import { explainMatch, recordTitle } from './explainMatch';
import { addressKey, companyKey, emailDomainKey, phoneKey } from './normalise';

describe('dedup normalisation', () => {
  it('reads a company without its legal form, case or punctuation', () => {
    expect(companyKey('ACME Corp.')).toBe('acme');
    expect(companyKey('Acme Corporation')).toBe('acme');
    expect(companyKey('Müller & Söhne GmbH')).toBe('muller and sohne');
  });
  it('keeps the digits of a phone, the last nine, and ignores free mail domains', () => {
    expect(phoneKey('+44 20 7946 0000')).toBe(phoneKey('020 7946 0000'));
    expect(phoneKey('12-34')).toBe('');
    expect(emailDomainKey('jane@gmail.com')).toBe('');
    expect(emailDomainKey('Jane@Acme.COM')).toBe('acme.com');
  });
  it('reads street words the same written out or short', () => {
    expect(addressKey({ street: '1 High Street', postcode: 'SW1 1AA' })).toBe(addressKey({ street: '1 high st', postcode: 'sw11aa' }));
  });
});

describe('dedup matches', () => {
  it('names the fields that match: a mistyped company at the same phone', () => {
    const match = compareRecords(
      { kind: 'lead', id: 'a', company: 'Northwind Traders', personName: 'Jane Doe', phone: '555 010 2000' },
      { kind: 'lead', id: 'b', company: 'Nortwind Traders Ltd', personName: 'John Roe', phone: '(555) 010-2000' },
    );
    expect(describeMatch(match.fields)).toBe('Company (similar), Phone');
    expect(match.score).toBeGreaterThanOrEqual(0.5);
  });
  it('does not call two people of the same free mail provider duplicates', () => {
    const match = compareRecords(
      { kind: 'lead', id: 'a', company: 'Alpha', personName: 'Ann Lee', email: 'ann@gmail.com' },
      { kind: 'lead', id: 'b', company: 'Bravo', personName: 'Bob Ray', email: 'bob@gmail.com' },
    );
    expect(match.fields).toEqual([]);
  });
  it('finds the account of a lead and forgets a removed record', () => {
    const index = DedupIndex.of([{ kind: 'account', id: 'acc', company: 'Contoso Ltd' }]);
    expect(index.duplicatesOf({ kind: 'lead', id: 'l', company: 'CONTOSO' }).map((m) => m.id)).toEqual(['acc']);
    index.remove({ kind: 'account', id: 'acc' });
    expect(index.duplicatesOf({ kind: 'lead', id: 'l', company: 'CONTOSO' })).toEqual([]);
  });
});

describe('the matching explanation', () => {
  const typed: DedupRecord = { kind: 'lead', id: 'new', company: 'Acme Limited', personName: 'Jane Doe', email: 'j.doe@Acme.com' };

  it("names each matching field with the other record's own value", () => {
    const account: DedupRecord = { kind: 'account', id: 'a', company: 'ACME Ltd' };
    const lead: DedupRecord = { kind: 'lead', id: 'l', company: 'Acme', personName: 'John Roe', email: 'john@acme.com' };
    expect(explainMatch(typed, lead, compareRecords(typed, lead).fields)).toBe("company name matches 'Acme', same email domain acme.com");
    expect(explainMatch(typed, account, compareRecords(typed, account).fields)).toBe("company name matches 'ACME Ltd'");
  });

  it('says when a name is only similar, and which phone and address are the same', () => {
    const other: DedupRecord = {
      kind: 'account',
      id: 'b',
      company: 'Northwnd Traders',
      phone: '(555) 010-2000',
      addresses: [{ street: '1 High Street', postcode: 'SW1 1AA' }],
    };
    const subject: DedupRecord = {
      kind: 'lead',
      id: 'c',
      company: 'Northwind Traders',
      phone: '555 010 2000',
      addresses: [{ street: '1 high st', postcode: 'sw11aa' }],
    };
    expect(explainMatch(subject, other, compareRecords(subject, other).fields)).toBe(
      "company name is like 'Northwnd Traders', same phone number (555) 010-2000, same address 1 High Street, SW1 1AA",
    );
  });

  it('titles a record by its kind and name', () => {
    expect(recordTitle(typed)).toBe('Lead Acme Limited (Jane Doe)');
    expect(recordTitle({ kind: 'contact', id: 'x', personName: 'Jane Doe', company: 'ACME Ltd' })).toBe('Contact Jane Doe (ACME Ltd)');
    expect(recordTitle({ kind: 'account', id: 'y', company: 'ACME Ltd' })).toBe('Account ACME Ltd');
  });
});
