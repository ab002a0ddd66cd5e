import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Api, type Json } from '../../test/client';
import { prepareDatabase, serveCentral, type TestDatabase } from '../../test/database';
import { newOrder } from '../../test/fixtures';
import { ENGINES } from '../../test/harness';
import { ROW_FAILED_REASON } from './pushBatch';

describe.each(ENGINES)('a push row whose side effect fails on $name', (engine) => {
  let database: TestDatabase;
  let central: { url: string; close(): Promise<void> };
  let alex: Api;
  beforeAll(async () => {
    database = await prepareDatabase(engine);
    const db = await database.open();
    // A real failure inside the order's ingest (the ProductOrder insert), for marked ids only.
    await db.query(`CREATE FUNCTION fail_marked() RETURNS trigger AS $$
      BEGIN IF NEW.external_id LIKE 'boom-%' THEN RAISE EXCEPTION 'simulated storage failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.query('CREATE TRIGGER fail_marked BEFORE INSERT ON product_orders FOR EACH ROW EXECUTE FUNCTION fail_marked()');
    await db.close();
    central = await serveCentral(database.options);
    alex = api(central.url, await signIn(central.url, 'alex'));
  });
  afterAll(async () => {
    await central?.close();
    await database?.dispose();
  });

  it('refuses only that row, keeps the rep its document, and stores the rest of the batch', async () => {
    const first = newOrder('user-alex');
    const failing = newOrder('user-alex', { id: `boom-${randomUUID().slice(0, 30)}` });
    const last = newOrder('user-alex');
    const response = await alex.post(
      '/sync/orders/push',
      [first, failing, last].map((doc) => ({ newDocumentState: doc })),
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Json[];
    expect(answer).toEqual([
      expect.objectContaining({ id: failing.id, status: 'queued', syncError: expect.objectContaining({ reason: ROW_FAILED_REASON }) }),
    ]);
    const stored = (await alex.pull('orders')).documents;
    expect(stored.find((doc) => doc.id === failing.id)).toBeUndefined();
    for (const order of [first, last]) expect(stored.find((doc) => doc.id === order.id)).toMatchObject({ status: 'acknowledged' });
  });

  it('answers a push of that row alone the same way, and stores nothing of it', async () => {
    const failing = newOrder('user-alex', { id: `boom-${randomUUID().slice(0, 30)}` });
    const response = await alex.post('/sync/orders/push', [{ newDocumentState: failing }]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      expect.objectContaining({ id: failing.id, status: 'queued', syncError: expect.objectContaining({ reason: ROW_FAILED_REASON }) }),
    ]);
    expect((await alex.pull('orders')).documents.find((doc) => doc.id === failing.id)).toBeUndefined();
  });
});
