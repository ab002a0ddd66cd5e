import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLead } from '../../../shared/testing/docs.fixture';
import { collectionOf, openDatabase, type OutpostDatabase } from '../../data/database';
import { convertLeadInStore } from './leadConversion';

const open: OutpostDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function laptopStore(): Promise<OutpostDatabase> {
  const db = await openDatabase({ userId: 'rep-1', storageKey: 'a'.repeat(64), dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  open.push(db);
  return db;
}

const lead = makeLead({ status: 'inProgress', qualified: true, rating: 'A', channel: 'Direct' });

async function all(db: OutpostDatabase) {
  const [accounts, contacts, opportunities] = await Promise.all([
    collectionOf(db, 'accounts').find().exec(),
    collectionOf(db, 'contacts').find().exec(),
    collectionOf(db, 'opportunities').find().exec(),
  ]);
  const storedLead = await collectionOf(db, 'leads').findOne(lead.id).exec();
  return { accounts, contacts, opportunities, lead: storedLead };
}

describe('converting a lead in the local store', () => {
  it('fails after the account and contact are written, and a retry leaves exactly one of each, linked', async () => {
    const db = await laptopStore();
    await collectionOf(db, 'leads').insert(lead);
    // A real storage failure on the third write (the opportunity), once.
    let failOpportunity = true;
    collectionOf(db, 'opportunities').preInsert(() => {
      if (failOpportunity) throw new Error('QuotaExceededError: the disk is full');
    }, false);

    await expect(convertLeadInStore(db, lead, '2024-05-02T12:00:00.000Z')).rejects.toThrow(/disk is full/);
    const partial = await all(db);
    expect([partial.accounts.length, partial.contacts.length, partial.opportunities.length]).toEqual([1, 1, 0]);
    expect(partial.lead?.status).toBe('inProgress'); // the lead does not claim a conversion that did not finish

    failOpportunity = false;
    // The rep presses Convert again, later, on the lead as the store has it.
    const opportunity = await convertLeadInStore(db, partial.lead!.toMutableJSON(), '2024-05-02T12:05:00.000Z');

    const after = await all(db);
    expect(after.accounts).toHaveLength(1);
    expect(after.contacts).toHaveLength(1);
    expect(after.opportunities).toHaveLength(1);
    const [account] = after.accounts;
    const [contact] = after.contacts;
    expect(opportunity.id).toBe(after.opportunities[0]!.id);
    expect(account!.primaryContactId).toBe(contact!.id);
    expect(account!.sourceLeadId).toBe(lead.id);
    expect(contact!.accountId).toBe(account!.id);
    expect(after.opportunities[0]).toMatchObject({ accountId: account!.id, contactId: contact!.id, leadId: lead.id });
    expect(after.lead).toMatchObject({ status: 'accepted', accountId: account!.id, contactId: contact!.id, opportunityId: opportunity.id });
    // The account kept from the first try is the one written then, not a rewrite.
    expect(account!.createdAt).toBe(partial.accounts[0]!.createdAt);
  });

  it('refuses to convert the same lead twice once it is converted', async () => {
    const db = await laptopStore();
    await collectionOf(db, 'leads').insert(lead);
    await convertLeadInStore(db, lead, '2024-05-02T12:00:00.000Z');
    const converted = (await collectionOf(db, 'leads').findOne(lead.id).exec())!.toMutableJSON();
    await expect(convertLeadInStore(db, converted, '2024-05-02T12:01:00.000Z')).rejects.toThrow(/'accepted'/);
    const after = await all(db);
    expect([after.accounts.length, after.contacts.length, after.opportunities.length]).toEqual([1, 1, 1]);
  });
});
