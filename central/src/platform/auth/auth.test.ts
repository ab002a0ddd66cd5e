import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenResponse, UserInfo } from '../../../../shared/sync/protocol';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { expectApiError, signIn, tokenRequest } from '../../test/client';

describe.each(ENGINES)('auth and tokens on $name', (engine) => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral(engine, { tokenTtlSeconds: 2 });
  });
  afterAll(() => central?.close());

  const password = (username: string, pw: string, clientId = 'outpost-desktop') =>
    tokenRequest(central.url, { grant_type: 'password', username, password: pw, client_id: clientId });

  it('answers /health without a token', async () => {
    const response = await fetch(`${central.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('issues opaque bearer tokens for the password grant and tells who signed in', async () => {
    const response = await password('alex', 'demo');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const token = (await response.json()) as TokenResponse;
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 2 });
    expect(token.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(token.refresh_token).toBeTruthy();
    const me = await fetch(`${central.url}/me`, { headers: { authorization: `Bearer ${token.access_token}` } });
    expect((await me.json()) as UserInfo).toEqual({ id: 'user-alex', username: 'alex', displayName: 'Alex Rivera', role: 'rep' });
  });

  it('refuses a wrong password or unknown user with invalid_grant (RFC 6749)', async () => {
    for (const response of [await password('alex', 'wrong'), await password('nobody', 'demo')]) {
      const body = await expectApiError(response, 400);
      expect(body).toMatchObject({ code: 'invalid_grant', error: 'invalid_grant', reason: 'Wrong username or password' });
    }
  });

  it('refuses an unknown desktop client id, missing fields and unsupported grants', async () => {
    expect((await expectApiError(await password('alex', 'demo', 'evil-app'), 401)).code).toBe('invalid_client');
    const missing = await tokenRequest(central.url, { grant_type: 'password', client_id: 'outpost-desktop', username: 'alex' });
    expect((await expectApiError(missing, 400)).reason).toContain('password');
    const unsupported = await tokenRequest(central.url, { grant_type: 'implicit' });
    expect((await expectApiError(unsupported, 400)).code).toBe('unsupported_grant_type');
    const none = await tokenRequest(central.url, {});
    expect((await expectApiError(none, 400)).code).toBe('invalid_request');
  });

  it('issues tokens to integration clients with client_credentials, form or HTTP Basic', async () => {
    const form = await tokenRequest(central.url, { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' });
    expect(form.status).toBe(200);
    const token = (await form.json()) as TokenResponse;
    expect(token.refresh_token).toBeUndefined();
    const me = await fetch(`${central.url}/me`, { headers: { authorization: `Bearer ${token.access_token}` } });
    expect(((await me.json()) as UserInfo).role).toBe('integration');

    const basic = await fetch(`${central.url}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('tmf-client:demo').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(basic.status).toBe(200);

    const wrong = await tokenRequest(central.url, { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'nope' });
    expect((await expectApiError(wrong, 401)).code).toBe('invalid_client');
    // A rep is not an integration client, and an integration client cannot use the password grant.
    const rep = await tokenRequest(central.url, { grant_type: 'client_credentials', client_id: 'alex', client_secret: 'demo' });
    await expectApiError(rep, 401);
    await expectApiError(await password('tmf-client', 'demo'), 400);
  });

  it('rotates refresh tokens: a used one cannot be replayed', async () => {
    const first = (await (await password('sam', 'demo')).json()) as TokenResponse;
    const refreshed = await tokenRequest(central.url, { grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenResponse;
    expect(second.access_token).not.toBe(first.access_token);
    const replay = await tokenRequest(central.url, { grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' });
    expect((await expectApiError(replay, 400)).code).toBe('invalid_grant');
    const otherClient = await tokenRequest(central.url, {
      grant_type: 'refresh_token',
      refresh_token: second.refresh_token ?? '',
      client_id: 'other',
    });
    expect((await expectApiError(otherClient, 400)).code).toBe('invalid_grant');
  });

  it('rejects missing, malformed, unknown and expired tokens with 401', async () => {
    const noToken = await fetch(`${central.url}/me`);
    expect(noToken.headers.get('www-authenticate')).toContain('Bearer');
    await expectApiError(noToken, 401);
    await expectApiError(await fetch(`${central.url}/me`, { headers: { authorization: 'Basic abc' } }), 401);
    await expectApiError(await fetch(`${central.url}/sync/leads/pull`, { headers: { authorization: 'Bearer not-a-token' } }), 401);

    const token = await signIn(central.url, 'morgan');
    expect((await fetch(`${central.url}/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    const expired = await fetch(`${central.url}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await expectApiError(expired, 401)).reason).toContain('expired');
  });

  it('allows the app origin by CORS and exposes the paging headers (local origins: http/cors.test.ts)', async () => {
    const preflight = await fetch(`${central.url}/sync/leads/pull`, {
      method: 'OPTIONS',
      headers: { origin: 'app://outpost', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('app://outpost');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const app = await fetch(`${central.url}/health`, { headers: { origin: 'app://outpost' } });
    expect(app.headers.get('access-control-allow-origin')).toBe('app://outpost');
    expect(app.headers.get('access-control-expose-headers')).toContain('X-Total-Count');

    const foreign = await fetch(`${central.url}/health`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
