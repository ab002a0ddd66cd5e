import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeLead } from '../../testing/docs.fixture';
import { ownerOf, type Actor } from '../../machines/send';
import type { LeadDoc } from '../../schemas';
import { differingFields, MERGE_FIELDS, mergeLeads, type MergeChoices } from './merge';

const rep: Actor = ownerOf({ owner: 'rep-1' });
const NOW = '2026-12-01T10:00:00.000Z';

describe('merging two leads', () => {
  const survivor = makeLead({ id: 'keep', phone: undefined });
  const other = makeLead({ id: 'away', company: 'ACME Corp.', phone: '+1 555 010 2000', purchaseAmount: 90000 });

  it('keeps the chosen value of each differing field on the survivor, records where it came from, and closes the other with a reason', () => {
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
    expect(merged.survivor.mergeHistory).toEqual([
      expect.objectContaining({
        leadId: 'away',
        mergedBy: 'rep-1',
        taken: ['phone', 'purchaseAmount'],
        replaced: { purchaseAmount: 60000 },
      }),
    ]);
    expect(merged.closed).toMatchObject({
      id: 'away',
      status: 'cancelled',
      mergedIntoId: 'keep',
      statusChangeReason: 'Merged into lead Acme Corp (keep)',
    });
  });

  it('keeps a lead typed in the form and never saved in the history only', () => {
    const merged = mergeLeads(survivor, other, { company: 'other' }, rep, NOW, { otherStored: false });
    expect(merged.closed).toBeNull();
    expect(merged.survivor.company).toBe('ACME Corp.');
    expect(merged.survivor.mergeHistory?.[0]?.values.phone).toBe('+1 555 010 2000');
  });

  it('refuses through the lead machine when the other lead is not open any more', () => {
    expect(() => mergeLeads(survivor, { ...other, status: 'accepted' }, {}, rep, NOW)).toThrow();
  });
});

const text = fc.option(fc.string({ maxLength: 12 }), { nil: undefined });
const leadArb = (id: string): fc.Arbitrary<LeadDoc> =>
  fc
    .record({
      company: fc.string({ maxLength: 12 }),
      contactName: fc.string({ maxLength: 12 }),
      email: text,
      phone: text,
      country: fc.constantFrom('US', 'GB', 'DE'),
      productCategory: fc.constantFrom('Laptops', 'Servers'),
      purchaseTimeframe: fc.constantFrom('Within 1 month', '1-3 months'),
      purchaseAmount: fc.integer({ min: 0, max: 1_000_000 }),
      budgetStatus: fc.constantFrom('Approved', 'Not approved'),
      source: fc.constantFrom('Road show', 'Web'),
      status: fc.constantFrom('acknowledged' as const, 'inProgress' as const, 'pending' as const),
    })
    .map((fields) => {
      const lead = makeLead({ id, ...fields });
      // fc.option gives undefined: a lead without that field, as stored.
      for (const field of ['email', 'phone'] as const) if (lead[field] === undefined) delete lead[field];
      return lead;
    });
const choicesArb: fc.Arbitrary<MergeChoices> = fc.dictionary(
  fc.constantFrom(...MERGE_FIELDS),
  fc.constantFrom('survivor' as const, 'other' as const),
) as fc.Arbitrary<MergeChoices>;

describe('merge properties', () => {
  it('loses no value: every value of either side is on the survivor or in its merge history', () => {
    fc.assert(
      fc.property(leadArb('keep'), leadArb('away'), choicesArb, fc.boolean(), (survivor, other, choices, otherStored) => {
        const { survivor: merged } = mergeLeads(survivor, other, choices, rep, NOW, { otherStored });
        const entry = merged.mergeHistory?.at(-1);
        expect(entry?.leadId).toBe('away');
        for (const field of MERGE_FIELDS) {
          for (const side of [survivor, other]) {
            const value = side[field];
            if (value === undefined) continue;
            expect([merged[field], entry?.values[field], entry?.replaced[field]], `${field} of ${side.id}`).toContain(value);
          }
        }
      }),
    );
  });

  it('takes exactly the chosen differing values, and says so', () => {
    fc.assert(
      fc.property(leadArb('keep'), leadArb('away'), choicesArb, (survivor, other, choices) => {
        const { survivor: merged, closed } = mergeLeads(survivor, other, choices, rep, NOW);
        const taken = merged.mergeHistory?.at(-1)?.taken ?? [];
        for (const field of MERGE_FIELDS) {
          const fromOther = taken.includes(field);
          expect(merged[field]).toBe(fromOther ? other[field] : survivor[field]);
          if (fromOther) expect(choices[field]).toBe('other');
        }
        expect(closed?.mergedIntoId).toBe('keep');
        expect(closed?.status).toBe('cancelled');
      }),
    );
  });
});
