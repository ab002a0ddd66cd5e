import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PushItem } from './pushInput';
import { rounds } from './pushBatch';

const item = (id: string): PushItem => ({ kind: 'row', row: { newDocumentState: { id, _deleted: false }, assumedMasterState: undefined } });
const idOf = (entry: { item: PushItem }) => (entry.item.kind === 'row' ? entry.item.row.newDocumentState.id : entry.item.doc.id);

describe('rounds of a push batch', () => {
  it('keeps every row once, in order, and never one id twice in a round', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), (ids) => {
        const split = rounds(ids.map(item));
        expect(split.flat().map((entry) => entry.index)).toEqual(ids.map((_, index) => index));
        for (const round of split) expect(new Set(round.map(idOf)).size).toBe(round.length);
      }),
    );
  });

  it('writes a batch of distinct ids in one round', () => {
    expect(rounds(['a', 'b', 'c'].map(item))).toHaveLength(1);
  });
});
