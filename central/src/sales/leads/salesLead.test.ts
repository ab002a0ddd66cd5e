import { describe, expect, it } from 'vitest';
import { centralSuite, ENGINES } from '../../test/harness';
import { api, expectApiError, signIn, type Api, type Json } from '../../test/client';
import { openStream } from '../../test/eventStream';
import { characteristicOf, partyWithRole, SALES_LEAD, visionLeadBody } from '../../test/salesFixtures';
import { schemaProblems } from '../../platform/sync/schemaCheck';

async function created(client: Api, body: Json): Promise<Json> {
  const response = await client.post(SALES_LEAD, body);
  if (response.status !== 201) throw new Error(`POST salesLead: ${response.status} ${await response.text()}`);
  const lead = (await response.json()) as Json;
  expect(response.headers.get('location')).toBe(lead.href);
  return lead;
}

const repOf = (lead: Json) => partyWithRole(lead, 'salesRep')?.id;

describe.each(ENGINES)('TMF699 SalesLead create on $name', (engine) => {
  const { central, tmf, alex, sam } = centralSuite(engine);

  it('runs the Vision rules on a lead from tmf-client and hands it to the rep with the fewest open leads, by sync at once', async () => {
    const stream = await openStream(central.url, await signIn(central.url, 'alex'));
    try {
      await stream.next((event) => event.event === 'hello');
      // Seeded: alex and sam have 3 open leads each; the tie goes to the first username.
      const lead = await created(tmf, visionLeadBody());
      expect(lead).toMatchObject({
        name: 'Northwind Traders laptop refresh',
        description: 'Asked for 120 laptops on the web form',
        status: 'inProgress',
        rating: 'A',
        priority: 'high',
        channel: { id: 'Direct', name: 'Direct' },
        category: { name: 'Laptops' },
        estimatedRevenue: { unit: 'USD', value: 60000 },
        '@type': 'SalesLead',
      });
      expect(lead.href).toBe(`${SALES_LEAD}/${String(lead.id)}`);
      expect(lead.creationDate).toBe(lead.statusChangeDate);
      expect(String(lead.statusChangeReason)).toContain("'Vision Hardware qualification' rule 'Rule 1'");
      expect(partyWithRole(lead, 'salesRep')).toEqual({
        id: 'user-alex',
        name: 'Alex Rivera',
        role: 'salesRep',
        '@referredType': 'Individual',
      });
      expect(partyWithRole(lead, 'prospect')).toMatchObject({ id: 'web-org-4711', name: 'Northwind Traders' });
      expect(characteristicOf(lead, 'qualified')).toBe(true);

      const change = JSON.parse((await stream.next((event) => event.event === 'change')).data) as Json;
      expect(change.collection).toBe('leads');
      const doc = (await alex.pull('leads', Number(change.seq) - 1)).documents.find((d) => d.id === lead.id) as Json;
      expect(doc).toMatchObject({
        owner: 'user-alex',
        company: 'Northwind Traders',
        contactName: 'Nina Ortiz',
        email: 'nina.ortiz@northwind.example',
        country: 'US',
        productCategory: 'Laptops',
        purchaseTimeframe: 'Within 1 month',
        purchaseAmount: 60000,
        budgetStatus: 'Approved',
        source: 'Web form',
        status: 'inProgress',
        qualified: true,
        rating: 'A',
        channel: 'Direct',
        syncPending: false,
        _deleted: false,
      });
      expect((doc.processingTrace as string[]).length).toBe(3);
      const { _deleted: _d, ...stored } = doc;
      expect(schemaProblems('leads', stored)).toEqual([]);
      expect((await sam.pull('leads')).documents.map((d) => d.id)).not.toContain(lead.id);
    } finally {
      stream.close();
    }
    // alex now has one more open lead than sam: the next one goes to sam.
    expect(repOf(await created(tmf, visionLeadBody()))).toBe('user-sam');
  });

  it('lets a relatedParty salesRep (username or user id) choose the rep', async () => {
    const salesRep = (id: string) => ({ id, role: 'salesRep', '@referredType': 'Individual' });
    const byName = await created(tmf, visionLeadBody({ relatedParty: [...(visionLeadBody().relatedParty as Json[]), salesRep('sam')] }));
    expect(repOf(byName)).toBe('user-sam');
    const byId = await created(tmf, visionLeadBody({ relatedParty: [...(visionLeadBody().relatedParty as Json[]), salesRep('user-sam')] }));
    expect(repOf(byId)).toBe('user-sam');
    const unknown = visionLeadBody({ relatedParty: [...(visionLeadBody().relatedParty as Json[]), salesRep('morgan')] });
    expect((await expectApiError(await tmf.post(SALES_LEAD, unknown), 400)).reason).toContain('salesRep "morgan"');
  });

  it("keeps a rep's own lead with that rep and a manager's within the team", async () => {
    expect(repOf(await created(sam, visionLeadBody()))).toBe('user-sam');
    const toSam = visionLeadBody({
      relatedParty: [...(visionLeadBody().relatedParty as Json[]), { id: 'sam', role: 'salesRep', '@referredType': 'Individual' }],
    });
    expect((await expectApiError(await alex.post(SALES_LEAD, toSam), 400)).reason).toContain('salesRep');
    const morgan = api(central.url, await signIn(central.url, 'morgan'));
    expect(['user-alex', 'user-sam']).toContain(repOf(await created(morgan, visionLeadBody())));
  });

  it('leaves a lead no rule set qualifies acknowledged, without rating or channel', async () => {
    const body = visionLeadBody({
      prospectContact: [{ mediumType: 'phone', characteristic: { phoneNumber: '+44 20 7946 0958', country: 'United Kingdom' } }],
      characteristic: [
        { name: 'purchaseTimeframe', value: '6-12 months' },
        { name: 'budgetStatus', value: 'Pending' },
      ],
      marketingCampaign: { id: 'camp-autumn', name: 'Autumn road show' },
    });
    const lead = await created(tmf, body);
    expect(lead).toMatchObject({ status: 'acknowledged', priority: 'low', marketingCampaign: { id: 'camp-autumn' } });
    expect(lead.rating).toBeUndefined();
    expect(lead.channel).toBeUndefined();
    expect(characteristicOf(lead, 'qualified')).toBe(false);
    // No source characteristic: a campaign's lead comes from the campaign.
    expect(characteristicOf(lead, 'source')).toBe('Campaign');
    expect(lead.prospectContact).toContainEqual({ mediumType: 'postalAddress', characteristic: { country: 'GB' } });
  });

  it('decides with the rule sets in the ruleSets documents, not a copy of its own', async () => {
    const admin = api(central.url, await signIn(central.url, 'admin'));
    const master = (await admin.pull('ruleSets')).documents.find((doc) => doc.id === 'vision-qualification') as Json;
    const rules = structuredClone(master.rules) as { conditions: { field: string; number?: number }[] }[];
    for (const condition of rules[0]?.conditions ?? []) if (condition.field === 'purchaseAmount') condition.number = 75000;
    expect(await admin.push('ruleSets', [{ newDocumentState: { ...master, rules }, assumedMasterState: master }])).toEqual([]);
    const lead = await created(tmf, visionLeadBody());
    expect(lead.status).toBe('acknowledged');
    expect(characteristicOf(lead, 'qualified')).toBe(false);
  });
});
