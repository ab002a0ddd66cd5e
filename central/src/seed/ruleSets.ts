import type { RuleSetDoc } from '../../../shared/schemas';

/**
 * Vision Enterprises' lead rule sets, exactly as seed 001 (Oracle Leads Management, "Scenario
 * of qualifying leads") states them. Amounts are whole US dollars; field names are LeadDoc's.
 */
const UPDATED_AT = '2026-11-01T00:00:00.000Z';
type Condition = RuleSetDoc['guards'][number];
type Rule = RuleSetDoc['rules'][number];

const countryUs = (): Condition => ({ field: 'country', op: 'in', values: ['US'] });
const visionProducts = (): Condition => ({ field: 'productCategory', op: 'in', values: ['Monitors', 'Laptops', 'Computers'] });

const timeframe = (...values: string[]): Condition => ({ field: 'purchaseTimeframe', op: 'in', values });
const budget = (value: string): Condition => ({ field: 'budgetStatus', op: 'in', values: [value] });
const qualifiedYes: Condition = { field: 'qualified', op: 'is', flag: true };
const grade = (name: string, when: string, budgetStatus: string, rating: string): Rule => ({
  name,
  conditions: [timeframe(when), budget(budgetStatus)],
  outcome: { rating },
});

export const QUALIFICATION_RULE_SET: RuleSetDoc = {
  id: 'vision-qualification',
  engine: 'qualification',
  name: 'Vision Hardware qualification',
  precedence: 10,
  guards: [countryUs(), visionProducts()],
  rules: [
    {
      name: 'Rule 1',
      conditions: [timeframe('Within 1 month', '1-3 months', '3-6 months'), { field: 'purchaseAmount', op: 'gte', number: 50000 }],
      outcome: { qualified: true },
    },
    {
      name: 'Rule 2',
      conditions: [timeframe('More than 1 Year'), { field: 'purchaseAmount', op: 'lt', number: 50000 }],
      outcome: { qualified: true },
    },
  ],
  updatedAt: UPDATED_AT,
};

export const RATING_RULE_SET: RuleSetDoc = {
  id: 'vision-rating',
  engine: 'rating',
  name: 'Vision Hardware rating',
  precedence: 10,
  guards: [countryUs(), visionProducts()],
  rules: [
    grade('Rule 1', 'Within 1 month', 'Approved', 'A'),
    grade('Rule 2', '1-3 months', 'Approved', 'B'),
    grade('Rule 3', '3-6 months', 'Approved', 'C'),
    grade('Rule 4', '3-6 months', 'Pending', 'D'),
  ],
  updatedAt: UPDATED_AT,
};

export const CHANNEL_RULE_SET: RuleSetDoc = {
  id: 'vision-channel',
  engine: 'channel',
  name: 'Vision channel selection',
  precedence: 10,
  guards: [countryUs()],
  rules: [
    {
      name: 'Rule 1',
      conditions: [qualifiedYes, { field: 'purchaseAmount', op: 'gt', number: 50000 }],
      outcome: { channel: 'Direct' },
    },
    {
      name: 'Rule 2',
      conditions: [qualifiedYes, { field: 'purchaseAmount', op: 'lt', number: 50000 }, { field: 'rating', op: 'in', values: ['A'] }],
      outcome: { channel: 'Indirect Channel A' },
    },
    {
      name: 'Rule 3',
      conditions: [qualifiedYes, { field: 'purchaseAmount', op: 'lt', number: 50000 }, { field: 'rating', op: 'notIn', values: ['A'] }],
      outcome: { channel: 'Indirect Channel B' },
    },
  ],
  updatedAt: UPDATED_AT,
};

export const SEED_RULE_SETS: readonly RuleSetDoc[] = [QUALIFICATION_RULE_SET, RATING_RULE_SET, CHANNEL_RULE_SET];
