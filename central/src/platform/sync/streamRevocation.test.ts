/** A revoked sign-in or a wipe ends its open event streams at once, not at token expiry (over real HTTP). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CLIENT_ID, DEVICE_HEADER, SYNC_PATHS, type TokenResponse } from '../../../../shared/sync/protocol';
import { signIn as adminSignIn, tokenRequest } from '../../test/client';
import { openStream, type OpenStream } from '../../test/eventStream';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';

/** Far longer than any wait below: a stream that ends here did not end by expiry. */
const TOKEN_SECONDS = 3600;
const AT_ONCE_MS = 2_000;

describe.each(ENGINES)('event streams of ended sessions on $name', (engine) => {
  let central: TestCentral;
  const streams: OpenStream[] = [];
  beforeAll(async () => {
    central = await startCentral(engine, { tokenTtlSeconds: TOKEN_SECONDS });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await central?.close();
  });

  const signIn = async (username = 'alex'): Promise<TokenResponse> => {
    const response = await tokenRequest(central.url, { grant_type: 'password', username, password: 'demo', client_id: DESKTOP_CLIENT_ID });
    expect(response.status).toBe(200);
    return (await response.json()) as TokenResponse;
  };
  const open = async (accessToken: string, device?: string) => {
    const stream = await openStream(central.url, accessToken, device ? { [DEVICE_HEADER]: device } : {});
    streams.push(stream);
    expect(stream.status).toBe(200);
    await stream.next((event) => event.event === 'hello');
    return stream;
  };
  /** The reason the stream gave as it ended, or 'still open' if it did not end within AT_ONCE_MS. */
  const endOf = async (stream: OpenStream): Promise<string> => {
    const ended = await Promise.race([
      stream.ended.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), AT_ONCE_MS)),
    ]);
    if (!ended) return 'still open';
    const end = stream.pending().find((event) => event.event === 'end');
    return end ? (JSON.parse(end.data) as { reason: string }).reason : 'ended without saying why';
  };
  const stillOpen = async (stream: OpenStream) => {
    const ended = await Promise.race([
      stream.ended.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 300)),
    ]);
    expect(ended).toBe(false);
  };
  const revoke = (token: string) =>
    fetch(central.url + SYNC_PATHS.revoke, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });

  it('ends the stream of a sign-in revoked by signing out, and only that one', async () => {
    const signedOut = await signIn();
    const otherLaptop = await signIn();
    const stream = await open(signedOut.access_token);
    const other = await open(otherLaptop.access_token);
    expect((await revoke(signedOut.refresh_token ?? '')).status).toBe(200);
    expect(await endOf(stream)).toBe('revoked');
    await stillOpen(other);
    other.close();
  });

  it('ends the streams of a sign-in whose rotated refresh token came back (all its tokens are revoked)', async () => {
    const rep = await signIn();
    const refreshed = await tokenRequest(central.url, { grant_type: 'refresh_token', refresh_token: rep.refresh_token ?? '' });
    expect(refreshed.status).toBe(200);
    const rotated = (await refreshed.json()) as TokenResponse;
    const stream = await open(rotated.access_token);
    const reused = await tokenRequest(central.url, { grant_type: 'refresh_token', refresh_token: rep.refresh_token ?? '' });
    expect(reused.status).toBe(400);
    expect(await endOf(stream)).toBe('revoked');
    // Reconnecting with the revoked token is refused.
    const again = await openStream(central.url, rotated.access_token);
    streams.push(again);
    expect(again.status).toBe(401);
  });

  it('ends the streams of a user, or of a device, an administrator asks to wipe', async () => {
    const admin = await adminSignIn(central.url, 'admin');
    const wipe = (body: Record<string, string>) =>
      fetch(`${central.url}/admin/wipes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const lost = await open((await signIn('sam')).access_token, 'laptop-stolen-7');
    const kept = await open((await signIn('sam')).access_token, 'laptop-sam-2');
    expect((await wipe({ deviceId: 'laptop-stolen-7', reason: 'Stolen' })).status).toBe(201);
    expect(await endOf(lost)).toBe('wipe');
    await stillOpen(kept);

    const morgan = await open((await signIn('morgan')).access_token, 'laptop-morgan-1');
    expect((await wipe({ userId: 'user-morgan', reason: 'Left the company' })).status).toBe(201);
    expect(await endOf(morgan)).toBe('wipe');
    await stillOpen(kept);
    kept.close();
  });
});
