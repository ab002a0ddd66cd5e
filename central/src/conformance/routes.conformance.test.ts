/**
 * Every route the running server registers under /tmf-api/ answers, in success and in error,
 * what the official v4 swagger declares (tmfConformance.ts). Routes are discovered from the
 * server, not listed here: one without a case in cases/ fails with a request to add it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_ENGINE, type TestCentral } from '../test/harness';
import { fillPath, routeKey, startCentralWithRoutes, type RegisteredRoute } from '../test/routes';
import { ALL_CASES } from './cases';
import { call, conforms, openSession, type Session } from './session';
import { apiOfPath } from './tmfConformance';

/**
 * APIs with no official swagger beside the repository (shared/tmf/ has no TMF651): their routes
 * cannot be checked against a spec, so they are left out of the cases below and their TMF630
 * error answers are checked by hand at the end.
 */
const WITHOUT_SPEC = ['/tmf-api/agreementManagement/'];
/** Extensions of an API with a spec: a ProductOrder's attachment file (its note links to it) is not in TMF622 v4. */
const ATTACHMENT = '/tmf-api/productOrderingManagement/v4/productOrder/:id/attachment/:attachmentId';
const EXTENSIONS = [ATTACHMENT];
const hasNoSpec = (route: RegisteredRoute) => WITHOUT_SPEC.some((base) => route.url.startsWith(base)) || EXTENSIONS.includes(route.url);
const isTmf = (route: RegisteredRoute) => route.url.startsWith('/tmf-api/') && !hasNoSpec(route);

describe.each(ONE_ENGINE)('TM Forum conformance of every /tmf-api/ route on $name', (engine) => {
  let central: TestCentral;
  let routes: RegisteredRoute[];
  let session: Session;
  beforeAll(async () => {
    // No fall-out: the cases need completed orders (and their products) every run, not 90% of runs.
    ({ central, routes } = await startCentralWithRoutes(engine, {
      fulfillment: { falloutRate: 0 },
      events: { allowedHosts: ['127.0.0.1'] },
    }));
    session = await openSession(central.url);
  });
  afterAll(() => central?.close());

  const tmfRoutes = () => routes.filter(isTmf);

  it('finds the TMF routes of the running server', () => {
    expect(tmfRoutes().length).toBeGreaterThan(0);
  });

  it('has a conformance case for every /tmf-api/ route the server registers', () => {
    const missing = tmfRoutes()
      .map(routeKey)
      .filter((key) => !(key in ALL_CASES));
    expect(
      missing,
      `No conformance case for ${missing.join(', ')}: add one to central/src/conformance/cases/ ` +
        '(success and error answers, each checked with conforms(); see cases/productOrdering.ts)',
    ).toEqual([]);
  });

  it('knows the spec of every /tmf-api/ route (a base path of TMF620/622/637/648/688/699)', () => {
    expect(
      tmfRoutes()
        .filter((route) => !apiOfPath(route.url))
        .map(routeKey),
    ).toEqual([]);
  });

  it("answers every /tmf-api/ route without a token with the spec's 401 Error", async () => {
    for (const route of tmfRoutes()) {
      const answer = await call(session, route.method, fillPath(route.url), {
        who: null,
        body: ['POST', 'PATCH', 'PUT'].includes(route.method) ? {} : undefined,
      });
      conforms(answer, route.url, 401);
    }
  });

  it("answers GET and DELETE of an unknown id with the spec's 404 Error (as admin, who may do both)", async () => {
    for (const route of tmfRoutes().filter((r) => r.url.includes(':') && (r.method === 'GET' || r.method === 'DELETE'))) {
      conforms(await call(session, route.method, fillPath(route.url, {}, 'no-such-id-0000'), { who: 'admin' }), route.url, 404);
    }
  });

  it('answers DELETE of an unknown id with 404 also when the request labels its empty body (valid HTTP, no 400/415)', async () => {
    for (const route of tmfRoutes().filter((r) => r.url.includes(':') && r.method === 'DELETE')) {
      for (const contentType of ['application/json', 'application/merge-patch+json', 'text/plain']) {
        const answer = await call(session, 'DELETE', fillPath(route.url, {}, 'no-such-id-0000'), {
          who: 'admin',
          headers: { 'content-type': contentType },
        });
        conforms(answer, route.url, 404);
      }
    }
  });

  it('answers PATCH of an unknown id with 404 before judging the body, in each content type the specs name', async () => {
    const patches = tmfRoutes().filter((r) => r.url.includes(':') && r.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(0);
    for (const route of patches) {
      for (const contentType of ['application/merge-patch+json', 'application/json;charset=utf-8']) {
        for (const body of [{}, { id: 'server-owned' }]) {
          const answer = await call(session, 'PATCH', fillPath(route.url, {}, 'no-such-id-0000'), { who: 'admin', body, contentType });
          conforms(answer, route.url, 404);
        }
      }
    }
  });

  it("answers an unknown path under a TMF base with the spec's 404 Error", async () => {
    const answer = await call(session, 'GET', '/tmf-api/productOrderingManagement/v4/noSuchResource');
    conforms(answer, '/tmf-api/productOrderingManagement/v4/noSuchResource', 404);
  });

  it('answers the routes without an official spec (TMF651 agreements, order attachments) with TMF630 errors: 401 without a token, 404 for an unknown id', async () => {
    const unspecified = routes.filter(hasNoSpec);
    expect(unspecified.map(routeKey).sort()).toEqual([
      'GET /tmf-api/agreementManagement/v4/agreement',
      'GET /tmf-api/agreementManagement/v4/agreement/:id',
      `GET ${ATTACHMENT}`,
    ]);
    for (const route of unspecified) {
      const anonymous = await call(session, route.method, fillPath(route.url), { who: null });
      expect(anonymous).toMatchObject({ status: 401, body: { code: expect.any(String), reason: expect.any(String) } });
    }
    const unknown = await call(session, 'GET', '/tmf-api/agreementManagement/v4/agreement/no-such-id-0000', { who: 'admin' });
    expect(unknown).toMatchObject({ status: 404, body: { code: expect.any(String), reason: expect.stringContaining('no-such-id-0000') } });
    const noFile = await call(session, 'GET', fillPath(ATTACHMENT, {}, 'no-such-id-0000'), { who: 'admin' });
    expect(noFile).toMatchObject({ status: 404, body: { code: expect.any(String), reason: expect.any(String) } });
  });

  for (const [key, run] of Object.entries(ALL_CASES)) {
    it(key, async () => {
      const route = routes.find((candidate) => routeKey(candidate) === key);
      if (!route) throw new Error(`The server no longer registers ${key}; remove or rename its case in central/src/conformance/cases/`);
      await run({ session, template: route.url });
    });
  }
});
