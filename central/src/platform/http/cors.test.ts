/** Which browser origins may call the API: the packaged app always, local http origins in demo mode only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_HEADER } from '../../../../shared/sync/protocol';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';

const preflight = (url: string, origin: string) =>
  fetch(`${url}/sync/leads/pull`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': `authorization,${DEVICE_HEADER}` },
  });
const allowedOrigin = async (url: string, origin: string) => (await preflight(url, origin)).headers.get('access-control-allow-origin');

// CORS is decided before any query: one engine is enough.
describe('CORS origins', () => {
  const engine = ENGINES[0]!;
  let production: TestCentral;
  let demo: TestCentral;
  let configured: TestCentral;
  beforeAll(async () => {
    [production, demo, configured] = await Promise.all([
      startCentral(engine),
      startCentral(engine, { demo: true }),
      startCentral(engine, { demo: true, corsOrigins: ['https://portal.example.com'] }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([production, demo, configured].map((central) => central?.close()));
  });

  it('allows only the packaged app by default: a page on a local http port gets no CORS grant', async () => {
    expect(await allowedOrigin(production.url, 'app://outpost')).toBe('app://outpost');
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:4173', 'https://evil.example']) {
      expect(await allowedOrigin(production.url, origin), origin).toBeNull();
    }
    const health = await fetch(`${production.url}/health`, { headers: { origin: 'http://localhost:5173' } });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows local http origins in demo mode, for the browser build and dev servers', async () => {
    for (const origin of ['app://outpost', 'http://localhost:5173', 'http://127.0.0.1:4173']) {
      expect(await allowedOrigin(demo.url, origin), origin).toBe(origin);
    }
    expect(await allowedOrigin(demo.url, 'http://localhost.evil.example')).toBeNull();
  });

  it('lets the app send its device header and read Retry-After', async () => {
    const answer = await preflight(production.url, 'app://outpost');
    expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(DEVICE_HEADER);
    const health = await fetch(`${production.url}/health`, { headers: { origin: 'app://outpost' } });
    expect(health.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('takes configured origins instead of either default', async () => {
    expect(await allowedOrigin(configured.url, 'https://portal.example.com')).toBe('https://portal.example.com');
    expect(await allowedOrigin(configured.url, 'http://localhost:5173')).toBeNull();
  });
});
