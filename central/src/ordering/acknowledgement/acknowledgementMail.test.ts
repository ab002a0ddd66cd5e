import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, integrationToken, signIn, type Api, type Json } from '../../test/client';
import { newAccount, newOrder } from '../../test/fixtures';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { PO, placeOrder } from '../../test/ordering';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtpServer';

/** A TMF622 client's order for Harbor Logistics, optionally with an offering the catalog does not have. */
function apiOrder(externalId: string, offeringId = 'off-static-ip'): Json {
  return {
    externalId,
    relatedParty: [{ id: 'acct-harbor-logistics', name: 'Harbor Logistics Inc.', role: 'customer', '@referredType': 'Organization' }],
    productOrderItem: [{ id: '1', action: 'add', quantity: 1, productOffering: { id: offeringId } }],
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

/** The mailer logs after the SMTP server accepted the message, so the line may come a moment after the mail. */
async function waitForLine(lines: readonly string[], expected: string): Promise<void> {
  for (let tries = 0; !lines.includes(expected) && tries < 400; tries++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(lines).toContain(expected);
}

describe.each(ENGINES)('order acknowledgement email through a real SMTP server on $name', (engine) => {
  let smtp: TestSmtpServer;
  let central: TestCentral;
  let alex: Api;
  let tmf: Api;
  const lines: string[] = [];
  beforeAll(async () => {
    smtp = await startSmtpServer();
    central = await startCentral(engine, {
      mail: { smtpUrl: smtp.url, from: 'Outpost orders <orders@outpost.test>', pollMs: 50, log: (line) => lines.push(line) },
    });
    alex = api(central.url, await signIn(central.url, 'alex'));
    tmf = api(central.url, await integrationToken(central.url));
  });
  afterAll(async () => {
    await central?.close();
    await smtp?.close();
  });

  it("emails the customer's primary contact once when a rep's order is acknowledged, with its reference", async () => {
    const before = smtp.received.length;
    const order = newOrder('user-alex');
    const placed = await placeOrder(alex, 'user-alex', order);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.envelopeTo).toEqual(['maria.chen@harborlogistics.example']);
    expect(mail?.to).toContain('maria.chen@harborlogistics.example');
    expect(mail?.from).toContain('orders@outpost.test');
    expect(mail?.subject).toBe(`Order ${placed.tmfOrderId} acknowledged - Harbor Logistics Inc.`);
    expect(mail?.text).toContain(`Order reference: ${placed.tmfOrderId}`);
    expect(mail?.text).toContain(`reference: ${order.id}`);
    expect(mail?.text).toContain('Business Fibre Internet');
    await waitForLine(lines, `order ${placed.tmfOrderId} acknowledged; email sent to maria.chen@harborlogistics.example`);

    // The same order pushed again (a lost answer, a second device) is the same order: no second email.
    await alex.push('orders', [{ newDocumentState: order }]);
    await settle();
    expect(smtp.received).toHaveLength(before + 1);
  });

  it('emails for an order placed over TMF622 too, once per externalId, and never for a rejected one', async () => {
    const before = smtp.received.length;
    const externalId = `ack-api-${engine.name}`;
    const created = await tmf.post(PO, apiOrder(externalId));
    expect(created.status).toBe(201);
    const order = (await created.json()) as Json;
    expect((await tmf.post(PO, apiOrder(externalId))).status).toBe(200);
    const rejected = await tmf.post(PO, apiOrder(`ack-rejected-${engine.name}`, 'off-no-such-offering'));
    expect(((await rejected.json()) as Json).state).toBe('rejected');

    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.subject).toContain(`Order ${String(order.id)} acknowledged`);
    expect(mail?.envelopeTo).toEqual(['maria.chen@harborlogistics.example']);
    await settle();
    expect(smtp.received).toHaveLength(before + 1);
  });

  it('sends nothing and says why when the customer has no contact with an email', async () => {
    const before = smtp.received.length;
    // A new account pushed without any contact, and an order for it.
    const account = newAccount('user-alex', { name: `No Contact Co ${engine.name}` });
    expect(await alex.push('accounts', [{ newDocumentState: account }])).toEqual([]);
    const placed = await placeOrder(alex, 'user-alex', { accountId: account.id, accountName: account.name, billingAccount: 'ba-fresh' });
    const order = { id: placed.tmfOrderId };
    const expected = `order ${String(order.id)} acknowledged; no email sent: the customer account has no contact with an email address; add one to the account's contacts`;
    await waitForLine(lines, expected);
    expect(smtp.received).toHaveLength(before);
  });
});

describe('order acknowledgement without SMTP configured', () => {
  let central: TestCentral;
  const lines: string[] = [];
  beforeAll(async () => {
    central = await startCentral(ENGINES[0]!, { mail: { pollMs: 50, log: (line) => lines.push(line) } });
  });
  afterAll(() => central?.close());

  it('sends no email and logs a line for the acknowledged order', async () => {
    const alex = api(central.url, await signIn(central.url, 'alex'));
    const placed = await placeOrder(alex, 'user-alex');
    const expected = `order ${placed.tmfOrderId} acknowledged; no email sent: no SMTP server configured (OUTPOST_SMTP_URL is not set)`;
    await waitForLine(lines, expected);
    expect(lines).toEqual([expected]);
  });
});
