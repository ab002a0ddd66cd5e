import fc from 'fast-check';
import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { idPrefixAt, newestRangeStart } from './newestRange';

const NOW = Date.UTC(2026, 11, 2, 12);
const WANT = 100;

/** A store's ids, sorted as its index is, and how many a range count would find. */
function store(ids: string[]) {
  const sorted = [...ids].sort();
  let counts = 0;
  const countFrom = async (start: string) => {
    counts++;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return sorted.length - lo;
  };
  return { sorted, countFrom, counts: () => counts };
}

/** Creation times: bursts (a sync writes thousands in one second) and stragglers years back. */
const times = fc.array(
  fc.oneof(
    fc.integer({ min: NOW - 3_600_000, max: NOW }),
    fc.integer({ min: NOW - 5 * 365 * 86_400_000, max: NOW }),
    fc.constant(NOW - 42_000),
  ),
  { minLength: 0, maxLength: 3_000 },
);

describe('where the newest documents start', () => {
  it('is the time prefix of a UUIDv7', () => {
    const ms = Date.UTC(2026, 0, 1);
    expect(v7({ msecs: ms }).startsWith(idPrefixAt(ms))).toBe(true);
    expect(v7({ msecs: ms - 1 }) < idPrefixAt(ms)).toBe(true);
  });

  it('holds the newest ids, at least the chunk and few more, found with a bounded number of counts', async () => {
    await fc.assert(
      fc.asyncProperty(times, async (created) => {
        const { sorted, countFrom, counts } = store(created.map((msecs) => v7({ msecs })));
        const start = await newestRangeStart(countFrom, WANT, NOW);
        expect(counts()).toBeLessThanOrEqual(80);
        if (sorted.length < WANT) {
          expect(start).toBeUndefined();
          return;
        }
        expect(start).toBeDefined();
        const inRange = sorted.filter((id) => id >= start!);
        expect(inRange.length).toBeGreaterThanOrEqual(WANT);
        expect(inRange).toEqual(expect.arrayContaining(sorted.slice(-WANT)));
        const perMs = new Map<number, number>();
        for (const ms of created) perMs.set(ms, (perMs.get(ms) ?? 0) + 1);
        if (Math.max(...perMs.values()) <= WANT) expect(inRange.length).toBeLessThanOrEqual(4 * WANT);
      }),
      { numRuns: 60 },
    );
  });

  it('asks for the whole collection when its ids are not time-ordered', async () => {
    const { countFrom } = store(Array.from({ length: 1_000 }, (_, i) => `lead-${i}`));
    expect(await newestRangeStart(countFrom, WANT, NOW)).toBeUndefined();
  });

  it('takes ids from a clock a little ahead as the newest', async () => {
    const ahead = Array.from({ length: 150 }, (_, i) => v7({ msecs: NOW + 60_000 + i }));
    const { sorted, countFrom } = store([...ahead, ...Array.from({ length: 5_000 }, (_, i) => v7({ msecs: NOW - i * 1_000 }))]);
    const start = await newestRangeStart(countFrom, WANT, NOW);
    expect(start).toBeDefined();
    const inRange = sorted.filter((id) => id >= start!);
    expect(inRange).toEqual(expect.arrayContaining(ahead));
    expect(inRange.length).toBeLessThanOrEqual(4 * WANT);
  });
});
