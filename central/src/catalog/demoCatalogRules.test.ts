/**
 * The demo catalog's configuration rules, read as the laptop reads them (the offerings projected
 * from the TMF620 resources), and guided selling over that catalog.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConfiguration } from '../../../shared/catalog/configRules';
import { proposeConfiguration, needsProblems, type Needs } from '../../../shared/catalog/guidedSelling';
import { priceItems } from '../../../shared/pricing/engine';
import { catalogFromOfferings } from './catalogFromOfferings';
import { SEED_OFFERINGS } from './demoCatalog';
import { offeringDocFrom, sourcesFrom } from './offeringProjection';

const resources = catalogFromOfferings(SEED_OFFERINGS, { id: 'c', name: 'c', version: '1' });
const CATALOG = resources.productOffering.map((offering) =>
  offeringDocFrom(sourcesFrom(offering, (kind, id) => resources[kind].find((resource) => resource.id === id))),
);
const line = (id: string, offeringId: string) => ({ id, offeringId });

describe('the demo catalog rules', () => {
  it('a static IP needs a fibre line; the Office Connect Bundle brings one; two access lines at one site clash', () => {
    expect(checkConfiguration([line('1', 'off-static-ip')], CATALOG).map((v) => v.rule)).toEqual([
      'Static IP Block requires a fibre access line',
    ]);
    expect(checkConfiguration([line('1', 'off-static-ip'), line('2', 'off-office-connect-bundle')], CATALOG)).toEqual([]);
    expect(checkConfiguration([line('1', 'off-5g-access'), line('2', 'off-office-connect-bundle')], CATALOG).map((v) => v.lineId)).toEqual([
      '1',
      '2',
    ]);
    expect(checkConfiguration([line('1', 'off-static-ip'), line('2', 'off-5g-access')], CATALOG)).toHaveLength(1);
  });
});

const needsArb: fc.Arbitrary<Needs> = fc.record({
  sites: fc.integer({ min: 1, max: 40 }),
  users: fc.integer({ min: 0, max: 2000 }),
  bandwidthMbps: fc.integer({ min: 1, max: 5000 }),
  monthlyBudget: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
});

describe('guided selling over the demo catalog', () => {
  it('proposes fibre, SD-WAN, voice and seats for a three-site office, each sized to the needs', () => {
    const proposal = proposeConfiguration({ sites: 3, users: 45, bandwidthMbps: 300, monthlyBudget: null }, CATALOG);
    expect(proposal.items.map((i) => [i.offeringId, i.quantity, i.characteristics.find((c) => c.name !== 'Contract term')?.value])).toEqual(
      [
        ['off-5g-access', 3, '300 Mbps'],
        ['off-sdwan-edge', 3, 'Branch S'],
        ['off-business-voice', 3, '4'],
        ['off-m365-business', 45, 'Standard'],
      ],
    );
    expect(proposal.notes).toEqual([]);
  });

  it('leaves out extras, last first, to meet a budget, and says so', () => {
    const proposal = proposeConfiguration({ sites: 1, users: 10, bandwidthMbps: 100, monthlyBudget: 20_000 }, CATALOG);
    expect(proposal.items.map((i) => i.offeringId)).toEqual(['off-5g-access', 'off-business-voice']);
    expect(proposal.notes).toEqual(['Left out Microsoft 365 Business seats to stay within the budget']);
    expect(proposal.monthly).toBeLessThanOrEqual(20_000);
  });

  it('any answers give a proposal that breaks no rule, can be priced, meets the bandwidth when the catalog can, and keeps to the budget or says why', () => {
    fc.assert(
      fc.property(needsArb, (needs) => {
        expect(needsProblems(needs)).toEqual([]);
        const proposal = proposeConfiguration(needs, CATALOG);
        expect(checkConfiguration(proposal.items, CATALOG)).toEqual([]);
        expect(priceItems(proposal.items, CATALOG).totals.recurring).toBe(proposal.monthly);
        if (needs.bandwidthMbps <= 1000) expect(proposal.notes.some((n) => n.startsWith('No access line'))).toBe(false);
        if (needs.monthlyBudget !== null && proposal.monthly > needs.monthlyBudget) {
          expect(proposal.notes).toContain('Even the access line alone is above the budget');
          expect(proposal.items).toHaveLength(1);
        }
      }),
    );
  });
});
