/**
 * Properties of the dedup engine: whatever the records, the comparison is symmetric, blind to
 * how a name or number is written, a record always matches a copy of itself, and unrelated
 * random records rarely match.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRecords, DedupIndex, LIKELY_DUPLICATE, type DedupRecord } from './dedup';
import { SimilarityBound, jaroWinkler } from './similarity';

const word = fc.stringMatching(/^[a-z]{3,10}$/);
const recordArb: fc.Arbitrary<DedupRecord> = fc.record(
  {
    kind: fc.constantFrom('lead' as const, 'contact' as const, 'account' as const),
    id: fc.uuid(),
    company: fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
    personName: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
    email: fc.tuple(word, word).map(([a, b]) => `${a}@${b}.com`),
    phone: fc.stringMatching(/^[1-9][0-9]{9}$/),
    addresses: fc.array(
      fc.record({
        street: fc.tuple(fc.integer({ min: 1, max: 999 }), word).map(([n, w]) => `${n} ${w} Street`),
        postcode: fc.stringMatching(/^[0-9]{5}$/),
      }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['kind', 'id'] },
);

/** The same record as another rep might type it: other case, spacing, punctuation, accents, legal form, phone format. */
function retyped(record: DedupRecord): DedupRecord {
  const shout = (s: string) => `  ${s.toUpperCase().replace(/ /g, ' , ')} `;
  return {
    ...record,
    id: `${record.id}-copy`,
    ...(record.company === undefined ? {} : { company: `${shout(record.company).replace(/E/g, 'É')} Inc.` }),
    ...(record.personName === undefined ? {} : { personName: record.personName.split(' ').reverse().join(', ').toUpperCase() }),
    ...(record.email === undefined ? {} : { email: ` ${record.email.toUpperCase()} ` }),
    ...(record.phone === undefined
      ? {}
      : { phone: `+1 (${record.phone.slice(0, 3)}) ${record.phone.slice(3, 6)}-${record.phone.slice(6)}` }),
    ...(record.addresses === undefined
      ? {}
      : { addresses: record.addresses.map((a) => ({ ...a, street: (a.street ?? '').replace('Street', 'st.').toUpperCase() })) }),
  };
}

describe('dedup engine properties', () => {
  it('compares symmetrically: a with b is b with a', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        expect(compareRecords(a, b)).toEqual(compareRecords(b, a));
      }),
    );
  });

  it('Jaro-Winkler is symmetric, within 0..1, and 1 only for equal texts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBe(jaroWinkler(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (a !== b) expect(s).toBeLessThan(1);
      }),
    );
  });

  it('is blind to how a record is written: a retyped copy compares to others as the original does', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        expect(compareRecords(retyped(a), b)).toEqual(compareRecords(a, b));
      }),
    );
  });

  it('a record with anything to compare always matches a copy of itself, found through the index', () => {
    fc.assert(
      fc.property(recordArb, fc.array(recordArb, { maxLength: 20 }), (record, others) => {
        fc.pre(record.company !== undefined || record.email !== undefined || record.phone !== undefined);
        const copy = retyped(record);
        const index = DedupIndex.of([...others, copy]);
        const found = index.duplicatesOf(record).find((m) => m.id === copy.id && m.kind === copy.kind);
        expect(found?.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
      }),
    );
  });

  it('the index finds only what the pairwise comparison calls a likely duplicate, with the same fields and score', () => {
    fc.assert(
      fc.property(recordArb, fc.array(recordArb, { maxLength: 30 }), (record, others) => {
        const index = DedupIndex.of(others);
        for (const match of index.duplicatesOf(record)) {
          const other = others.filter((o) => o.id === match.id && o.kind === match.kind).at(-1);
          expect(other).toBeDefined();
          const pair = compareRecords(record, other as DedupRecord);
          expect(pair.score).toBe(match.score);
          expect(pair.fields).toEqual(match.fields);
        }
      }),
    );
  });

  it('the cheap bound never rules out a pair Jaro-Winkler calls similar', () => {
    const near = fc.tuple(fc.stringMatching(/^[a-z ]{0,16}$/), fc.nat(), fc.stringMatching(/^[a-z]{0,2}$/)).map(([text, at, typo]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      return [text, `${text.slice(0, i)}${typo}${text.slice(i + 1)}`] as const;
    });
    fc.assert(
      fc.property(fc.oneof(near, fc.tuple(fc.string(), fc.string())), fc.double({ min: 0, max: 1, noNaN: true }), ([a, b], threshold) => {
        if (jaroWinkler(a, b) >= threshold) expect(new SimilarityBound(a, threshold).mayReach(b)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a copy with a typo in the company after its first four letters and the same contact, among any others', () => {
    fc.assert(
      fc.property(recordArb, fc.array(recordArb, { maxLength: 30 }), fc.nat(), (record, others, at) => {
        const company = `${record.company ?? 'northwind'} traders`;
        const i = 4 + (at % (company.length - 4));
        const typo = company[i] === 'x' ? 'y' : 'x';
        const copy: DedupRecord = {
          kind: 'lead',
          id: 'copy',
          company: `${company.slice(0, i)}${typo}${company.slice(i + 1)}`,
          personName: record.personName ?? 'dana reyes',
        };
        const subject: DedupRecord = { kind: 'lead', id: 'subject', company, personName: copy.personName };
        const expected = compareRecords(subject, copy);
        fc.pre(expected.score >= LIKELY_DUPLICATE);
        const found = DedupIndex.of([...others, copy]).duplicatesOf(subject);
        expect(found.find((m) => m.id === 'copy')).toMatchObject({ score: expected.score, fields: expected.fields });
      }),
    );
  });

  it('unrelated random records rarely match (under 1 in 100 pairs)', () => {
    const pairs = fc.sample(fc.tuple(recordArb, recordArb), 2000);
    const matched = pairs.filter(([a, b]) => compareRecords(a, b).score >= LIKELY_DUPLICATE).length;
    expect(matched / pairs.length).toBeLessThan(0.01);
  });
});
