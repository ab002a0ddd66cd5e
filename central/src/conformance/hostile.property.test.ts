/**
 * Property: whatever arrives at ANY route the server registers (discovered, not listed), from a
 * rep or an admin, the answer is never a 5xx, every 4xx is a TMF Error (code + reason), nothing
 * hangs, Object.prototype is not polluted, and the server is healthy afterwards.
 * HOSTILE_RUNS=n raises the runs per route and identity (default 6) for a deeper, slower search;
 * HOSTILE_SEED=n replays the seed a failure reports.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn } from '../test/client';
import { ONE_ENGINE, type TestCentral } from '../test/harness';
import { routeKey, startCentralWithRoutes, type RegisteredRoute } from '../test/routes';
import { encodeHostile, hostileBody, hostilePathValue, hostileQuery, MAX_URL_LENGTH, type HostileBody } from './hostileArbitraries';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 6);
const SEED = process.env.HOSTILE_SEED === undefined ? undefined : Number(process.env.HOSTILE_SEED);
const ANSWER_WITHIN_MS = 15_000;

interface Sent {
  method: string;
  path: string;
  body: HostileBody;
}

interface Received {
  status: number;
  contentType: string;
  text: string;
}

async function send(url: string, token: string, sent: Sent): Promise<Received> {
  const withBody = sent.method !== 'GET' && sent.body.raw !== undefined;
  const response = await fetch(url + sent.path, {
    method: sent.method,
    headers: { authorization: `Bearer ${token}`, ...(withBody ? { 'content-type': sent.body.contentType } : {}) },
    body: withBody ? sent.body.raw : undefined,
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
  const contentType = response.headers.get('content-type') ?? '';
  // An event stream that accepted the request stays open: its status is the answer.
  if (contentType.includes('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, contentType, text: '' };
  }
  return { status: response.status, contentType, text: await response.text() };
}

/** Why an answer breaks the property, or undefined when it keeps it. */
function violation(received: Received): string | undefined {
  if (received.status >= 500) return `answered ${received.status}`;
  if (received.status < 400) return undefined;
  let error: unknown;
  try {
    error = JSON.parse(received.text);
  } catch {
    return `answered ${received.status} with a body that is not JSON: ${squeeze(received.text, 200)}`;
  }
  const { code, reason } = (error ?? {}) as { code?: unknown; reason?: unknown };
  if (typeof code !== 'string' || typeof reason !== 'string' || reason === '') {
    return `answered ${received.status} without a TMF Error (code + reason): ${squeeze(received.text, 200)}`;
  }
  return undefined;
}

/** Long runs of one character shown as `x×10000`, so a report stays readable. */
const squeeze = (text: string, max: number) =>
  text.replace(/(.)\1{19,}/gsu, (run, char: string) => `${char}×${[...run].length}`).slice(0, max);

const describeSent = (sent: Sent) =>
  `${sent.method} ${squeeze(sent.path, 300)} [${sent.body.contentType}] ${sent.body.raw === undefined ? '(no body)' : squeeze(sent.body.raw, 300)}`;

/**
 * The route with its parameters filled in and the query appended, within MAX_URL_LENGTH: each
 * encoded value gets an equal share, cut (possibly inside a UTF-8 sequence: hostile too).
 */
function filled(route: RegisteredRoute, values: readonly string[], query: string): string {
  const share = Math.floor(MAX_URL_LENGTH / 2 / Math.max(values.length, 1));
  let index = 0;
  const path = route.url.replace(/:[A-Za-z0-9_]+/g, () =>
    encodeHostile(values[index++] ?? 'x')
      .slice(0, share)
      .replace(/%[0-9A-F]?$/i, ''),
  );
  return (path + query).length <= MAX_URL_LENGTH ? path + query : path;
}

describe.each(ONE_ENGINE)('hostile input at every route on $name', (engine) => {
  let central: TestCentral;
  let routes: RegisteredRoute[];
  const tokens: Record<'rep' | 'admin', string> = { rep: '', admin: '' };
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  beforeAll(async () => {
    ({ central, routes } = await startCentralWithRoutes(engine));
    tokens.rep = await signIn(central.url, 'alex');
    tokens.admin = await signIn(central.url, 'admin');
  });
  afterAll(() => central?.close());

  it('discovers the routes, the sign-in and the sync ones included', () => {
    const keys = routes.map(routeKey);
    expect(keys).toContain('POST /oauth/token');
    expect(keys).toContain('POST /sync/:collection/push');
    expect(keys.some((key) => key.includes('/tmf-api/'))).toBe(true);
  });

  for (const who of ['rep', 'admin'] as const) {
    it(`never answers 5xx or a 4xx without a TMF Error, at any route, as ${who === 'rep' ? 'a rep' : 'an admin'}`, async () => {
      // Every route is tried even when one fails, so one run names all the broken ones.
      const failures: string[] = [];
      for (const route of routes) {
        const params = (route.url.match(/:[A-Za-z0-9_]+/g) ?? []).length;
        const request = fc
          .record({ values: fc.array(hostilePathValue, { minLength: params, maxLength: params }), query: hostileQuery, body: hostileBody })
          .map(({ values, query, body }): Sent => {
            const sent = { method: route.method, path: filled(route, values, query), body };
            // fast-check prints counterexamples with this: keep megabyte bodies out of the report.
            return Object.assign(sent, { [fc.toStringMethod]: () => describeSent(sent) });
          });
        const outcome = await fc.check(
          fc.asyncProperty(request, async (sent) => {
            let received: Received;
            try {
              received = await send(central.url, tokens[who], sent);
            } catch (error) {
              throw new Error(`no answer: ${String(error)}`, { cause: error });
            }
            const problem = violation(received);
            if (problem) throw new Error(problem);
          }),
          { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
        );
        if (outcome.failed) {
          const error = outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
          failures.push(
            `${routeKey(route)} ${error.slice(0, 400)}\n  sent: ${describeSent(outcome.counterexample?.[0] as Sent)} (seed ${outcome.seed})`,
          );
        }
      }
      expect(failures.length, `\n${failures.join('\n')}`).toBe(0);
    });
  }

  it('answers the inputs that once broke it, at every route, with a 4xx TMF Error or a success', async () => {
    // Regressions found by the properties above, sent to every route on every run.
    const killers: { values: string; query: string; body: HostileBody }[] = [
      { values: 'a\u0000b', query: '?state=%00', body: { raw: '{"name":"nul\\u0000"}', contentType: 'application/json' } },
      {
        values: 'x'.repeat(5_000),
        query: '?constructor=1&toString=2&hasOwnProperty=3',
        body: { raw: '[]', contentType: 'application/json' },
      },
      {
        values: 'offerings',
        query: '?constructor=x',
        body: { raw: `${'['.repeat(5_000)}${']'.repeat(5_000)}`, contentType: 'application/json' },
      },
      {
        values: '\uD800',
        query: '?fields=constructor,__proto__&limit=-1&offset=1e30',
        body: { raw: '{"a":"\\ud800"}', contentType: 'application/json' },
      },
    ];
    const failures: string[] = [];
    for (const route of routes) {
      for (const killer of killers) {
        const params = (route.url.match(/:[A-Za-z0-9_]+/g) ?? []).length;
        const sent: Sent = {
          method: route.method,
          path: filled(route, new Array<string>(params).fill(killer.values), killer.query),
          body: killer.body,
        };
        for (const token of [tokens.rep, tokens.admin]) {
          const problem = violation(await send(central.url, token, sent));
          if (problem) failures.push(`${routeKey(route)} ${problem}\n  sent: ${describeSent(sent)}`);
        }
      }
    }
    expect(failures.length, `\n${failures.join('\n')}`).toBe(0);
  });

  it('answers paths nobody registered with a TMF 404, whatever they contain', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostilePathValue, { minLength: 1, maxLength: 3 }), hostileQuery, async (segments, query) => {
        const path = `/tmf-api/${segments.map(encodeHostile).join('/')}`.slice(0, 8_000) + query.slice(0, 4_000);
        const received = await send(central.url, tokens.rep, { method: 'GET', path, body: { raw: undefined, contentType: '' } });
        expect(received.status === 404 || received.status === 400, `${received.status} for GET ${path.slice(0, 200)}`).toBe(true);
        expect(violation(received)).toBeUndefined();
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('is healthy afterwards: /health, sign-in and a real pull work, Object.prototype untouched', async () => {
    expect((await fetch(`${central.url}/health`)).status).toBe(200);
    const alex = api(central.url, await signIn(central.url, 'alex'));
    expect((await alex.pull('leads')).documents.length).toBeGreaterThan(0);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
