/**
 * Three central instances (child processes) on one PostgreSQL behind the round-robin proxy,
 * started once for the file: the change feed reaches every instance's streams, auto-fulfillment
 * runs on one instance and moves on when that one is killed, and concurrent pushes of the same
 * orders through different instances make each ProductOrder once, and an instance killed under
 * load costs no client a 5xx or an acknowledged order (the proxy sends the pushes elsewhere). PostgreSQL only
 * (TEST_DATABASE_URL): PGlite is one process by nature.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, pullAll, signIn, type Json } from '../src/test/client';
import { openStream, type OpenStream } from '../src/test/eventStream';
import { newOrder } from '../src/test/fixtures';
import { freshPostgresDatabase } from '../src/test/harness';
import { startLocalCluster, type ClusterInstance, type LocalCluster } from './launch';

const baseUrl = process.env.TEST_DATABASE_URL;
const LEASE_MS = 1500;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!baseUrl)('three instances on one PostgreSQL', () => {
  let cluster: LocalCluster;
  let database: { url: string; dispose(): Promise<void> };
  let sql: pg.Client;
  const streams: OpenStream[] = [];
  const instance = (n: number): ClusterInstance => {
    const found = cluster.instances[n - 1];
    if (!found) throw new Error(`no instance ${n}`);
    return found;
  };
  const leader = async (): Promise<string | undefined> =>
    (await sql.query<{ holder: string }>(`SELECT holder FROM instance_leases WHERE name = 'fulfillment' AND lease_until > now()`)).rows[0]
      ?.holder;

  beforeAll(async () => {
    database = await freshPostgresDatabase(baseUrl ?? '');
    cluster = await startLocalCluster({
      instances: 3,
      databaseUrl: database.url,
      env: {
        OUTPOST_FULFILLMENT: 'auto',
        OUTPOST_FULFILLMENT_INTERVAL_MS: '300',
        OUTPOST_FULFILLMENT_LEASE_MS: String(LEASE_MS),
        OUTPOST_FALLOUT_RATE: '0',
        OUTPOST_FULFILLMENT_SEED: '1',
      },
    });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  }, 400_000);
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await sql?.end();
    await cluster?.stop();
    await database?.dispose();
  });

  it('tells a rep streaming from instance 1 of an order state changed through instance 3, within a second', async () => {
    const alexOn1 = await signIn(instance(1).url, 'alex');
    const alexOn3 = api(instance(3).url, await signIn(instance(3).url, 'alex'));
    const stream = await openStream(instance(1).url, alexOn1);
    // And one through the proxy: server-sent events must pass it as they come, not when it ends.
    const proxied = await openStream(cluster.url, alexOn1);
    streams.push(stream, proxied);
    await stream.next((event) => event.event === 'hello');
    await proxied.next((event) => event.event === 'hello');

    const order = newOrder('user-alex');
    await alexOn3.push('orders', [{ newDocumentState: order }]);
    const pushed = Date.now();
    const change = await stream.next((event) => event.event === 'change' && (JSON.parse(event.data) as Json).collection === 'orders', 1000);
    expect(Date.now() - pushed).toBeLessThan(1000);
    await proxied.next((event) => event.event === 'change' && (JSON.parse(event.data) as Json).collection === 'orders', 1000);
    // What the stream announced is there to pull from instance 1: the order left `queued`.
    const { documents } = await pullAll(api(instance(1).url, alexOn1), 'orders', 0);
    const pulled = documents.find((doc) => doc.id === order.id);
    expect(pulled?.tmfOrderId).toEqual(expect.any(String));
    expect(pulled?.status).not.toBe('queued');
    expect((JSON.parse(change.data) as Json).seq).toBeGreaterThan(0);
  });

  it('ends a stream on instance 1 at once when its sign-in is revoked through instance 2', async () => {
    const token = await signIn(instance(1).url, 'sam');
    const stream = await openStream(instance(1).url, token);
    streams.push(stream);
    await stream.next((event) => event.event === 'hello');
    const revoked = await fetch(`${instance(2).url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, client_id: 'outpost-desktop' }).toString(),
    });
    expect(revoked.status).toBe(200);
    const end = await stream.next((event) => event.event === 'end', 1000);
    expect(JSON.parse(end.data)).toEqual({ reason: 'revoked' });
  });

  it('creates each order exactly once from 100 concurrent pushes spread over the instances', async () => {
    const tokens = await Promise.all(cluster.instances.map((one) => signIn(one.url, 'alex')));
    const orders = Array.from({ length: 50 }, () => newOrder('user-alex'));
    // Every order is pushed twice at once, through two different instances (a retry after a lost answer).
    const pushes = orders.flatMap((order, index) =>
      [index, index + 1].map((slot) => {
        const which = slot % cluster.instances.length;
        return api(cluster.instances[which]?.url ?? '', tokens[which] ?? '').push('orders', [{ newDocumentState: order }]);
      }),
    );
    expect(pushes).toHaveLength(100);
    const answers = await Promise.all(pushes);
    // No push refused: the second of a pair is answered with the state the first created.
    expect(answers.flat().filter((doc) => typeof doc.syncError === 'string')).toEqual([]);
    const counts = await sql.query<{ external_id: string; n: string }>(
      'SELECT external_id, count(*) AS n FROM product_orders WHERE external_id = ANY($1::text[]) GROUP BY external_id',
      [orders.map((order) => order.id)],
    );
    expect(counts.rows).toHaveLength(50);
    expect(counts.rows.every((row) => Number(row.n) === 1)).toBe(true);
  });

  it('runs auto-fulfillment on one instance, and on another once that one is killed', async () => {
    const first = await waitFor('a fulfillment leader', leader, 10_000);
    // The lease stays with one holder while it lives (no instance takes it from a live one).
    for (let check = 0; check < 5; check++) {
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 2));
      expect(await leader()).toBe(first);
    }
    const dead = cluster.instances.find((one) => one.id === first);
    if (!dead) throw new Error(`leader ${first} is not one of the cluster's instances`);
    await cluster.kill(dead);

    const next = await waitFor(
      'a new fulfillment leader',
      async () => {
        const holder = await leader();
        return holder && holder !== first ? holder : undefined;
      },
      10_000 + LEASE_MS,
    );
    expect(cluster.instances.map((one) => one.id)).toContain(next);
    // The new leader's timer moves a fresh order all the way: pushed through a surviving instance.
    const alive = cluster.instances.find((one) => one.id !== first) ?? instance(1);
    const rep = api(alive.url, await signIn(alive.url, 'alex'));
    const order = newOrder('user-alex');
    await rep.push('orders', [{ newDocumentState: order }]);
    await waitFor(
      'the order completed',
      async () => {
        const rows = await sql.query<{ state: string }>('SELECT state FROM product_orders WHERE external_id = $1', [order.id]);
        return rows.rows[0]?.state === 'completed' ? true : undefined;
      },
      20_000,
    );
  });

  it('answers no 5xx and loses no acknowledged order when an instance is killed under load', async () => {
    const running = cluster.instances.filter((one) => one.child.exitCode === null && one.child.signalCode === null);
    expect(running.length).toBeGreaterThanOrEqual(2);
    const token = await signIn(cluster.url, 'alex');
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let answeredAfterKill = 0;
    let killed = false;
    let stop = false;
    // Simulated reps pushing queued orders through the proxy, each as fast as it is answered.
    const rep = async (): Promise<void> => {
      while (!stop) {
        const order = newOrder('user-alex');
        const response = await fetch(`${cluster.url}/sync/orders/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify([{ newDocumentState: order }]),
        });
        const body = await response.text();
        if (killed) answeredAfterKill++;
        // A retried push whose first attempt had committed answers with the stored order: still acknowledged.
        if (response.status === 200 && !body.includes('syncError')) acknowledged.push(order.id);
        else failures.push(`${response.status} ${body.slice(0, 200)}`);
      }
    };
    const reps = Array.from({ length: 16 }, rep);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const victim = running[0];
    if (!victim) throw new Error('no instance to kill');
    killed = true;
    await cluster.kill(victim);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    stop = true;
    await Promise.all(reps);

    expect(failures).toEqual([]);
    expect(answeredAfterKill).toBeGreaterThan(0);
    const counts = await sql.query<{ external_id: string; n: string }>(
      'SELECT external_id, count(*) AS n FROM product_orders WHERE external_id = ANY($1::text[]) GROUP BY external_id',
      [acknowledged],
    );
    expect(counts.rows).toHaveLength(acknowledged.length);
    expect(counts.rows.filter((row) => Number(row.n) !== 1)).toEqual([]);
    // The rep catches up through the proxy: every acknowledged order is there to pull, submitted.
    const { documents } = await pullAll(api(cluster.url, token), 'orders', 0);
    const pulled = new Map(documents.map((doc) => [doc.id, doc]));
    expect(acknowledged.filter((id) => typeof pulled.get(id)?.tmfOrderId !== 'string')).toEqual([]);
  }, 30_000);
});
