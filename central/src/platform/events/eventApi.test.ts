import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { api, expectApiError, integrationToken, signIn, type Json } from '../../test/client';
import { prepareDatabase, serveCentral, type TestDatabase } from '../../test/database';
import { ENGINES } from '../../test/harness';
import { recordEvent } from './eventLog';

const LOG = '/tmf-api/event/v4/topic';

/** Events written straight into the database before the server starts, so the log's contents are known. */
async function recordSample(db: Db, owner: string | null, eventType: string, domain: string, id: string): Promise<string> {
  const event = await db.transaction((tx) =>
    recordEvent(tx, { eventType, domain, resourceName: 'productOrder', resource: { id, state: 'acknowledged' }, owner }),
  );
  return event.eventId;
}

describe.each(ENGINES)('TMF688 event log on $name', (engine) => {
  let database: TestDatabase;
  let central: { url: string; close(): Promise<void> };
  const ids: Record<string, string> = {};
  const as = async (username: string) => api(central.url, await signIn(central.url, username));
  const list = async (username: string, path: string) => {
    const response = await (await as(username)).get(path);
    expect(response.status).toBe(200);
    return {
      total: Number(response.headers.get('x-total-count')),
      count: Number(response.headers.get('x-result-count')),
      body: (await response.json()) as Json[],
    };
  };

  beforeAll(async () => {
    database = await prepareDatabase(engine);
    const db = await database.open();
    ids.alexCreate = await recordSample(db, 'user-alex', 'ProductOrderCreateEvent', 'productOrderingManagement', 'po-alex');
    ids.samCreate = await recordSample(db, 'user-sam', 'ProductOrderCreateEvent', 'productOrderingManagement', 'po-sam');
    ids.alexState = await recordSample(db, 'user-alex', 'ProductOrderStateChangeEvent', 'productOrderingManagement', 'po-alex');
    ids.catalog = await recordSample(db, null, 'ProductOfferingCreateEvent', 'productCatalogManagement', 'off-new');
    ids.party = await recordSample(db, null, 'IndividualCreateEvent', 'partyManagement', 'ind-1');
    await db.close();
    central = await serveCentral(database.options);
  });
  afterAll(async () => {
    await central?.close();
    await database?.dispose();
  });

  it('lists one topic per API domain, those with a hub first', async () => {
    const topics = await list('alex', LOG);
    expect(topics.body.map((topic) => topic.id)).toEqual([
      'productOrderingManagement',
      'productCatalogManagement',
      'productInventory',
      'quoteManagement',
      'sales',
      'partyManagement',
    ]);
    expect(topics.total).toBe(6);
    expect(topics.body[0]).toEqual({
      id: 'productOrderingManagement',
      href: `${LOG}/productOrderingManagement`,
      name: 'productOrderingManagement',
      '@type': 'Topic',
    });
    const paged = await list('alex', `${LOG}?offset=4&limit=1`);
    expect([paged.total, paged.count, paged.body[0]?.id]).toEqual([6, 1, 'sales']);
    const one = await (await as('sam')).get(`${LOG}/quoteManagement`);
    expect(((await one.json()) as Json).href).toBe(`${LOG}/quoteManagement`);
    expect((await expectApiError(await (await as('sam')).get(`${LOG}/nowhere`), 404)).reason).toContain('GET /tmf-api/event/v4/topic');
  });

  it('shows each user the events of the records they may see, oldest first, paged', async () => {
    const ordering = `${LOG}/productOrderingManagement/event`;
    const alex = await list('alex', ordering);
    expect(alex.body.map((event) => event.eventId)).toEqual([ids.alexCreate, ids.alexState]);
    expect([alex.total, alex.count]).toEqual([2, 2]);
    expect((await list('sam', ordering)).body.map((event) => event.eventId)).toEqual([ids.samCreate]);
    expect((await list('morgan', ordering)).total).toBe(3);
    const client = api(central.url, await integrationToken(central.url));
    expect(Number((await client.get(ordering)).headers.get('x-total-count'))).toBe(3);

    const page = await list('admin', `${ordering}?offset=1&limit=1`);
    expect([page.total, page.count, page.body[0]?.eventId]).toEqual([3, 1, ids.samCreate]);
    expect(page.body[0]).toMatchObject({
      eventType: 'ProductOrderCreateEvent',
      domain: 'productOrderingManagement',
      event: { productOrder: { id: 'po-sam' } },
    });

    // Events of shared data (owner null) are everyone's.
    expect((await list('sam', `${LOG}/productCatalogManagement/event`)).body.map((event) => event.eventId)).toEqual([ids.catalog]);
  });

  it('filters by attribute, selects fields (eventId always kept) and reads one event by eventId', async () => {
    const ordering = `${LOG}/productOrderingManagement/event`;
    const changes = await list('morgan', `${ordering}?eventType=ProductOrderStateChangeEvent`);
    expect(changes.body.map((event) => event.eventId)).toEqual([ids.alexState]);
    const slim = await list('alex', `${ordering}?fields=eventType`);
    expect(slim.body).toEqual([
      { eventId: ids.alexCreate, eventType: 'ProductOrderCreateEvent' },
      { eventId: ids.alexState, eventType: 'ProductOrderStateChangeEvent' },
    ]);
    const own = await (await as('alex')).get(`${ordering}/${ids.alexCreate}`);
    expect(((await own.json()) as Json).eventId).toBe(ids.alexCreate);
    await expectApiError(await (await as('alex')).get(`${ordering}/${ids.samCreate}`), 404);
    await expectApiError(await (await as('alex')).get(`${LOG}/productCatalogManagement/event/${ids.alexCreate}`), 404);
  });

  it('refuses bad paging and missing tokens with the TMF Error', async () => {
    expect((await expectApiError(await (await as('alex')).get(`${LOG}/sales/event?limit=-1`), 400)).reason).toContain('limit');
    await expectApiError(await fetch(`${central.url}${LOG}`), 401);
    await expectApiError(await fetch(`${central.url}${LOG}/sales/event`), 401);
  });
});
