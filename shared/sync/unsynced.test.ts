import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OWNED_COLLECTIONS } from '../schemas';
import { describeUnsynced } from './unsynced';

describe('describeUnsynced', () => {
  it("names what waits, orders first, in the rep's words", () => {
    expect(describeUnsynced({ leads: 1, orders: 2 })).toBe('2 orders and 1 lead have not reached the central system yet');
    expect(describeUnsynced({ quotes: 1 })).toBe('1 quote has not reached the central system yet');
    expect(describeUnsynced({ contacts: 3, opportunities: 1, accounts: 2 })).toBe(
      '1 opportunity, 2 accounts and 3 contacts have not reached the central system yet',
    );
  });

  it('says nothing when nothing waits', () => {
    expect(describeUnsynced({})).toBeNull();
    expect(describeUnsynced({ orders: 0, leads: 0 })).toBeNull();
  });

  it('mentions every collection with waiting records and its exact count', () => {
    const counts = fc.record(
      Object.fromEntries(OWNED_COLLECTIONS.map((name) => [name, fc.nat({ max: 50 })])) as Record<
        (typeof OWNED_COLLECTIONS)[number],
        fc.Arbitrary<number>
      >,
    );
    fc.assert(
      fc.property(counts, (c) => {
        const text = describeUnsynced(c);
        const waiting = OWNED_COLLECTIONS.filter((name) => c[name] > 0);
        if (waiting.length === 0) return text === null;
        const numbers = (text ?? '').match(/\d+/g)?.map(Number) ?? [];
        return numbers.length === waiting.length && numbers.reduce((a, b) => a + b, 0) === waiting.reduce((sum, name) => sum + c[name], 0);
      }),
    );
  });
});
