/** TMF620 Product Catalog: every route of the five resources, success and error answers, against the v4.1 swagger. */
import { call, conforms, type Session } from '../session';
import type { CaseTable, ConformanceCase } from './types';

const BASE = '/tmf-api/productCatalogManagement/v4';

type Resource = 'productOffering' | 'productSpecification' | 'productOfferingPrice' | 'category' | 'catalog';

interface ResourceCases {
  /** A seeded resource. */
  seeded: string;
  /** A filter that matches seeded resources. */
  filter: string;
  /** A valid *_Create body. */
  create: Record<string, unknown>;
  /** A valid *_Update body. */
  update: Record<string, unknown>;
  /** A seeded resource other resources reference (DELETE answers 409). */
  referenced: string;
}

const CASES: Record<Resource, ResourceCases> = {
  productOffering: {
    seeded: 'off-office-connect-bundle',
    filter: 'lifecycleStatus=Launched',
    create: {
      name: 'Conformance offering',
      lifecycleStatus: 'In Design',
      isBundle: false,
      productSpecification: { id: 'spec-fibre-internet' },
      category: [{ id: 'cat-voice' }],
      validFor: { startDateTime: '2026-11-01T00:00:00Z' },
    },
    update: { description: 'Patched', lifecycleStatus: 'In Test' },
    referenced: 'off-fibre-internet',
  },
  productSpecification: {
    seeded: 'spec-fibre-internet',
    filter: 'isBundle=false',
    create: {
      name: 'Conformance spec',
      productSpecCharacteristic: [{ name: 'Colour', productSpecCharacteristicValue: [{ value: 'Blue', isDefault: true }] }],
    },
    update: { brand: 'Outpost' },
    referenced: 'spec-fibre-internet',
  },
  productOfferingPrice: {
    seeded: 'price-fibre-500',
    filter: 'priceType=recurring',
    create: { name: 'Conformance price', priceType: 'oneTime', price: { unit: 'USD', value: 12.5 } },
    update: { price: { value: 13 } },
    referenced: 'disc-fibre-internet-1',
  },
  category: {
    seeded: 'cat-connectivity',
    filter: 'isRoot=true',
    create: { name: 'Conformance category', isRoot: true },
    update: { description: 'Patched' },
    referenced: 'cat-voice',
  },
  catalog: {
    seeded: 'catalog-outpost-business',
    filter: 'name=Outpost%20Business%20Catalog',
    create: { name: 'Conformance catalog', catalogType: 'productCatalog', category: [{ id: 'cat-cloud' }] },
    update: { version: '2026.12' },
    referenced: '',
  },
};

async function create(session: Session, resource: Resource): Promise<string> {
  const path = `${BASE}/${resource}`;
  const created = conforms(await call(session, 'POST', path, { who: 'admin', body: CASES[resource].create }), path, 201);
  return String(created.id);
}

function casesOf(resource: Resource): CaseTable {
  const path = `${BASE}/${resource}`;
  const item = `${path}/:id`;
  const cases = CASES[resource];
  const list: ConformanceCase = async ({ session, template }) => {
    const all = conforms<unknown[]>(await call(session, 'GET', path, { who: 'alex' }), template, 200);
    if (all.length === 0) throw new Error(`expected seeded ${resource} resources`);
    conforms(await call(session, 'GET', `${path}?${cases.filter}&offset=1&limit=2`), template, 200);
    conforms(await call(session, 'GET', `${path}?fields=name,lastUpdate`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${path}?name=no-such-name`), template, 200);
    conforms(await call(session, 'GET', `${path}?limit=-1`), template, 400);
  };
  const post: ConformanceCase = async ({ session, template }) => {
    conforms(await call(session, 'POST', path, { who: 'admin', body: cases.create }), template, 201);
    for (const bad of [{}, { ...cases.create, id: 'mine' }, { ...cases.create, unknownAttribute: 1 }, [cases.create], '{"name": ']) {
      conforms(await call(session, 'POST', path, { who: 'admin', body: bad }), template, 400);
    }
    conforms(await call(session, 'POST', path, { who: 'alex', body: cases.create }), template, 403);
    conforms(await call(session, 'POST', path, { who: 'admin', body: '<x/>', contentType: 'application/xml' }), template, 415);
  };
  const get: ConformanceCase = async ({ session, template }) => {
    conforms(await call(session, 'GET', `${path}/${cases.seeded}`, { who: 'sam' }), template, 200);
    conforms(await call(session, 'GET', `${path}/${cases.seeded}?fields=name`), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${path}/${await create(session, resource)}`), template, 200);
    conforms(await call(session, 'GET', `${path}/no-such-id`), template, 404);
  };
  const patch: ConformanceCase = async ({ session, template }) => {
    const id = await create(session, resource);
    conforms(await call(session, 'PATCH', `${path}/${id}`, { who: 'admin', body: cases.update }), template, 200);
    conforms(
      await call(session, 'PATCH', `${path}/${id}`, { who: 'admin', body: cases.update, contentType: 'application/merge-patch+json' }),
      template,
      200,
    );
    for (const bad of [{}, { '@type': 'Other' }, { name: null }, []]) {
      conforms(await call(session, 'PATCH', `${path}/${id}`, { who: 'admin', body: bad }), template, 400);
    }
    conforms(await call(session, 'PATCH', `${path}/${id}`, { who: 'morgan', body: cases.update }), template, 403);
    conforms(await call(session, 'PATCH', `${path}/no-such-id`, { who: 'admin', body: cases.update }), template, 404);
  };
  const remove: ConformanceCase = async ({ session, template }) => {
    const id = await create(session, resource);
    conforms(await call(session, 'DELETE', `${path}/${id}`, { who: 'tmf' }), template, 403);
    const deleted = await call(session, 'DELETE', `${path}/${id}`, { who: 'admin' });
    if (deleted.status !== 204 || deleted.body !== undefined)
      throw new Error(`DELETE ${path}/${id}: expected an empty 204, got ${deleted.status}`);
    conforms(await call(session, 'DELETE', `${path}/${id}`, { who: 'admin' }), template, 404);
    if (cases.referenced) conforms(await call(session, 'DELETE', `${path}/${cases.referenced}`, { who: 'admin' }), template, 409);
  };
  return { [`GET ${path}`]: list, [`POST ${path}`]: post, [`GET ${item}`]: get, [`PATCH ${item}`]: patch, [`DELETE ${item}`]: remove };
}

export const PRODUCT_CATALOG_CASES: CaseTable = Object.assign(
  {},
  ...(['productOffering', 'productSpecification', 'productOfferingPrice', 'category', 'catalog'] as const).map(casesOf),
) as CaseTable;
