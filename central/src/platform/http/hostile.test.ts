import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellableOrder } from '../../conformance/cases/productOrdering';
import { ENGINES, type TestCentral } from '../../test/harness';
import { fillPath, routeKey, startCentralWithRoutes, type RegisteredRoute } from '../../test/routes';
import { api, expectApiError, integrationToken, signIn, type Api, type Json } from '../../test/client';
import { newLead, newOrder } from '../../test/fixtures';
import { inject, injection, leafCount, taintOne, unsafeString } from './unsafeArbitraries';

const PO = '/tmf-api/productOrderingManagement/v4/productOrder';
const RUNS = Number(process.env.HOSTILE_RUNS ?? 12);
const LEAD_TEXT_FIELDS = ['company', 'contactName', 'email', 'country', 'productCategory', 'source', 'conflictCopy'];

describe.each(ENGINES)('hostile input on $name', (engine) => {
  let central: TestCentral;
  let routes: RegisteredRoute[];
  let token: string;
  let alex: Api;
  beforeAll(async () => {
    ({ central, routes } = await startCentralWithRoutes(engine));
    token = await signIn(central.url, 'alex');
    alex = api(central.url, token);
  });
  afterAll(() => central?.close());

  const raw = (path: string, body: string, contentType = 'application/json', method = 'POST') =>
    fetch(central.url + path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });

  it('answers malformed or empty JSON with 400, not 500', async () => {
    for (const path of ['/sync/leads/push', PO]) {
      expect((await expectApiError(await raw(path, '{"newDocumentState": '), 400)).code).toBe('invalid_json');
      await expectApiError(await raw(path, ''), 400);
      await expectApiError(await raw(path, '{"__proto__": {"admin": true}}'), 400);
    }
  });

  it('answers unsupported content types with 415', async () => {
    await expectApiError(await raw('/sync/leads/push', '<rows/>', 'application/xml'), 415);
  });

  it('answers oversized bodies with 413', async () => {
    const huge = JSON.stringify([{ newDocumentState: { ...newLead('user-alex'), company: 'x'.repeat(1_100_000) } }]);
    await expectApiError(await raw('/sync/leads/push', huge), 413);
  });

  it('refuses a body that is not a push at all as a whole, with a reason', async () => {
    const lead = newLead('user-alex');
    const cases: [unknown, string][] = [
      [{ newDocumentState: lead }, 'array'],
      [[lead], 'newDocumentState'],
      [[{ newDocumentState: 'lead' }], 'newDocumentState'],
      [[{ newDocumentState: { ...lead, id: 42 } }], 'id'],
      [[{ newDocumentState: { ...lead, id: 'x'.repeat(41) } }], 'id'],
      [[{ newDocumentState: { ...lead, id: 'nul\u0000id' } }], 'id'],
      [Array.from({ length: 201 }, () => ({ newDocumentState: newLead('user-alex') })), '200'],
    ];
    for (const [body, mentions] of cases) {
      const error = await expectApiError(await alex.post('/sync/leads/push', body), 400);
      expect(error.reason).toContain(mentions);
    }
    // Nothing of a refused batch was stored.
    expect((await alex.pull('leads')).documents.some((doc) => doc.id === lead.id)).toBe(false);
  });

  it('judges each pushed row on its own: bad rows come back with their reason, the others are stored', async () => {
    const before = (await alex.pull('leads')).checkpoint.seq;
    const good = [newLead('user-alex', { company: 'Good first' }), newLead('user-alex', { company: 'Good last' })];
    const bad: [Json, string][] = [
      [{ ...newLead('user-alex'), company: 'nul\u0000byte' }, 'company contains a NUL character'],
      [{ ...newLead('user-alex'), contactName: 'half \ud800 emoji' }, 'contactName contains a broken character'],
      [{ ...newLead('user-alex'), ['bell\u0007']: 'x' }, 'field name contains an invisible control character'],
      [{ ...newLead('user-alex'), purchaseAmount: '50000' }, 'purchaseAmount'],
      [{ ...newLead('user-alex'), status: 'won' }, 'status'],
      [{ ...newLead('user-alex'), company: undefined }, 'company'],
      [{ ...newLead('user-alex'), _deleted: 'no' }, '_deleted'],
    ];
    const odd = newLead('user-alex');
    const rows = [
      { newDocumentState: good[0] },
      ...bad.map(([doc]) => ({ newDocumentState: doc })),
      { newDocumentState: odd, assumedMasterState: { ...odd, id: 'other' } },
      { newDocumentState: good[1] },
    ];
    const answer = await alex.push('leads', rows);
    expect(answer.map((doc) => doc.id)).toEqual([...bad.map(([doc]) => doc.id), odd.id]);
    bad.forEach(([doc, mentions], index) => {
      const returned = answer[index] as Json & { syncError: { reason: string } };
      // The rep's own document comes back (there is no master), so the app keeps what was typed.
      expect(returned.company).toEqual(doc.company);
      expect(returned.syncError.reason).toContain(mentions);
    });
    expect((answer[bad.length] as { syncError: { reason: string } }).syncError.reason).toContain('assumedMasterState.id');
    const stored = (await alex.pull('leads', before)).documents.map((doc) => doc.id);
    expect(stored).toEqual(good.map((doc) => doc.id));
  });

  it('keeps the master of a refused edit and returns it with the reason', async () => {
    const lead = newLead('user-alex', { company: 'Before' });
    expect(await alex.push('leads', [{ newDocumentState: lead }])).toEqual([]);
    const master = (await alex.pull('leads')).documents.find((doc) => doc.id === lead.id) as Json;
    const [answer] = await alex.push('leads', [{ newDocumentState: { ...master, company: 'After\u0000' }, assumedMasterState: master }]);
    expect(answer).toMatchObject({ id: lead.id, company: 'Before', syncError: { reason: expect.stringContaining('company') } });
    expect((await alex.pull('leads')).documents.find((doc) => doc.id === lead.id)?.company).toBe('Before');
  });

  it('refuses a nested schema mismatch of an order by row, naming the field', async () => {
    const order = { ...newOrder('user-alex'), items: [{ ...newOrder('user-alex').items[0], quantity: 1.5 }] };
    const [answer] = await alex.push('orders', [{ newDocumentState: order }]);
    expect((answer as { syncError: { reason: string } }).syncError.reason).toContain('items[0].quantity');
  });

  it('property: unsafe text in any lead field or key refuses that row only, never the batch', async () => {
    await fc.assert(
      fc.asyncProperty(injection(LEAD_TEXT_FIELDS), async (how) => {
        const { doc, path } = inject(newLead('user-alex'), how);
        const good = newLead('user-alex');
        const response = await alex.post('/sync/leads/push', [{ newDocumentState: doc }, { newDocumentState: good }]);
        expect(response.status).toBe(200);
        const answer = (await response.json()) as (Json & { syncError?: { reason: string } })[];
        expect(answer.map((row) => row.id)).toEqual([doc.id]);
        expect(answer[0]?.syncError?.reason).toContain(how.where === 'key' ? 'field name' : `${path} contains`);
        // The refused row comes back as sent, without RxDB's own `_` fields (pushInput.ts wireOf).
        expect(answer[0]?.[path]).toBe(path.startsWith('_') ? undefined : how.where === 'key' ? 'x' : how.text);
      }),
      {
        numRuns: RUNS,
        // Found on CI (seed 215178208): a broken key starting with `_` was dropped as RxDB's, not refused.
        examples: [[{ where: 'key', text: '_\u0000' }]],
      },
    );
  });

  it('property: unsafe text anywhere in a TMF622 order is a 400 naming the field, never a 5xx', async () => {
    const tmf = api(central.url, await integrationToken(central.url));
    await fc.assert(
      fc.asyncProperty(injection(['description', 'externalId', 'category', 'priority']), fc.boolean(), async (how, asRep) => {
        const { doc } = inject(sellableOrder(), how);
        const error = await expectApiError(await (asRep ? alex : tmf).post(PO, doc), 400);
        expect(error.reason).toContain(how.where === 'key' ? 'field name' : `${how.field} contains`);
      }),
      { numRuns: RUNS },
    );
  });

  it('property: unsafe text in values and keys of any body, at every route, is never a 5xx', async () => {
    // One body with the fields the JSON routes read (orders, leads, offerings, hubs), one push.
    const order = { ...sellableOrder(), name: 'Offer', callback: 'http://127.0.0.1:9/x', query: 'eventType=ProductOrderCreateEvent' };
    const push = [{ newDocumentState: newLead('user-alex') }];
    const failures: string[] = [];
    for (const route of routes.filter((candidate) => candidate.method !== 'GET')) {
      const path = fillPath(route.url, { collection: 'leads' }, 'x');
      const outcome = await fc.check(
        // Every string leaf of every seed (and a new key) in turn: a route reads only some of them.
        fc.asyncProperty(unsafeString, async (text) => {
          for (const seed of route.url.startsWith('/sync/') ? [push] : [order]) {
            for (let pick = -1; pick < leafCount(seed); pick += 1) {
              const response = await raw(path, JSON.stringify(taintOne(seed, text, pick)), 'application/json', route.method);
              const body = (await response.json().catch(() => ({}))) as { reason?: unknown };
              if (response.status >= 500)
                throw new Error(`answered ${response.status} with leaf ${pick} of ${JSON.stringify(seed)} tainted`);
              if (response.status >= 400 && typeof body.reason !== 'string')
                throw new Error(`answered ${response.status} without a reason`);
            }
          }
        }),
        { numRuns: 3, examples: [['\uD800'], ['a\u0000b']] },
      );
      if (outcome.failed)
        failures.push(`${routeKey(route)}: ${String(outcome.errorInstance)} for ${JSON.stringify(outcome.counterexample)}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 180_000);

  it('does not treat path or query text as SQL', async () => {
    await expectApiError(await alex.get(`/sync/${encodeURIComponent("leads' OR '1'='1")}/pull`), 404);
    await expectApiError(await alex.get(`/sync/leads/pull?seq=${encodeURIComponent('0; DROP TABLE sync_docs')}`), 400);
    expect((await alex.pull('leads')).documents.length).toBeGreaterThan(0);
  });

  it('answers unknown routes with a TMF 404', async () => {
    await expectApiError(await alex.get('/tmf-api/productOrderingManagement/v4/nothing'), 404);
  });
});
