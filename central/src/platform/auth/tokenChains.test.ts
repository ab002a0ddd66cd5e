/** Refresh-token reuse ends the whole sign-in; RFC 7009 revocation (signing out) ends it on purpose. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CLIENT_ID, SYNC_PATHS, type TokenResponse } from '../../../../shared/sync/protocol';
import { expectApiError, tokenRequest } from '../../test/client';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';

describe.each(ENGINES)('token chains and revocation on $name', (engine) => {
  let central: TestCentral;
  beforeAll(async () => {
    central = await startCentral(engine);
  });
  afterAll(() => central?.close());

  const signIn = async (username = 'alex'): Promise<TokenResponse> => {
    const response = await tokenRequest(central.url, { grant_type: 'password', username, password: 'demo', client_id: DESKTOP_CLIENT_ID });
    expect(response.status).toBe(200);
    return (await response.json()) as TokenResponse;
  };
  const refresh = (token: TokenResponse) =>
    tokenRequest(central.url, { grant_type: 'refresh_token', refresh_token: token.refresh_token ?? '' });
  const me = async (token: TokenResponse) =>
    (await fetch(`${central.url}/me`, { headers: { authorization: `Bearer ${token.access_token}` } })).status;
  const revoke = (form: Record<string, string>) =>
    fetch(central.url + SYNC_PATHS.revoke, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  it("ends every token of a sign-in, the thief's and the rep's, when a rotated refresh token comes back", async () => {
    const rep = await signIn();
    const otherLaptop = await signIn();
    // The thief copied the refresh token and uses it first.
    const stolen = await refresh(rep);
    expect(stolen.status).toBe(200);
    const thief = (await stolen.json()) as TokenResponse;
    expect(await me(thief)).toBe(200);
    // The rep's app refreshes with the same (now rotated) token: that reuse gives the theft away.
    const reused = await expectApiError(await refresh(rep), 400);
    expect(reused).toMatchObject({ code: 'invalid_grant' });
    expect(reused.reason).toContain('already used');
    expect([await me(rep), await me(thief)]).toEqual([401, 401]);
    expect((await expectApiError(await refresh(thief), 400)).code).toBe('invalid_grant');
    // Another sign-in of the same rep is a chain of its own.
    expect(await me(otherLaptop)).toBe(200);
    expect((await refresh(otherLaptop)).status).toBe(200);
  });

  it('revokes the sign-in of a refresh token (RFC 7009): its access tokens stop working and it cannot refresh', async () => {
    const first = await signIn('sam');
    const second = (await (await refresh(first)).json()) as TokenResponse;
    const response = await revoke({ token: second.refresh_token ?? '', token_type_hint: 'refresh_token', client_id: DESKTOP_CLIENT_ID });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect([await me(first), await me(second)]).toEqual([401, 401]);
    expect((await expectApiError(await refresh(second), 400)).code).toBe('invalid_grant');
  });

  it('revokes the sign-in of an access token too, and answers 200 for an unknown or already revoked token', async () => {
    const session = await signIn('morgan');
    expect((await revoke({ token: session.access_token, token_type_hint: 'access_token' })).status).toBe(200);
    expect(await me(session)).toBe(401);
    expect((await expectApiError(await refresh(session), 400)).code).toBe('invalid_grant');
    expect((await revoke({ token: session.access_token })).status).toBe(200);
    expect((await revoke({ token: 'never-issued' })).status).toBe(200);
  });

  it("refuses a revocation without a token, not form-encoded, or for another client's token, saying what to send", async () => {
    expect((await expectApiError(await revoke({ token_type_hint: 'refresh_token' }), 400)).reason).toContain('Missing token');
    const json = await fetch(central.url + SYNC_PATHS.revoke, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"token":"x"}',
    });
    expect((await expectApiError(json, 400)).reason).toContain('application/x-www-form-urlencoded');
    const session = await signIn('admin');
    expect((await expectApiError(await revoke({ token: session.refresh_token ?? '', client_id: 'someone-else' }), 400)).reason).toContain(
      'someone-else',
    );
    expect(await me(session)).toBe(200);
  });
});
