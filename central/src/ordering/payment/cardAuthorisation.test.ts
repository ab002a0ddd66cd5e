/**
 * The simulated card authorisation over HTTP on both engines: approve, decline (the documented
 * card, an amount above the limit), a malformed request naming each field, no token, another
 * rep's order; and the card number is in no database row and no log line afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECLINE_CARD } from '../../../../shared/orders/card';
import { CARD_AUTHORISATION_LIMIT, CARD_AUTHORISATION_PATH } from '../../../../shared/orders/cardAuthorisation';
import { openPglite } from '../../platform/db/pglite';
import { openPostgres } from '../../platform/db/postgres';
import type { Db } from '../../platform/db/db';
import { createCentral, type CentralOptions } from '../../server';
import { api, expectApiError, signIn, type Api, type Json } from '../../test/client';
import { newOrder } from '../../test/fixtures';
import { ENGINES } from '../../test/harness';

const GOOD_CARD = '4242424242424242';
const REQUEST = { cardNumber: '4242 4242 4242 4242', cardExpiry: '12/30', cardCvc: '737', amount: 123_400, currency: 'USD' };
const PANS = [GOOD_CARD, DECLINE_CARD, '4242424242424241'];

/** Every row of every table, as text: where a card number would show if anything stored it. */
async function everyRow(db: Db): Promise<string[]> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const rows: string[] = [];
  for (const { table_name } of tables) {
    for (const row of await db.query<{ text: string }>(`SELECT t::text AS text FROM "${table_name}" t`)) rows.push(row.text);
  }
  return rows;
}

describe.each(ENGINES)('simulated card authorisation on $name', (engine) => {
  const logLines: string[] = [];
  let url = '';
  let alex: Api;
  let close: () => Promise<void>;
  let reopen: () => Promise<Db>;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    // A database that outlives the server, so the test reads every row the server left.
    const storage = await engine.prepare(true);
    const options: CentralOptions = storage.options;
    const central = await createCentral({ seed: true, ...options, logStream: { write: (line) => void logLines.push(line) } });
    await central.app.listen({ port: 0, host: '127.0.0.1' });
    const address = central.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    url = `http://127.0.0.1:${address.port}`;
    alex = api(url, await signIn(url, 'alex'));
    close = () => central.close();
    reopen = () => (options.databaseUrl ? openPostgres(options.databaseUrl, 2) : openPglite(options.dataDir));
    dispose = storage.dispose;
  });
  afterAll(async () => {
    await close?.();
    await dispose?.();
  });

  const authorise = (body: Json, client: Api = alex) => client.post(CARD_AUTHORISATION_PATH, { orderId: randomUUID(), ...body });

  it('approves a good card and answers its reference: brand, last four, amount, currency, seven days', async () => {
    const orderId = randomUUID();
    const response = await authorise({ ...REQUEST, orderId });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as Json;
    expect(answer).toEqual({
      status: 'approved',
      id: expect.any(String),
      orderId,
      brand: 'visa',
      last4: '4242',
      amount: 123_400,
      currency: 'USD',
      expiresAt: expect.any(String),
    });
    const days = (Date.parse(String(answer.expiresAt)) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('declines the documented decline card, saying to use another card or invoice', async () => {
    const response = await authorise({ ...REQUEST, cardNumber: '4000 0000 0000 0002' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'declined', reason: expect.stringMatching(/another card, or choose invoice$/) });
  });

  it('declines an amount above the limit, naming it and saying to choose invoice', async () => {
    const response = await authorise({ ...REQUEST, amount: CARD_AUTHORISATION_LIMIT + 100 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'declined',
      reason: 'Declined: $25,001.00 is above the $25,000.00 a card may be authorised for; choose invoice for this order',
    });
  });

  it('refuses a malformed request with 400 naming each bad field, without echoing the card', async () => {
    const response = await authorise({
      cardNumber: '4242 4242 4242 4241',
      cardExpiry: '01/20',
      cardCvc: '7',
      amount: -5,
      currency: 'dollars',
    });
    const error = await expectApiError(response, 400);
    expect((error as unknown as Json).invalidFields).toBe('cardNumber, cardExpiry, cardCvc, amount, currency');
    for (const label of ['Card number:', 'Expiry:', 'Security code:', 'Amount:', 'Currency:']) expect(error.reason).toContain(label);
    expect(JSON.stringify(error)).not.toContain('4241');
  });

  it('answers 401 without a token', async () => {
    const response = await fetch(url + CARD_AUTHORISATION_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...REQUEST, orderId: randomUUID() }),
    });
    await expectApiError(response, 401);
  });

  it("refuses to authorise against another rep's order (404, as for an order you cannot see)", async () => {
    const sam = api(url, await signIn(url, 'sam'));
    const order = newOrder('user-sam', { status: 'draft' });
    expect(await sam.push('orders', [{ newDocumentState: order }])).toEqual([]);
    await expectApiError(await authorise({ ...REQUEST, orderId: order.id }), 404);
    expect((await authorise({ ...REQUEST, orderId: order.id }, sam)).status).toBe(201);
  });

  it('leaves the card numbers in no database row and no log line, which name the authorisations', async () => {
    await close();
    const db = await reopen();
    try {
      const rows = await everyRow(db);
      const stored = rows.filter((row) => row.includes('4242') && row.includes('visa'));
      expect(stored.length).toBeGreaterThan(0);
      for (const pan of PANS) expect(rows.filter((row) => row.includes(pan))).toEqual([]);
      const columns = await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'card_authorisations' ORDER BY ordinal_position`,
      );
      expect(columns.map((column) => column.column_name)).toEqual([
        'id',
        'order_id',
        'owner',
        'brand',
        'last4',
        'amount',
        'currency',
        'created_at',
        'expires_at',
        'used_by_order',
      ]);
    } finally {
      await db.close();
    }
    expect(logLines.filter((line) => line.includes(CARD_AUTHORISATION_PATH)).length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes('card authorisation approved')).length).toBeGreaterThan(0);
    // A PAN's first eight digits, not inside a longer number: pino's responseTime (104.51994000000013) holds '40000000'.
    const leaks = (pan: string) => new RegExp(`(?<![\\d.])(${pan}|${pan.slice(0, 8)})`);
    for (const pan of PANS) expect(logLines.filter((line) => leaks(pan).test(line))).toEqual([]);
    expect(logLines.filter((line) => line.includes('"737"'))).toEqual([]);
  });
});
