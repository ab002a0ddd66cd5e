import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { ENGINES } from '../../test/harness';
import { prepareDatabase, type TestDatabase } from '../../test/database';
import { sleep, startReceiver, type Receiver } from '../../test/receiver';
import { EventDispatcher, type DeliveryOptions } from './dispatcher';
import { recordEvent } from './eventLog';
import { parseHubInput } from './hubInput';
import { deleteManageableSubscription, insertSubscription } from './subscriptions';

// The receivers listen on loopback, which callbacks may reach only when allowed.
const FAST: DeliveryOptions = {
  pollIntervalMs: 20,
  maxAttempts: 4,
  retryBaseMs: 80,
  requestTimeoutMs: 2_000,
  concurrency: 4,
  allowedHosts: ['127.0.0.1'],
};
const ORDERING = 'productOrderingManagement';
const SILENT = { warn: () => undefined, error: () => undefined };

describe.each(ENGINES)('hub delivery on $name', (engine) => {
  let database: TestDatabase;
  let db: Db;
  const receivers: Receiver[] = [];
  const dispatchers: EventDispatcher[] = [];

  beforeAll(async () => {
    database = await prepareDatabase(engine);
    db = await database.open();
  });
  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
    // Each test starts with no subscriptions (and so no queued deliveries).
    await db.query('DELETE FROM event_subscriptions');
  });
  afterAll(async () => {
    await db?.close();
    await database?.dispose();
  });

  const receiver = async (answer?: (index: number) => number) => {
    const started = await startReceiver(answer);
    receivers.push(started);
    return started;
  };
  const dispatch = (options: Partial<DeliveryOptions> = {}, on: Db = db) => {
    const dispatcher = new EventDispatcher(on, { ...FAST, ...options }, SILENT);
    dispatchers.push(dispatcher);
    dispatcher.start();
    return dispatcher;
  };
  const subscribe = (subscriber: string, callback: string, query?: string, domain = ORDERING, on: Db = db) =>
    insertSubscription(on, subscriber, { domain, ...parseHubInput({ callback, query }) });
  const record = async (owner: string | null, eventType: string, resourceId: string, domain = ORDERING, on: Db = db) =>
    (
      await on.transaction((tx) =>
        recordEvent(tx, { eventType, domain, resourceName: 'productOrder', resource: { id: resourceId, state: 'acknowledged' }, owner }),
      )
    ).eventId;
  const eventIds = (posts: readonly { body: Record<string, unknown> }[]) => posts.map((post) => post.body.eventId);

  it('delivers exactly the matching events the subscriber may see, retrying failures with growing waits', async () => {
    const listener = await receiver((index) => (index < 2 ? 500 : 201));
    await subscribe('user-alex', listener.url, 'eventType=ProductOrderStateChangeEvent');
    const alexFirst = await record('user-alex', 'ProductOrderStateChangeEvent', 'po-1');
    await record('user-alex', 'ProductOrderCreateEvent', 'po-1');
    await record('user-sam', 'ProductOrderStateChangeEvent', 'po-2');
    const alexSecond = await record('user-alex', 'ProductOrderStateChangeEvent', 'po-1');
    const everyone = await record(null, 'ProductOrderStateChangeEvent', 'po-3');
    await record('user-alex', 'ProductOrderStateChangeEvent', 'q-1', 'quoteManagement');

    dispatch();
    await listener.waitFor(() => listener.accepted().length >= 3);
    await sleep(300);

    expect(eventIds(listener.accepted())).toEqual([alexFirst, alexSecond, everyone]);
    expect(eventIds(listener.posts)).toEqual([alexFirst, alexFirst, alexFirst, alexSecond, everyone]);
    const [first, second, third] = listener.posts.map((post) => post.at);
    expect(second! - first!).toBeGreaterThanOrEqual(FAST.retryBaseMs - 10);
    expect(third! - second!).toBeGreaterThanOrEqual(2 * FAST.retryBaseMs - 10);
    expect(listener.posts[0]?.body).toMatchObject({ eventType: 'ProductOrderStateChangeEvent', event: { productOrder: { id: 'po-1' } } });
  });

  it("scopes deliveries like the data: a manager gets their reps' events, an admin everyone's, a rep only their own", async () => {
    const [alex, morgan, admin] = [await receiver(), await receiver(), await receiver()];
    await subscribe('user-alex', alex.url);
    await subscribe('user-morgan', morgan.url);
    await subscribe('user-admin', admin.url);
    const ofSam = await record('user-sam', 'ProductOrderCreateEvent', 'po-sam');
    const ofAlex = await record('user-alex', 'ProductOrderCreateEvent', 'po-alex');
    dispatch();
    await admin.waitFor((posts) => posts.length >= 2);
    await morgan.waitFor((posts) => posts.length >= 2);
    await alex.waitFor((posts) => posts.length >= 1);
    await sleep(200);
    expect(eventIds(alex.posts)).toEqual([ofAlex]);
    expect(eventIds(morgan.posts)).toEqual([ofSam, ofAlex]);
    expect(eventIds(admin.posts)).toEqual([ofSam, ofAlex]);
  });

  it('matches any of several values and nested attributes in the query', async () => {
    const listener = await receiver();
    await subscribe('user-admin', listener.url, 'eventType=ProductOrderCreateEvent,ProductOrderDeleteEvent&event.productOrder.id=po-x');
    const created = await record('user-alex', 'ProductOrderCreateEvent', 'po-x');
    await record('user-alex', 'ProductOrderCreateEvent', 'po-y');
    await record('user-alex', 'ProductOrderStateChangeEvent', 'po-x');
    const deleted = await record('user-alex', 'ProductOrderDeleteEvent', 'po-x');
    dispatch();
    await listener.waitFor((posts) => posts.length >= 2);
    await sleep(200);
    expect(eventIds(listener.posts)).toEqual([created, deleted]);
  });

  it('gives an event up after maxAttempts and goes on with the next one', async () => {
    const listener = await receiver((index) => (index < 3 ? 503 : 201));
    await subscribe('user-alex', listener.url);
    const doomed = await record('user-alex', 'ProductOrderCreateEvent', 'po-a');
    const next = await record('user-alex', 'ProductOrderCreateEvent', 'po-b');
    dispatch({ maxAttempts: 3, retryBaseMs: 20 });
    await listener.waitFor(() => listener.accepted().length >= 1);
    await sleep(200);
    expect(eventIds(listener.posts)).toEqual([doomed, doomed, doomed, next]);
  });

  it('stops delivering once the subscription is deleted, queued events included', async () => {
    const listener = await receiver(() => 500);
    const subscription = await subscribe('user-alex', listener.url);
    await record('user-alex', 'ProductOrderCreateEvent', 'po-d');
    dispatch({ retryBaseMs: 150 });
    await listener.waitFor((posts) => posts.length >= 1);
    expect(
      await deleteManageableSubscription(
        db,
        { id: 'user-alex', username: 'alex', displayName: 'Alex', role: 'rep', managerId: 'user-morgan' },
        ORDERING,
        subscription.id,
      ),
    ).toBe(true);
    await record('user-alex', 'ProductOrderCreateEvent', 'po-e');
    const seen = listener.posts.length;
    await sleep(600);
    expect(listener.posts.length).toBe(seen);
    expect(await db.query('SELECT 1 FROM event_deliveries')).toEqual([]);
  });

  it('lets several instances share the queue without posting an event twice', async () => {
    const listener = await receiver();
    await subscribe('user-admin', listener.url);
    await subscribe('user-morgan', listener.url);
    const second = await database.open();
    const recorded: string[] = [];
    for (let index = 0; index < 8; index += 1) recorded.push(await record('user-sam', 'ProductOrderCreateEvent', `po-${index}`));
    dispatch();
    dispatch({}, second);
    dispatch();
    await listener.waitFor((posts) => posts.length >= 16);
    await sleep(300);
    await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
    await second.close();
    expect(listener.posts).toHaveLength(16);
    expect([...eventIds(listener.posts)].sort()).toEqual([...recorded, ...recorded].sort());
  });

  it('resumes after a restart: what was delivered is not sent again, what was not is not lost', async () => {
    let up = true;
    const listener = await receiver(() => (up ? 201 : 503));
    await subscribe('user-alex', listener.url);
    const delivered = await record('user-alex', 'ProductOrderCreateEvent', 'po-r1');
    const first = dispatch();
    await listener.waitFor((posts) => posts.length >= 1);
    up = false;
    const pending = await record('user-alex', 'ProductOrderStateChangeEvent', 'po-r1');
    await listener.waitFor((posts) => posts.length >= 2);
    await first.stop();
    await db.close();

    db = await database.open();
    const whileDown = await record('user-alex', 'ProductOrderStateChangeEvent', 'po-r1');
    up = true;
    dispatch({ retryBaseMs: 20 });
    await listener.waitFor(() => listener.accepted().length >= 3);
    await sleep(200);
    expect(eventIds(listener.accepted())).toEqual([delivered, pending, whileDown]);
    expect(new Set(eventIds(listener.accepted())).size).toBe(3);
  });
});
