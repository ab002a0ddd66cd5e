import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorLabel, changeKey, describeChange, localEntries, mergeTimeline, recordLabel, type TimelineEntry } from './timeline';

const entry = (over: Partial<TimelineEntry> & Pick<TimelineEntry, 'key' | 'at'>): TimelineEntry => ({
  kind: 'quote',
  recordId: 'q1',
  actor: 'user-alex',
  what: 'Changed items',
  source: 'central',
  ...over,
});

/** Entries over a small key space, so both sides often tell the same change. */
const entries = (source: 'central' | 'local') =>
  fc
    .array(
      fc.record({
        key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
        at: fc.integer({ min: 0, max: 5 }).map((n) => `2026-12-0${n + 1}T10:00:00.000Z`),
        what: fc.string(),
      }),
      { maxLength: 12 },
    )
    .map((rows) => rows.map((row) => entry({ ...row, source })));

describe('mergeTimeline', () => {
  it('keeps each change once, oldest first, the central telling over the local one', () => {
    fc.assert(
      fc.property(entries('central'), entries('local'), (central, local) => {
        const merged = mergeTimeline(central, local);
        const keys = merged.map((e) => e.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(new Set([...central, ...local].map((e) => e.key)));
        for (let i = 1; i < merged.length; i++) {
          const [a, b] = [merged[i - 1], merged[i]];
          if (!a || !b) continue;
          expect(a.at < b.at || (a.at === b.at && a.key < b.key)).toBe(true);
        }
        const centralKeys = new Set(central.map((e) => e.key));
        for (const e of merged) if (centralKeys.has(e.key)) expect(e.source).toBe('central');
      }),
    );
  });

  it('gives the same timeline whatever order the entries arrive in', () => {
    // As in life: one change has one time, whichever side tells it.
    const pool = fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 3 }), at: fc.integer({ min: 0, max: 9 }) }), {
      selector: (change) => change.key,
      maxLength: 10,
    });
    const sides = pool.chain((changes) =>
      fc.tuple(fc.subarray(changes), fc.subarray(changes), fc.shuffledSubarray(changes, { minLength: changes.length })),
    );
    fc.assert(
      fc.property(sides, ([central, local, order]) => {
        const told = (list: typeof central, source: 'central' | 'local') =>
          list.map((change) => entry({ key: change.key, at: `2026-12-01T10:0${change.at}:00.000Z`, source }));
        const rank = new Map(order.map((change, i) => [change.key, i]));
        const reordered = [...local].sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0));
        expect(mergeTimeline(told(central, 'central'), told(reordered, 'local'))).toEqual(
          mergeTimeline(told(central, 'central'), told(local, 'local')),
        );
      }),
    );
  });
});

describe('describeChange', () => {
  it('names the status change and the changed fields, never their values', () => {
    const before = { status: 'inProgress', items: [1], note: 'secret', updatedAt: 'a', syncPending: true };
    const after = { status: 'pending', items: [1, 2], note: 'other secret', updatedAt: 'b', syncPending: false };
    expect(describeChange(before, after)).toBe('Status inProgress → pending; Changed items, note');
    expect(describeChange(undefined, after)).toBe('Created (pending)');
    expect(describeChange(before, after, true)).toBe('Deleted');
    expect(describeChange(before, { ...before, updatedAt: 'c' })).toBe('Saved without changes');
  });
});

describe('localEntries', () => {
  const central = [entry({ key: changeKey('quote', 'q1', 't1', 'user-alex'), at: 't1', status: 'inProgress' })];

  it('tells a pending change against the last known status, keyed like its central telling', () => {
    const doc = { id: 'q1', updatedAt: 't2', syncPending: true, status: 'pending', version: 2 };
    const [pending] = localEntries('quote', doc, central, 'user-alex', 'dev-1');
    expect(pending).toMatchObject({
      key: changeKey('quote', 'q1', 't2', 'user-alex'),
      what: 'Status inProgress → pending, not synced yet',
      pending: true,
      deviceId: 'dev-1',
      version: 2,
    });
    // Once pushed, the central system tells the same change and the local one goes.
    const pushed = entry({
      key: changeKey('quote', 'q1', 't2', 'user-alex'),
      at: 't2',
      status: 'pending',
      what: 'Status inProgress → pending',
    });
    const merged = mergeTimeline([...central, pushed], localEntries('quote', doc, central, 'user-alex', 'dev-1'));
    expect(merged.map((e) => e.what)).toEqual(['Changed items', 'Status inProgress → pending']);
  });

  it('tells a record made offline and a conflict copy; a synced record adds nothing', () => {
    const made = localEntries('order', { id: 'o1', updatedAt: 't5', syncPending: true, status: 'draft' }, [], 'user-alex', undefined);
    expect(made.map((e) => e.what)).toEqual(['Created on this laptop, not synced yet']);
    const copy = JSON.stringify({ $conflict: 2, mine: { updatedAt: 't3' }, base: {} });
    const kept = localEntries('quote', { id: 'q1', updatedAt: 't4', conflictCopy: copy }, central, 'user-alex', 'dev-1');
    expect(kept).toEqual([expect.objectContaining({ at: 't3', what: expect.stringContaining('kept aside') })]);
    expect(localEntries('quote', { id: 'q1', updatedAt: 't1' }, central, 'user-alex', 'dev-1')).toEqual([]);
  });
});

describe('labels', () => {
  it('says who and on which device', () => {
    expect(actorLabel({ actor: 'user-alex', deviceId: 'dev-000001' }, 'dev-000001', 'user-alex')).toBe('You on this laptop');
    expect(actorLabel({ actor: 'user-morgan', deviceId: 'dev-abcdef123456' }, 'dev-1', 'user-alex')).toBe(
      'user-morgan on another device (…123456)',
    );
    expect(actorLabel({ actor: null }, 'dev-1')).toBe('Central system');
    expect(recordLabel({ kind: 'quote', version: 3 })).toBe('Quote version 3');
    expect(recordLabel({ kind: 'order' })).toBe('Order');
  });
});
