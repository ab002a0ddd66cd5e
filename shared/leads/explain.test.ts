import { describe, expect, it } from 'vitest';
import { explainLead } from './explain';
import type { LeadAttributes } from './engine';
import { VISION_RULE_SETS } from './vision.ruleSets';

const lead = (overrides: Partial<LeadAttributes> = {}): LeadAttributes => ({
  country: 'US',
  productCategory: 'Laptops',
  purchaseTimeframe: '1-3 months',
  purchaseAmount: 60000,
  budgetStatus: 'Approved',
  ...overrides,
});

describe('explainLead with the Vision rule sets (seed 001)', () => {
  it('says which rule matched with its conditions, in the words of the seed', () => {
    const why = explainLead(lead(), VISION_RULE_SETS);
    expect(why.result).toEqual({ qualified: true, rating: 'B', channel: 'Direct' });
    expect(why.qualification.summary).toBe(
      'Qualified: Purchase timeframe is Within 1 month, 1-3 months or 3-6 months and Purchase amount is $50,000 or more (rule 1 of Vision Hardware qualification)',
    );
    expect(why.rating.summary).toBe(
      'Rated B: Purchase timeframe is 1-3 months and Budget status is Approved (rule 2 of Vision Hardware rating)',
    );
    expect(why.channel.summary).toBe(
      'Routed to Direct: The lead is qualified and Purchase amount is more than $50,000 (rule 1 of Vision channel selection)',
    );
    expect(why.noChannel).toBeUndefined();
  });

  it('shows the guards that held and the rules tried before the match', () => {
    const why = explainLead(lead(), VISION_RULE_SETS);
    expect(why.rating.sets).toEqual([
      expect.objectContaining({
        name: 'Vision Hardware rating',
        applies: true,
        guards: [
          expect.objectContaining({ held: true, text: 'Country is United States' }),
          expect.objectContaining({ held: true, text: 'Product category is Monitors, Laptops or Computers' }),
        ],
      }),
    ]);
    expect(why.rating.rules.map((r) => [r.number, r.matched])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(why.rating.rules[0]?.conditions[0]?.failure).toBe('Purchase timeframe is 1-3 months (needs Within 1 month)');
  });

  it('says what would change the rating, each change checked against the engine', () => {
    const changes = explainLead(lead(), VISION_RULE_SETS).rating.changes;
    expect(changes.map((c) => c.text)).toEqual([
      'Rated A if Purchase timeframe is Within 1 month (rule 1 of Vision Hardware rating)',
      'Rated C if Purchase timeframe is 3-6 months (rule 3 of Vision Hardware rating)',
      'Rated D if Purchase timeframe is 3-6 months and Budget status is Pending (rule 4 of Vision Hardware rating)',
    ]);
    expect(changes[2]?.values).toEqual({ purchaseTimeframe: '3-6 months', budgetStatus: 'Pending' });
  });

  it('explains a lead no rule qualifies, rule by rule, and what would qualify it', () => {
    const why = explainLead(lead({ purchaseTimeframe: '3-6 months', purchaseAmount: 30000 }), VISION_RULE_SETS);
    expect(why.result.qualified).toBe(false);
    expect(why.qualification.summary).toBe(
      'Not qualified: no rule of Vision Hardware qualification matched: rule 1: Purchase amount is $30,000 (needs $50,000 or more); rule 2: Purchase timeframe is 3-6 months (needs More than 1 Year)',
    );
    expect(why.qualification.changes.map((c) => c.text)).toEqual([
      'Qualified if Purchase amount is $50,000 or more (rule 1 of Vision Hardware qualification)',
    ]);
    expect(why.rating.summary).toBe('Not rated: only qualified leads are rated');
    expect(why.rating.ran).toBe(false);
  });

  it('names a missing value as missing', () => {
    const why = explainLead(lead({ budgetStatus: '' }), VISION_RULE_SETS);
    expect(why.rating.summary).toContain('Budget status is missing (needs Approved)');
  });

  it('explains a lead outside every rule set by the guards that failed', () => {
    const why = explainLead(lead({ productCategory: 'Voice' }), VISION_RULE_SETS);
    expect(why.qualification.summary).toBe(
      'Not qualified: no qualification rules cover this lead: Vision Hardware qualification covers only leads where Country is United States and Product category is Monitors, Laptops or Computers, but Product category is Voice (needs Monitors, Laptops or Computers)',
    );
    expect(why.qualification.changes[0]?.text).toBe(
      'Qualified if Product category is Monitors, Laptops or Computers (rule 1 of Vision Hardware qualification)',
    );
  });

  it('says a qualified lead has no channel, why, and whom to ask', () => {
    // Exactly $50,000: qualified (50,000 or more), but Direct needs more than 50,000 and Indirect less.
    const why = explainLead(lead({ purchaseTimeframe: 'Within 1 month', purchaseAmount: 50000 }), VISION_RULE_SETS, {
      whoToAsk: 'your manager, Morgan Lee,',
    });
    expect(why.result).toEqual({ qualified: true, rating: 'A' });
    expect(why.noChannel).toMatch(/^This lead is qualified but has no sales channel \(no rule of Vision channel selection matched: /);
    expect(why.noChannel).toContain('rule 1: Purchase amount is $50,000 (needs more than $50,000)');
    expect(why.noChannel).toMatch(/Ask your manager, Morgan Lee, to route it\.$/);
    // Less than 50,000 would no longer qualify it, so only Direct is offered.
    expect(why.channel.changes.map((c) => c.text)).toEqual([
      'Routed to Direct if Purchase amount is more than $50,000 (rule 1 of Vision channel selection)',
    ]);
  });

  it('says when there are no rules at all', () => {
    expect(explainLead(lead(), []).qualification.summary).toBe('Not qualified: there are no qualification rules on this laptop');
  });
});
