/** The base of a conflict: kept with the rep's version, shown beside both, and the three-way suggestion it allows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeLead } from '../testing/docs.fixture';
import { conflictCopyOf, resolveConflict } from './conflict';
import { conflictChoices, mergeConflict, parseConflictCopy, sameValue } from './conflictMerge';

const NOW = '2024-05-06T10:00:00Z';
const value = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined });
/** Base, the central system's change of it and the rep's change of it, over a few rep fields. */
const threeWay = fc
  .record({
    base: fc.record({ phone: value, email: value, company: fc.constantFrom('X', 'Y') }),
    theirs: fc.record({ phone: value, email: value, company: fc.constantFrom('X', 'Y') }),
    mine: fc.record({ phone: value, email: value, company: fc.constantFrom('X', 'Y') }),
  })
  .map(({ base, theirs, mine }) => {
    const at = (fields: object, rev: string) =>
      ({ ...makeLead({}), ...fields, syncPending: false, updatedAt: NOW, _rev: rev }) as Record<string, unknown>;
    return { base: at(base, '1-b'), theirs: at(theirs, '2-t'), mine: { ...at(mine, '2-m'), syncPending: true } as Record<string, unknown> };
  });

describe('the base of a conflict', () => {
  it('is kept in the conflict copy beside the rep version, and both come back intact', () => {
    fc.assert(
      fc.property(threeWay, ({ base, theirs, mine }) => {
        const resolved = resolveConflict({ newDocumentState: mine, realMasterState: theirs, assumedMasterState: base }, NOW);
        if (resolved === theirs) return;
        const parsed = parseConflictCopy(String(resolved['conflictCopy']));
        if (!parsed.ok) throw new Error('the copy is a JSON object');
        expect(parsed.mine).toEqual(JSON.parse(conflictCopyOf(mine, theirs)));
        expect(parsed.base).toEqual(JSON.parse(conflictCopyOf(base, theirs)));
      }),
    );
  });

  it('is null for copies kept without one (older copies, no base known)', () => {
    const parsed = parseConflictCopy('{"company":"Acme"}');
    expect(parsed).toEqual({ ok: true, mine: { company: 'Acme' }, base: null });
  });

  it('lets the suggested merge take the rep value where only the rep changed a field, the central one otherwise', () => {
    fc.assert(
      fc.property(threeWay, ({ base, theirs, mine }) => {
        const parsed = parseConflictCopy(
          String(
            resolveConflict({ newDocumentState: mine, realMasterState: theirs, assumedMasterState: base }, NOW)['conflictCopy'] ??
              conflictCopyOf(mine, theirs),
          ),
        );
        if (!parsed.ok) throw new Error('the copy is a JSON object');
        const choices = conflictChoices(theirs, parsed.mine, parsed.base);
        const merged = mergeConflict(theirs, parsed.mine, Object.fromEntries(choices.map((c) => [c.key, c.suggested])));
        for (const field of ['phone', 'email', 'company']) {
          const onlyMine = !sameValue(mine[field], base[field]) && sameValue(theirs[field], base[field]);
          expect(sameValue(merged[field], onlyMine ? mine[field] : theirs[field])).toBe(true);
        }
      }),
    );
  });

  it('names who changed each field', () => {
    const base = makeLead({ phone: '1', email: 'a@x', company: 'Base' }) as unknown as Record<string, unknown>;
    const theirs = { ...base, email: 'b@x', company: 'Theirs' };
    const mine = { ...base, phone: '2', company: 'Mine' };
    const by = Object.fromEntries(conflictChoices(theirs, mine, base).map((c) => [c.key, c.changedBy]));
    expect(by).toMatchObject({ phone: 'you', email: 'central', company: 'both' });
    expect(conflictChoices(theirs, mine).find((c) => c.key === 'phone')?.changedBy).toBe('unknown');
  });
});
