import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CLIENT_ID } from '../../../shared/sync/protocol';
import { expectApiError } from '../test/client';
import { prepareDatabase, serveCentral, type TestDatabase } from '../test/database';
import { ENGINES } from '../test/harness';
import { sleep } from '../test/receiver';

const LIMITS = { perUserAndAddress: 3, perAddress: 6, perUser: 8, windowSeconds: 60, lockoutSeconds: 2 };

describe.each(ENGINES)('failed sign-in limits on $name', (engine) => {
  let database: TestDatabase;
  let central: { url: string; close(): Promise<void> };
  const start = async () => {
    central = await serveCentral({ ...database.options, trustProxy: true, signInLimits: LIMITS });
  };

  /** A token request as it arrives through a proxy from client `address`. */
  const token = (address: string, form: Record<string, string>) =>
    fetch(`${central.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
      body: new URLSearchParams(form).toString(),
    });
  const signIn = (address: string, username: string, password: string) =>
    token(address, { grant_type: 'password', client_id: DESKTOP_CLIENT_ID, username, password });
  const expectRefused = async (response: Response) => {
    const body = await expectApiError(response, 429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.lockoutSeconds);
    expect(body.reason).toContain(`try again in ${retryAfter} seconds`);
    expect(body).toMatchObject({ code: 'too_many_requests', error: 'too_many_requests', error_description: body.reason });
    return body.reason;
  };

  beforeAll(async () => {
    database = await prepareDatabase(engine);
    await start();
  });
  afterAll(async () => {
    await central?.close();
    await database?.dispose();
  });

  it('makes one username wait at one address after repeated wrong passwords, not at another, and not for ever', async () => {
    for (let attempt = 0; attempt < LIMITS.perUserAndAddress; attempt += 1) await expectApiError(await signIn('10.0.0.1', 'alex', 'wrong'), 400);
    // Even the right password waits: the guessing must stop, not only fail.
    expect(await expectRefused(await signIn('10.0.0.1', 'alex', 'demo'))).toContain('"alex" from your address');
    expect((await signIn('10.0.0.2', 'alex', 'demo')).status).toBe(200);
    expect((await signIn('10.0.0.1', 'sam', 'demo')).status).toBe(200);
    await sleep(LIMITS.lockoutSeconds * 1000 + 200);
    expect((await signIn('10.0.0.1', 'alex', 'demo')).status).toBe(200);
  });

  it('starts the count again after a successful sign-in', async () => {
    for (const password of ['wrong', 'wrong', 'demo', 'wrong', 'wrong']) {
      expect((await signIn('10.0.1.1', 'morgan', password)).status).toBe(password === 'demo' ? 200 : 400);
    }
  });

  it('makes an address that guesses across usernames wait, whatever username it tries next', async () => {
    for (const username of ['guess-1', 'guess-2', 'guess-3', 'guess-4', 'guess-5', 'guess-6']) await expectApiError(await signIn('10.0.2.1', username, 'wrong'), 400);
    expect(await expectRefused(await signIn('10.0.2.1', 'sam', 'demo'))).toContain('from your address');
    expect((await signIn('10.0.2.2', 'sam', 'demo')).status).toBe(200);
  });

  it('makes a username guessed at from many addresses wait everywhere, for the lockout only', async () => {
    for (let index = 0; index < LIMITS.perUser; index += 1) await expectApiError(await signIn(`10.1.0.${index}`, 'admin', 'wrong'), 400);
    expect(await expectRefused(await signIn('10.9.9.9', 'admin', 'demo'))).toContain('several addresses');
    await sleep(LIMITS.lockoutSeconds * 1000 + 200);
    expect((await signIn('10.9.9.9', 'admin', 'demo')).status).toBe(200);
  });

  it('limits wrong client secrets the same way', async () => {
    const credentials = (secret: string) => token('10.0.3.1', { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: secret });
    for (let attempt = 0; attempt < LIMITS.perUserAndAddress; attempt += 1) await expectApiError(await credentials('nope'), 401);
    await expectRefused(await credentials('demo'));
  });

  it('keeps the count in the database, so another instance (here: after a restart) still refuses', async () => {
    for (let attempt = 0; attempt < LIMITS.perUserAndAddress; attempt += 1) await expectApiError(await signIn('10.0.4.1', 'Sam', 'wrong'), 400);
    await central.close();
    await start();
    // Usernames count without case: "sam" is the same account.
    await expectRefused(await signIn('10.0.4.1', 'sam', 'demo'));
  });
});
