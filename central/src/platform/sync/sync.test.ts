import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startCentral, type TestCentral } from '../../test/harness';
import { catalogClient } from '../../test/catalogClient';
import { api, expectApiError, integrationToken, pullAll, signIn, type Api, type Json } from '../../test/client';
import { asMaster, newAccount, newLead } from '../../test/fixtures';

describe.each(ENGINES)('sync pull and push on $name', (engine) => {
  let central: TestCentral;
  let alex: Api;
  let sam: Api;
  let morgan: Api;
  beforeAll(async () => {
    central = await startCentral(engine);
    [alex, sam, morgan] = (await Promise.all(
      ['alex', 'sam', 'morgan'].map(async (user) => api(central.url, await signIn(central.url, user))),
    )) as [Api, Api, Api];
  });
  afterAll(() => central?.close());

  const ids = (docs: Json[]) => docs.map((doc) => doc.id).sort();

  it('scopes owned collections: reps see their own records, the manager sees both reps', async () => {
    const alexAccounts = await alex.pull('accounts');
    expect(ids(alexAccounts.documents)).toEqual(['acct-crestview-dental', 'acct-harbor-logistics', 'acct-lumen-architects']);
    expect(alexAccounts.documents.every((doc) => doc.owner === 'user-alex' && doc._deleted === false)).toBe(true);
    expect(ids((await sam.pull('accounts')).documents)).toEqual(['acct-bluepeak-outfitters', 'acct-summit-legal']);
    expect((await morgan.pull('accounts')).documents).toHaveLength(5);
    expect((await morgan.pull('leads')).documents.map((doc) => doc.owner)).toEqual(expect.arrayContaining(['user-alex', 'user-sam']));
  });

  it('gives every user the reference data', async () => {
    for (const client of [alex, sam, morgan]) {
      expect((await client.pull('offerings')).documents.length).toBeGreaterThanOrEqual(9);
      expect(ids((await client.pull('ruleSets')).documents)).toEqual(['vision-channel', 'vision-qualification', 'vision-rating']);
    }
  });

  it('answers 404 for an unknown collection and 400 for bad paging parameters', async () => {
    await expectApiError(await alex.get('/sync/invoices/pull'), 404);
    await expectApiError(await alex.post('/sync/invoices/push', []), 404);
    for (const query of ['seq=-1', 'seq=abc', 'limit=0', 'limit=2001', 'limit=1.5', 'seq=99999999999999999999']) {
      const body = await expectApiError(await alex.get(`/sync/leads/pull?${query}`), 400);
      expect(body.reason).toMatch(/seq|limit/);
    }
  });

  it('pages with a monotonic checkpoint and never skips a document', async () => {
    const start = (await pullAll(alex, 'leads')).seq;
    const leads = Array.from({ length: 23 }, (_, index) => newLead('user-alex', { company: `Paging ${index}` }));
    for (let index = 0; index < leads.length; index += 5) {
      expect(
        await alex.push(
          'leads',
          leads.slice(index, index + 5).map((doc) => ({ newDocumentState: doc })),
        ),
      ).toEqual([]);
    }
    const seen: Json[] = [];
    let seq = start;
    for (;;) {
      const page = await alex.pull('leads', seq, 7);
      expect(page.documents.length).toBeLessThanOrEqual(7);
      if (page.documents.length === 0) {
        expect(page.checkpoint).toEqual({ seq });
        break;
      }
      expect(page.checkpoint.seq).toBeGreaterThan(seq);
      seq = page.checkpoint.seq;
      seen.push(...page.documents);
    }
    expect(ids(seen)).toEqual(ids(leads));
  });

  it('never lets a puller skip a document committed concurrently with its pull', async () => {
    const base = (await pullAll(morgan, 'contacts')).seq;
    const contact = (owner: string, name: string) => ({
      id: crypto.randomUUID(),
      owner,
      createdAt: 'x',
      updatedAt: 'x',
      syncPending: true,
      accountId: 'acct-any',
      name,
      _deleted: false,
    });
    const written: string[] = [];
    const writer = async (client: Api, owner: string) => {
      // Several pushes in flight at once, so transactions really overlap on PostgreSQL.
      await Promise.all(
        Array.from({ length: 6 }, async (_, round) => {
          const docs = [contact(owner, `A${round}`), contact(owner, `B${round}`)];
          written.push(...docs.map((doc) => doc.id));
          expect(
            await client.push(
              'contacts',
              docs.map((doc) => ({ newDocumentState: doc })),
            ),
          ).toEqual([]);
        }),
      );
    };
    const seen = new Set<string>();
    let reading = true;
    const reader = (async () => {
      let seq = base;
      while (reading) {
        const page = await morgan.pull('contacts', seq, 3);
        for (const doc of page.documents) seen.add(String(doc.id));
        expect(page.checkpoint.seq).toBeGreaterThanOrEqual(seq);
        seq = page.checkpoint.seq;
      }
      return seq;
    })();
    await Promise.all([writer(alex, 'user-alex'), writer(sam, 'user-sam')]);
    reading = false;
    // Continuing from the reader's own checkpoint must deliver exactly what it has not seen yet.
    const rest = await pullAll(morgan, 'contacts', await reader);
    for (const doc of rest.documents) seen.add(String(doc.id));
    expect([...seen].sort()).toEqual([...written].sort());
  });

  it('stores a pushed record normalised: owner from the token, syncPending cleared, syncError dropped', async () => {
    const lead = { ...newLead('someone-else'), syncError: { reason: 'old', at: 'then' }, _rev: '1-abc', _meta: { lwt: 1 } };
    expect(await alex.push('leads', [{ newDocumentState: lead }])).toEqual([]);
    const stored = (await alex.pull('leads')).documents.find((doc) => doc.id === lead.id);
    expect(stored).toMatchObject({ owner: 'user-alex', syncPending: false, company: 'Acme Widgets', _deleted: false });
    expect(stored).not.toHaveProperty('syncError');
    expect(stored).not.toHaveProperty('_rev');
    expect(stored).not.toHaveProperty('_meta');
  });

  it('detects conflicts against assumedMasterState and stores nothing', async () => {
    const lead = newLead('user-alex');
    await alex.push('leads', [{ newDocumentState: lead }]);
    const master = (await alex.pull('leads')).documents.find((doc) => doc.id === lead.id) as Json;

    // The client edits on top of the current master: accepted.
    const edit1 = { ...master, company: 'Acme Widgets Intl' };
    expect(await alex.push('leads', [{ newDocumentState: edit1, assumedMasterState: asMaster(master) }])).toEqual([]);

    // Another laptop still assumes the old master: conflict, the current master comes back.
    const stale = { ...master, company: 'Acme (stale laptop)' };
    const [conflict] = await alex.push('leads', [{ newDocumentState: stale, assumedMasterState: asMaster(master) }]);
    expect(conflict).toMatchObject({ id: lead.id, company: 'Acme Widgets Intl', _deleted: false });
    // A push that believes the record is new while it exists is a conflict too.
    const [asNew] = await alex.push('leads', [{ newDocumentState: stale }]);
    expect(asNew?.company).toBe('Acme Widgets Intl');
    const after = (await alex.pull('leads')).documents.find((doc) => doc.id === lead.id);
    expect(after?.company).toBe('Acme Widgets Intl');
  });

  it('treats a quick second edit on top of what was just pushed as an edit, not a conflict', async () => {
    // RxDB keeps the pushed state as its assumed master until the next pull, so the meta fields
    // the central system rewrote (owner, createdAt, syncPending, syncError) must not count.
    const lead = newLead('someone-the-app-thought');
    expect(await alex.push('leads', [{ newDocumentState: lead }])).toEqual([]);
    const second = { ...lead, company: 'Acme Widgets (second edit)' };
    expect(await alex.push('leads', [{ newDocumentState: second, assumedMasterState: lead }])).toEqual([]);
    expect((await alex.pull('leads')).documents.find((doc) => doc.id === lead.id)?.company).toBe('Acme Widgets (second edit)');
  });

  it('stores deletions as tombstones that pull returns with _deleted', async () => {
    const lead = newLead('user-alex');
    await alex.push('leads', [{ newDocumentState: lead }]);
    const master = (await alex.pull('leads')).documents.find((doc) => doc.id === lead.id) as Json;
    expect(await alex.push('leads', [{ newDocumentState: { ...master, _deleted: true }, assumedMasterState: master }])).toEqual([]);
    const tomb = (await alex.pull('leads')).documents.find((doc) => doc.id === lead.id);
    expect(tomb?._deleted).toBe(true);
  });

  it("never lets a rep read or overwrite another rep's records", async () => {
    const samLead = (await sam.pull('leads')).documents[0] as Json;
    expect((await alex.pull('leads')).documents.some((doc) => doc.id === samLead.id)).toBe(false);

    const hijack = { ...samLead, company: 'Taken over', owner: 'user-alex' };
    const [refused] = await alex.push('leads', [{ newDocumentState: hijack, assumedMasterState: samLead }]);
    expect(refused).toMatchObject({ id: samLead.id, company: 'Taken over' });
    expect(refused?.syncError).toMatchObject({ reason: 'This record belongs to another user' });
    const still = (await sam.pull('leads')).documents.find((doc) => doc.id === samLead.id);
    expect(still).toEqual(samLead);

    // The manager sees but cannot take over a rep's record either.
    const [managerRefused] = await morgan.push('leads', [{ newDocumentState: hijack, assumedMasterState: samLead }]);
    expect((managerRefused?.syncError as Json).reason).toBe('This record belongs to another user');
  });

  it('refuses an invalid record visibly (syncError) without blocking the other rows', async () => {
    const good1 = newLead('user-alex', { company: 'Good One' });
    const bad = newLead('user-alex', { email: 'not-an-email', phone: '', budgetStatus: 'Maybe' });
    const good2 = newLead('user-alex', { company: 'Good Two' });
    const returned = await alex.push(
      'leads',
      [good1, bad, good2].map((doc) => ({ newDocumentState: doc })),
    );
    expect(returned).toHaveLength(1);
    const refused = returned[0] as Json;
    expect(refused.id).toBe(bad.id);
    const syncError = refused.syncError as { reason: string; at: string };
    expect(syncError.reason).toContain('email');
    expect(syncError.reason).toContain('budget');
    expect(Number.isNaN(Date.parse(syncError.at))).toBe(false);

    const pulled = (await alex.pull('leads')).documents;
    expect(pulled.find((doc) => doc.id === good1.id)).not.toHaveProperty('syncError');
    expect(pulled.find((doc) => doc.id === good2.id)).not.toHaveProperty('syncError');
    // Stored with its error, so the rep's text is kept and the error is visible on every laptop.
    expect(pulled.find((doc) => doc.id === bad.id)).toMatchObject({ email: 'not-an-email', syncError });

    // Fixing it on top of the returned master clears the error.
    const fixed: Json = { ...refused, email: 'fixed@acme.example', budgetStatus: 'Approved' };
    delete fixed.syncError;
    expect(await alex.push('leads', [{ newDocumentState: fixed, assumedMasterState: refused }])).toEqual([]);
    expect((await alex.pull('leads')).documents.find((doc) => doc.id === bad.id)).not.toHaveProperty('syncError');
  });

  it('keeps reference data read-only for reps and managers', async () => {
    const offering = (await alex.pull('offerings')).documents[0] as Json;
    const row = [{ newDocumentState: { ...offering, name: 'Free fibre' }, assumedMasterState: offering }];
    expect((await expectApiError(await alex.post('/sync/offerings/push', row), 403)).reason).toContain('reference data');
    await expectApiError(await morgan.post('/sync/ruleSets/push', row), 403);
  });

  it('writes the catalog only through TMF620: a push of offerings is refused for everyone, prices unchanged', async () => {
    const offering = (await alex.pull('offerings')).documents.find((doc) => doc.id === 'off-static-ip') as Json;
    const cheap = { ...offering, description: 'Free', price: 0, prices: [] };
    const row = [{ newDocumentState: cheap, assumedMasterState: offering }];
    for (const client of [api(central.url, await integrationToken(central.url)), api(central.url, await signIn(central.url, 'admin'))]) {
      const error = await expectApiError(await client.post('/sync/offerings/push', row), 403);
      expect(error.reason).toContain('TMF620');
      expect(error.reason).toContain('/tmf-api/productCatalogManagement/v4/productOffering');
    }
    expect((await alex.pull('offerings')).documents.find((doc) => doc.id === 'off-static-ip')).toEqual(offering);
  });

  it('refuses a push of rule sets for everyone: they are published as versions through their API', async () => {
    const ruleSet = (await alex.pull('ruleSets')).documents[0] as Json;
    const row = [{ newDocumentState: { ...ruleSet, name: 'Changed' }, assumedMasterState: ruleSet }];
    for (const client of [api(central.url, await integrationToken(central.url)), api(central.url, await signIn(central.url, 'admin'))]) {
      expect((await expectApiError(await client.post('/sync/ruleSets/push', row), 403)).reason).toContain(
        'POST /admin/ruleSets/{id}/versions',
      );
    }
    expect((await alex.pull('ruleSets')).documents[0]).toEqual(ruleSet);
  });

  it('lets the admin maintain the catalog through TMF620, which then reaches every rep', async () => {
    const admin = catalogClient(central.url, await signIn(central.url, 'admin'));
    const since = (await pullAll(sam, 'offerings')).seq;
    const description = 'Public IPv4 addresses, now with reverse DNS.';
    expect((await admin.patch('/productOffering/off-static-ip', { description })).status).toBe(200);
    const update = await sam.pull('offerings', since);
    expect(update.documents).toEqual([expect.objectContaining({ id: 'off-static-ip', description, _deleted: false })]);
    expect(update.documents[0]).not.toHaveProperty('owner');
  });

  it('accepts owned records of every collection and stores them for their owner only', async () => {
    const account = newAccount('user-sam');
    expect(await sam.push('accounts', [{ newDocumentState: account }])).toEqual([]);
    expect((await sam.pull('accounts')).documents.some((doc) => doc.id === account.id)).toBe(true);
    expect((await alex.pull('accounts')).documents.some((doc) => doc.id === account.id)).toBe(false);
  });
});
