/** The laptop's store refuses to change a signed quote version, with real RxDB over fake IndexedDB. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendQuote } from '../../shared/machines/quote.machine';
import { ownerOf } from '../../shared/machines/send';
import { signQuote } from '../../shared/quotes/quoteSignature';
import { makeLine, makeQuote } from '../../shared/testing/docs.fixture';
import { openDatabase, type OutpostDatabase } from './database';
import { saveDocument } from './writes';

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

  it('leaves an unsigned quote to its lifecycle', async () => {
    const draft = makeQuote();
    await db.quotes.insert(draft);
    await saveDocument(db, 'quotes', { ...draft, items: [makeLine({ quantity: 3 })] });
    expect((await db.quotes.findOne(draft.id).exec())?.items[0]?.quantity).toBe(3);
    await (await db.quotes.findOne(draft.id).exec())!.remove();
    expect(await db.quotes.findOne(draft.id).exec()).toBeNull();
  });
});
