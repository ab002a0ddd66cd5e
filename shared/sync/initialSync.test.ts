import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../schemas';
import { EMPTY_INITIAL_SYNC, INITIAL_SYNC_ORDER, recordEstimate, recordPage, summarise } from './initialSync';

describe('first-sync progress', () => {
  it('puts every collection in the order once, rules and catalog first and leads last', () => {
    expect([...INITIAL_SYNC_ORDER].sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(INITIAL_SYNC_ORDER.slice(0, 2)).toEqual(['ruleSets', 'offerings']);
    expect(INITIAL_SYNC_ORDER.indexOf('orders')).toBeLessThan(INITIAL_SYNC_ORDER.indexOf('leads'));
    expect(INITIAL_SYNC_ORDER.at(-1)).toBe('leads');
  });

  it("knows the total only once every collection was asked, and gives an ETA from this session's rate", () => {
    let state = recordEstimate(EMPTY_INITIAL_SYNC, 'ruleSets', 3);
    expect(summarise(state, ['ruleSets', 'leads'], { startedDone: 0, elapsedMs: 0 }).total).toBeNull();
    state = recordEstimate(state, 'leads', 1000);
    state = recordPage(state, 'ruleSets', { documents: 3, seq: 10, remaining: 0, full: false });
    state = recordPage(state, 'leads', { documents: 200, seq: 500, remaining: 800, full: true });
    expect(summarise(state, ['ruleSets', 'leads'], { startedDone: 0, elapsedMs: 2030 })).toEqual({ done: 203, total: 1003, etaSeconds: 8 });
  });

  it('resumes after a reload: done survives, and the rate counts this session only', () => {
    let state = recordPage(EMPTY_INITIAL_SYNC, 'leads', { documents: 500, seq: 500, remaining: 500, full: true });
    const resumed = JSON.parse(JSON.stringify(state)) as typeof state;
    state = recordPage(resumed, 'leads', { documents: 100, seq: 600, remaining: 400, full: true });
    expect(summarise(state, ['leads'], { startedDone: 500, elapsedMs: 1000 })).toEqual({ done: 600, total: 1000, etaSeconds: 4 });
  });

  it('never counts more done than the total, whatever the pages', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 30 }), (pages) => {
        const total = pages.reduce((a, b) => a + b, 0);
        let state = recordEstimate(EMPTY_INITIAL_SYNC, 'leads', total);
        let fetched = 0;
        pages.forEach((documents, i) => {
          fetched += documents;
          const last = i === pages.length - 1;
          state = recordPage(state, 'leads', { documents, seq: fetched, remaining: total - fetched, full: !last });
          const summary = summarise(state, ['leads'], { startedDone: 0, elapsedMs: 1000 });
          expect(summary.total).toBe(total);
          expect(summary.done).toBeLessThanOrEqual(total);
        });
        expect(state.collections.leads?.complete).toBe(true);
      }),
    );
  });
});
