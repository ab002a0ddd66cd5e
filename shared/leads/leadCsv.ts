/**
 * A CSV file's text as rows of cells, with Papa Parse: quoted cells, embedded newlines, the
 * delimiter guessed (Excel in many locales writes ';'), a UTF-8 BOM dropped. Parse problems are
 * reported by line, in words, beside whatever rows could be read.
 */
import Papa from 'papaparse';

export interface ParsedCsv {
  headers: string[];
  rows: string[][];
  /** "Line 7: a quoted cell is never closed". */
  problems: string[];
}

const WORDS: Record<string, string> = {
  MissingQuotes: 'a quoted cell is never closed',
  InvalidQuotes: 'a quote sits inside a cell that is not quoted',
  UndetectableDelimiter: 'no delimiter found; the file is read as one column',
  TooFewFields: 'fewer cells than the header',
  TooManyFields: 'more cells than the header',
};

export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const [headers = [], ...rows] = result.data;
  const problems = result.errors
    .filter((e) => e.code !== 'UndetectableDelimiter' || headers.length <= 1)
    .map((e) => `${e.row === undefined ? 'File' : `Line ${e.row + 1}`}: ${WORDS[e.code] ?? e.message}`);
  return { headers, rows, problems };
}
