/**
 * TMF645 checkServiceQualification over HTTP, answered by the simulated network inventory's seeded
 * coverage; every answer validated against the official TMF645 v4 swagger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectConformant } from '../conformance/tmfConformance';
import { api, signIn, type Api, type Json } from '../test/client';
import { ENGINES, startCentral, type TestCentral } from '../test/harness';

const CHECK = '/tmf-api/serviceQualificationManagement/v4/checkServiceQualification';
const item = (id: string, postcode: string, spec?: string) => ({
  id,
  service: {
    ...(spec ? { serviceSpecification: { id: spec } } : {}),
    place: [{ role: 'installationAddress', postcode, city: 'x', country: 'US' }],
  },
});

describe.each(ENGINES)('TMF645 service qualification on $name', (engine) => {
  let central: TestCentral;
  let alex: Api;
  let sam: Api;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = api(central.url, await signIn(central.url, 'alex'));
    sam = api(central.url, await signIn(central.url, 'sam'));
  });
  afterAll(() => central?.close());

  it('answers per site what the network reaches: bandwidth where covered, the reason where not', async () => {
    const response = await alex.post(CHECK, {
      externalId: 'quote-1',
      serviceQualificationItem: [item('boulder', '80301'), item('stockton', '95206', 'fibre')],
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Json;
    expectConformant('TMF645', 'POST', CHECK, 201, body);
    expect(response.headers.get('location')).toBe(body.href);
    expect(body).toMatchObject({
      state: 'done',
      qualificationResult: 'unqualified',
      externalId: 'quote-1',
      instantSyncQualification: true,
    });
    const [boulder, stockton] = body.serviceQualificationItem as Json[];
    expect(boulder).toMatchObject({ id: 'boulder', qualificationResult: 'qualified', state: 'done' });
    expect((boulder?.service as Json).serviceCharacteristic).toEqual([
      { name: 'fibreMaxBandwidthMbps', valueType: 'integer', value: 1000 },
      { name: '5gMaxBandwidthMbps', valueType: 'integer', value: 300 },
    ]);
    expect(stockton).toMatchObject({
      qualificationResult: 'unqualified',
      eligibilityUnavailabilityReason: [{ code: 'noCoverage', label: 'Fibre access does not reach postcode 95206' }],
    });
    const expires = Date.parse(String(body.expirationDate)) - Date.parse(String(body.checkServiceQualificationDate));
    expect(expires).toBe(30 * 86_400_000);

    const again = await alex.get(`${CHECK}/${String(body.id)}`);
    expect(again.status).toBe(200);
    const stored = await again.json();
    expectConformant('TMF645', 'GET', `${CHECK}/{id}`, 200, stored);
    expect(stored).toEqual(body);
    // Another rep does not see alex's check.
    expect((await sam.get(`${CHECK}/${String(body.id)}`)).status).toBe(404);
  });

  it('answers 401 without a token, as every TMF route does', async () => {
    const response = await fetch(`${central.url}${CHECK}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expectConformant('TMF645', 'POST', CHECK, 401, await response.json());
  });

  it('refuses a check without an address, saying what to send', async () => {
    const response = await alex.post(CHECK, { serviceQualificationItem: [{ id: '1', service: {} }] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Json;
    expectConformant('TMF645', 'POST', CHECK, 400, body);
    expect(body.reason).toBe(
      'serviceQualificationItem 1: give the installation address as service.place[0] with a postcode (a GeographicAddress)',
    );
  });
});
