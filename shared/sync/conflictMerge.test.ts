import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYNC_META_FIELDS } from '../schemas/common';
import { makeLead, makeLine, makeOrder } from '../testing/docs.fixture';
import { conflictCopyOf } from './conflict';
import { conflictChoices, mergeConflict, parseConflictCopy, sameValue, type Side } from './conflictMerge';

const META: readonly string[] = [...SYNC_META_FIELDS, '_rev', '_meta', '_attachments'];

/** A master document and a rep's version of it, as the conflict handler would keep them. */
const conflictPair = fc
  .record({
    company: fc.string(),
    contactName: fc.string(),
    phone: fc.option(fc.string(), { nil: undefined }),
    purchaseAmount: fc.nat(),
    status: fc.constantFrom('acknowledged', 'inProgress', 'accepted'),
  })
  .chain((theirsFields) =>
    fc.record({
      theirs: fc.constant({ ...makeLead(theirsFields), syncPending: false, updatedAt: '2024-05-06T09:00:00Z', _rev: '3-m' }),
      mineFields: fc.record({
        company: fc.string(),
        phone: fc.option(fc.string(), { nil: undefined }),
        purchaseAmount: fc.nat(),
        note: fc.option(fc.string(), { nil: undefined }),
      }),
    }),
  )
  .map(({ theirs, mineFields }) => {
    const local = {
      ...theirs,
      ...mineFields,
      syncPending: true,
      updatedAt: '2024-05-06T09:30:00Z',
      owner: 'someone-else',
      syncError: { reason: 'x', at: 'y' },
    };
    const mine = parseConflictCopy(conflictCopyOf(local, theirs));
    if (!mine.ok) throw new Error('conflictCopyOf always writes a JSON object');
    return { theirs: theirs as Record<string, unknown>, mine: mine.mine };
  });

function repFields(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k, v]) => !META.includes(k) && v !== undefined));
}

describe('mergeConflict', () => {
  it("all mine: the result holds exactly the rep's fields from the copy", () => {
    fc.assert(
      fc.property(conflictPair, ({ theirs, mine }) => {
        const merged = mergeConflict(theirs, mine, {}, 'mine');
        expect(sameValue(repFields(merged), repFields({ ...mine, id: theirs['id'] }))).toBe(true);
      }),
    );
  });

  it('all theirs: the result is the master, without the conflict copy', () => {
    fc.assert(
      fc.property(conflictPair, ({ theirs, mine }) => {
        const withCopy = { ...theirs, conflictCopy: JSON.stringify(mine) };
        const { conflictCopy: _copy, ...master } = withCopy;
        expect(mergeConflict(withCopy, mine, {}, 'theirs')).toEqual(master);
      }),
    );
  });

  it('per-field picks take exactly the chosen side for every field of the choice', () => {
    fc.assert(
      fc.property(conflictPair, fc.func(fc.constantFrom<Side>('mine', 'theirs')), ({ theirs, mine }, pick) => {
        const choices = conflictChoices(theirs, mine);
        const picks = Object.fromEntries(choices.map((c) => [c.key, pick(c.key)]));
        const merged = mergeConflict(theirs, mine, picks);
        for (const choice of choices) {
          const side = picks[choice.key] === 'mine' ? mine : theirs;
          for (const field of choice.fields) expect(sameValue(merged[field], side[field])).toBe(true);
        }
      }),
    );
  });

  it('never takes sync meta fields or the id from the copy, even when the copy carries them', () => {
    fc.assert(
      fc.property(conflictPair, fc.dictionary(fc.constantFrom(...META, 'id'), fc.string()), ({ theirs, mine }, forged) => {
        const merged = mergeConflict(theirs, { ...mine, ...forged }, {}, 'mine');
        for (const field of [...META, 'id'].filter((f) => f !== 'conflictCopy')) expect(merged[field]).toEqual(theirs[field]);
        expect(merged).not.toHaveProperty('conflictCopy');
      }),
    );
  });

  it("keeps an order's lines, totals and catalog version together as one choice, and its server fields from the master", () => {
    const theirs = { ...makeOrder({ status: 'acknowledged', tmfOrderId: 'PO-1', stateReason: 'Accepted' }) } as Record<string, unknown>;
    const mineOrder = makeOrder({
      items: [makeLine(), makeLine({ id: 'line-2', oneTime: 100, recurring: 200 })],
      catalogVersion: '2024.06',
    });
    const parsed = parseConflictCopy(conflictCopyOf(mineOrder, theirs));
    if (!parsed.ok) throw new Error('copy is JSON');
    const lines = conflictChoices(theirs, parsed.mine).find((c) => c.key === 'items');
    expect(lines).toMatchObject({ key: 'items', fields: ['items', 'catalogVersion', 'totals'], differs: true });
    const merged = mergeConflict(theirs, parsed.mine, { items: 'mine' });
    expect(merged['items']).toEqual(mineOrder.items);
    expect(merged['totals']).toEqual(mineOrder.totals);
    expect(merged).toMatchObject({ status: 'acknowledged', tmfOrderId: 'PO-1', stateReason: 'Accepted' });
  });

  it('returns a copy that is not a JSON object raw', () => {
    expect(parseConflictCopy('not json')).toEqual({ ok: false, raw: 'not json' });
    expect(parseConflictCopy('[1]')).toEqual({ ok: false, raw: '[1]' });
  });
});
