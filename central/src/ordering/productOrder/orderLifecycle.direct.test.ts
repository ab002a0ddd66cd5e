/**
 * transitionProductOrder called as the fulfilment simulator calls it: on the database, with
 * the change hub the event streams listen to. What the HTTP suites cannot see from outside:
 * the change published after commit and the TMF events recorded in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/db';
import { HttpError } from '../../platform/http/errors';
import { ingestQueuedOrder } from '../ingest/ingest';
import { MIGRATIONS } from '../../migrations';
import { migrate } from '../../platform/db/migrations';
import { openPglite } from '../../platform/db/pglite';
import { openPostgres } from '../../platform/db/postgres';
import { seedDemoData } from '../../seed';
import { ENGINES } from '../../test/harness';
import { newOrder } from '../../test/fixtures';
import { loadDoc, writeDoc } from '../../platform/sync/docs';
import { ChangeHub, type DocChange } from '../../platform/sync/hub';
import type { AuthUser } from '../../platform/auth/users';
import { transitionProductOrder } from './orderLifecycle';

const ALEX: AuthUser = { id: 'user-alex', username: 'alex', displayName: 'Alex Rivera', role: 'rep', managerId: 'user-morgan' };

describe.each(ENGINES)('transitionProductOrder on $name', (engine) => {
  let db: Db;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const storage = await engine.prepare();
    dispose = storage.dispose;
    db = storage.options.databaseUrl ? await openPostgres(storage.options.databaseUrl) : await openPglite(storage.options.dataDir);
    await migrate(db, MIGRATIONS);
    await seedDemoData(db);
  });
  afterAll(async () => {
    await db?.close();
    await dispose?.();
  });

  /** An order pushed by alex and ingested, as the sync push does it (one transaction). */
  async function ingested(): Promise<{ orderId: string; tmfOrderId: string }> {
    const order = newOrder('user-alex');
    const { _deleted: _ignored, ...data } = order;
    return db.transaction(async (tx) => {
      // Stored as pushed, then ingested: the ingest shows the ProductOrder's state on the document.
      await writeDoc(tx, { collection: 'orders', id: order.id, owner: 'user-alex', deleted: false, data: { ...data, syncPending: false } });
      const { status } = await ingestQueuedOrder(tx, ALEX, { ...data, syncPending: false }, new Date().toISOString());
      if (status.kind !== 'ingested') throw new Error('not ingested');
      return { orderId: order.id, tmfOrderId: status.tmfOrderId };
    });
  }

  const eventsOf = async (id: string) =>
    await db.query<{ event_type: string; owner: string; payload: { event: { productOrder: { state: string } }; description: string } }>(
      'SELECT event_type, owner, payload FROM tmf_events WHERE resource_id = $1 ORDER BY seq',
      [id],
    );

  it('changes order, items, the rep document and the event log together, and publishes after commit', async () => {
    const { orderId, tmfOrderId } = await ingested();
    const hub = new ChangeHub();
    const published: DocChange[] = [];
    hub.subscribe((change) => published.push(change));

    const started = await transitionProductOrder(db, hub, tmfOrderId, { type: 'central.start' });
    expect(started.state).toBe('inProgress');
    const pending = await transitionProductOrder(db, hub, tmfOrderId, { type: 'central.pend' }, 'Waiting for the site survey date');
    expect(pending.productOrderItem.map((item) => item.state)).toEqual(['pending', 'pending']);

    const doc = await loadDoc(db, 'orders', orderId);
    expect(doc?.data).toMatchObject({ status: 'pending', stateReason: 'Waiting for the site survey date', tmfOrderId });
    expect(published).toEqual([
      { collection: 'orders', seq: expect.any(Number), owner: 'user-alex' },
      { collection: 'orders', seq: doc?.seq, owner: 'user-alex' },
    ]);

    const events = await eventsOf(tmfOrderId);
    expect(events.map((event) => event.event_type)).toEqual([
      'ProductOrderCreateEvent',
      'ProductOrderStateChangeEvent',
      'ProductOrderStateChangeEvent',
      'ProductOrderInformationRequiredEvent',
    ]);
    expect(events.map((event) => event.payload.event.productOrder.state)).toEqual(['acknowledged', 'inProgress', 'pending', 'pending']);
    expect(events.every((event) => event.owner === 'user-alex')).toBe(true);
    expect(events[3]?.payload.description).toBe('Waiting for the site survey date');
  });

  it('throws HttpError 409 for a forbidden transition and changes nothing', async () => {
    const { orderId, tmfOrderId } = await ingested();
    const hub = new ChangeHub();
    const published: DocChange[] = [];
    hub.subscribe((change) => published.push(change));
    const before = await loadDoc(db, 'orders', orderId);
    const error = await transitionProductOrder(db, hub, tmfOrderId, { type: 'central.complete' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ statusCode: 409 });
    expect((error as HttpError).reason).toBe(
      `ProductOrder ${tmfOrderId} is acknowledged; central.complete is not allowed (allowed from acknowledged: central.start, central.pend)`,
    );
    await expect(transitionProductOrder(db, hub, tmfOrderId, { type: 'order.validate' })).rejects.toMatchObject({ statusCode: 400 });
    await expect(transitionProductOrder(db, hub, 'no-such-order', { type: 'central.start' })).rejects.toMatchObject({ statusCode: 404 });
    expect(await loadDoc(db, 'orders', orderId)).toEqual(before);
    expect(published).toEqual([]);
    expect((await eventsOf(tmfOrderId)).map((event) => event.event_type)).toEqual(['ProductOrderCreateEvent']);
  });

  it('serialises concurrent transitions of one order: exactly one of two racing events wins', async () => {
    const { tmfOrderId } = await ingested();
    const hub = new ChangeHub();
    await transitionProductOrder(db, hub, tmfOrderId, { type: 'central.start' });
    const results = await Promise.allSettled([
      transitionProductOrder(db, hub, tmfOrderId, { type: 'central.complete' }),
      transitionProductOrder(db, hub, tmfOrderId, { type: 'central.fail' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
  });
});
