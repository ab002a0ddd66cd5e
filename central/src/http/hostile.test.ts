import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../test/harness';
import { api, expectApiError, signIn, type Api } from '../test/client';
import { newLead } from '../test/fixtures';

const PO = '/tmf-api/productOrderingManagement/v4/productOrder';

describe.each(ENGINES)('hostile input on $name', (engine) => {
  let central: TestCentral;
  let token: string;
  let alex: Api;
  beforeAll(async () => {
    central = await startCentral(engine);
    token = await signIn(central.url, 'alex');
    alex = api(central.url, token);
  });
  afterAll(() => central?.close());

  const raw = (path: string, body: string, contentType = 'application/json') =>
    fetch(central.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });

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

  it('refuses badly shaped pushes as a whole with a reason', async () => {
    const lead = newLead('user-alex');
    const cases: [unknown, string][] = [
      [{ newDocumentState: lead }, 'array'],
      [[lead], 'newDocumentState'],
      [[{ newDocumentState: 'lead' }], 'newDocumentState'],
      [[{ newDocumentState: { ...lead, id: 42 } }], 'id'],
      [[{ newDocumentState: { ...lead, id: 'x'.repeat(41) } }], 'id'],
      [[{ newDocumentState: { ...lead, _deleted: 'no' } }], '_deleted'],
      [[{ newDocumentState: { ...lead, purchaseAmount: '50000' } }], 'purchaseAmount'],
      [[{ newDocumentState: { ...lead, status: 'won' } }], 'status'],
      [[{ newDocumentState: { ...lead, company: undefined } }], 'company'],
      [[{ newDocumentState: lead, assumedMasterState: 'old' }], 'assumedMasterState'],
      [[{ newDocumentState: lead, assumedMasterState: { ...lead, id: 'other' } }], 'assumedMasterState.id'],
      [[{ newDocumentState: { ...lead, company: 'nul\u0000byte' } }], 'NUL'],
      [Array.from({ length: 201 }, () => ({ newDocumentState: newLead('user-alex') })), '200'],
    ];
    for (const [body, mentions] of cases) {
      const error = await expectApiError(await alex.post('/sync/leads/push', body), 400);
      expect(error.reason).toContain(mentions);
    }
    // Nothing of a refused batch was stored.
    expect((await alex.pull('leads')).documents.some((doc) => doc.id === lead.id)).toBe(false);
  });

  it('checks nested types of orders against the schema', async () => {
    const order = { id: crypto.randomUUID(), owner: 'x', createdAt: 'x', updatedAt: 'x', syncPending: true, _deleted: false,
      quoteId: 'q', accountId: 'a', accountName: 'A', status: 'queued', catalogVersion: '2026.11',
      items: [{ id: 'l', offeringId: 'o', offeringName: 'O', quantity: 1.5, characteristics: [], oneTime: 0, recurring: 0 }],
      totals: { oneTime: 0, recurring: 0, currency: 'USD' } };
    const error = await expectApiError(await alex.post('/sync/orders/push', [{ newDocumentState: order }]), 400);
    expect(error.reason).toContain('items[0].quantity');
  });

  it('does not treat path or query text as SQL', async () => {
    await expectApiError(await alex.get(`/sync/${encodeURIComponent("leads' OR '1'='1")}/pull`), 404);
    await expectApiError(await alex.get(`/sync/leads/pull?seq=${encodeURIComponent('0; DROP TABLE sync_docs')}`), 400);
    expect((await alex.pull('leads')).documents.length).toBeGreaterThan(0);
  });

  it('answers unknown routes with a TMF 404', async () => {
    await expectApiError(await alex.get('/tmf-api/productOrderingManagement/v4/nothing'), 404);
  });
});
