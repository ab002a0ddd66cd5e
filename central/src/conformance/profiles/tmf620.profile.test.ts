/**
 * TMF620B (Product Catalog conformance profile v4.0.0), rule by rule, against a real central
 * system over HTTP. docs/conformance.md lists every mandatory rule and the test here that covers it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_CREATE_ATTRIBUTES as CREATE_ATTRIBUTES, CATALOG_PROFILE } from '../../catalog';
import { ONE_ENGINE, startCentral, type TestCentral } from '../../test/harness';
import { profileProblems } from '../../platform/tmf/profileRules';
import { call, openSession, type Session } from '../session';
import { bodyBreaking, nestedRequestRules } from './profileSupport';

const BASE = '/tmf-api/productCatalogManagement/v4';
const KINDS = ['productOffering', 'productSpecification', 'productOfferingPrice', 'category', 'catalog'] as const;
type Kind = (typeof KINDS)[number];
type Json = Record<string, unknown>;

/** A body each resource accepts with nothing but what the profile asks for. */
const MINIMAL: Record<Kind, Json> = {
  productOffering: { name: 'Profile offering' },
  productSpecification: { name: 'Profile spec' },
  productOfferingPrice: { name: 'Profile price' },
  category: { name: 'Profile category' },
  catalog: { name: 'Profile catalog' },
};

describe.each(ONE_ENGINE)('TMF620B conformance profile on $name', (engine) => {
  let central: TestCentral;
  let session: Session;
  beforeAll(async () => {
    central = await startCentral(engine);
    session = await openSession(central.url);
  });
  afterAll(() => central?.close());

  const list = async (kind: Kind, query = ''): Promise<Json[]> => {
    const answer = await call(session, 'GET', `${BASE}/${kind}${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as Json[];
  };
  const post = (kind: Kind, body: unknown) => call(session, 'POST', `${BASE}/${kind}`, { who: 'admin', body });

  it.each(KINDS)('TMF620-*-01: every %s answered carries href, id, lastUpdate, lifecycleStatus and name', async (kind) => {
    const seeded = await list(kind);
    expect(seeded.length).toBeGreaterThan(0);
    for (const resource of seeded) expect(profileProblems(CATALOG_PROFILE[kind], resource, 'response'), String(resource.id)).toEqual([]);
  });

  it.each(KINDS)(
    'TMF620-*-01: a %s created with only a name gets the provider default lifecycleStatus, in the POST, the GET and the list',
    async (kind) => {
      const created = await post(kind, MINIMAL[kind]);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const body = created.body as Json;
      expect(body.lifecycleStatus).toBe('In Design');
      expect(profileProblems(CATALOG_PROFILE[kind], body, 'response')).toEqual([]);
      const read = await call(session, 'GET', `${BASE}/${kind}/${String(body.id)}`);
      expect((read.body as Json).lifecycleStatus).toBe('In Design');
      expect((await list(kind, `?id=${String(body.id)}`)).map((resource) => resource.lifecycleStatus)).toEqual(['In Design']);
      // An empty lifecycleStatus is no status either.
      const blank = await post(kind, { ...MINIMAL[kind], lifecycleStatus: '' });
      expect((blank.body as Json).lifecycleStatus).toBe('In Design');
    },
  );

  it.each(KINDS)('TMF620-*-01: href in the %s answer is the Location header of its creation', async (kind) => {
    const created = await post(kind, MINIMAL[kind]);
    expect(created.headers.get('location')).toBe((created.body as Json).href);
    const read = await call(session, 'GET', String((created.body as Json).href));
    expect(read.status).toBe(200);
  });

  it.each(KINDS)('TMF620-*-01: a PATCH may change the lifecycleStatus of a %s, never remove it', async (kind) => {
    const id = String(((await post(kind, MINIMAL[kind])).body as Json).id);
    for (const lifecycleStatus of [null, '']) {
      const removed = await call(session, 'PATCH', `${BASE}/${kind}/${id}`, {
        who: 'admin',
        body: { lifecycleStatus },
        contentType: 'application/merge-patch+json',
      });
      expect(removed.status).toBe(400);
      expect((removed.body as Json).reason).toMatch(/lifecycleStatus cannot be removed/);
    }
    const changed = await call(session, 'PATCH', `${BASE}/${kind}/${id}`, {
      who: 'admin',
      body: { lifecycleStatus: 'In Test' },
      contentType: 'application/merge-patch+json',
    });
    expect((changed.body as Json).lifecycleStatus).toBe('In Test');
  });

  it('TMF620-PO-02, TMF620-PS-02: every bundle offering and bundle specification names what it bundles', async () => {
    const offerings = (await list('productOffering')).filter((offering) => offering.isBundle === true);
    const specifications = (await list('productSpecification')).filter((specification) => specification.isBundle === true);
    expect(offerings.length).toBeGreaterThan(0);
    expect(specifications.length).toBeGreaterThan(0);
    for (const offering of offerings) expect((offering.bundledProductOffering as unknown[]).length, String(offering.id)).toBeGreaterThan(0);
    // TMF620-PO-17: a bundle offering has no specification of its own; its contract terms are productOfferingTerms.
    for (const offering of offerings) expect(offering.productSpecification, String(offering.id)).toBeUndefined();
    for (const specification of specifications) {
      const bundled = specification.bundledProductSpecification as Json[];
      expect(bundled.length, String(specification.id)).toBeGreaterThan(0);
      for (const ref of bundled) expect((await call(session, 'GET', `${BASE}/productSpecification/${String(ref.id)}`)).status).toBe(200);
    }
  });

  it.each([
    ['TMF620-PO-02', 'productOffering', { name: 'Bundle', isBundle: true }, 'bundledProductOffering is required (isBundle is true)'],
    ['TMF620-PO-03', 'productOffering', { name: 'Single', isBundle: false }, 'productSpecification is required (isBundle is false)'],
    [
      'TMF620-PO-17',
      'productOffering',
      {
        name: 'Bundle',
        isBundle: true,
        bundledProductOffering: [{ id: 'off-fibre-internet' }],
        productSpecification: { id: 'spec-fibre-internet' },
      },
      'productSpecification must be empty (isBundle is true)',
    ],
    [
      'TMF620-PS-02',
      'productSpecification',
      { name: 'Bundle', isBundle: true },
      'bundledProductSpecification is required (isBundle is true)',
    ],
    [
      'TMF620-PS-03',
      'productSpecification',
      { name: 'Single', isBundle: false, bundledProductSpecification: [{ id: 'spec-fibre-internet' }] },
      'bundledProductSpecification must be empty (isBundle is false)',
    ],
    ['TMF620-POP-02', 'productOfferingPrice', { name: 'Bundle', isBundle: true }, 'bundledPopRelationship is required (isBundle is true)'],
    [
      'TMF620-POP-03',
      'productOfferingPrice',
      { name: 'Single', isBundle: false, priceType: 'oneTime', bundledPopRelationship: [{ id: 'price-fibre-500' }] },
      'bundledPopRelationship must be empty (isBundle is false)',
    ],
    ['TMF620-POP-04', 'productOfferingPrice', { name: 'Single', isBundle: false }, 'priceType is required (isBundle is false)'],
  ] as const)('%s: a %s breaking the bundle rule is refused with what to fix', async (rule, kind, body, reason) => {
    const answer = await post(kind, body);
    expect(answer.status).toBe(400);
    expect((answer.body as Json).reason).toContain(reason);
    expect((answer.body as Json).reason).toContain(rule);
  });

  it('TMF620-PO-02/03, PS-02, POP-02/04: resources that meet the bundle rules are created', async () => {
    const bundleSpec = await post('productSpecification', {
      name: 'Bundle',
      isBundle: true,
      bundledProductSpecification: [{ id: 'spec-fibre-internet' }],
    });
    expect(bundleSpec.status, JSON.stringify(bundleSpec.body)).toBe(201);
    const single = await post('productOffering', { name: 'Single', isBundle: false, productSpecification: { id: 'spec-fibre-internet' } });
    expect(single.status, JSON.stringify(single.body)).toBe(201);
    const bundle = await post('productOffering', {
      name: 'Bundle',
      isBundle: true,
      bundledProductOffering: [{ id: 'off-fibre-internet' }],
    });
    expect(bundle.status, JSON.stringify(bundle.body)).toBe(201);
    // Giving the bundle a specification afterwards breaks TMF620-PO-17.
    const specified = await call(session, 'PATCH', `${BASE}/productOffering/${String((bundle.body as Json).id)}`, {
      who: 'admin',
      body: { productSpecification: { id: 'spec-fibre-internet' } },
    });
    expect(specified.status).toBe(400);
    expect((specified.body as Json).reason).toContain('TMF620-PO-17');
    const price = await post('productOfferingPrice', {
      name: 'Bundle price',
      isBundle: true,
      bundledPopRelationship: [{ id: 'price-fibre-500' }],
    });
    expect(price.status, JSON.stringify(price.body)).toBe(201);
    // A PATCH that breaks a rule is refused like a POST.
    const broken = await call(session, 'PATCH', `${BASE}/productOffering/${String((single.body as Json).id)}`, {
      who: 'admin',
      body: { productSpecification: null },
    });
    expect(broken.status).toBe(400);
    expect((broken.body as Json).reason).toContain('TMF620-PO-03');
  });

  const ARRAYS: Record<'productOffering' | 'productSpecification' | 'productOfferingPrice', ReadonlySet<string>> = {
    productOffering: new Set(
      Object.entries(CREATE_ATTRIBUTES.productOffering)
        .filter(([, type]) => type === 'array')
        .map(([name]) => name),
    ),
    productSpecification: new Set(
      Object.entries(CREATE_ATTRIBUTES.productSpecification)
        .filter(([, type]) => type === 'array')
        .map(([name]) => name),
    ),
    productOfferingPrice: new Set(
      Object.entries(CREATE_ATTRIBUTES.productOfferingPrice)
        .filter(([, type]) => type === 'array')
        .map(([name]) => name),
    ),
  };
  const FILL = {
    prodSpecCharValueUse: { name: 'Speed', productSpecCharacteristicValue: [{ value: '500 Mbps' }] },
    productSpecification: { id: 'spec-fibre-internet' },
  };
  const nested = (['productOffering', 'productSpecification', 'productOfferingPrice'] as const).flatMap((kind) =>
    nestedRequestRules(CATALOG_PROFILE[kind]).map(({ rule, missing }) => [rule.id, kind, rule.at, missing, rule] as const),
  );

  it.each(nested)('%s: a %s whose %s lacks %s is refused, naming it', async (_id, kind, at, missing, rule) => {
    const body = { ...MINIMAL[kind], ...bodyBreaking(rule, missing, ARRAYS[kind], FILL) };
    const answer = await post(kind, body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect((answer.body as Json).reason).toContain(at.split('.')[0]);
  });

  it.each(KINDS)('TMF620 GET: a %s by id answers 200, an unknown id 404, an unknown id to PATCH and DELETE 404 too', async (kind) => {
    const [first] = await list(kind);
    expect((await call(session, 'GET', `${BASE}/${kind}/${String(first?.id)}`)).status).toBe(200);
    expect((await call(session, 'GET', `${BASE}/${kind}/no-such-id`)).status).toBe(404);
    // 404 before the body is judged: the resource is not there whatever the patch says.
    expect(
      (
        await call(session, 'PATCH', `${BASE}/${kind}/no-such-id`, {
          who: 'admin',
          body: { '@type': 'x' },
          contentType: 'application/merge-patch+json',
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(session, 'DELETE', `${BASE}/${kind}/no-such-id`, { who: 'admin', headers: { 'content-type': 'application/json' } }))
        .status,
    ).toBe(404);
  });

  it.each(KINDS)('TMF620 DELETE: a %s is deleted with 204 also when the client sends a Content-Type and no body', async (kind) => {
    for (const contentType of ['application/json', 'application/json;charset=utf-8', 'application/merge-patch+json']) {
      const id = String(((await post(kind, MINIMAL[kind])).body as Json).id);
      const deleted = await call(session, 'DELETE', `${BASE}/${kind}/${id}`, { who: 'admin', headers: { 'content-type': contentType } });
      expect(deleted.status, `${contentType}: ${JSON.stringify(deleted.body)}`).toBe(204);
      expect((await call(session, 'GET', `${BASE}/${kind}/${id}`)).status).toBe(404);
    }
  });

  it.each(KINDS)('TMF620 PATCH: a %s takes JSON Merge (the mandatory context) and plain JSON, with or without a charset', async (kind) => {
    const id = String(((await post(kind, MINIMAL[kind])).body as Json).id);
    for (const contentType of [
      'application/merge-patch+json',
      'application/merge-patch+json; charset=utf-8',
      'application/json',
      'application/json;charset=utf-8',
    ]) {
      const patched = await call(session, 'PATCH', `${BASE}/${kind}/${id}`, {
        who: 'admin',
        body: { name: `Renamed ${contentType}` },
        contentType,
      });
      expect(patched.status, `${contentType}: ${JSON.stringify(patched.body)}`).toBe(200);
      expect((patched.body as Json).name).toBe(`Renamed ${contentType}`);
    }
  });

  it.each(KINDS)('TMF620 GET: attribute selection works for every first-level attribute of a %s', async (kind) => {
    const [first] = await list(kind);
    const resource = first as Json;
    for (const attribute of Object.keys(resource).filter((key) => key !== 'href')) {
      const selected = await call(session, 'GET', `${BASE}/${kind}/${String(resource.id)}?fields=${encodeURIComponent(attribute)}`);
      expect(selected.status).toBe(200);
      expect((selected.body as Json)[attribute], `${kind}.${attribute}`).toEqual(resource[attribute]);
      const listed = await list(kind, `?id=${String(resource.id)}&fields=${encodeURIComponent(attribute)}`);
      expect(listed[0]?.[attribute]).toEqual(resource[attribute]);
    }
  });

  it('TMF620 GET: filters combine with a logical AND', async () => {
    const launched = await list('productOffering', '?lifecycleStatus=Launched');
    expect(launched.length).toBeGreaterThan(0);
    expect(launched.every((offering) => offering.lifecycleStatus === 'Launched')).toBe(true);
    const bundles = await list('productOffering', '?lifecycleStatus=Launched&isBundle=true');
    expect(bundles.length).toBeGreaterThan(0);
    expect(bundles.every((offering) => offering.lifecycleStatus === 'Launched' && offering.isBundle === true)).toBe(true);
    expect(bundles.length).toBeLessThan(launched.length);
  });
});
