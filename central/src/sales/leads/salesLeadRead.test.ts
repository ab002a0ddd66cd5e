import { describe, expect, it } from 'vitest';
import { centralSuite, ENGINES } from '../../test/harness';
import { expectApiError, listPage, type Api, type Json } from '../../test/client';
import { asMaster, newLead } from '../../test/fixtures';
import { SALES_LEAD, visionLeadBody } from '../../test/salesFixtures';

async function list(client: Api, query = ''): Promise<{ leads: Json[]; total: number; count: number }> {
  const page = await listPage(client, SALES_LEAD, query);
  return { leads: page.items, total: page.total, count: page.count };
}

describe.each(ENGINES)('TMF699 SalesLead validation and reads on $name', (engine) => {
  const { tmf, alex, sam, morgan } = centralSuite(engine);

  it('refuses a SalesLead_Create it cannot turn into a lead with 400s that name the attribute, storing nothing', async () => {
    const before = (await list(tmf)).total;
    const without = (name: string) => Object.fromEntries(Object.entries(visionLeadBody()).filter(([key]) => key !== name));
    const cases: [unknown, string[]][] = [
      [[], ['SalesLead_Create']],
      [without('name'), ['name is required']],
      [
        visionLeadBody({ id: 'mine', status: 'accepted', creationDate: '2026-01-01T00:00:00Z' }),
        ['id, status, creationDate', 'set by the server'],
      ],
      [visionLeadBody({ rating: 'A', channel: { id: 'web' } }), ['rating, channel', 'lead processing engine']],
      [visionLeadBody({ estimatedRevnue: 1 }), ['Unknown attribute estimatedRevnue']],
      [without('estimatedRevenue'), ['estimatedRevenue is required']],
      [visionLeadBody({ estimatedRevenue: { unit: 'EUR', value: 60000 } }), ['estimatedRevenue', 'USD']],
      [visionLeadBody({ estimatedRevenue: { unit: 'USD', value: 600.5 } }), ['estimatedRevenue.value', 'whole number']],
      [without('category'), ['category is required', 'Laptops']],
      [visionLeadBody({ category: { id: 'toasters', name: 'Toasters' } }), ['category']],
      [without('characteristic'), ['characteristic purchaseTimeframe is required', 'characteristic budgetStatus is required']],
      [visionLeadBody({ characteristic: [{ name: 'shoeSize', value: '42' }] }), ['characteristic "shoeSize" is not known']],
      [
        visionLeadBody({ prospectContact: [{ mediumType: 'email', characteristic: { emailAddress: 'a@b.example' } }] }),
        ['prospectContact characteristic.country is required'],
      ],
      [
        visionLeadBody({ prospectContact: [{ mediumType: 'postalAddress', characteristic: { country: 'US' } }] }),
        ['emailAddress or a phoneNumber'],
      ],
      [
        visionLeadBody({ prospectContact: [{ mediumType: 'email', characteristic: { emailAddress: 'not-an-email', country: 'US' } }] }),
        ['prospectContact emailAddress'],
      ],
      [
        visionLeadBody({ relatedParty: [{ id: 'p1', name: 'Northwind', role: 'prospect', '@referredType': 'Organization' }] }),
        ['role "contact"'],
      ],
      [visionLeadBody({ relatedParty: [{ id: 'p1', role: 'contact', name: 'Nina' }] }), ['relatedParty[0]', '@referredType']],
      [visionLeadBody({ priority: 'urgent' }), ['priority must be one of low, medium, high']],
    ];
    for (const [body, expected] of cases) {
      const error = await expectApiError(await tmf.post(SALES_LEAD, body), 400);
      for (const text of expected) expect(error.reason, JSON.stringify(body)).toContain(text);
    }
    expect((await list(tmf)).total).toBe(before);
  });

  it('lists leads with the TMF630 conventions, scoped to what each user may see', async () => {
    const posted = (await (
      await tmf.post(
        SALES_LEAD,
        visionLeadBody({
          relatedParty: [...(visionLeadBody().relatedParty as Json[]), { id: 'alex', role: 'salesRep', '@referredType': 'Individual' }],
        }),
      )
    ).json()) as Json;
    // A lead typed on alex's laptop appears too once synced, named after its company.
    const typed = newLead('user-alex', { company: 'Typed Offline Ltd', purchaseAmount: 1000 });
    expect(await alex.push('leads', [{ newDocumentState: typed }])).toEqual([]);

    const mine = await list(alex);
    expect(mine.total).toBe(5);
    expect(mine.count).toBe(5);
    expect(mine.leads.map((lead) => lead.id)).toEqual(expect.arrayContaining([posted.id, typed.id]));
    expect(mine.leads.find((lead) => lead.id === typed.id)).toMatchObject({
      name: 'Typed Offline Ltd',
      status: 'acknowledged',
      href: `${SALES_LEAD}/${typed.id}`,
    });
    expect((await list(sam)).leads.map((lead) => lead.id)).not.toContain(posted.id);
    expect((await list(sam)).total).toBe(3);
    expect((await list(morgan)).total).toBe(8);
    expect((await list(tmf)).total).toBe(8);

    const page = await list(tmf, '?offset=1&limit=2&fields=name,status');
    expect(page).toMatchObject({ total: 8, count: 2 });
    for (const lead of page.leads) expect(Object.keys(lead).sort()).toEqual(['href', 'id', 'name', 'status']);
    const all = (await list(tmf)).leads;
    expect(page.leads.map((lead) => lead.id)).toEqual(all.slice(1, 3).map((lead) => lead.id));

    const qualified = await list(tmf, '?status=inProgress');
    expect(qualified.leads.map((lead) => lead.id)).toEqual([posted.id]);
    expect((await list(tmf, '?channel=Direct&rating=A')).leads.map((lead) => lead.id)).toEqual([posted.id]);
    expect((await list(tmf, '?status=inProgress&rating=B')).total).toBe(0);
    await expectApiError(await tmf.get(`${SALES_LEAD}?limit=lots`), 400);
  });

  it("reads one lead by id with fields, and answers 404 for an unknown lead or another rep's", async () => {
    const posted = (await (await tmf.post(SALES_LEAD, visionLeadBody())).json()) as Json;
    const owner = (posted.relatedParty as Json[]).find((party) => party.role === 'salesRep')?.id;
    const [ownerApi, otherApi] = owner === 'user-alex' ? [alex, sam] : [sam, alex];
    const fetched = await ownerApi.get(`${SALES_LEAD}/${String(posted.id)}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(posted);
    expect(await (await morgan.get(`${SALES_LEAD}/${String(posted.id)}?fields=status`)).json()).toEqual({
      id: posted.id,
      href: posted.href,
      status: posted.status,
    });
    expect((await expectApiError(await otherApi.get(`${SALES_LEAD}/${String(posted.id)}`), 404)).reason).toContain(String(posted.id));
    await expectApiError(await tmf.get(`${SALES_LEAD}/no-such-lead`), 404);
  });

  it("shows the rep's changes: status, statusChangeDate and the conversion", async () => {
    const posted = (await (
      await tmf.post(
        SALES_LEAD,
        visionLeadBody({
          relatedParty: [...(visionLeadBody().relatedParty as Json[]), { id: 'alex', role: 'salesRep', '@referredType': 'Individual' }],
        }),
      )
    ).json()) as Json;
    const master = (await alex.pull('leads')).documents.find((doc) => doc.id === posted.id) as Json;
    const converted = {
      ...master,
      status: 'accepted',
      opportunityId: 'opp-northwind',
      accountId: 'acct-northwind',
      updatedAt: new Date().toISOString(),
    };
    expect(await alex.push('leads', [{ newDocumentState: converted, assumedMasterState: asMaster(master) }])).toEqual([]);
    const lead = (await (await tmf.get(`${SALES_LEAD}/${String(posted.id)}`)).json()) as Json;
    expect(lead).toMatchObject({
      status: 'accepted',
      statusChangeReason: 'Converted into opportunity opp-northwind',
      salesOpportunity: { id: 'opp-northwind' },
      name: posted.name,
      creationDate: posted.creationDate,
    });
    expect(Date.parse(String(lead.statusChangeDate))).toBeGreaterThan(Date.parse(String(posted.statusChangeDate)));
    expect((lead.relatedParty as Json[]).find((party) => party.role === 'prospect')?.id).toBe('acct-northwind');
  });
});
