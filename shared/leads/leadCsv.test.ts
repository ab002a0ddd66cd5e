import { describe, expect, it } from 'vitest';
import { REP } from '../testing/actors';
import { parseCsv } from './leadCsv';
import { guessMapping, importSlice, summarise } from './leadImport';
import { VISION_RULE_SETS } from './vision.ruleSets';

/** 2,000 keeps CI lean; the 10,000-row timing is taken with this set to 10000 (docs/ARCHITECTURE.md). */
const ROWS = 2000;

describe('parseCsv (Papa Parse)', () => {
  it('reads an Excel export: BOM, semicolons, quoted cells with delimiters and newlines, CRLF', () => {
    const text = '\uFEFFCompany;Contact name;Notes\r\n"Acme; Inc";Jane Doe;"two\r\nlines"\r\nGlobex;John Roe;\r\n\r\n';
    expect(parseCsv(text)).toEqual({
      headers: ['Company', 'Contact name', 'Notes'],
      rows: [
        ['Acme; Inc', 'Jane Doe', 'two\r\nlines'],
        ['Globex', 'John Roe', ''],
      ],
      problems: [],
    });
  });

  it('names the line of a broken quote', () => {
    const { problems } = parseCsv('Company,Contact\nAcme,Jane\n"Globex,John\n');
    expect(problems).toEqual(['Line 3: a quoted cell is never closed']);
  });

  it('imports a large file into processed leads, naming each broken row (its time is logged, never asserted)', () => {
    const header = 'Company,Contact name,Email,Phone,Country,Product category,Purchase timeframe,Purchase amount,Budget status,Source';
    const lines = Array.from({ length: ROWS }, (_, i) =>
      i % 100 === 99
        ? `Broken ${i},,not-an-email,,US,Laptops,1-3 months,lots,Approved,Web form`
        : `"Company ${i}, Inc",Rep ${i},c${i}@example.com,,US,Laptops,1-3 months,${50000 + i},Approved,Web form`,
    );
    const started = performance.now();
    const csv = parseCsv([header, ...lines].join('\n'));
    let n = 0;
    const ctx = { owner: 'rep-1', now: '2026-12-01T10:00:00.000Z', ruleSets: VISION_RULE_SETS, actor: REP, newId: () => `lead-${++n}` };
    const slice = importSlice(csv.rows, guessMapping(csv.headers), ctx);
    const ms = performance.now() - started;
    expect(summarise(csv.rows.length, [slice])).toEqual({
      rows: ROWS,
      imported: ROWS * 0.99,
      withProblems: ROWS / 100,
      qualified: ROWS * 0.99,
    });
    expect(slice.problems[0]).toEqual({
      line: 101,
      messages: [
        'Contact name (column 2): Enter the name of the person to contact',
        'Email (column 3): Enter an email like name@company.com',
        'Purchase amount (column 8): Purchase amount must be a number of dollars, like 50000',
      ],
    });
    console.info(`${ROWS} CSV rows parsed, checked and processed in ${Math.round(ms)} ms`);
  });
});
