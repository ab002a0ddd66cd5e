import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, signIn, type Json } from '../../test/client';
import { prepareDatabase, serveCentral, type TestDatabase } from '../../test/database';
import { ENGINES } from '../../test/harness';
import { sleep, startReceiver, type Receiver } from '../../test/receiver';
import { HUB_APIS, apiBase } from './domains';
import { recordEvent } from './eventLog';

const ORDERING_HUB = '/tmf-api/productOrderingManagement/v4/hub';
const TOPIC_HUB = '/tmf-api/event/v4/topic/productOrderingManagement/hub';
// The listeners run on this machine: loopback callbacks are allowed explicitly (hubCallbackGuard.test.ts).
const FAST_EVENTS = { pollIntervalMs: 20, retryBaseMs: 50, maxAttempts: 4, maxSubscriptionsPerUser: 4, allowedHosts: ['127.0.0.1'] };

describe.each(ENGINES)('hub subscriptions over HTTP on $name', (engine) => {
  let database: TestDatabase;
  let central: { url: string; close(): Promise<void> };
  const receivers: Receiver[] = [];
  const tokens = new Map<string, string>();

  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await signIn(central.url, username));
    return tokens.get(username) ?? '';
  };
  const call = async (username: string, method: string, path: string, body?: unknown) =>
    fetch(central.url + path, {
      method,
      headers: { authorization: `Bearer ${await token(username)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const subscribe = async (username: string, callback: string, query?: string, hub = ORDERING_HUB) => {
    const response = await call(username, 'POST', hub, { callback, ...(query ? { query } : {}) });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; callback: string; query?: string };
  };
  const startServer = async () => {
    tokens.clear();
    central = await serveCentral({ ...database.options, events: FAST_EVENTS });
  };

  beforeAll(async () => {
    database = await prepareDatabase(engine);
    await startServer();
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });
  afterAll(async () => {
    await central?.close();
    await database?.dispose();
  });

  it("registers a listener on every API's hub: 201, Location, and the EventSubscription", async () => {
    for (const { domain } of HUB_APIS) {
      const hub = `${apiBase(domain)}/hub`;
      const response = await call('alex', 'POST', hub, { callback: 'http://127.0.0.1:9/listener', query: 'eventType=SomethingEvent' });
      expect(response.status).toBe(201);
      const subscription = (await response.json()) as Json;
      expect(subscription).toEqual({ id: expect.any(String), callback: 'http://127.0.0.1:9/listener', query: 'eventType=SomethingEvent' });
      expect(response.headers.get('location')).toBe(`${hub}/${String(subscription.id)}`);
      const topicHub = `/tmf-api/event/v4/topic/${domain}/hub/${String(subscription.id)}`;
      expect(await (await call('alex', 'GET', topicHub)).json()).toEqual(subscription);
      expect((await call('alex', 'DELETE', `${hub}/${String(subscription.id)}`)).status).toBe(204);
    }
  });

  it('refuses a missing or non-http callback and an unusable query, saying what to send', async () => {
    const cases: [unknown, string][] = [
      [{}, 'callback is required'],
      [{ callback: 'ftp://127.0.0.1/x' }, 'http or https'],
      [{ callback: 'not a url' }, 'absolute URL'],
      [{ callback: 'http://127.0.0.1:9/x', query: 'no spaces=1' }, 'cannot filter'],
      [{ callback: 'http://127.0.0.1:9/x', query: 42 }, 'query must be text'],
      [['http://127.0.0.1:9/x'], 'EventSubscriptionInput'],
    ];
    for (const [body, reason] of cases) {
      expect((await expectApiError(await call('alex', 'POST', ORDERING_HUB, body), 400)).reason).toContain(reason);
    }
    await expectApiError(
      await fetch(central.url + ORDERING_HUB, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      401,
    );
  });

  it('lets a subscriber read and delete only their own subscriptions; an admin any', async () => {
    const alex = await subscribe('alex', 'http://127.0.0.1:9/alex');
    const path = `${ORDERING_HUB}/${alex.id}`;
    await expectApiError(await call('sam', 'GET', `${TOPIC_HUB}/${alex.id}`), 404);
    await expectApiError(await call('sam', 'DELETE', path), 404);
    await expectApiError(await call('morgan', 'DELETE', path), 404);
    // A subscription belongs to the hub it was made at.
    await expectApiError(await call('alex', 'DELETE', `/tmf-api/quoteManagement/v4/hub/${alex.id}`), 404);
    expect((await call('alex', 'DELETE', path)).status).toBe(204);
    expect((await expectApiError(await call('alex', 'DELETE', path), 404)).reason).toContain(alex.id);

    const sam = await subscribe('sam', 'http://127.0.0.1:9/sam');
    expect((await call('admin', 'GET', `${TOPIC_HUB}/${sam.id}`)).status).toBe(200);
    expect((await call('admin', 'DELETE', `${ORDERING_HUB}/${sam.id}`)).status).toBe(204);
  });

  it('bounds the subscriptions one user may hold', async () => {
    const made = [];
    for (let index = 0; index < FAST_EVENTS.maxSubscriptionsPerUser; index += 1)
      made.push(await subscribe('morgan', `http://127.0.0.1:9/m${index}`));
    expect(
      (await expectApiError(await call('morgan', 'POST', ORDERING_HUB, { callback: 'http://127.0.0.1:9/more' }), 409)).reason,
    ).toContain('DELETE');
    for (const subscription of made) expect((await call('morgan', 'DELETE', `${ORDERING_HUB}/${subscription.id}`)).status).toBe(204);
  });

  it('offers the same subscriptions per TMF688 topic', async () => {
    const topicHub = '/tmf-api/event/v4/topic/sales/hub';
    const response = await call('sam', 'POST', topicHub, { callback: 'http://127.0.0.1:9/topic' });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(response.headers.get('location')).toBe(`${topicHub}/${id}`);
    expect((await call('sam', 'GET', `${topicHub}/${id}`)).status).toBe(200);
    expect((await call('sam', 'DELETE', `/tmf-api/sales/v4/hub/${id}`)).status).toBe(204);
    await expectApiError(await call('sam', 'GET', `${topicHub}/${id}`), 404);
    await expectApiError(await call('sam', 'POST', '/tmf-api/event/v4/topic/nowhere/hub', { callback: 'http://127.0.0.1:9/x' }), 404);
  });

  it('posts the events of orders placed over TMF622 to the subscribers who may see them', async () => {
    const alexListener = await startReceiver((index) => (index < 2 ? 500 : 201));
    const morganListener = await startReceiver();
    receivers.push(alexListener, morganListener);
    const alex = await subscribe('alex', alexListener.url, 'eventType=ProductOrderCreateEvent');
    const morgan = await subscribe('morgan', morganListener.url);
    const order = (username: string, account: string) =>
      call(username, 'POST', '/tmf-api/productOrderingManagement/v4/productOrder', {
        externalId: `hub-${username}-${Date.now()}`,
        productOrderItem: [{ id: '01', action: 'add', quantity: 1, productOffering: { id: 'off-static-ip' } }],
        relatedParty: [{ id: account, '@referredType': 'Organization', role: 'customer' }],
      });
    const samOrder = (await (await order('sam', 'acct-bluepeak-outfitters')).json()) as { id: string };
    const alexOrder = (await (await order('alex', 'acct-harbor-logistics')).json()) as { id: string };

    await alexListener.waitFor(() => alexListener.accepted().length >= 1);
    await morganListener.waitFor((posts) => posts.some((post) => JSON.stringify(post.body).includes(alexOrder.id)));
    await sleep(300);
    const [first, second, third] = alexListener.posts;
    expect(alexListener.posts).toHaveLength(3);
    expect(first?.body).toMatchObject({ eventType: 'ProductOrderCreateEvent', event: { productOrder: { id: alexOrder.id } } });
    expect([second?.body.eventId, third?.body.eventId]).toEqual([first?.body.eventId, first?.body.eventId]);
    // Each wait is at least the backoff (50 ms, then 100 ms); comparing the two gaps with each other
    // failed under load, where scheduling noise is larger than their 50 ms difference.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(FAST_EVENTS.retryBaseMs - 10);
    expect(third!.at - second!.at).toBeGreaterThanOrEqual(2 * FAST_EVENTS.retryBaseMs - 10);
    const ordersSeenByMorgan = new Set(
      morganListener.posts.map((post) => (post.body.event as { productOrder: { id: string } }).productOrder.id),
    );
    expect(ordersSeenByMorgan).toEqual(new Set([samOrder.id, alexOrder.id]));
    const ids = morganListener.posts.map((post) => post.body.eventId);
    expect(new Set(ids).size).toBe(ids.length);

    expect((await call('alex', 'DELETE', `${ORDERING_HUB}/${alex.id}`)).status).toBe(204);
    expect((await call('morgan', 'DELETE', `${ORDERING_HUB}/${morgan.id}`)).status).toBe(204);
    const before = alexListener.posts.length + morganListener.posts.length;
    await order('alex', 'acct-harbor-logistics');
    await sleep(300);
    expect(alexListener.posts.length + morganListener.posts.length).toBe(before);
  });

  it('delivers what happened while it was down after a restart, scoped to the subscriber, and stops after DELETE', async () => {
    const alexListener = await startReceiver((index) => (index === 0 ? 503 : 201));
    const samListener = await startReceiver();
    receivers.push(alexListener, samListener);
    const alex = await subscribe('alex', alexListener.url, 'eventType=ProductOrderStateChangeEvent');
    await subscribe('sam', samListener.url);
    await central.close();

    const db = await database.open();
    const record = (owner: string, eventType: string, id: string) =>
      db.transaction((tx) =>
        recordEvent(tx, { eventType, domain: 'productOrderingManagement', resourceName: 'productOrder', resource: { id }, owner }),
      );
    const alexChange = await record('user-alex', 'ProductOrderStateChangeEvent', 'po-1');
    await record('user-alex', 'ProductOrderCreateEvent', 'po-1');
    const samChange = await record('user-sam', 'ProductOrderStateChangeEvent', 'po-2');
    await db.close();

    await startServer();
    await alexListener.waitFor(() => alexListener.accepted().length >= 1);
    await samListener.waitFor((posts) => posts.length >= 1);
    await sleep(200);
    expect(alexListener.posts.map((post) => post.body.eventId)).toEqual([alexChange.eventId, alexChange.eventId]);
    expect(samListener.posts.map((post) => post.body.eventId)).toEqual([samChange.eventId]);
    expect(alexListener.posts[1]?.body).toMatchObject({
      eventType: 'ProductOrderStateChangeEvent',
      event: { productOrder: { id: 'po-1' } },
    });

    expect((await call('alex', 'DELETE', `${ORDERING_HUB}/${alex.id}`)).status).toBe(204);
  });
});
