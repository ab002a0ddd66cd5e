import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeAgainst, describeChange, discardOutcome, outboxStateOf, parseDiscarded, restoredData, retried } from './outbox';

const meta = { owner: 'u1', createdAt: 't0', updatedAt: 't1', syncPending: true, _rev: '2-a', _meta: { lwt: 1 }, _attachments: {} };

describe('outbox', () => {
  it('tells refused from waiting, refused first', () => {
    expect(outboxStateOf({ syncPending: true })).toBe('waiting');
    expect(outboxStateOf({ syncPending: false, syncError: { reason: 'no', at: 't' } })).toBe('refused');
    expect(outboxStateOf({ syncPending: true, syncError: { reason: 'no', at: 't' } })).toBe('refused');
    expect(outboxStateOf({ syncPending: false })).toBeNull();
  });

  it('names a record the central system never had as new, and otherwise the fields the rep changed, in words', () => {
    const central = { id: 'o1', ...meta, billingAccount: 'BA-1', serviceAddress: { street: '1 Main', city: 'X' }, items: [1] };
    expect(describeChange(changeAgainst(central, null))).toBe('New record');
    const local = {
      ...central,
      updatedAt: 't9',
      syncError: { reason: 'r', at: 't' },
      billingAccount: 'BA-2',
      serviceAddress: { city: 'X', street: '2 Main' },
    };
    expect(describeChange(changeAgainst(local, central))).toBe('Changed: billing account, service address');
    expect(describeChange(changeAgainst({ ...local, _deleted: true }, central))).toBe('Deleted');
    expect(describeChange(changeAgainst({ ...central, syncError: { reason: 'r', at: 't' } }, central))).toBe(
      "No field differs from the central system's copy",
    );
  });

  it('never lists sync bookkeeping as a change, whatever it holds', () => {
    fc.assert(
      fc.property(
        fc.record({ owner: fc.string(), updatedAt: fc.string(), syncPending: fc.boolean(), conflictCopy: fc.string(), _rev: fc.string() }),
        fc.dictionary(
          fc
            .string({ minLength: 1 })
            .filter(
              (k) => !k.startsWith('_') && !['owner', 'createdAt', 'updatedAt', 'syncPending', 'syncError', 'conflictCopy'].includes(k),
            ),
          fc.jsonValue(),
        ),
        (bookkeeping, data) => {
          const change = changeAgainst(
            { ...data, ...bookkeeping },
            { ...data, owner: 'x', updatedAt: 'y', syncPending: false, _rev: '1-a' },
          );
          expect(change).toEqual({ kind: 'changed', fields: [] });
        },
      ),
    );
  });

  it('retries with the same data and no refusal', () => {
    const doc = { id: 'l1', ...meta, company: 'Acme', syncError: { reason: 'no', at: 't' } };
    const { syncError: _, ...rest } = doc;
    expect(retried(doc)).toEqual(rest);
  });

  it('discards to the last accepted central state, or removes what the central system never accepted', () => {
    expect(discardOutcome(null)).toEqual({ kind: 'remove' });
    expect(discardOutcome({ id: 'o1', syncError: { reason: 'refused', at: 't' } })).toEqual({ kind: 'remove' });
    expect(discardOutcome({ id: 'o1', _deleted: true })).toEqual({ kind: 'remove' });
    expect(discardOutcome({ id: 'o1', status: 'draft', _rev: '3-x', _meta: {}, _attachments: {}, _deleted: false })).toEqual({
      kind: 'revert',
      to: { id: 'o1', status: 'draft' },
    });
  });

  it('reads back discarded versions and drops what is not one, never throwing', () => {
    const record = {
      collection: 'orders',
      id: 'o1',
      title: 'Order for Acme',
      discardedAt: 't',
      reason: 'no',
      data: { id: 'o1', street: 'x', syncError: { reason: 'no', at: 't' }, _rev: '1-a' },
    };
    expect(parseDiscarded(JSON.stringify([record, { id: 3 }, null]))).toEqual([record]);
    expect(parseDiscarded('not json')).toEqual([]);
    expect(parseDiscarded(undefined)).toEqual([]);
    expect(restoredData(record)).toEqual({ id: 'o1', street: 'x' });
  });
});
