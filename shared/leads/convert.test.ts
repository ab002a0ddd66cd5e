import { describe, expect, it } from 'vitest';
import { makeAccount, makeLead } from '../testing/docs.fixture';
import type { Actor } from '../machines/send';
import { convertLead, convertLeadInto } from './convert';
import { conversionOffers } from './conversionOffers';
import { accountRecord, contactRecord, DedupIndex, leadRecord } from './dedup';
import type { ContactDoc } from '../schemas';

const NOW = '2024-05-02T12:00:00.000Z';
const qualifiedLead = makeLead({ status: 'inProgress', qualified: true, rating: 'A', channel: 'Direct', owner: 'rep-7' });
const REP: Actor = { kind: 'user', id: 'rep-7', role: 'rep', manages: () => false };

describe('convertLead', () => {
  it('creates a linked account, contact and opportunity and marks the lead accepted', () => {
    const { account, contact, opportunity, lead } = convertLead(qualifiedLead, NOW, REP);
    expect(account).toMatchObject({
      name: 'Acme Corp',
      country: 'US',
      owner: 'rep-7',
      sourceLeadId: 'lead-1',
      primaryContactId: contact.id,
      syncPending: true,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(contact).toMatchObject({
      accountId: account.id,
      name: 'Jane Doe',
      email: 'jane@acme.example',
      phone: '+1 555 010 0199',
      owner: 'rep-7',
      syncPending: true,
    });
    expect(opportunity).toMatchObject({
      name: 'Acme Corp – Laptops',
      accountId: account.id,
      contactId: contact.id,
      leadId: 'lead-1',
      status: 'acknowledged',
      expectedAmount: 60000,
      productCategory: 'Laptops',
      owner: 'rep-7',
      syncPending: true,
      createdAt: NOW,
    });
    expect(lead).toMatchObject({
      status: 'accepted',
      accountId: account.id,
      contactId: contact.id,
      opportunityId: opportunity.id,
      updatedAt: NOW,
      syncPending: true,
      rating: 'A',
    });
  });

  it('derives the ids from the lead, so converting again writes the same records, and another lead gets its own', () => {
    const a = convertLead(qualifiedLead, NOW, REP);
    const again = convertLead(qualifiedLead, '2024-05-03T08:00:00.000Z', REP);
    expect([again.account.id, again.contact.id, again.opportunity.id]).toEqual([a.account.id, a.contact.id, a.opportunity.id]);
    const other = convertLead({ ...qualifiedLead, id: 'lead-2' }, NOW, REP);
    const ids = [a.account.id, a.contact.id, a.opportunity.id, other.account.id, other.contact.id, other.opportunity.id];
    expect(new Set(ids).size).toBe(6);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(40); // the schemas' id limit
  });

  it('leaves out contact details the lead does not have', () => {
    const { contact } = convertLead({ ...qualifiedLead, phone: undefined }, NOW, REP);
    expect('phone' in contact).toBe(false);
  });

  it('refuses an unqualified lead with a clear message', () => {
    expect(() => convertLead(makeLead({ status: 'inProgress', qualified: false }), NOW, REP)).toThrow("Lead 'Acme Corp' is not qualified");
    expect(() => convertLead(makeLead({ status: 'acknowledged' }), NOW, REP)).toThrow(/not qualified/);
  });

  it('refuses a qualified lead the lifecycle does not allow to convert (waiting for information, or already converted)', () => {
    expect(() => convertLead({ ...qualifiedLead, status: 'pending' }, NOW, REP)).toThrow(
      "'lead.convert' is not allowed when the lead is 'pending'",
    );
    expect(() => convertLead({ ...qualifiedLead, status: 'accepted' }, NOW, REP)).toThrow(/'accepted'/);
  });
});

describe('converting into an existing account', () => {
  const account = makeAccount({ id: 'acc-1', name: 'ACME Corporation', owner: 'rep-7' });
  const jane: ContactDoc = {
    id: 'con-1',
    owner: 'rep-7',
    createdAt: NOW,
    updatedAt: NOW,
    syncPending: false,
    accountId: 'acc-1',
    name: 'Doe, Jane',
    email: 'JANE@acme.example',
  };
  const bob: ContactDoc = { ...jane, id: 'con-2', name: 'Bob Ray', email: 'bob@elsewhere.example' };
  const other = makeAccount({ id: 'acc-2', name: 'Globex', owner: 'rep-7' });

  it("offers the matching account with why, and its contact that is the lead's person", () => {
    const index = DedupIndex.of([
      accountRecord(account),
      accountRecord(other),
      contactRecord(jane, account.name),
      contactRecord(bob, account.name),
    ]);
    const offers = conversionOffers(
      qualifiedLead,
      index.duplicatesOf(leadRecord(qualifiedLead)),
      new Map([account, other].map((a) => [a.id, a])),
      new Map([jane, bob].map((c) => [c.id, c])),
    );
    expect(offers.map((o) => o.account.id)).toEqual(['acc-1']);
    expect(offers[0]?.why).toMatch(/^company name matches 'ACME Corporation'; its contact Doe, Jane: /);
    expect(offers[0]?.contacts.map((c) => c.contact.id)).toEqual(['con-1']);
    expect(offers[0]?.contacts[0]?.why).toBe(
      "company name matches 'ACME Corporation', contact name matches 'Doe, Jane', same email address JANE@acme.example",
    );
  });

  it('creates only the opportunity with an existing contact, and a new contact under the account otherwise', () => {
    const withContact = convertLeadInto(qualifiedLead, NOW, REP, { account, contact: jane });
    expect(withContact.contact).toBeNull();
    expect(withContact.opportunity).toMatchObject({ accountId: 'acc-1', contactId: 'con-1', leadId: 'lead-1' });
    expect(withContact.lead).toMatchObject({
      status: 'accepted',
      accountId: 'acc-1',
      contactId: 'con-1',
      opportunityId: withContact.opportunity.id,
    });
    const newContact = convertLeadInto(qualifiedLead, NOW, REP, { account });
    expect(newContact.contact).toMatchObject({ accountId: 'acc-1', name: 'Jane Doe' });
    expect(newContact.lead.contactId).toBe(newContact.contact?.id);
    expect(() => convertLeadInto(qualifiedLead, NOW, REP, { account: other, contact: jane })).toThrow(/another account/);
  });
});
