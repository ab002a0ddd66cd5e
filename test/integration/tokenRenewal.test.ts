import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCentral } from '../../central/src/server';
import { CentralClient, signIn, type Session } from '../../renderer/sync/centralClient';
import { SYNC_PATHS } from '../../shared/sync/protocol';

// Access tokens that expire at once, so every request below meets a 401 first.
let central: Awaited<ReturnType<typeof createCentral>>;
let url: string;

beforeAll(async () => {
  central = await createCentral({ seed: true, tokenTtlSeconds: 1 });
  url = await central.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await central.close();
});

it('renews an expired session once for many parallel requests, and the rep stays signed in', async () => {
  const sessions: (Session | null)[] = [];
  const client = new CentralClient(url, await signIn(url, 'alex', 'demo'), (session) => sessions.push(session));
  await new Promise((r) => setTimeout(r, 1_500));

  // The app's collections pull in parallel; a second use of the rotated refresh token would
  // make the central system revoke the whole sign-in.
  const pulls = ['leads', 'accounts', 'orders', 'quotes', 'contacts', 'opportunities'] as const;
  const answers = await Promise.allSettled(pulls.map((name) => client.json(`${SYNC_PATHS.pull(name)}?seq=0&limit=1`)));
  expect(answers.map((a) => a.status)).toEqual(pulls.map(() => 'fulfilled'));
  expect(sessions.filter((s) => s === null)).toHaveLength(0);
  expect(sessions).toHaveLength(1);

  // And the renewed chain is still good for the next renewal.
  await new Promise((r) => setTimeout(r, 1_500));
  await expect(client.json(SYNC_PATHS.me)).resolves.toMatchObject({ username: 'alex' });
  expect(sessions.filter((s) => s === null)).toHaveLength(0);
});
