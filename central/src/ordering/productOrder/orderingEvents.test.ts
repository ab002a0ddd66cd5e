/** The TMF622 notifications of every ordering change, read back from the event log (TMF688 topic). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { integrationToken, type Json } from '../../test/client';
import { CANCEL, PO, orderingApi, placeOrder, signedIn, walk, type OrderingApi } from '../../test/ordering';

const TOPIC = '/tmf-api/event/v4/topic/productOrderingManagement/event';

describe.each(ENGINES)('TMF622 events on $name', (engine) => {
  let central: TestCentral;
  let alex: OrderingApi;
  let sam: OrderingApi;
  let admin: OrderingApi;
  let tmf: OrderingApi;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = await signedIn(central.url, 'alex');
    sam = await signedIn(central.url, 'sam');
    admin = await signedIn(central.url, 'admin');
    tmf = await orderingApi(central.url, await integrationToken(central.url));
  });
  afterAll(() => central?.close());

  /** The events about one resource, in the order they happened, as `client` may read them. */
  async function eventsAbout(client: OrderingApi, resourceName: string, id: string): Promise<Json[]> {
    const response = await client.get(`${TOPIC}?limit=1000`);
    expect(response.status).toBe(200);
    const events = (await response.json()) as Json[];
    return events.filter((event) => ((event.event as Json)[resourceName] as Json | undefined)?.id === id);
  }
  const summary = (events: Json[], resourceName = 'productOrder') =>
    events.map((event) => [event.eventType, ((event.event as Json)[resourceName] as Json).state]);

  it('records create and every state change of an app order, the hold for review included', async () => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex', {
      items: [
        {
          id: 'l1',
          offeringId: 'off-fibre-internet',
          offeringName: 'Business Fibre Internet',
          quantity: 1,
          characteristics: [],
          oneTime: 19900,
          recurring: 5000,
        },
      ],
    });
    await walk(admin, tmfOrderId, ['central.release', 'central.pend', 'central.resume', 'central.complete']);
    const events = await eventsAbout(alex, 'productOrder', tmfOrderId);
    expect(summary(events)).toEqual([
      ['ProductOrderCreateEvent', 'acknowledged'],
      ['ProductOrderStateChangeEvent', 'inProgress'],
      ['ProductOrderStateChangeEvent', 'held'],
      ['ProductOrderStateChangeEvent', 'inProgress'],
      ['ProductOrderStateChangeEvent', 'pending'],
      ['ProductOrderInformationRequiredEvent', 'pending'],
      ['ProductOrderStateChangeEvent', 'inProgress'],
      ['ProductOrderStateChangeEvent', 'completed'],
    ]);
    expect(String(events[2]?.description)).toContain('Held for price review');
    // Another rep does not read them.
    expect(await eventsAbout(sam, 'productOrder', tmfOrderId)).toEqual([]);
  });

  it('records ProductOrderCreateEvent for TMF622 POST, attribute changes with their fieldPath, and the delete', async () => {
    const created = (await (
      await tmf.post(PO, { productOrderItem: [{ id: '01', action: 'add' }], relatedParty: [{ id: 'p-1', '@referredType': 'Individual' }] })
    ).json()) as Json;
    const id = String(created.id);
    expect((await tmf.patch(`${PO}/${id}`, { description: 'Renamed', priority: '2' })).status).toBe(200);
    // A patch that changes nothing tells of nothing.
    expect((await tmf.patch(`${PO}/${id}`, { description: 'Renamed' })).status).toBe(200);
    expect((await admin.delete(`${PO}/${id}`)).status).toBe(204);
    const events = await eventsAbout(tmf, 'productOrder', id);
    expect(events.map((event) => event.eventType)).toEqual([
      'ProductOrderCreateEvent',
      'ProductOrderAttributeValueChangeEvent',
      'ProductOrderDeleteEvent',
    ]);
    expect(events[1]).toMatchObject({
      fieldPath: 'description,priority',
      event: { productOrder: { description: 'Renamed', priority: '2' } },
    });
  });

  it('records the cancellation task and the order it cancels, or the task alone when denied', async () => {
    const { tmfOrderId } = await placeOrder(alex, 'user-alex');
    const task = (await (await alex.post(CANCEL, { productOrder: { id: tmfOrderId } })).json()) as Json;
    expect(summary(await eventsAbout(alex, 'cancelProductOrder', String(task.id)), 'cancelProductOrder')).toEqual([
      ['CancelProductOrderCreateEvent', 'acknowledged'],
      ['CancelProductOrderStateChangeEvent', 'inProgress'],
      ['CancelProductOrderStateChangeEvent', 'done'],
    ]);
    expect(summary(await eventsAbout(alex, 'productOrder', tmfOrderId)).slice(1)).toEqual([
      ['ProductOrderStateChangeEvent', 'inProgress'],
      ['ProductOrderStateChangeEvent', 'assessingCancellation'],
      ['ProductOrderStateChangeEvent', 'pendingCancellation'],
      ['ProductOrderStateChangeEvent', 'cancelled'],
    ]);

    const denied = (await (await alex.post(CANCEL, { productOrder: { id: tmfOrderId } })).json()) as Json;
    expect(
      summary(await eventsAbout(alex, 'cancelProductOrder', String(denied.id)), 'cancelProductOrder').map(([, state]) => state),
    ).toEqual(['acknowledged', 'inProgress', 'terminatedWithError']);
    expect(await eventsAbout(alex, 'productOrder', tmfOrderId)).toHaveLength(5);
  });
});
