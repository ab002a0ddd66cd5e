import { describe, expect, it } from 'vitest';
import { compareRecords, DedupIndex, describeMatch } from './dedup';
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
