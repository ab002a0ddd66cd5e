/** The laptop's store refuses to change a signed quote version, with real RxDB over fake IndexedDB. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendQuote } from '../../shared/machines/quote.machine';
import { ownerOf } from '../../shared/machines/send';
import { signQuote } from '../../shared/quotes/quoteSignature';
import { makeLine, makeQuote } from '../../shared/testing/docs.fixture';
import { openDatabase, type OutpostDatabase } from './database';
import { saveDocument } from './writes';
import { acceptQuote } from '../features/quotes/quoteActions';

const AT = '2026-12-02T14:05:00.000Z';
let db: OutpostDatabase;
beforeEach(async () => {
  db = await openDatabase({ userId: 'rep-1', storageKey: 'b'.repeat(64), dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
});
afterEach(() => db.close());

describe('a signed quote version on the laptop', () => {
  it('is stored signed, then refuses a changed line, a dropped signature and a deletion, and takes its acceptance', async () => {
    const approved = makeQuote({ status: 'approved' });
    await db.quotes.insert(approved);
    const signed = signQuote(approved, { signerName: 'Dana Customer', method: 'typed' }, AT, ownerOf(approved));
    await saveDocument(db, 'quotes', signed);
    expect((await db.quotes.findOne(approved.id).exec())?.signature?.signerName).toBe('Dana Customer');

    await expect(saveDocument(db, 'quotes', { ...signed, items: [makeLine({ quantity: 5 })] })).rejects.toThrow(
      'is signed by Dana Customer, so its items cannot change',
    );
    const { signature: _dropped, ...unsigned } = signed;
    await expect(saveDocument(db, 'quotes', unsigned)).rejects.toThrow('its signature cannot change');
    await expect((await db.quotes.findOne(approved.id).exec())!.remove()).rejects.toThrow('cannot be deleted');

    const accepted = sendQuote(signed, { type: 'quote.accept', at: AT }, ownerOf(signed));
    if (!accepted.ok) throw new Error(accepted.reason);
    await saveDocument(db, 'quotes', accepted.doc);
    const stored = await db.quotes.findOne(approved.id).exec();
    expect(stored?.status).toBe('accepted');
    expect(stored?.items).toEqual(approved.items);
    expect(stored?.signature).toEqual(signed.signature);
  });

  it('stores the sales agreement with the acceptance, then refuses to change or drop it', async () => {
    const approved = makeQuote({ status: 'approved', items: [makeLine()] });
    const signed = signQuote(approved, { signerName: 'Dana Customer', method: 'typed' }, AT, ownerOf(approved));
    await db.quotes.insert(signed);
    const accepted = acceptQuote(signed, AT, ownerOf(signed), undefined, { id: signed.accountId, name: 'Bluepeak Outfitters' });
    await saveDocument(db, 'quotes', accepted);
    const agreement = (await db.quotes.findOne(approved.id).exec())?.agreement;
    expect(agreement).toMatchObject({
      quoteId: approved.id,
      engagedParty: [{ role: 'customer', name: 'Bluepeak Outfitters' }, { role: 'seller' }],
    });
    expect(agreement?.agreementItem.map((item) => item.id)).toEqual(approved.items.map((line) => line.id));

    const renamed = { ...accepted, agreement: { ...accepted.agreement!, name: 'Another agreement' } };
    await expect(saveDocument(db, 'quotes', renamed)).rejects.toThrow('so the agreement cannot change');
    const { agreement: _dropped, ...without } = accepted;
    await expect(saveDocument(db, 'quotes', without)).rejects.toThrow('so the agreement cannot change');
    expect((await db.quotes.findOne(approved.id).exec())?.agreement).toEqual(agreement);
  });

  it('makes no agreement of an unsigned acceptance', () => {
    const approved = makeQuote({ status: 'approved', items: [makeLine()] });
    expect(acceptQuote(approved, AT, ownerOf(approved), undefined, null).agreement).toBeUndefined();
  });

  it('leaves an unsigned quote to its lifecycle', async () => {
    const draft = makeQuote();
    await db.quotes.insert(draft);
    await saveDocument(db, 'quotes', { ...draft, items: [makeLine({ quantity: 3 })] });
    expect((await db.quotes.findOne(draft.id).exec())?.items[0]?.quantity).toBe(3);
    await (await db.quotes.findOne(draft.id).exec())!.remove();
    expect(await db.quotes.findOne(draft.id).exec()).toBeNull();
  });
});
