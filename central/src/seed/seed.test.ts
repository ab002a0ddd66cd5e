import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadDoc, OfferingDoc, RuleSetDoc } from '../../../shared/schemas';
import { processLead } from '../../../shared/leads/engine';
import { validateLeadDoc } from '../../../shared/leads/lead.validation';
import { VISION_RULE_SETS } from '../../../shared/leads/vision.ruleSets';
import { ENGINES, startCentral, type TestCentral } from '../test/harness';
import { api, signIn, type Api } from '../test/client';
import { schemaProblems } from '../platform/sync/schemaCheck';
import { SEED_OFFERINGS } from '../catalog';
import { SEED_ACCOUNTS, SEED_CONTACTS, SEED_LEADS } from './customers';

describe('seed data', () => {
  it('matches the collection schemas', () => {
    for (const doc of SEED_OFFERINGS) expect(schemaProblems('offerings', doc)).toEqual([]);
    for (const doc of VISION_RULE_SETS) expect(schemaProblems('ruleSets', doc)).toEqual([]);
    for (const doc of SEED_ACCOUNTS) expect(schemaProblems('accounts', doc)).toEqual([]);
    for (const doc of SEED_CONTACTS) expect(schemaProblems('contacts', doc)).toEqual([]);
    for (const doc of SEED_LEADS) expect(schemaProblems('leads', doc)).toEqual([]);
  });

  it('has leads the central system itself would accept', () => {
    for (const lead of SEED_LEADS) expect(validateLeadDoc(lead)).toEqual([]);
  });

  it('has a consistent catalog: one Retired offering, a bundle of real offerings, prices in cents', () => {
    const ids = new Set(SEED_OFFERINGS.map((offering) => offering.id));
    expect(SEED_OFFERINGS.filter((offering) => offering.lifecycleStatus === 'Retired').map((o) => o.id)).toEqual(['off-business-adsl']);
    const bundle = SEED_OFFERINGS.find((offering) => offering.isBundle) as OfferingDoc;
    expect(bundle.name).toBe('Office Connect Bundle');
    for (const id of bundle.bundledOfferingIds ?? []) expect(ids.has(id)).toBe(true);
    for (const offering of SEED_OFFERINGS) {
      expect(offering.catalogVersion).toBe('2026.11');
      const values = new Map(offering.characteristics.map((c) => [c.name, new Set(c.values)]));
      for (const c of offering.characteristics) expect(c.values).toContain(c.default);
      for (const price of offering.prices) {
        expect(Number.isSafeInteger(price.amount) && price.amount > 0).toBe(true);
        expect(price.currency).toBe('USD');
        if (price.when) expect(values.get(price.when.characteristic)?.has(price.when.value)).toBe(true);
      }
      for (const discount of offering.discounts ?? [])
        expect(values.get(discount.when.characteristic)?.has(discount.when.value)).toBe(true);
    }
    const fibre = SEED_OFFERINGS.find((offering) => offering.id === 'off-fibre-internet') as OfferingDoc;
    expect(fibre.prices.filter((price) => price.priceType === 'recurring').map((price) => price.amount)).toEqual([7900, 14900, 24900]);
  });
});

describe.each(ENGINES)('seeded demo company on $name', (engine) => {
  let central: TestCentral;
  let alex: Api;
  let sam: Api;
  beforeAll(async () => {
    central = await startCentral(engine);
    alex = api(central.url, await signIn(central.url, 'alex'));
    sam = api(central.url, await signIn(central.url, 'sam'));
  });
  afterAll(() => central?.close());

  it('processes the seeded leads with the pulled rule sets as seed 001 prescribes', async () => {
    const ruleSets = (await alex.pull('ruleSets')).documents as unknown as RuleSetDoc[];
    const leads = [...(await alex.pull('leads')).documents, ...(await sam.pull('leads')).documents] as unknown as LeadDoc[];
    const result = (id: string) => {
      const lead = leads.find((doc) => doc.id === id) as LeadDoc;
      const { trace: _trace, ...outcome } = processLead(lead, ruleSets);
      return outcome;
    };
    expect(result('lead-alex-northgate')).toMatchObject({ qualified: true, rating: 'A', channel: 'Direct' });
    expect(result('lead-alex-redwood')).toMatchObject({ qualified: true, rating: 'C', channel: 'Direct' });
    expect(result('lead-sam-oakridge')).toMatchObject({ qualified: true, rating: 'B', channel: 'Direct' });
    expect(result('lead-alex-pinecrest').qualified).toBe(true);
    expect(result('lead-sam-metro').qualified).toBe(false);
    expect(result('lead-sam-maple')).toMatchObject({ qualified: false });
    expect(result('lead-sam-maple').channel).toBeUndefined();
  });

  it('gives each rep their accounts with billing accounts and sites', async () => {
    const accounts = (await alex.pull('accounts')).documents;
    expect(accounts).toHaveLength(3);
    for (const account of accounts) {
      expect((account.billingAccounts as unknown[]).length).toBeGreaterThan(0);
      expect((account.sites as unknown[]).length).toBeGreaterThan(0);
    }
    expect((await sam.pull('accounts')).documents).toHaveLength(2);
  });
});
