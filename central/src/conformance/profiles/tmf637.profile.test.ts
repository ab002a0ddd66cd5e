/**
 * TMF637B (Product Inventory conformance profile v4.0.0), rule by rule, against a real central
 * system over HTTP: the products fulfillment makes from completed orders, bundles included.
 * docs/conformance.md lists every mandatory rule and the test here that covers it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_RULES } from '../../inventory';
import { ONE_ENGINE, startCentral, type TestCentral } from '../../test/harness';
import { profileProblems } from '../../platform/tmf/profileRules';
import { sellableOrder } from '../cases/productOrdering';
import { call, openSession, type Session } from '../session';

const PRODUCT = '/tmf-api/productInventory/v4/product';
type Json = Record<string, unknown>;

describe.each(ONE_ENGINE)('TMF637B conformance profile on $name', (engine) => {
  let central: TestCentral;
  let session: Session;
  let products: Json[];
  beforeAll(async () => {
    central = await startCentral(engine, { fulfillment: { falloutRate: 0 } });
    session = await openSession(central.url);
    // A single line and a bundle, fulfilled step by step by an administrator.
    const body = {
      ...sellableOrder(),
      productOrderItem: [
        { id: '01', action: 'add', quantity: 1, productOffering: { id: 'off-fibre-internet' } },
        { id: '02', action: 'add', quantity: 1, productOffering: { id: 'off-office-connect-bundle' } },
      ],
    };
    const order = (await call(session, 'POST', '/tmf-api/productOrderingManagement/v4/productOrder', { body })).body as Json;
    for (let step = 0; step < 2; step++) {
      const answer = await call(session, 'POST', '/admin/fulfillment/step', { who: 'admin', body: { orderId: order.id } });
      if (answer.status !== 200) throw new Error(`fulfillment step: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    products = (await call(session, 'GET', `${PRODUCT}?limit=100`)).body as Json[];
  });
  afterAll(() => central?.close());

  it('TMF637-P-*: every product answered meets every rule of the profile, in the list and by id', async () => {
    expect(products.length).toBeGreaterThan(1);
    expect(products.some((product) => product.isBundle === true)).toBe(true);
    for (const product of products) {
      expect(profileProblems(PRODUCT_RULES, product, 'response'), String(product.id)).toEqual([]);
      const read = await call(session, 'GET', String(product.href));
      expect(read.status).toBe(200);
      expect(profileProblems(PRODUCT_RULES, read.body as Json, 'response')).toEqual([]);
    }
  });

  it('TMF637 GET: an unknown product is 404, also when the request labels its empty body JSON', async () => {
    expect((await call(session, 'GET', `${PRODUCT}/${randomUUID()}`)).status).toBe(404);
    expect((await call(session, 'GET', `${PRODUCT}/${randomUUID()}`, { headers: { 'content-type': 'application/json' } })).status).toBe(
      404,
    );
  });

  it('TMF637 GET: attribute selection works for every first-level attribute, by id and in the list', async () => {
    const product = products[0] as Json;
    for (const attribute of Object.keys(product).filter((key) => key !== 'href')) {
      const selected = (await call(session, 'GET', `${PRODUCT}/${String(product.id)}?fields=${encodeURIComponent(attribute)}`))
        .body as Json;
      expect(selected[attribute], attribute).toEqual(product[attribute]);
      const listed = (await call(session, 'GET', `${PRODUCT}?id=${String(product.id)}&fields=${encodeURIComponent(attribute)}`))
        .body as Json[];
      expect(listed[0]?.[attribute], attribute).toEqual(product[attribute]);
    }
  });

  it('TMF637 GET: filters combine with a logical AND', async () => {
    const product = products[0] as Json;
    const both = (await call(session, 'GET', `${PRODUCT}?id=${String(product.id)}&status=${String(product.status)}`)).body as Json[];
    expect(both.map((found) => found.id)).toEqual([product.id]);
    expect((await call(session, 'GET', `${PRODUCT}?id=${String(product.id)}&status=terminated`)).body).toEqual([]);
  });
});
