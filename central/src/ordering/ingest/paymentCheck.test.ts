/**
 * The card payment re-checked on ingest, on both engines: an authorisation of the order's
 * central grand total is taken and the order goes on; any other (unknown, another rep's, made for
 * another order, of another amount) holds the order for payment review with what to do. Invoice
 * needs nothing.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CARD_AUTHORISATION_PATH } from '../../../../shared/orders/cardAuthorisation';
import type { OrderDoc } from '../../../../shared/schemas';
import type { Api, Json } from '../../test/client';
import { newOrder } from '../../test/fixtures';
import { ENGINES, centralSuite } from '../../test/harness';
import { conformingProductOrder, pulledOrder } from '../../test/ordering';

/** newOrder's lines by the seeded charge table: one-time $567.23 + the first month $356.25 (orderCharges.test.ts). */
const GRAND_TOTAL = 92_348;
const AGAIN = 'authorise the card again for the order total, or choose invoice';

describe.each(ENGINES)('card payment re-checked on ingest, on $name', (engine) => {
  const suite = centralSuite(engine);

  async function authorise(client: Api, orderId: string, amount = GRAND_TOTAL): Promise<Json> {
    const body = { orderId, cardNumber: '4242424242424242', cardExpiry: '12/30', cardCvc: '123', amount, currency: 'USD' };
    const response = await client.post(CARD_AUTHORISATION_PATH, body);
    expect(response.status).toBe(201);
    return (await response.json()) as Json;
  }

  const cardPayment = (authorisation: Json): OrderDoc['payment'] => ({
    method: 'card',
    authorisationId: String(authorisation.id),
    brand: 'visa',
    last4: '4242',
    amount: Number(authorisation.amount),
    currency: 'USD',
  });

  async function submit(id: string, payment: OrderDoc['payment']): Promise<Json> {
    const order = newOrder('user-alex', { id, payment });
    expect(await suite.alex.push('orders', [{ newDocumentState: order }])).toEqual([]);
    return pulledOrder(suite.alex, order.id);
  }

  it('goes on with an authorisation of its grand total, kept on the ProductOrder as its payment, and with invoice', async () => {
    const id = randomUUID();
    const authorisation = await authorise(suite.alex, id);
    const doc = await submit(id, cardPayment(authorisation));
    expect(doc.status).toBe('acknowledged');
    const productOrder = await conformingProductOrder(suite.tmf, doc.tmfOrderId);
    expect((productOrder.note as Json[]).map((note) => note.id)).not.toContain('paymentCheck');
    expect(productOrder.payment).toEqual([{ id: authorisation.id, name: 'Visa ending 4242', '@referredType': 'CardAuthorisation' }]);
    const invoiced = await submit(randomUUID(), { method: 'invoice' });
    expect(invoiced.status).toBe('acknowledged');
    expect((await conformingProductOrder(suite.tmf, invoiced.tmfOrderId)).payment).toBeUndefined();
  });

  it('holds an order whose authorisation is unknown', async () => {
    const doc = await submit(randomUUID(), {
      method: 'card',
      authorisationId: randomUUID(),
      brand: 'visa',
      last4: '4242',
      amount: GRAND_TOTAL,
      currency: 'USD',
    });
    expect(doc.status).toBe('held');
    expect(doc.stateReason).toBe(`Held for payment review: The card authorisation of Visa ending 4242 is unknown; ${AGAIN}`);
    const held = await conformingProductOrder(suite.tmf, doc.tmfOrderId);
    expect((held.note as Json[]).find((note) => note.id === 'paymentCheck')?.text).toMatch(/is unknown/);
    // A payment the central system could not verify is not the order's payment.
    expect(held.payment).toBeUndefined();
  });

  it("holds an order paid with another rep's authorisation as unknown", async () => {
    const id = randomUUID();
    const doc = await submit(id, cardPayment(await authorise(suite.sam, id)));
    expect(doc.status).toBe('held');
    expect(doc.stateReason).toMatch(/is unknown/);
  });

  it('holds an order paid with the authorisation of another order, so one authorisation pays one order', async () => {
    const first = randomUUID();
    const authorisation = await authorise(suite.alex, first);
    expect((await submit(first, cardPayment(authorisation))).status).toBe('acknowledged');
    const second = await submit(randomUUID(), cardPayment(authorisation));
    expect(second.status).toBe('held');
    expect(second.stateReason).toBe(
      `Held for payment review: The card authorisation of Visa ending 4242 was made for another order; ${AGAIN}`,
    );
  });

  it('holds an order whose authorisation holds another amount than the central grand total', async () => {
    const id = randomUUID();
    // The lines' subtotal, without charges and tax: what a laptop without the charge table would have asked for.
    const doc = await submit(id, cardPayment(await authorise(suite.alex, id, 57_810)));
    expect(doc.status).toBe('held');
    expect(doc.stateReason).toBe(
      `Held for payment review: The card authorisation of Visa ending 4242 holds $578.10, the order total is $923.48; ${AGAIN}`,
    );
  });
});
