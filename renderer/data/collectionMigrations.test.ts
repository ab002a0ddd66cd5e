import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LEAD_SCHEMA_V2, SCHEMAS_V2 } from '../../shared/schemas/fixtures/v2.schemas';
import { POLICY_SCHEMA_V0 } from '../../shared/schemas/fixtures/v0.policy.schema';
import { POLICY_SCHEMA_V1 } from '../../shared/schemas/fixtures/v1.policy.schema';
import { LEAD_SCHEMA_V3 } from '../../shared/schemas/fixtures/v3.lead.schema';
import { makeLead, makeQuote, T0 } from '../../shared/testing/docs.fixture';
import { dumpDisk } from '../../test/integration/rawDisk';
import { collectionOf, openDatabase } from './database';
import { contents, copyOf, secretOf, STORAGE_KEY } from './migration.fixture';

/**
 * One collection's schema bumps after the frozen release (database.migration.test.ts covers the
 * whole-store versions): each migrates an older store keeping every document, then stores the new field.
 */
describe('lead schema version 3: the reason of the last status change', () => {
  it('migrates a version-2 lead store keeping every lead, then stores a disqualification reason', async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    const old = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie, olderSchemas: { leads: LEAD_SCHEMA_V2 } });
    await collectionOf(old, 'leads').bulkInsert([
      makeLead({ conflictCopy: copyOf('leads') }),
      makeLead({ id: 'lead-2', company: 'Globex' }),
    ]);
    const before = await contents(old, 'leads');
    await old.close();

    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie });
    try {
      expect(await contents(db, 'leads')).toEqual(before);
      await db.leads.upsert(makeLead({ id: 'lead-2', company: 'Globex', status: 'rejected', statusChangeReason: 'Bought elsewhere' }));
      expect((await db.leads.findOne('lead-2').exec())?.statusChangeReason).toBe('Bought elsewhere');
      expect(await dumpDisk(disk)).not.toContain(secretOf('leads'));
    } finally {
      await db.close();
    }
  });
});

describe('lead schema version 4: merge history, encrypted at rest', () => {
  it('migrates a version-3 lead store keeping every lead, then stores a merge no one can read from the disk', async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    const old = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie, olderSchemas: { leads: LEAD_SCHEMA_V3 } });
    await collectionOf(old, 'leads').bulkInsert([
      makeLead({ conflictCopy: copyOf('leads'), statusChangeReason: 'Reopened' }),
      makeLead({ id: 'lead-2', company: 'Globex' }),
    ]);
    const before = await contents(old, 'leads');
    await old.close();

    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie });
    try {
      expect(db.leads.schema.version).toBe(4);
      expect(await contents(db, 'leads')).toEqual(before);
      const { company, contactName, country, productCategory, purchaseTimeframe, purchaseAmount, budgetStatus, source } = makeLead();
      const values = {
        company,
        contactName: 'Wilhelmina Merged',
        country,
        productCategory,
        purchaseTimeframe,
        purchaseAmount,
        budgetStatus,
        source,
      };
      const mergeHistory = [
        { leadId: 'lead-3', mergedAt: T0, mergedBy: 'rep-1', taken: ['contactName'], values, replaced: { contactName } },
      ];
      await db.leads.upsert(makeLead({ id: 'lead-2', company: 'Globex', mergeHistory }));
      expect((await db.leads.findOne('lead-2').exec())?.toMutableJSON().mergeHistory).toEqual(mergeHistory);
      expect(await dumpDisk(disk)).not.toContain('Wilhelmina');
    } finally {
      await db.close();
    }
  });
});

describe("quote schema version 3: the customer's signature, encrypted at rest", () => {
  it('migrates a version-2 quote store keeping every quote, then stores a signature no one can read from the disk', async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    const old = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie, olderSchemas: { quotes: SCHEMAS_V2.quotes } });
    await collectionOf(old, 'quotes').bulkInsert([
      makeQuote({ conflictCopy: copyOf('quotes') }),
      makeQuote({ id: 'quote-2', status: 'approved' }),
    ]);
    const before = await contents(old, 'quotes');
    await old.close();

    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie });
    try {
      expect(db.quotes.schema.version).toBe(3);
      expect(await contents(db, 'quotes')).toEqual(before);
      const signature = { signerName: 'Wilhelmina Signatory', signedAt: T0, method: 'typed' as const };
      await db.quotes.upsert(makeQuote({ id: 'quote-2', status: 'approved', signature }));
      expect((await db.quotes.findOne('quote-2').exec())?.signature).toEqual(signature);
      const onDisk = await dumpDisk(disk);
      expect(onDisk).toContain('quote-2');
      expect(onDisk).not.toContain('Wilhelmina');
    } finally {
      await db.close();
    }
  });
});

describe('policies schema versions 1 and 2: the discount policy and the charge table beside the order approval policy', () => {
  it('migrates a version-0 policies store keeping the order approval policy, then stores a discount policy', async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    const old = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie, olderSchemas: { policies: POLICY_SCHEMA_V0 } });
    const orderApproval = {
      id: 'order-approval',
      kind: 'orderApproval',
      name: 'Order approval',
      valueThreshold: 5_000_000,
      valueMonths: 12,
      currency: 'USD',
      standardPaymentTerms: ['Net 30'],
      repDiscountPercent: 15,
      updatedAt: T0,
    };
    const written = await collectionOf(old, 'policies').storageInstance.bulkWrite(
      [{ document: { ...orderApproval, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } } as never }],
      'migration-fixture',
    );
    expect(written.error).toEqual([]);
    await old.close();

    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie });
    try {
      const policies = collectionOf(db, 'policies');
      expect(policies.schema.version).toBe(2);
      expect((await policies.find().exec()).map((d) => d.toMutableJSON())).toEqual([orderApproval]);
      const discount = {
        id: 'discount-policy',
        kind: 'discount' as const,
        name: 'Discount authority',
        levels: [
          { upToPercent: 10, approver: 'rep' as const },
          { upToPercent: 100, approver: 'manager' as const },
        ],
        updatedAt: T0,
      };
      await policies.insert(discount);
      expect((await policies.findOne('discount-policy').exec())?.toMutableJSON()).toMatchObject(discount);
    } finally {
      await db.close();
    }
  });

  it('migrates a version-1 policies store keeping the discount policy, then stores the charge table', async () => {
    const disk = new IDBFactory();
    const dexie = { indexedDB: disk, IDBKeyRange };
    const old = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie, olderSchemas: { policies: POLICY_SCHEMA_V1 } });
    const discount = {
      id: 'discount-policy',
      kind: 'discount',
      name: 'Discount authority',
      levels: [{ upToPercent: 100, approver: 'rep' }],
      updatedAt: T0,
    };
    const written = await collectionOf(old, 'policies').storageInstance.bulkWrite(
      [{ document: { ...discount, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } } as never }],
      'migration-fixture',
    );
    expect(written.error).toEqual([]);
    await old.close();

    const db = await openDatabase({ userId: 'rep-1', storageKey: STORAGE_KEY, dexie });
    try {
      const policies = collectionOf(db, 'policies');
      expect(policies.schema.version).toBe(2);
      expect((await policies.find().exec()).map((d) => d.toMutableJSON())).toEqual([discount]);
      const charges = {
        id: 'charges',
        kind: 'charges' as const,
        name: 'Charges and tax',
        taxRates: [{ country: 'US', basisPoints: 825 }],
        defaultTaxBasisPoints: 1000,
        itemCharges: [{ offeringId: 'off-fibre-internet', kind: 'installation' as const, amount: 25000 }],
        freeShippingFrom: 100000,
        updatedAt: T0,
      };
      await policies.insert(charges);
      expect((await policies.findOne('charges').exec())?.toMutableJSON()).toMatchObject(charges);
    } finally {
      await db.close();
    }
  });
});
