import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDoc } from '../../../../shared/schemas';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { integrationToken, type Json } from '../../test/client';
import { newAccount } from '../../test/fixtures';
import { PO, orderingApi, placeOrder, productOrder, signedIn, stateReason, walk, type OrderingApi } from '../../test/ordering';

type Line = OrderDoc['items'][number];
const fibre = (recurring = 13410): Line => ({
  id: 'qli-fibre',
  offeringId: 'off-fibre-internet',
  offeringName: 'Business Fibre Internet',
  quantity: 1,
  characteristics: [
    { name: 'Bandwidth', value: '500 Mbps' },
    { name: 'Contract term', value: '24 months' },
  ],
  oneTime: 19900,
  recurring,
});
const noteText = (order: Json, id: string) => String(((order.note ?? []) as Json[]).find((note) => note.id === id)?.text ?? '');

/** A TMF622 line as an integration client sends it, with the price it quoted (dollars). */
const tmfLine = (id: string, offeringId: string, quantity: number, oneTime: number, monthly: number, characteristics: Json[] = []) => ({
  id,
  action: 'add',
  quantity,
  productOffering: { id: offeringId },
  product: { productCharacteristic: characteristics },
  itemPrice: [
    { priceType: 'oneTime', price: { dutyFreeAmount: { unit: 'USD', value: oneTime } } },
    { priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: { unit: 'USD', value: monthly } } },
  ],
});
const customer = (id: string) => ({ id, role: 'customer', '@referredType': 'Organization' });

describe.each(ENGINES)('business consistency check on ingest on $name', (engine) => {
  let central: TestCentral;
  let alex: OrderingApi;
  let sam: OrderingApi;
  let ops: OrderingApi;
  let tmf: OrderingApi;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = await signedIn(central.url, 'alex');
    sam = await signedIn(central.url, 'sam');
    ops = await signedIn(central.url, 'admin');
    tmf = await orderingApi(central.url, await integrationToken(central.url));
  });
  afterAll(() => central?.close());

  it('holds an app order whose price differs from the catalog, naming line, catalog and both prices', async () => {
    const { tmfOrderId, doc } = await placeOrder(alex, 'user-alex', { items: [fibre(12000)] });
    const expected = 'Price of line 01 differs from catalog 2026.11: quoted $120.00 monthly, catalog $134.10 monthly';
    expect(doc.status).toBe('held');
    expect(doc.stateReason).toBe(`Held for price review: ${expected}`);
    const order = await productOrder(alex, tmfOrderId);
    expect(order.state).toBe('held');
    expect(noteText(order, 'priceCheck')).toBe(expected);
    // Released after review, the finding stays on the order.
    const released = await walk(ops, tmfOrderId, ['central.release']);
    expect(released.state).toBe('inProgress');
    expect(stateReason(released)).toBe('In progress: the issue that held the order is solved');
    expect(noteText(released, 'priceCheck')).toBe(expected);
  });

  it('holds a line that no longer prices with the current catalog', async () => {
    const line = { ...fibre(), characteristics: [{ name: 'Bandwidth', value: '10 Gbps' }] };
    const { doc } = await placeOrder(alex, 'user-alex', { items: [line] });
    expect(doc.status).toBe('held');
    expect(doc.stateReason).toContain('Line 01 cannot be priced with catalog 2026.11');
    expect(doc.stateReason).toContain('10 Gbps');
  });

  it('holds for credit review when one-time plus 12 months of recurring, charges and tax included, exceeds the credit limit', async () => {
    const account = newAccount('user-sam', { creditLimit: 1000 });
    await sam.push('accounts', [{ newDocumentState: account }]);
    const { doc, tmfOrderId } = await placeOrder(sam, 'user-sam', {
      accountId: account.id,
      accountName: account.name,
      billingAccount: 'ba-fresh',
    });
    expect(doc.status).toBe('held');
    expect(doc.stateReason).toBe(
      // The seeded charge table: $250 installation, $25 shipping, 8.25 % tax (lines alone: $4,198.20).
      'Held for credit review: exposure $4,842.23 ($567.23 one-time + 12 months of $356.25, charges and tax included) exceeds the credit limit of $1,000.00 of Fresh Bakery Co.',
    );
    expect(noteText(await productOrder(sam, tmfOrderId), 'creditCheck')).toContain('exceeds the credit limit');
  });

  it('acknowledges an order within the credit limit, and one for an account without a recorded limit', async () => {
    const roomy = newAccount('user-sam', { creditLimit: 4843 });
    const unlimited = newAccount('user-sam');
    await sam.push('accounts', [{ newDocumentState: roomy }, { newDocumentState: unlimited }]);
    for (const account of [roomy, unlimited]) {
      const { doc } = await placeOrder(sam, 'user-sam', { accountId: account.id, accountName: account.name, billingAccount: 'ba-fresh' });
      expect(doc.status).toBe('acknowledged');
    }
  });

  it('holds an order whose lines fit the credit limit but whose charges and tax do not', async () => {
    const tight = newAccount('user-sam', { creditLimit: 4199 });
    await sam.push('accounts', [{ newDocumentState: tight }]);
    const { doc } = await placeOrder(sam, 'user-sam', { accountId: tight.id, accountName: tight.name, billingAccount: 'ba-fresh' });
    expect(doc.status).toBe('held');
    expect(doc.stateReason).toContain('exposure $4,842.23');
  });

  it("counts the account's other open orders in its exposure, as the laptop does before submitting", async () => {
    const account = newAccount('user-sam', { creditLimit: 9000 });
    await sam.push('accounts', [{ newDocumentState: account }]);
    const order = { accountId: account.id, accountName: account.name, billingAccount: 'ba-fresh' };
    // $4,842.23 each, by the central system's charges: the first fits, the second with the first open does not.
    expect((await placeOrder(sam, 'user-sam', order)).doc.status).toBe('acknowledged');
    const { doc } = await placeOrder(sam, 'user-sam', order);
    expect(doc.status).toBe('held');
    expect(doc.stateReason).toBe(
      'Held for credit review: exposure $9,684.46 ($567.23 one-time + 12 months of $356.25, charges and tax included, and $4,842.23 of open orders) exceeds the credit limit of $9,000.00 of Fresh Bakery Co.',
    );
  });

  it('names both reviews when price and credit need one', async () => {
    const account = newAccount('user-sam', { creditLimit: 100 });
    await sam.push('accounts', [{ newDocumentState: account }]);
    const { doc } = await placeOrder(sam, 'user-sam', {
      accountId: account.id,
      accountName: account.name,
      billingAccount: 'ba-fresh',
      items: [fibre(100)],
    });
    expect(doc.status).toBe('held');
    expect(String(doc.stateReason)).toMatch(
      /^Held for price and credit review: Price of line 01 .*; exposure .* exceeds the credit limit of \$100\.00/,
    );
  });

  it('applies the same checks to TMF622 POST: prices, credit and the customer', async () => {
    const priced = await tmf.post(PO, {
      relatedParty: [customer('acct-harbor-logistics')],
      productOrderItem: [
        tmfLine('01', 'off-fibre-internet', 1, 199, 134.1, [
          { name: 'Bandwidth', value: '500 Mbps' },
          { name: 'Contract term', value: '24 months' },
        ]),
        tmfLine('02', 'off-fibre-internet', 1, 150, 79),
      ],
    });
    expect(priced.status).toBe(201);
    const held = (await priced.json()) as Json;
    expect(held.state).toBe('held');
    expect(stateReason(held)).toBe(
      'Held for price review: Price of line 02 differs from catalog 2026.11: quoted $150.00 one-time, catalog $199.00 one-time',
    );

    const correct = (await (
      await tmf.post(PO, {
        relatedParty: [customer('acct-harbor-logistics')],
        productOrderItem: [tmfLine('01', 'off-fibre-internet', 1, 199, 79)],
      })
    ).json()) as Json;
    expect(correct.state).toBe('acknowledged');

    // Crestview Dental's limit is $60,000: 20 SD-WAN Branch L = $9,980 + 12 x $4,380.
    const big = tmfLine('01', 'off-sdwan-edge', 20, 9980, 4380, [{ name: 'Appliance', value: 'Branch L' }]);
    const credit = (await (
      await tmf.post(PO, { relatedParty: [customer('acct-crestview-dental')], productOrderItem: [big] })
    ).json()) as Json;
    expect(credit.state).toBe('held');
    expect(stateReason(credit)).toContain('Held for credit review: exposure $62,540.00');

    const unknown = (await (
      await tmf.post(PO, { relatedParty: [customer('acct-nowhere')], productOrderItem: [{ id: '01', action: 'add' }] })
    ).json()) as Json;
    expect(unknown.state).toBe('rejected');
    expect(stateReason(unknown)).toContain('acct-nowhere does not exist');

    const foreign = (await (
      await alex.post(PO, { relatedParty: [customer('acct-summit-legal')], productOrderItem: [{ id: '01', action: 'add' }] })
    ).json()) as Json;
    expect(foreign.state).toBe('rejected');
    expect(stateReason(foreign)).toContain('not one of your accounts');
  });
});
