import { expect, it } from 'vitest';
import { signIn, tokenRequest } from '../../test/client';
import { ENGINES, startCentral } from '../../test/harness';

const CATALOG = '/tmf-api/productCatalogManagement/v4/productOffering';

// The engine plays no part in how the HTTP server closes: PGlite alone.
it('shuts down within its grace period although a client stopped reading in the middle of an answer', async () => {
  const central = await startCentral(ENGINES[0]!, { closeGraceMs: 300 });
  const token = await signIn(central.url, 'alex');
  // A client that gives up on a large answer without closing its socket, while another of its
  // requests is answered: the server's write stays pending (before the grace period, such a
  // close waited over a minute; the large answer alone does not stall).
  const headers = { authorization: `Bearer ${token}` };
  const answers = [
    fetch(`${central.url}${CATALOG}`, { headers }),
    tokenRequest(central.url, { grant_type: 'client_credentials', client_id: 'tmf-client', client_secret: 'demo' }),
  ];
  for (const pending of answers) {
    const response = await pending;
    expect(response.status).toBe(200);
    await response.body?.cancel();
  }

  let deadline: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    central.close().then(() => 'closed'),
    new Promise<string>((resolve) => (deadline = setTimeout(() => resolve('still waiting on the stalled client'), 30_000))),
  ]);
  clearTimeout(deadline);
  expect(closed).toBe('closed');
});
