/** SSRF: hub callbacks may not reach internal addresses unless the operator allows them, checked at registration and at delivery. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, signIn } from '../../test/client';
import { prepareDatabase, serveCentral, type TestDatabase } from '../../test/database';
import { ONE_ENGINE } from '../../test/harness';
import { sleep, startReceiver, type Receiver } from '../../test/receiver';
import type { CentralOptions } from '../../server';
import { recordEvent } from './eventLog';

const HUB = '/tmf-api/productOrderingManagement/v4/hub';
const FAST = { pollIntervalMs: 20, retryBaseMs: 50, maxAttempts: 2 };

describe.each(ONE_ENGINE)('hub callback guard on $name', (engine) => {
  let database: TestDatabase;
  let central: { url: string; close(): Promise<void> } | undefined;
  const receivers: Receiver[] = [];

  let token = '';
  const stop = async () => {
    await central?.close();
    central = undefined;
  };
  const start = async (options: CentralOptions['events'] = {}) => {
    await stop();
    central = await serveCentral({ ...database.options, events: { ...FAST, ...options } });
    token = await signIn(central.url, 'admin');
    return central.url;
  };
  const subscribe = async (url: string, callback: string) =>
    fetch(url + HUB, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ callback }),
    });

  beforeAll(async () => {
    database = await prepareDatabase(engine);
    await start();
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });
  afterAll(async () => {
    await central?.close();
    await database?.dispose();
  });

  it('refuses loopback, private, link-local, CGNAT and internal IPv6 callbacks with a 400 saying why and how to allow them', async () => {
    const url = central?.url ?? '';
    const refused: [string, string][] = [
      ['http://127.0.0.1:9/x', 'loopback'],
      ['http://localhost:9/x', 'localhost resolves to'],
      ['http://10.0.0.5/x', 'private network'],
      ['http://172.20.1.1/x', 'private network'],
      ['https://192.168.1.10/x', 'private network'],
      ['http://169.254.169.254/latest/meta-data', 'link-local'],
      ['http://100.64.0.1/x', 'carrier-grade NAT'],
      ['http://[::1]:9/x', 'loopback'],
      ['http://[fd00::1]/x', 'unique local'],
      ['http://[fe80::1]/x', 'link-local'],
      ['http://[::ffff:127.0.0.1]/x', 'loopback'],
      ['http://[::ffff:a9fe:a9fe]/x', 'link-local'],
      // Shorthand IPv4 forms are normalised by URL parsing before the check.
      ['http://2130706433/x', 'loopback'],
      ['http://0x7f.1/x', 'loopback'],
    ];
    for (const [callback, why] of refused) {
      const body = await expectApiError(await subscribe(url, callback), 400);
      expect(body.reason, callback).toContain(why);
      expect(body.reason, callback).toContain('OUTPOST_HUB_ALLOWED_HOSTS');
    }
  });

  it('accepts an internal callback the allow-list names by host, address or CIDR', async () => {
    const url = await start({ allowedHosts: ['localhost', '10.0.0.0/8', '::1'] });
    for (const callback of ['http://localhost:9/x', 'http://10.1.2.3/x', 'http://[::1]:9/x']) {
      expect((await subscribe(url, callback)).status, callback).toBe(201);
    }
    expect((await expectApiError(await subscribe(url, 'http://192.168.0.1/x'), 400)).reason).toContain('private network');
  });

  it('checks again at delivery, after DNS: a callback that now resolves to a refused address gets nothing', async () => {
    const refusedListener = await startReceiver();
    const allowedListener = await startReceiver(undefined, '127.0.0.2');
    receivers.push(refusedListener, allowedListener);
    // Registered while its host name was allowed; it resolves (through DNS, not by name) to 127.0.0.1.
    const url = await start({ allowedHosts: ['localhost', '127.0.0.2'] });
    const byName = refusedListener.url.replace('127.0.0.1', 'localhost');
    expect((await subscribe(url, byName)).status).toBe(201);
    expect((await subscribe(url, allowedListener.url)).status).toBe(201);

    // PGlite admits one process per folder: the event is recorded while no server runs.
    await stop();
    const db = await database.open();
    const event = await db.transaction((tx) =>
      recordEvent(tx, {
        eventType: 'ProductOrderCreateEvent',
        domain: 'productOrderingManagement',
        resourceName: 'productOrder',
        resource: { id: 'po-ssrf' },
        owner: null,
      }),
    );
    await db.close();
    await start({ allowedHosts: ['127.0.0.2'] });
    await allowedListener.waitFor((posts) => posts.length >= 1);
    await sleep(400);
    expect(allowedListener.posts.map((post) => post.body.eventId)).toEqual([event.eventId]);
    expect(refusedListener.posts).toEqual([]);
  });
});
