/**
 * The explanation agrees with the engine, whatever the rule sets: same result, a matched rule's
 * conditions all hold, a summary that names the outcome, and every change offered really gives
 * the outcome it promises when the engine runs on the changed lead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleSetDoc } from '../schemas';
import type { RuleEngine } from '../schemas/ruleSet.schema';
import { processLead, type LeadAttributes, type LeadProcessingResult } from './engine';
import { explainLead } from './explain';
import { outcomePhrase } from './explainChanges';
import { VISION_RULE_SETS } from './vision.ruleSets';

const TEXTS = [
  'US',
  'us',
  'CA',
  'Laptops',
  'Monitors',
  'Voice',
  'Within 1 month',
  '1-3 months',
  '3-6 months',
  'More than 1 Year',
  'Approved',
  'Pending',
  'A',
  'B',
];
const FIELDS = ['country', 'productCategory', 'purchaseTimeframe', 'purchaseAmount', 'budgetStatus', 'qualified', 'rating', 'unknown'];

const leadArb: fc.Arbitrary<LeadAttributes> = fc.record({
  country: fc.constantFrom('US', 'us', 'CA', 'GB', ''),
  productCategory: fc.constantFrom('Laptops', 'Monitors', 'Computers', 'Voice'),
  purchaseTimeframe: fc.constantFrom('Within 1 month', '1-3 months', '3-6 months', '6-12 months', 'More than 1 Year'),
  purchaseAmount: fc.oneof(fc.integer({ min: 0, max: 200000 }), fc.constantFrom(49999, 50000, 50001)),
  budgetStatus: fc.constantFrom('Approved', 'Pending', 'Not budgeted', ''),
});

const conditionArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ field: fc.constantFrom(...FIELDS), op: fc.constantFrom('in', 'notIn'), values: fc.subarray(TEXTS) }),
  fc.record({
    field: fc.constantFrom(...FIELDS),
    op: fc.constantFrom('gt', 'gte', 'lt', 'lte'),
    number: fc.integer({ min: 0, max: 200000 }),
  }),
  fc.record({ field: fc.constantFrom(...FIELDS), op: fc.constant('is'), flag: fc.boolean() }),
  // Synced data is not trusted: malformed conditions must be explained as never holding.
  fc.constantFrom(null, 'x', { field: 'country' }, { field: 'purchaseAmount', op: 'gt', number: 'lots' }),
);

const outcomeArb = fc.record(
  { qualified: fc.boolean(), rating: fc.constantFrom('A', 'B', 'C', ''), channel: fc.constantFrom('Direct', 'Indirect', '') },
  { requiredKeys: [] },
);

const ruleArb = fc.record({
  name: fc.constantFrom('Rule 1', 'Big deals', ''),
  conditions: fc.array(conditionArb, { maxLength: 3 }),
  outcome: outcomeArb,
});

const generatedSetsArb: fc.Arbitrary<RuleSetDoc[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 })
  .chain((precedences) =>
    fc.tuple(
      ...precedences.map((precedence, i) =>
        fc.record({
          id: fc.constant(`set-${i}`),
          engine: fc.constantFrom('qualification' as const, 'rating' as const, 'channel' as const),
          name: fc.constant(`Set ${i}`),
          precedence: fc.constant(precedence),
          guards: fc.array(conditionArb, { maxLength: 2 }),
          rules: fc.array(ruleArb, { maxLength: 4 }),
          updatedAt: fc.constant('2024-01-01T00:00:00.000Z'),
        }),
      ),
    ),
  )
  .map((sets) => [...sets] as unknown as RuleSetDoc[]);

const ruleSetsArb = fc.oneof(fc.constant([...VISION_RULE_SETS]), generatedSetsArb);

function outcomeIn(engine: RuleEngine, result: LeadProcessingResult): string | undefined {
  if (engine === 'qualification') return result.qualified ? 'qualified' : 'not qualified';
  return engine === 'rating' ? result.rating : result.channel;
}

const ENGINES = ['qualification', 'rating', 'channel'] as const;

describe('explainLead agrees with the engine', () => {
  it('gives the result processLead gives', () => {
    fc.assert(
      fc.property(leadArb, ruleSetsArb, (lead, sets) => {
        const { trace: _trace, ...result } = processLead(lead, sets);
        expect(explainLead(lead, sets).result).toEqual(result);
      }),
      { numRuns: 120 },
    );
  });

  it('states the outcome first, and a matched rule only with conditions that held', () => {
    fc.assert(
      fc.property(leadArb, ruleSetsArb, (lead, sets) => {
        const why = explainLead(lead, sets);
        const result = processLead(lead, sets);
        for (const engine of ENGINES) {
          const e = why[engine];
          if (!e.ran) continue;
          expect(e.summary.startsWith(`${outcomePhrase(engine, outcomeIn(engine, result))}:`), e.summary).toBe(true);
          const matched = e.rules.filter((r) => r.matched);
          expect(matched.length).toBeLessThanOrEqual(1);
          for (const rule of matched) expect(rule.conditions.every((c) => c.held)).toBe(true);
          // Sets are tried in order until one applies: only the last tried may apply, the others failed a guard.
          const applying = e.sets.flatMap((set, i) => (set.applies ? [i] : []));
          expect(applying.every((i) => i === e.sets.length - 1)).toBe(true);
          for (const set of e.sets.filter((s) => !s.applies)) expect(set.guards.some((g) => !g.held)).toBe(true);
          if (applying.length === 0) expect(e.rules).toEqual([]);
        }
        expect(why.noChannel !== undefined).toBe(result.qualified && result.channel === undefined);
      }),
      { numRuns: 120 },
    );
  });

  it('offers only changes that give the promised outcome when the engine runs on them', () => {
    fc.assert(
      fc.property(leadArb, ruleSetsArb, (lead, sets) => {
        const why = explainLead(lead, sets);
        for (const engine of ENGINES) {
          for (const change of why[engine].changes) {
            const after = processLead({ ...lead, ...change.values }, sets);
            expect(outcomeIn(engine, after), change.text).toBe(change.outcome);
            expect(change.outcome).not.toBe(outcomeIn(engine, processLead(lead, sets)));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
