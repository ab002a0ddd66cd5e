import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { falloutReason, nextSteps, parseFallout, partialReason } from './fallout';

describe('fall-out reasons', () => {
  it('names the line and why, and reads back what it wrote', () => {
    const text = falloutReason('held', { id: '01', name: 'Business Fibre Internet' }, 'the site survey found no free duct capacity');
    expect(text).toBe('Held on line 01 (Business Fibre Internet): the site survey found no free duct capacity');
    expect(parseFallout(text)).toEqual({
      kind: 'held',
      lineIds: ['01'],
      deliveredLineIds: [],
      why: 'the site survey found no free duct capacity',
    });
    expect(parseFallout(falloutReason('pending', { id: '02', name: 'Mobile Business' }, 'confirm the address'))).toMatchObject({
      kind: 'pending',
      lineIds: ['02'],
    });
  });

  it('says which lines of a partial order were delivered and which failed', () => {
    const text = partialReason(
      [
        { line: { id: '01', name: 'Fibre' }, delivered: true },
        { line: { id: '02', name: 'Mobile Business' }, delivered: false },
      ],
      'the SIM cards could not be activated',
    );
    expect(text).toBe(
      'Partially completed: line 01 (Fibre) delivered; line 02 (Mobile Business) failed: the SIM cards could not be activated',
    );
    expect(parseFallout(text)).toEqual({
      kind: 'partial',
      lineIds: ['02'],
      deliveredLineIds: ['01'],
      why: 'the SIM cards could not be activated',
    });
  });

  it('reads no fall-out from any other reason', () => {
    expect(parseFallout(undefined)).toBeUndefined();
    expect(parseFallout('Held: order treatment is blocked by an issue')).toBeUndefined();
    expect(parseFallout('In progress: order treatment started')).toBeUndefined();
  });

  it('round-trips any line and reason (property)', () => {
    const safe = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes(')') && !s.includes('('));
    fc.assert(
      fc.property(
        fc.constantFrom('held', 'pending', 'failed' as const),
        fc.integer({ min: 1, max: 99 }),
        safe,
        fc.string(),
        (kind, n, name, why) => {
          const id = String(n).padStart(2, '0');
          expect(parseFallout(falloutReason(kind, { id, name }, why))).toEqual({ kind, lineIds: [id], deliveredLineIds: [], why });
        },
      ),
    );
  });

  it('round-trips a partial order whose line names have brackets of their own (property)', () => {
    // Any name but the separators the reason itself uses; catalog names such as "Business Voice (SIP trunk)" included.
    const name = fc
      .string({ minLength: 1, maxLength: 30 })
      .map((text) => (text.length % 2 === 0 ? `${text} (${text.slice(0, 3)})` : text))
      .filter((text) => !/\): |\) (delivered|failed)|; line /.test(text));
    const why = fc.string().filter((text) => !text.includes('line '));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.boolean()), { minLength: 2, maxLength: 6 }), why, (lines, because) => {
        const outcomes = lines.map(([lineName, delivered], i) => ({
          line: { id: String(i + 1).padStart(2, '0'), name: lineName },
          delivered,
        }));
        expect(parseFallout(partialReason(outcomes, because))).toEqual({
          kind: 'partial',
          lineIds: outcomes.filter((o) => !o.delivered).map((o) => o.line.id),
          deliveredLineIds: outcomes.filter((o) => o.delivered).map((o) => o.line.id),
          why: because,
        });
      }),
    );
  });

  it('offers the next step the status allows', () => {
    expect(nextSteps('pending', undefined).map((s) => s.kind)).toEqual(['answerInformation', 'supplementalOrder']);
    expect(nextSteps('partial', undefined).map((s) => s.kind)).toEqual(['acceptPartial', 'supplementalOrder']);
    expect(nextSteps('partial', undefined, true).map((s) => s.kind)).toEqual(['supplementalOrder']);
    expect(nextSteps('held', undefined).map((s) => s.kind)).toEqual(['waitForOperations', 'supplementalOrder']);
    expect(nextSteps('failed', undefined).map((s) => s.kind)).toEqual(['newOrder']);
    expect(nextSteps('completed', undefined)).toEqual([]);
  });
});
