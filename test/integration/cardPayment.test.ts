/**
 * A card authorised from the laptop with real RxDB and a real central system: after the
 * authorisation and the order's push, the card number is in no collection, no local document
 * and nowhere on the laptop's disk; the order holds the reference only.
 */
import { describe, expect, it } from 'vitest';
import { makeOrder } from '../../shared/testing/docs.fixture';
import { grandTotal } from '../../shared/orders/payment';
import { authoriseCard } from '../../renderer/features/orders/cardAuthorisation';
import { payOrder } from '../../renderer/features/orders/orderForm';
import { saveDocument } from '../../renderer/data/writes';
import { CentralClient, signIn } from '../../renderer/sync/centralClient';
import { centralBehindProxy } from './centralBehindProxy';
import { dumpDisk } from './rawDisk';
import { waitForStatus } from './syncHarness';

const setup = centralBehindProxy();
const PAN = '4242424242424242';

describe('card payment with real RxDB', () => {
  it('keeps only the authorisation reference on the laptop, never the card number', async () => {
    const alex = await setup.laptop('alex');
    await alex.sync.awaitInitialSync();
    const order = makeOrder({ id: crypto.randomUUID(), owner: alex.user.id, status: 'draft', accountId: 'acct-harbor-logistics' });
    await alex.db.orders.insert(order);
    const central = new CentralClient(setup.url, await signIn(setup.url, 'alex', 'demo'));
    const answer = await authoriseCard(
      central,
      order.id,
      { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '737' },
      grandTotal(order),
    );
    if (answer.status !== 'approved') throw new Error(`declined: ${answer.reason}`);
    const stored = (await alex.db.orders.findOne(order.id).exec())?.toMutableJSON();
    if (!stored) throw new Error('the order is gone');
    const reference = {
      method: 'card' as const,
      authorisationId: answer.id,
      brand: answer.brand,
      last4: answer.last4,
      amount: answer.amount,
      currency: answer.currency,
    };
    await saveDocument(alex.db, 'orders', payOrder(stored, reference));
    await waitForStatus(alex.sync, 'the order pushed', (s) => s.pending === 0);

    expect((await alex.db.orders.findOne(order.id).exec())?.payment).toEqual(reference);
    const everything: string[] = [];
    for (const collection of Object.values(alex.db.collections)) {
      for (const doc of await collection.find().exec()) everything.push(JSON.stringify(doc.toJSON()));
    }
    expect(everything.join('\n')).toContain(answer.id);
    expect(everything.filter((text) => text.includes(PAN) || /cardNumber|cardCvc/.test(text))).toEqual([]);
    expect(await dumpDisk(alex.disk)).not.toContain(PAN);
    expect(await dumpDisk(alex.disk)).not.toMatch(/cardNumber|cardCvc/);
  });
});
