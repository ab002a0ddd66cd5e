import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCentral } from '../../central/src/server';
import { seededPglite } from '../../central/src/test/harness';
import { CentralClient, signIn, type Session } from '../../renderer/sync/centralClient';
import { SYNC_PATHS } from '../../shared/sync/protocol';

let central: Awaited<ReturnType<typeof createCentral>>;
let url: string;

beforeAll(async () => {
  central = await createCentral({ ...(await seededPglite()), seed: true });
  url = await central.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await central.close();
});

/**
 * The session as the app keeps it, after its access token stopped working. The central system
 * answers an expired and an unknown access token alike (401, one lookup), so a token it no longer
 * knows stands for an expired one. A short token lifetime instead made the renewed token expire
 * too on a loaded machine before the retries reached the server, which signs the rep out (rightly).
 */
function expired(session: Session): Session {
  return { ...session, accessToken: 'expired-access-token', expiresAt: Date.now() - 1_000 };
}

it('renews an expired session once for many parallel requests, and the rep stays signed in', async () => {
  const sessions: (Session | null)[] = [];
  const client = new CentralClient(url, expired(await signIn(url, 'alex', 'demo')), (session) => sessions.push(session));

  // The app's collections pull in parallel; a second use of the rotated refresh token would
  // make the central system revoke the whole sign-in.
  const pulls = ['leads', 'accounts', 'orders', 'quotes', 'contacts', 'opportunities'] as const;
  const answers = await Promise.allSettled(pulls.map((name) => client.json(`${SYNC_PATHS.pull(name)}?seq=0&limit=1`)));
  expect(answers.map((a) => a.status)).toEqual(pulls.map(() => 'fulfilled'));
  expect(sessions.filter((s) => s === null)).toHaveLength(0);
  expect(sessions).toHaveLength(1);

  // And the renewed chain, as the app stored it, is good for the next renewal (e.g. after a restart).
  const renewed = sessions[0];
  if (!renewed) throw new Error('no renewed session was handed over');
  const later: (Session | null)[] = [];
  const restarted = new CentralClient(url, expired(renewed), (session) => later.push(session));
  await expect(restarted.json(SYNC_PATHS.me)).resolves.toMatchObject({ username: 'alex' });
  expect(later).toHaveLength(1);
  expect(later[0]?.refreshToken).not.toBe(renewed.refreshToken);
  // The first client's renewed token still works: renewal continued the sign-in, it did not start another.
  await expect(client.json(SYNC_PATHS.me)).resolves.toMatchObject({ username: 'alex' });
});
