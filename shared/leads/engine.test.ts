import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RuleSetDoc } from '../schemas';
import { processLead, processLeadWithVersions, type LeadAttributes } from './engine';
import { VISION_CHANNEL, VISION_QUALIFICATION, VISION_RATING, VISION_RULE_SETS } from './vision.ruleSets';

function lead(partial: Partial<LeadAttributes>): LeadAttributes {
  return {
    country: 'US',
    productCategory: 'Laptops',
    purchaseTimeframe: 'Within 1 month',
    purchaseAmount: 60000,
    budgetStatus: 'Approved',
    ...partial,
  };
}

function outcome(attrs: Partial<LeadAttributes>) {
  const { trace: _trace, ...rest } = processLead(lead(attrs), VISION_RULE_SETS);
  return rest;
}

describe('processLead with the Vision Enterprises rule sets (seed 001)', () => {
  it('records the id and version of every rule set it was given, whichever applied', () => {
    const later = { ...VISION_RULE_SETS[1]!, version: 4 };
    const result = processLeadWithVersions(lead({ country: 'CA' }), [VISION_RULE_SETS[2]!, later, VISION_RULE_SETS[0]!]);
    expect(result.ruleSetVersions).toEqual([
      { id: 'vision-channel', version: 1 },
      { id: 'vision-qualification', version: 1 },
      { id: 'vision-rating', version: 4 },
    ]);
    expect({ ...result, ruleSetVersions: undefined }).toEqual({
      ...processLead(lead({ country: 'CA' }), VISION_RULE_SETS),
      ruleSetVersions: undefined,
    });
  });

  it('qualifies, grades A and routes to Direct a US laptop lead buying within a month for 60000', () => {
    const result = processLead(lead({}), VISION_RULE_SETS);
    expect(result).toMatchObject({ qualified: true, rating: 'A', channel: 'Direct' });
    expect(result.trace).toEqual([
      "Qualification: 'Vision Hardware qualification' rule 'Rule 1' -> qualified",
      "Rating: 'Vision Hardware rating' rule 'Rule 1' -> A",
      "Channel selection: 'Vision channel selection' rule 'Rule 1' -> Direct",
    ]);
  });

  it('qualifies a long-term small monitor lead by rule 2, leaves it unrated and routes it to Indirect Channel B', () => {
    const result = processLead(
      lead({ productCategory: 'Monitors', purchaseTimeframe: 'More than 1 Year', purchaseAmount: 20000 }),
      VISION_RULE_SETS,
    );
    expect(result).toMatchObject({ qualified: true, channel: 'Indirect Channel B' });
    expect(result.rating).toBeUndefined();
    expect(result.trace[0]).toContain("rule 'Rule 2'");
    expect(result.trace[1]).toBe("Rating: 'Vision Hardware rating' applied but no rule matched -> no rating");
    expect(result.trace[2]).toContain("rule 'Rule 3' -> Indirect Channel B");
  });

  it('does not qualify a 3-6 months computer lead of 20000: no rating, no channel', () => {
    const result = processLead(
      lead({ productCategory: 'Computers', purchaseTimeframe: '3-6 months', purchaseAmount: 20000 }),
      VISION_RULE_SETS,
    );
    expect(result.qualified).toBe(false);
    expect(result.rating).toBeUndefined();
    expect(result.channel).toBeUndefined();
    expect(result.trace).toEqual([
      "Qualification: 'Vision Hardware qualification' applied but no rule matched -> not qualified",
      'Rating: skipped, the lead is not qualified (graded NULL)',
      "Channel selection: 'Vision channel selection' applied but no rule matched -> no channel",
    ]);
  });

  it('applies no rule set to a lead from outside the US', () => {
    const result = processLead(lead({ country: 'CA' }), VISION_RULE_SETS);
    expect(result).toEqual({
      qualified: false,
      trace: [
        'Qualification: no rule set applied -> not qualified',
        'Rating: skipped, the lead is not qualified (graded NULL)',
        'Channel selection: no rule set applied -> no channel',
      ],
    });
  });

  it('does not qualify US leads for products outside the road show', () => {
    expect(outcome({ productCategory: 'Connectivity' })).toEqual({ qualified: false });
  });

  it('grades B, C and D by timeframe and budget status', () => {
    expect(outcome({ purchaseTimeframe: '1-3 months' }).rating).toBe('B');
    expect(outcome({ purchaseTimeframe: '3-6 months' }).rating).toBe('C');
    expect(outcome({ purchaseTimeframe: '3-6 months', budgetStatus: 'Pending' })).toEqual({
      qualified: true,
      rating: 'D',
      channel: 'Direct',
    });
    expect(outcome({ purchaseTimeframe: '1-3 months', budgetStatus: 'Pending' })).toEqual({ qualified: true, channel: 'Direct' });
  });

  it('routes a qualified A lead under 50000 to Indirect Channel A', () => {
    // Rule 2 qualifies only "More than 1 Year", and rating A needs "Within 1 month": an A lead under
    // 50000 exists only with another qualification rule, so this uses a set that qualifies everyone.
    const everyone: RuleSetDoc = {
      ...VISION_QUALIFICATION,
      id: 'all',
      rules: [{ name: 'All', conditions: [], outcome: { qualified: true } }],
    };
    const result = processLead(lead({ purchaseAmount: 20000 }), [everyone, VISION_RATING, VISION_CHANNEL]);
    expect(result).toMatchObject({ qualified: true, rating: 'A', channel: 'Indirect Channel A' });
  });

  describe('at exactly 50000 (>= qualifies, but the channel rules need > or <)', () => {
    it('qualifies and rates a short-term lead but selects no channel', () => {
      expect(outcome({ purchaseAmount: 50000 })).toEqual({ qualified: true, rating: 'A' });
    });
    it('does not qualify a "More than 1 Year" lead (rule 2 needs < 50000)', () => {
      expect(outcome({ purchaseTimeframe: 'More than 1 Year', purchaseAmount: 50000 })).toEqual({ qualified: false });
    });
    it('goes Direct one dollar above and qualifies by rule 2 one dollar below', () => {
      expect(outcome({ purchaseAmount: 50001 }).channel).toBe('Direct');
      expect(outcome({ purchaseTimeframe: 'More than 1 Year', purchaseAmount: 49999 })).toEqual({
        qualified: true,
        channel: 'Indirect Channel B',
      });
    });
  });

  it('compares text ignoring case and surrounding spaces', () => {
    expect(
      outcome({ country: ' us ', productCategory: 'LAPTOPS', purchaseTimeframe: 'within 1 MONTH', budgetStatus: 'approved ' }),
    ).toEqual({ qualified: true, rating: 'A', channel: 'Direct' });
  });
});

describe('processLead rule set selection', () => {
  const disqualifyUs: RuleSetDoc = {
    ...VISION_QUALIFICATION,
    id: 'disqualify',
    name: 'Disqualify all',
    precedence: 1,
    rules: [{ name: 'No', conditions: [], outcome: { qualified: false } }],
  };

  it('uses only the applicable set with the lowest precedence', () => {
    const result = processLead(lead({}), [...VISION_RULE_SETS, disqualifyUs]);
    expect(result.qualified).toBe(false);
    expect(result.trace[0]).toBe("Qualification: 'Disqualify all' rule 'No' -> not qualified");
  });

  it('skips a lower-precedence set whose guards do not match', () => {
    const canadaOnly: RuleSetDoc = { ...disqualifyUs, guards: [{ field: 'country', op: 'in', values: ['CA'] }] };
    expect(processLead(lead({}), [canadaOnly, ...VISION_RULE_SETS]).qualified).toBe(true);
  });

  it('treats a condition on an unknown field or with a malformed operand as not matching', () => {
    const broken: RuleSetDoc = {
      ...VISION_QUALIFICATION,
      id: 'broken',
      precedence: 1,
      rules: [
        { name: 'Unknown field', conditions: [{ field: 'shoeSize', op: 'in', values: ['42'] }], outcome: { qualified: false } },
        { name: 'No number', conditions: [{ field: 'purchaseAmount', op: 'gt' }], outcome: { qualified: false } },
        { name: 'Text for a number', conditions: [{ field: 'country', op: 'gt', number: 1 }], outcome: { qualified: false } },
        { name: 'Ok', conditions: [{ field: 'country', op: 'notIn', values: ['FR'] }], outcome: { qualified: true } },
      ],
    };
    const result = processLead(lead({}), [broken]);
    expect(result.qualified).toBe(true);
    expect(result.trace[0]).toContain("rule 'Ok'");
  });
});

// ---- properties ----------------------------------------------------------------------------

const TEXTS = [
  'US',
  'CA',
  'Laptops',
  'Monitors',
  'Computers',
  'Voice',
  'Within 1 month',
  '3-6 months',
  'More than 1 Year',
  'Approved',
  'Pending',
  'A',
  'B',
];
const FIELDS = ['country', 'productCategory', 'purchaseTimeframe', 'purchaseAmount', 'budgetStatus', 'qualified', 'rating', 'unknown'];

const leadArb: fc.Arbitrary<LeadAttributes> = fc.record({
  country: fc.constantFrom('US', 'us', 'CA', 'GB'),
  productCategory: fc.constantFrom('Laptops', 'Monitors', 'Computers', 'Voice'),
  purchaseTimeframe: fc.constantFrom('Within 1 month', '1-3 months', '3-6 months', '6-12 months', 'More than 1 Year'),
  purchaseAmount: fc.oneof(fc.integer({ min: 0, max: 200000 }), fc.constant(50000)),
  budgetStatus: fc.constantFrom('Approved', 'Pending', 'Not budgeted'),
});

const conditionArb = fc.oneof(
  fc.record({ field: fc.constantFrom(...FIELDS), op: fc.constantFrom('in', 'notIn'), values: fc.subarray(TEXTS) }),
  fc.record({
    field: fc.constantFrom(...FIELDS),
    op: fc.constantFrom('gt', 'gte', 'lt', 'lte'),
    number: fc.integer({ min: 0, max: 200000 }),
  }),
  fc.record({ field: fc.constantFrom(...FIELDS), op: fc.constant('is'), flag: fc.boolean() }),
);

const ruleArb = fc.record({
  name: fc.constantFrom('R1', 'R2', 'R3'),
  conditions: fc.array(conditionArb, { maxLength: 3 }),
  outcome: fc.record({ qualified: fc.boolean(), rating: fc.constantFrom('A', 'B', 'C'), channel: fc.constantFrom('Direct', 'Indirect') }),
});

/** Rule sets with distinct ids and distinct precedences, so their order is fully defined. */
const ruleSetsArb: fc.Arbitrary<RuleSetDoc[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1000 }), { maxLength: 8 })
  .chain((precedences) =>
    fc.tuple(
      ...precedences.map((precedence, i) =>
        fc.record({
          id: fc.constant(`set-${i}`),
          version: fc.constant(1),
          engine: fc.constantFrom('qualification' as const, 'rating' as const, 'channel' as const),
          name: fc.constant(`Set ${i}`),
          precedence: fc.constant(precedence),
          guards: fc.array(conditionArb, { maxLength: 2 }),
          rules: fc.array(ruleArb, { maxLength: 3 }),
          updatedAt: fc.constant('2024-01-01T00:00:00.000Z'),
        }),
      ),
    ),
  )
  .map((sets) => [...sets]);

describe('processLead properties', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(leadArb, ruleSetsArb, (l, sets) => {
        expect(processLead(l, sets)).toEqual(processLead(l, sets));
      }),
    );
  });

  it('rates only qualified leads', () => {
    fc.assert(
      fc.property(leadArb, ruleSetsArb, (l, sets) => {
        const result = processLead(l, sets);
        if (!result.qualified) expect(result.rating).toBeUndefined();
      }),
    );
  });

  it('gives the same result whatever the order of the rule sets in the input', () => {
    fc.assert(
      fc.property(
        leadArb,
        ruleSetsArb.chain((sets) =>
          fc.tuple(fc.constant(sets), fc.shuffledSubarray(sets, { minLength: sets.length, maxLength: sets.length })),
        ),
        (l, [sets, shuffled]) => {
          expect(processLead(l, shuffled)).toEqual(processLead(l, sets));
        },
      ),
    );
  });

  it('never throws on arbitrary conditions, guards or rules, and always traces three steps', () => {
    const junkSet = fc.record({
      id: fc.string(),
      engine: fc.constantFrom('qualification', 'rating', 'channel'),
      name: fc.anything(),
      precedence: fc.anything(),
      guards: fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.anything()),
      rules: fc.oneof(
        fc.array(fc.record({ name: fc.anything(), conditions: fc.array(fc.anything(), { maxLength: 3 }), outcome: fc.anything() }), {
          maxLength: 3,
        }),
        fc.anything(),
      ),
      updatedAt: fc.string(),
    }) as unknown as fc.Arbitrary<RuleSetDoc>;
    fc.assert(
      fc.property(leadArb, fc.array(junkSet, { maxLength: 5 }), (l, sets) => {
        const result = processLead(l, sets);
        expect(typeof result.qualified).toBe('boolean');
        expect(result.trace).toHaveLength(3);
      }),
    );
  });
});
