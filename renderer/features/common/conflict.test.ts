import { describe, expect, it } from 'vitest';
import { conflictDifferences, fieldLabel } from './conflict';

describe('conflictDifferences', () => {
  it('lists the fields the other version has differently, ignoring bookkeeping', () => {
    const current = { id: 'o1', status: 'acknowledged', billingAccount: 'BA-2', updatedAt: 'x', syncPending: false };
    const copy = JSON.stringify({ id: 'o1', status: 'queued', billingAccount: 'BA-1', updatedAt: 'y', syncPending: true });
    const result = conflictDifferences(current, copy);
    expect(result).toEqual({
      ok: true,
      differences: [
        { field: 'billingAccount', other: 'BA-1', current: 'BA-2' },
        { field: 'status', other: 'queued', current: 'acknowledged' },
      ],
    });
  });

  it('shows nested values as JSON and missing ones as a dash', () => {
    const result = conflictDifferences({ serviceAddress: { city: 'Leeds' } }, JSON.stringify({ serviceAddress: { city: 'York' }, note: 'hi' }));
    expect(result.ok && result.differences).toEqual([
      { field: 'note', other: 'hi', current: '—' },
      { field: 'serviceAddress', other: '{"city":"York"}', current: '{"city":"Leeds"}' },
    ]);
  });

  it('keeps a copy that is not a JSON object as raw text', () => {
    expect(conflictDifferences({}, 'not json')).toEqual({ ok: false, raw: 'not json' });
    expect(conflictDifferences({}, '[1]')).toEqual({ ok: false, raw: '[1]' });
  });

  it('labels fields in words', () => {
    expect(fieldLabel('purchaseAmount')).toBe('Purchase amount');
  });
});
