import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CLIENT_ID } from '../../../../shared/sync/protocol';
import { expectApiError } from '../../test/client';
import { prepareDatabase, serveCentral, type TestDatabase } from '../../test/database';
import { insertExtraUsers } from '../../test/extraUsers';
import { ENGINES } from '../../test/harness';
import { sleep } from '../../test/receiver';

const LIMITS = { perUserAndAddress: 3, perAddress: 6, perUser: 8, windowSeconds: 60, lockoutSeconds: 60, perUserMaxDelaySeconds: 1 };
// The lockout is long on purpose: a burst or a restart on a loaded machine must not outlast it (its end is unit-tested in signInPolicy.test.ts).

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
  const expectRefused = async (response: Response, longest = LIMITS.lockoutSeconds) => {
    const body = await expectApiError(response, 429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(longest);
    expect(body.reason).toContain(`try again in ${retryAfter} seconds`);
    expect(body).toMatchObject({ code: 'too_many_requests', error: 'too_many_requests', error_description: body.reason });
    return body.reason;
  };

  beforeAll(async () => {
    database = await prepareDatabase(engine);
    // A rep no other test here signs in as, so the per-username count starts at zero.
    const db = await database.open();
    await insertExtraUsers(db, [{ id: 'user-otto', username: 'otto', displayName: 'Otto Lane', role: 'rep' }]);
    await db.close();
    await start();
  });
  afterAll(async () => {
    await central?.close();
    await database?.dispose();
  });

  it('makes one username wait at one address after repeated wrong passwords, not at another', async () => {
    for (let attempt = 0; attempt < LIMITS.perUserAndAddress; attempt += 1)
      await expectApiError(await signIn('10.0.0.1', 'alex', 'wrong'), 400);
    // Even the right password waits: the guessing must stop, not only fail.
    expect(await expectRefused(await signIn('10.0.0.1', 'alex', 'demo'))).toContain('"alex" from your address');
    expect((await signIn('10.0.0.2', 'alex', 'demo')).status).toBe(200);
    expect((await signIn('10.0.0.1', 'sam', 'demo')).status).toBe(200);
  });

  it('starts the count again after a successful sign-in', async () => {
    for (const password of ['wrong', 'wrong', 'demo', 'wrong', 'wrong']) {
      expect((await signIn('10.0.1.1', 'morgan', password)).status).toBe(password === 'demo' ? 200 : 400);
    }
  });

  it('makes an address that guesses across usernames wait, whatever username it tries next', async () => {
    for (const username of ['guess-1', 'guess-2', 'guess-3', 'guess-4', 'guess-5', 'guess-6'])
      await expectApiError(await signIn('10.0.2.1', username, 'wrong'), 400);
    expect(await expectRefused(await signIn('10.0.2.1', 'sam', 'demo'))).toContain('from your address');
    expect((await signIn('10.0.2.2', 'sam', 'demo')).status).toBe(200);
  });

  it('checks at most the allowed passwords of a parallel burst, and refuses the right one sent inside it', async () => {
    const wrong = Array.from({ length: 100 }, () => signIn('10.0.5.1', 'alex', 'wrong'));
    // Once one is refused, the count has reached the limit: the right password now waits too.
    const firstRefusal = await Promise.any(
      wrong.map(async (pending) => ((await pending).status === 429 ? 429 : Promise.reject(new Error('checked')))),
    );
    expect(firstRefusal).toBe(429);
    const right = await signIn('10.0.5.1', 'alex', 'demo');
    const statuses = await Promise.all(wrong.map(async (pending) => (await pending).status));
    expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(LIMITS.perUserAndAddress);
    expect(statuses.filter((status) => status !== 400 && status !== 429)).toEqual([]);
    expect(await expectRefused(right)).toContain('"alex" from your address');
  });

  it('only slows a username guessed at from many addresses: the right password from a fresh one waits at most the documented delay', async () => {
    const spread = await Promise.all(
      Array.from({ length: 60 }, (_, index) => signIn(`10.1.${Math.floor(index / 200)}.${index % 200}`, 'admin', 'wrong')),
    );
    expect(spread.filter((response) => response.status === 400).length).toBeGreaterThanOrEqual(LIMITS.perUser);
    const started = Date.now();
    let answer = await signIn('10.9.9.9', 'admin', 'demo');
    if (answer.status === 429) {
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(await expectRefused(answer, LIMITS.perUserMaxDelaySeconds)).toContain('several addresses');
      await sleep(retryAfter * 1000);
      answer = await signIn('10.9.9.9', 'admin', 'demo');
    }
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(LIMITS.perUserMaxDelaySeconds * 1000 + 3000);
  });

  it('keeps slowing the username down while the guessing goes on, one attempt per wait', async () => {
    for (let index = 0; index < LIMITS.perUser; index += 1) await expectApiError(await signIn(`10.2.0.${index}`, 'otto', 'wrong'), 400);
    // The limit was reached: the next attempt, from anywhere, waits first.
    expect(await expectRefused(await signIn('10.2.1.1', 'otto', 'demo'), LIMITS.perUserMaxDelaySeconds)).toContain('several addresses');
    await sleep(LIMITS.perUserMaxDelaySeconds * 1000 + 200);
    expect((await signIn('10.2.1.1', 'otto', 'demo')).status).toBe(200);
  });

  it('limits wrong client secrets the same way', async () => {
    const credentials = (secret: string) =>
      token('10.0.3.1', { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: secret });
    for (let attempt = 0; attempt < LIMITS.perUserAndAddress; attempt += 1) await expectApiError(await credentials('nope'), 401);
    await expectRefused(await credentials('demo'));
  });

  it('keeps the count in the database, so another instance (here: after a restart) still refuses', async () => {
    for (let attempt = 0; attempt < LIMITS.perUserAndAddress; attempt += 1)
      await expectApiError(await signIn('10.0.4.1', 'Sam', 'wrong'), 400);
    await central.close();
    await start();
    // Usernames count without case: "sam" is the same account.
    await expectRefused(await signIn('10.0.4.1', 'sam', 'demo'));
  });
});
