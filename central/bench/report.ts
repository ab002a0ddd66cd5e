/**
 * The benchmark's table: figures per engine and scenario, and side by side their ratios to two
 * baselines - the same engine's pull-only scenario, and PGlite's figure for the same scenario.
 */
import type { EngineName } from './engines';
import type { LoadResult } from './loadWorker';
import { SCENARIO_TITLES, type ScenarioName } from './scenarios';

export interface Measured {
  engine: EngineName;
  scenario: ScenarioName;
  connections: number;
  result: LoadResult;
}

const rate = (measured: Measured) => measured.result.requests / measured.result.seconds;

function ratio(value: number, baseline: number | undefined): string {
  if (baseline === undefined || !Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return '-';
  return `${(value / baseline).toFixed(2)}x`;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '-');

export function reportTable(rows: readonly Measured[]): string {
  const find = (engine: EngineName, scenario: ScenarioName) => rows.find((row) => row.engine === engine && row.scenario === scenario);
  const header = [
    'engine',
    'scenario',
    'conns',
    'requests',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'failed',
    'refused rows',
    'req/s vs pull',
    'p95 vs pull',
    'req/s vs PGlite',
    'p95 vs PGlite',
  ];
  const lines = rows.map((row) => {
    const pull = find(row.engine, 'pull');
    const pglite = row.engine === 'PGlite' ? undefined : find('PGlite', row.scenario);
    return [
      row.engine,
      `${row.scenario}: ${SCENARIO_TITLES[row.scenario]}`,
      String(row.connections),
      String(row.result.requests),
      rate(row).toFixed(0),
      ms(row.result.p50),
      ms(row.result.p95),
      ms(row.result.p99),
      String(row.result.failed),
      String(row.result.refusedRows),
      row.scenario === 'pull' ? 'baseline' : ratio(rate(row), pull && rate(pull)),
      row.scenario === 'pull' ? 'baseline' : ratio(row.result.p95, pull?.result.p95),
      row.engine === 'PGlite' ? 'baseline' : ratio(rate(row), pglite && rate(pglite)),
      row.engine === 'PGlite' ? 'baseline' : ratio(row.result.p95, pglite?.result.p95),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (line: readonly string[]) =>
    line.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...lines.map(format)].join('\n');
}
