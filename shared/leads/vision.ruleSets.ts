/**
 * The Vision Enterprises rule sets of seed 001 (Oracle Leads Management scenario), written
 * exactly as the seed's tables state them: the central system's demo data (it serves them to
 * the reps' apps by sync; the app itself never imports this) and the engine tests' fixture.
 */
import type { RuleSetDoc } from '../schemas';

const UPDATED_AT = '2026-11-01T00:00:00.000Z';
const VISION_PRODUCTS = ['Monitors', 'Laptops', 'Computers'];

export const VISION_QUALIFICATION: RuleSetDoc = {
  id: 'vision-qualification',
  engine: 'qualification',
  name: 'Vision Hardware qualification',
  precedence: 10,
  guards: [
    { field: 'country', op: 'in', values: ['US'] },
    { field: 'productCategory', op: 'in', values: VISION_PRODUCTS },
  ],
  rules: [
    {
      name: 'Rule 1',
      conditions: [
        { field: 'purchaseTimeframe', op: 'in', values: ['Within 1 month', '1-3 months', '3-6 months'] },
        { field: 'purchaseAmount', op: 'gte', number: 50000 },
      ],
      outcome: { qualified: true },
    },
    {
      name: 'Rule 2',
      conditions: [
        { field: 'purchaseTimeframe', op: 'in', values: ['More than 1 Year'] },
        { field: 'purchaseAmount', op: 'lt', number: 50000 },
      ],
      outcome: { qualified: true },
    },
  ],
  version: 1,
  updatedAt: UPDATED_AT,
};

function grade(name: string, timeframe: string, budget: string, rating: string): RuleSetDoc['rules'][number] {
  return {
    name,
    conditions: [
      { field: 'purchaseTimeframe', op: 'in', values: [timeframe] },
      { field: 'budgetStatus', op: 'in', values: [budget] },
    ],
    outcome: { rating },
  };
}

export const VISION_RATING: RuleSetDoc = {
  id: 'vision-rating',
  engine: 'rating',
  name: 'Vision Hardware rating',
  precedence: 10,
  guards: [
    { field: 'country', op: 'in', values: ['US'] },
    { field: 'productCategory', op: 'in', values: VISION_PRODUCTS },
  ],
  rules: [
    grade('Rule 1', 'Within 1 month', 'Approved', 'A'),
    grade('Rule 2', '1-3 months', 'Approved', 'B'),
    grade('Rule 3', '3-6 months', 'Approved', 'C'),
    grade('Rule 4', '3-6 months', 'Pending', 'D'),
  ],
  version: 1,
  updatedAt: UPDATED_AT,
};

export const VISION_CHANNEL: RuleSetDoc = {
  id: 'vision-channel',
  engine: 'channel',
  name: 'Vision channel selection',
  precedence: 10,
  guards: [{ field: 'country', op: 'in', values: ['US'] }],
  rules: [
    {
      name: 'Rule 1',
      conditions: [
        { field: 'qualified', op: 'is', flag: true },
        { field: 'purchaseAmount', op: 'gt', number: 50000 },
      ],
      outcome: { channel: 'Direct' },
    },
    {
      name: 'Rule 2',
      conditions: [
        { field: 'qualified', op: 'is', flag: true },
        { field: 'purchaseAmount', op: 'lt', number: 50000 },
        { field: 'rating', op: 'in', values: ['A'] },
      ],
      outcome: { channel: 'Indirect Channel A' },
    },
    {
      name: 'Rule 3',
      conditions: [
        { field: 'qualified', op: 'is', flag: true },
        { field: 'purchaseAmount', op: 'lt', number: 50000 },
        { field: 'rating', op: 'notIn', values: ['A'] },
      ],
      outcome: { channel: 'Indirect Channel B' },
    },
  ],
  version: 1,
  updatedAt: UPDATED_AT,
};

export const VISION_RULE_SETS: readonly RuleSetDoc[] = [VISION_QUALIFICATION, VISION_RATING, VISION_CHANNEL];
