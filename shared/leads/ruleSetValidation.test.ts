import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionMatches, type LeadFacts } from './engine';
import { validateRuleSetDraft, type Condition, type RuleSetDraft } from './ruleSetValidation';
import { VISION_CHANNEL, VISION_QUALIFICATION, VISION_RATING } from './vision.ruleSets';

function draftOf(set: typeof VISION_RATING): RuleSetDraft {
  return { engine: set.engine, name: set.name, precedence: set.precedence, guards: set.guards, rules: set.rules };
}

function messages(input: unknown): string[] {
  const check = validateRuleSetDraft(input);
  return check.ok ? [] : check.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('validateRuleSetDraft', () => {
  it("accepts the seed's three Vision rule sets as they are", () => {
    for (const set of [VISION_QUALIFICATION, VISION_RATING, VISION_CHANNEL]) expect(messages(draftOf(set))).toEqual([]);
  });

  it('refuses a condition on an unknown field, naming the fields to use', () => {
    const draft = draftOf(VISION_RATING);
    const bad = { ...draft, rules: [{ ...draft.rules[0], conditions: [{ field: 'budget', op: 'in', values: ['Approved'] }] }] };
    const [message] = messages(bad);
    expect(message).toContain('rules[0].conditions[0].field');
    expect(message).toContain('"budget" is not a lead field; use one of country (Country)');
    expect(message).toContain('budgetStatus (Budget status)');
  });

  it('refuses a field that is only known after the engine runs', () => {
    const draft = draftOf(VISION_QUALIFICATION);
    const bad = { ...draft, guards: [{ field: 'rating', op: 'in', values: ['A'] }] };
    expect(messages(bad)).toEqual([expect.stringContaining('Guards, condition 1: "rating" is not known yet when qualification runs')]);
  });

  it('refuses an operator or value that does not fit the field, and a missing outcome', () => {
    const bad = {
      engine: 'rating',
      name: 'X',
      precedence: 1,
      guards: [{ field: 'purchaseAmount', op: 'in', values: ['1'] }],
      rules: [{ name: 'R', conditions: [{ field: 'country', op: 'in', values: [] }], outcome: { channel: 'Direct' } }],
    };
    expect(messages(bad)).toEqual([
      expect.stringContaining('guards[0].op: Guards, condition 1: Purchase amount is compared with gt, gte, lt, lte, not in'),
      expect.stringContaining('rules[0].conditions[0].values: Rule 1 ("R"), condition 1: give Country one or more values'),
      expect.stringContaining('rules[0].outcome.rating: Rule 1 ("R"): name the rating (e.g. A)'),
    ]);
  });

  it('refuses a rule an earlier rule always matches first, saying what to do', () => {
    const draft = draftOf(VISION_RATING);
    const [first, second] = draft.rules;
    if (!first || !second) throw new Error('fixture');
    // "Rule 2" moved below a catch-all on its timeframe: it can never decide.
    const catchAll = {
      name: 'Any 1-3 months',
      conditions: [{ field: 'purchaseTimeframe', op: 'in', values: ['1-3 MONTHS', 'x'] }],
      outcome: { rating: 'C' },
    };
    expect(messages({ ...draft, rules: [first, catchAll, second] })).toEqual([
      'rules[2]: Rule 3 ("Rule 2") is never reached: rule 2 ("any 1-3 months") matches every lead it matches and rules are tried in order; move it above, narrow the earlier rule or remove it',
    ]);
    expect(messages({ ...draft, rules: [first, second, catchAll] })).toEqual([]);
  });

  it('refuses a rule whose conditions contradict each other or the guards', () => {
    const draft = draftOf(VISION_QUALIFICATION);
    const never = {
      name: 'Never',
      conditions: [
        { field: 'purchaseAmount', op: 'gt', number: 10 },
        { field: 'purchaseAmount', op: 'lte', number: 10 },
      ],
      outcome: { qualified: true },
    };
    const abroad = { name: 'Abroad', conditions: [{ field: 'country', op: 'in', values: ['FR'] }], outcome: { qualified: true } };
    expect(messages({ ...draft, rules: [...draft.rules, never, abroad] })).toEqual([
      'rules[2]: Rule 3 ("Never") can never match: its conditions contradict each other or the guards; fix them or remove the rule',
      'rules[3]: Rule 4 ("Abroad") can never match: its conditions contradict each other or the guards; fix them or remove the rule',
    ]);
  });

  const TEXT = ['a', 'b', 'c'];
  const condition: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({
      field: fc.constantFrom('country', 'rating'),
      op: fc.constantFrom('in' as const, 'notIn' as const),
      values: fc.uniqueArray(fc.constantFrom(...TEXT, ' A'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      field: fc.constant('purchaseAmount'),
      op: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
      number: fc.integer({ min: 0, max: 4 }),
    }),
    fc.record({ field: fc.constant('qualified'), op: fc.constant('is' as const), flag: fc.boolean() }),
  );
  const facts: fc.Arbitrary<LeadFacts> = fc.record({
    country: fc.constantFrom(...TEXT, 'z'),
    productCategory: fc.constant('Monitors'),
    purchaseTimeframe: fc.constant('1-3 months'),
    purchaseAmount: fc.integer({ min: -1, max: 5 }),
    budgetStatus: fc.constant('Approved'),
    qualified: fc.boolean(),
    rating: fc.option(fc.constantFrom(...TEXT, 'z'), { nil: undefined }),
  });

  it('calls a rule dead only if no lead is ever decided by it (first match wins)', () => {
    const rules = fc.array(fc.array(condition, { maxLength: 3 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(condition, { maxLength: 2 }),
        rules,
        fc.array(facts, { minLength: 30, maxLength: 30 }),
        (guards, conds, leads) => {
          const draft = {
            engine: 'channel',
            name: 'P',
            precedence: 1,
            guards,
            rules: conds.map((conditions, i) => ({ name: `R${i}`, conditions, outcome: { channel: `C${i}` } })),
          };
          const check = validateRuleSetDraft(draft);
          const dead = new Set(check.ok ? [] : check.issues.map((issue) => Number(/^rules\[(\d+)\]$/.exec(issue.path)?.[1] ?? -1)));
          expect(dead.has(-1)).toBe(false);
          for (const lead of leads) {
            if (!guards.every((g) => conditionMatches(g, lead))) continue;
            const decided = conds.findIndex((cs) => cs.every((c) => conditionMatches(c, lead)));
            if (decided >= 0) expect(dead.has(decided), `rule ${decided} decided for ${JSON.stringify(lead)}`).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
