/**
 * TMF622B (Product Ordering conformance profile v4.0.0), rule by rule, against a real central
 * system over HTTP. docs/conformance.md lists every mandatory rule and the test here that covers it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_ENGINE, startCentral, type TestCentral } from '../../test/harness';
import { PRODUCT_ORDER_RULES } from '../../ordering';
import { profileProblems } from '../../platform/tmf/profileRules';
import { CTK_ORDER, sellableOrder } from '../cases/productOrdering';
import { call, openSession, type Session } from '../session';
import { bodyBreaking, nestedRequestRules } from './profileSupport';

const PO = '/tmf-api/productOrderingManagement/v4/productOrder';
type Json = Record<string, unknown>;

/** Attributes of ProductOrder, ProductOrderItem, Product and OrderPrice that are arrays (swagger). */
const ARRAYS = new Set([
  'agreement',
  'channel',
  'note',
  'payment',
  'productOfferingQualification',
  'quote',
  'relatedParty',
  'orderTotalPrice',
  'productOrderItem',
  'qualification',
  'itemPrice',
  'itemTotalPrice',
  'priceAlteration',
  'place',
  'productCharacteristic',
  'realizingResource',
  'realizingService',
  'productRelationship',
  'productPrice',
  'productPriceAlteration',
]);
const FILL = {
  productOrderItem: { id: '01', action: 'add' },
  orderTotalPrice: { priceType: 'recurring' },
  itemPrice: { priceType: 'recurring' },
  itemTotalPrice: { priceType: 'recurring' },
};

describe.each(ONE_ENGINE)('TMF622B conformance profile on $name', (engine) => {
  let central: TestCentral;
  let session: Session;
  beforeAll(async () => {
    central = await startCentral(engine, { fulfillment: { falloutRate: 0 } });
    session = await openSession(central.url);
  });
  afterAll(() => central?.close());

  const post = (body: unknown, who: 'tmf' | 'alex' = 'tmf') => call(session, 'POST', PO, { who, body });
  const transition = async (id: string, event: string) => {
    const answer = await call(session, 'POST', `/ops/productOrder/${id}/transition`, {
      who: 'admin',
      body: { event, reason: 'profile test' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  };

  it('TMF622-PO-01: the POST, GET and list answers carry href, id, orderDate and state; href is the Location', async () => {
    for (const body of [CTK_ORDER, sellableOrder()]) {
      const created = await post(body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const order = created.body as Json;
      expect(profileProblems(PRODUCT_ORDER_RULES, order, 'response')).toEqual([]);
      expect(created.headers.get('location')).toBe(order.href);
      const read = await call(session, 'GET', String(order.href));
      expect(read.status).toBe(200);
      expect(profileProblems(PRODUCT_ORDER_RULES, read.body as Json, 'response')).toEqual([]);
    }
    const all = (await call(session, 'GET', `${PO}?limit=100`)).body as Json[];
    expect(all.length).toBeGreaterThan(1);
    for (const order of all) expect(profileProblems(PRODUCT_ORDER_RULES, order, 'response'), String(order.id)).toEqual([]);
  });

  it('TMF622-PO-02: a completed order carries its completionDate', async () => {
    const order = (await post(sellableOrder())).body as Json;
    await transition(String(order.id), 'central.start');
    await transition(String(order.id), 'central.complete');
    const read = (await call(session, 'GET', `${PO}/${String(order.id)}`)).body as Json;
    expect(read.state).toBe('completed');
    expect(profileProblems(PRODUCT_ORDER_RULES, read, 'response')).toEqual([]);
    expect(Number.isNaN(Date.parse(String(read.completionDate)))).toBe(false);
  });

  it.each([
    ['no productOrderItem', { relatedParty: CTK_ORDER.relatedParty }, /productOrderItem is required/],
    ['an empty productOrderItem', { ...CTK_ORDER, productOrderItem: [] }, /productOrderItem is required/],
    ['an item without action', { ...CTK_ORDER, productOrderItem: [{ id: '01' }] }, /action/],
    ['an item without id', { ...CTK_ORDER, productOrderItem: [{ action: 'add' }] }, /\.id is required/],
  ])('TMF622-POST-01: a POST with %s is refused with 400 naming what to add', async (_what, body, reason) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect((answer.body as Json).reason).toMatch(reason);
  });

  const nested = nestedRequestRules(PRODUCT_ORDER_RULES).map(
    ({ rule, missing }) => [rule.id, rule.at.replace(/\*/g, ''), missing, rule] as const,
  );

  it.each(nested)('%s: an order whose %s lacks %s is refused, naming it', async (_id, _at, missing, rule) => {
    const broken = bodyBreaking(rule, missing, ARRAYS, FILL);
    const body = { ...CTK_ORDER, ...broken };
    const answer = await post(body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect((answer.body as Json).reason).toContain(missing);
  });

  it('TMF622 GET: an order by id answers 200, an unknown id 404, also to PATCH with any body and to DELETE with a Content-Type', async () => {
    const order = (await post(sellableOrder())).body as Json;
    expect((await call(session, 'GET', `${PO}/${String(order.id)}`)).status).toBe(200);
    const unknown = `${PO}/${randomUUID()}`;
    expect((await call(session, 'GET', unknown)).status).toBe(404);
    for (const body of [{ state: 'completed' }, { description: 'x' }, []]) {
      const patched = await call(session, 'PATCH', unknown, { who: 'admin', body, contentType: 'application/merge-patch+json' });
      expect(patched.status, JSON.stringify(body)).toBe(404);
    }
    expect((await call(session, 'DELETE', unknown, { who: 'admin', headers: { 'content-type': 'application/json' } })).status).toBe(404);
  });

  it('TMF622 DELETE: an order is deleted with 204 also when the client sends a Content-Type and no body', async () => {
    const order = (await post(sellableOrder())).body as Json;
    const deleted = await call(session, 'DELETE', `${PO}/${String(order.id)}`, {
      who: 'admin',
      headers: { 'content-type': 'application/json;charset=utf-8' },
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    expect((await call(session, 'GET', `${PO}/${String(order.id)}`)).status).toBe(404);
  });

  it('TMF622 PATCH: takes JSON Merge and plain JSON, with or without a charset', async () => {
    const order = (await post(sellableOrder())).body as Json;
    for (const contentType of [
      'application/merge-patch+json',
      'application/merge-patch+json; charset=utf-8',
      'application/json',
      'application/json;charset=utf-8',
    ]) {
      const patched = await call(session, 'PATCH', `${PO}/${String(order.id)}`, { body: { description: contentType }, contentType });
      expect(patched.status, `${contentType}: ${JSON.stringify(patched.body)}`).toBe(200);
      expect((patched.body as Json).description).toBe(contentType);
    }
  });

  it('TMF622 GET: attribute selection works for every first-level attribute, by id and in the list', async () => {
    const order = (await post(sellableOrder())).body as Json;
    for (const attribute of Object.keys(order).filter((key) => key !== 'href')) {
      const selected = (await call(session, 'GET', `${PO}/${String(order.id)}?fields=${encodeURIComponent(attribute)}`)).body as Json;
      expect(selected[attribute], attribute).toEqual(order[attribute]);
      const listed = (await call(session, 'GET', `${PO}?id=${String(order.id)}&fields=${encodeURIComponent(attribute)}`)).body as Json[];
      expect(listed[0]?.[attribute], attribute).toEqual(order[attribute]);
    }
  });

  it('TMF622 GET: filters combine with a logical AND', async () => {
    const order = (await post(sellableOrder())).body as Json;
    const both = (await call(session, 'GET', `${PO}?id=${String(order.id)}&state=${String(order.state)}`)).body as Json[];
    expect(both.map((found) => found.id)).toEqual([order.id]);
    const neither = (await call(session, 'GET', `${PO}?id=${String(order.id)}&state=cancelled`)).body as Json[];
    expect(neither).toEqual([]);
  });
});
