import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, childrenOf, possibleParents, type HierarchyNode } from './hierarchy';

const TREE: HierarchyNode[] = [
  { id: 'group' },
  { id: 'west', parentAccountId: 'group' },
  { id: 'east', parentAccountId: 'group' },
  { id: 'depot', parentAccountId: 'west' },
];

describe('account hierarchy', () => {
  it('finds children and the chain to the top', () => {
    expect(childrenOf(TREE, 'group').map((a) => a.id)).toEqual(['west', 'east']);
    expect(ancestorsOf(TREE, 'depot').map((a) => a.id)).toEqual(['west', 'group']);
    expect(ancestorsOf(TREE, 'group')).toEqual([]);
  });

  it('never offers an account itself or one below it as its parent', () => {
    expect(possibleParents(TREE, 'west').map((a) => a.id)).toEqual(['group', 'east']);
    expect(possibleParents(TREE, undefined)).toHaveLength(4);
  });

  it('ends on any parent links, loops and missing parents included, and never lists an account twice', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const accounts = fc.array(
      fc.record({ id: fc.constantFrom(...ids), parentAccountId: fc.option(fc.constantFrom(...ids, 'gone'), { nil: undefined }) }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(accounts, fc.constantFrom(...ids), (list, id) => {
        const unique = [...new Map(list.map((a) => [a.id, a])).values()];
        const chain = ancestorsOf(unique, id).map((a) => a.id);
        expect(new Set(chain).size).toBe(chain.length);
        expect(chain).not.toContain(id);
        // Choosing any offered parent keeps the hierarchy free of loops through `id`.
        for (const parent of possibleParents(unique, id)) {
          const next = unique.map((a) => (a.id === id ? { ...a, parentAccountId: parent.id } : a));
          expect(ancestorsOf(next, parent.id).map((a) => a.id)).not.toContain(id);
        }
      }),
    );
  });
});
