import { describe, expect, it } from 'vitest';
import { makeLead } from '../../testing/docs.fixture';
import { ownerOf, type Actor } from '../../machines/send';
import { differingFields, mergeLeads } from './merge';

const rep: Actor = ownerOf({ owner: 'rep-1' });
const NOW = '2026-12-01T10:00:00.000Z';

describe('merging two leads', () => {
  const survivor = makeLead({ id: 'keep', phone: undefined });
  const other = makeLead({ id: 'away', company: 'ACME Corp.', phone: '+1 555 010 2000', purchaseAmount: 90000 });

  it('keeps the chosen value of each differing field on the survivor and closes the other with a reason', () => {
    expect(differingFields(survivor, other)).toEqual(['company', 'phone', 'purchaseAmount']);
    const merged = mergeLeads(survivor, other, { phone: 'other', purchaseAmount: 'other' }, rep, NOW);
    expect(merged.survivor).toMatchObject({
      id: 'keep',
      company: 'Acme Corp',
      phone: '+1 555 010 2000',
      purchaseAmount: 90000,
      status: 'acknowledged',
      syncPending: true,
    });
    expect(merged.closed).toMatchObject({ id: 'away', status: 'cancelled', statusChangeReason: 'Merged into lead Acme Corp (keep)' });
  });

  it('refuses through the lead machine when the other lead is not open any more', () => {
    expect(() => mergeLeads(survivor, { ...other, status: 'accepted' }, {}, rep, NOW)).toThrow();
  });
});
