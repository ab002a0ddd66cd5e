import { describe, expect, it } from 'vitest';
import { centralSuite, ENGINES } from '../../test/harness';
import { RULE_ADMIN_PATHS, ruleSetVersionsPath } from '../../../../shared/leads/ruleAdmin';
import { processLeadWithVersions } from '../../../../shared/leads/engine';
import { VISION_RULE_SETS } from '../../../../shared/leads/vision.ruleSets';
import { sendLead } from '../../../../shared/machines/lead.machine';
import { ownerOf, sendOrThrow } from '../../../../shared/machines/send';
import type { LeadDoc } from '../../../../shared/schemas';
import { api, expectApiError, pullAll, signIn, type Api, type Json } from '../../test/client';
import { newLead } from '../../test/fixtures';
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

  it('decides with the newest published version of the rule sets, and records the versions on the lead', async () => {
    const admin = api(central.url, await signIn(central.url, 'admin'));
    const since = (await pullAll(alex, 'ruleSets')).seq;
    const master = (await admin.pull('ruleSets')).documents.find((doc) => doc.id === 'vision-qualification') as Json;
    expect(master.version).toBe(1);
    const rules = structuredClone(master.rules) as { conditions: { field: string; number?: number }[] }[];
    for (const condition of rules[0]?.conditions ?? []) if (condition.field === 'purchaseAmount') condition.number = 75000;
    const response = await admin.post(ruleSetVersionsPath('vision-qualification'), { ...draftOf(master), rules, basedOn: 1 });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: 'vision-qualification', version: 2, publishedBy: 'user-admin' });
    // The new version syncs down; the old one stays in the history, unchanged.
    const pulled = (await alex.pull('ruleSets', since)).documents;
    expect(pulled).toEqual([expect.objectContaining({ id: 'vision-qualification', version: 2, rules, _deleted: false })]);
    const { _deleted: _d, ...doc } = pulled[0] as Json;
    expect(schemaProblems('ruleSets', doc)).toEqual([]);
    const history = (await (await admin.get(ruleSetVersionsPath('vision-qualification'))).json()) as Json[];
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(history[1]).toMatchObject({ rules: master.rules });

    const lead = await created(tmf, visionLeadBody());
    expect(lead.status).toBe('acknowledged');
    expect(characteristicOf(lead, 'qualified')).toBe(false);
    const stored = (await pullAll(admin, 'leads')).documents.find((d) => d.id === lead.id) as Json;
    expect(stored.ruleSetVersions).toEqual([
      { id: 'vision-channel', version: 1 },
      { id: 'vision-qualification', version: 2 },
      { id: 'vision-rating', version: 1 },
    ]);
  });

  it('lets only administrators read or publish rule sets and see drift', async () => {
    const morgan = api(central.url, await signIn(central.url, 'morgan'));
    const body = draftOf((await alex.pull('ruleSets')).documents[0] as Json);
    for (const client of [alex, morgan, tmf]) {
      for (const response of [
        await client.get(RULE_ADMIN_PATHS.ruleSets),
        await client.get(ruleSetVersionsPath('vision-rating')),
        await client.post(ruleSetVersionsPath('vision-rating'), body),
        await client.get(RULE_ADMIN_PATHS.drift),
      ]) {
        expect((await expectApiError(response, 403)).reason).toContain('Only administrators');
      }
    }
    // Nor by sync push any more: versions are published through the API only.
    const admin = api(central.url, await signIn(central.url, 'admin'));
    const ruleSet = (await admin.pull('ruleSets')).documents[0] as Json;
    const row = [{ newDocumentState: { ...ruleSet, name: 'Changed' }, assumedMasterState: ruleSet }];
    expect((await expectApiError(await admin.post('/sync/ruleSets/push', row), 403)).reason).toContain('/admin/ruleSets/{id}/versions');
  });

  it('refuses a draft with an unknown field, an unreachable rule or a stale base, saying what to fix', async () => {
    const admin = api(central.url, await signIn(central.url, 'admin'));
    const rating = draftOf((await admin.pull('ruleSets')).documents.find((doc) => doc.id === 'vision-rating') as Json);
    const rules = rating.rules as Json[];
    const unknown = { ...rating, guards: [{ field: 'region', op: 'in', values: ['West'] }] };
    const reason = (await expectApiError(await admin.post(ruleSetVersionsPath('vision-rating'), unknown), 400)).reason;
    expect(reason).toContain('guards[0].field: Guards, condition 1: "region" is not a lead field; use one of country (Country)');
    const unreachable = { ...rating, rules: [{ name: 'Everyone', conditions: [], outcome: { rating: 'C' } }, ...rules] };
    const dead = (await expectApiError(await admin.post(ruleSetVersionsPath('vision-rating'), unreachable), 400)).reason;
    expect(dead).toContain('rules[1]: Rule 2 ("Rule 1") is never reached: rule 1 ("everyone") matches every lead it matches');
    expect((await expectApiError(await admin.post(ruleSetVersionsPath('vision-rating'), { ...rating, basedOn: 7 }), 409)).reason).toContain(
      'is at version 1 now (you edited version 7)',
    );
    expect((await expectApiError(await admin.post(ruleSetVersionsPath('Bad Id'), rating), 400)).reason).toContain('lowercase letters');
    expect(((await (await admin.get(ruleSetVersionsPath('vision-rating'))).json()) as Json[]).map((v) => v.version)).toEqual([1]);
  });

  it('flags a pushed lead whose recorded rating differs from the central re-run with the same versions, and clears it once fixed', async () => {
    const admin = api(central.url, await signIn(central.url, 'admin'));
    // Processed on the laptop with version 1 of every set, though qualification is at version 2 now.
    const processed = (overrides: Partial<LeadDoc>) => {
      const lead = newLead('user-alex', overrides);
      return {
        ...sendOrThrow(
          sendLead(
            lead,
            { type: 'lead.process', result: processLeadWithVersions(lead, VISION_RULE_SETS), at: lead.createdAt },
            ownerOf(lead),
          ),
        ),
        _deleted: false,
      };
    };
    const faithful = processed({ company: 'Faithful Co' });
    const tampered = { ...processed({ company: 'Tampered Co' }), rating: 'B' };
    const unknown = { ...processed({ company: 'Unknown Co' }), ruleSetVersions: [{ id: 'vision-rating', version: 9 }] };
    expect(faithful).toMatchObject({ qualified: true, rating: 'A', status: 'inProgress' });
    expect(
      await alex.push(
        'leads',
        [faithful, tampered, unknown].map((doc) => ({ newDocumentState: doc })),
      ),
    ).toEqual([]);

    const drift = async () => (await (await admin.get(RULE_ADMIN_PATHS.drift)).json()) as Json[];
    const found = await drift();
    expect(found.map((d) => d.company).sort()).toEqual(['Tampered Co', 'Unknown Co']);
    expect(found.find((d) => d.leadId === tampered.id)).toMatchObject({
      owner: 'user-alex',
      ownerName: 'Alex Rivera',
      engines: ['rating'],
      laptop: { qualified: true, rating: 'B', channel: 'Direct' },
      central: { qualified: true, rating: 'A', channel: 'Direct' },
      problem: null,
    });
    expect(found.find((d) => d.leadId === unknown.id)).toMatchObject({
      engines: [],
      central: null,
      problem: 'Processed with rule sets the central system never published: vision-rating version 9',
    });

    const fixed = { ...tampered, rating: 'A', updatedAt: '2026-11-21T10:00:00.000Z' };
    expect(await alex.push('leads', [{ newDocumentState: fixed, assumedMasterState: { ...tampered, syncPending: false } }])).toEqual([]);
    expect((await drift()).map((d) => d.company)).toEqual(['Unknown Co']);
  });
});

function draftOf(doc: Json): Json {
  const { engine, name, precedence, guards, rules } = doc;
  return { engine, name, precedence, guards, rules };
}
