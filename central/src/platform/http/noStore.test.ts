import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_ENGINE, startCentral, type TestCentral } from '../../test/harness';
import { integrationToken, signIn, tokenRequest } from '../../test/client';

describe.each(ONE_ENGINE)('Cache-Control on every API answer on $name', (engine) => {
  let central: TestCentral;
  let rep: Record<string, string>;
  beforeAll(async () => {
    central = await startCentral(engine);
    rep = { authorization: `Bearer ${await signIn(central.url, 'alex')}` };
  });
  afterAll(() => central?.close());

  const json = { 'content-type': 'application/json' };

  it('is no-store on successes, errors and unknown paths, so no cache keeps personal data', async () => {
    const tmf = { authorization: `Bearer ${await integrationToken(central.url)}` };
    const answers: [string, Promise<Response>][] = [
      ['pull', fetch(`${central.url}/sync/contacts/pull`, { headers: rep })],
      ['push', fetch(`${central.url}/sync/leads/push`, { method: 'POST', headers: { ...rep, ...json }, body: '[]' })],
      ['TMF622 list', fetch(`${central.url}/tmf-api/productOrderingManagement/v4/productOrder`, { headers: tmf })],
      ['TMF620 list', fetch(`${central.url}/tmf-api/productCatalogManagement/v4/productOffering`, { headers: rep })],
      ['me', fetch(`${central.url}/me`, { headers: rep })],
      ['health', fetch(`${central.url}/health`)],
      ['token', tokenRequest(central.url, { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' })],
      ['failed sign-in', tokenRequest(central.url, { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'wrong' })],
      ['no token', fetch(`${central.url}/sync/leads/pull`)],
      ['bad push', fetch(`${central.url}/sync/leads/push`, { method: 'POST', headers: { ...rep, ...json }, body: '{"not": "a push"}' })],
      ['broken JSON', fetch(`${central.url}/sync/leads/push`, { method: 'POST', headers: { ...rep, ...json }, body: '[' })],
      ['unknown path', fetch(`${central.url}/nothing/here`, { headers: rep })],
      ['undecodable URL', fetch(`${central.url}/sync/%E0%A4%A/pull`, { headers: rep })],
    ];
    const statuses = new Set<number>();
    for (const [what, pending] of answers) {
      const response = await pending;
      statuses.add(response.status);
      expect(response.headers.get('cache-control'), `${what} (${response.status})`).toBe('no-store');
      // Read to the end: a cancelled large answer would hold the server's close for its grace period.
      await response.arrayBuffer();
    }
    // The sample really covers successes and several kinds of error.
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 401, 404]));
  });
});
