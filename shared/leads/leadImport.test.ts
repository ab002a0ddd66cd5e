import { describe, expect, it } from 'vitest';
import { REP } from '../testing/actors';
import { guessMapping, importLeadId, importSlice, summarise, unmappedRequired } from './leadImport';
import { VISION_RULE_SETS } from './vision.ruleSets';

const HEADERS = [
  '\uFEFFCompany Name',
  'Contact',
  'E-mail',
  'Phone',
  'Country',
  'Product_Category',
  'Purchase Timeframe',
  'Amount',
  'Budget status',
  'Lead Source',
];
const GOOD = [
  'Acme Corp',
  'Jane Doe',
  'jane@acme.example',
  '',
  'united states',
  'laptops',
  '1-3 months',
  '$60,000',
  'approved',
  'Road show',
];

let counter = 0;
const ctx = { owner: 'rep-1', now: '2026-12-01T10:00:00.000Z', ruleSets: VISION_RULE_SETS, actor: REP, newId: () => `lead-${++counter}` };

describe('lead import', () => {
  it('guesses the mapping from Excel-style headers, and names required fields no column gives', () => {
    const mapping = guessMapping(HEADERS);
    expect(mapping).toEqual({
      company: 0,
      contactName: 1,
      email: 2,
      phone: 3,
      country: 4,
      productCategory: 5,
      purchaseTimeframe: 6,
      purchaseAmount: 7,
      budgetStatus: 8,
      source: 9,
    });
    expect(unmappedRequired(mapping)).toEqual([]);
    expect(unmappedRequired(guessMapping(['Company', 'Email']))).toEqual([
      'Contact name',
      'Country',
      'Product category',
      'Purchase timeframe',
      'Purchase amount',
      'Budget status',
      'Source',
    ]);
  });

  it('imports a valid row as a processed lead, spelled as the form spells it', () => {
    const { leads, problems, next } = importSlice([GOOD], guessMapping(HEADERS), ctx);
    expect(problems).toEqual([]);
    expect(next).toBe(1);
    expect(leads).toEqual([
      expect.objectContaining({
        owner: 'rep-1',
        country: 'US',
        productCategory: 'Laptops',
        budgetStatus: 'Approved',
        purchaseAmount: 60000,
        status: 'inProgress',
        qualified: true,
        rating: 'B',
        channel: 'Direct',
        syncPending: true,
      }),
    ]);
    expect(leads[0]).not.toHaveProperty('phone');
  });

  it('names the line, the column and what to fix for a bad row, and skips blank lines', () => {
    const bad = [...GOOD];
    bad[2] = 'jane-at-acme';
    bad[7] = 'lots';
    const { leads, problems } = importSlice([GOOD, ['', ' '], bad], guessMapping(HEADERS), ctx);
    expect(leads).toHaveLength(1);
    expect(problems).toEqual([
      {
        line: 4,
        messages: [
          'Email (column 3): Enter an email like name@company.com',
          'Purchase amount (column 8): Purchase amount must be a number of dollars, like 50000',
        ],
      },
    ]);
  });

  it('works in slices that resume where the last stopped, with the same result as one pass', () => {
    const rows = Array.from({ length: 25 }, (_, i) => (i % 5 === 4 ? GOOD.map((c, j) => (j === 0 ? '' : c)) : GOOD));
    const mapping = guessMapping(HEADERS);
    const slices = [];
    for (let from = 0; from < rows.length;) {
      const slice = importSlice(rows, mapping, ctx, from, 7);
      slices.push(slice);
      from = slice.next;
    }
    expect(slices).toHaveLength(4);
    expect(summarise(rows.length, slices)).toEqual({ rows: 25, imported: 20, withProblems: 5, qualified: 20 });
    expect(slices.flatMap((s) => s.problems.map((p) => p.line))).toEqual([6, 11, 16, 21, 26]);
  });

  it('gives a lead the same id whenever the same line of the same file is imported, so a resumed import duplicates nothing', () => {
    const byLine = { ...ctx, newId: (line: number) => importLeadId('digest-of-file', line) };
    const first = importSlice([GOOD, GOOD], guessMapping(HEADERS), byLine).leads.map((l) => l.id);
    const again = importSlice([GOOD, GOOD], guessMapping(HEADERS), byLine).leads.map((l) => l.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(2);
    expect(importLeadId('another file', 2)).not.toBe(first[0]);
  });
});
