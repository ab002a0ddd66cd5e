/**
 * The benchmark table of `npm run bench`: one row per measure, each figure next to its baseline
 * from the same run, as a ratio, with min/median/max over the runs.
 *
 *   B4 | first sync | 5.1 s (4.9–5.6) | 2.0 s (1.9–2.2) | 2.6x | target ≤ 3x | met
 */
export type BenchUnit = 'ms' | 's' | 'MB' | 'rows/s';

export interface BenchMeasure {
  /** Short id from the issue: B1, B4, B7a, B8, P1 ... */
  id: string;
  name: string;
  unit: BenchUnit;
  /** One value per run. */
  values: number[];
  /** The same-run baseline, one value per run; empty when the measure has an absolute target only. */
  baseline: number[];
  /** e.g. { ratio: 2 } for "≤ 2x the baseline", { max: 300 } for "≤ 300 ms", { min: 5000 } for "≥ 5,000 rows/s". */
  target: { ratio?: number; max?: number; min?: number };
  /** Extra facts worth printing (e.g. "longest task 84 ms"). */
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figure(value: number, unit: BenchUnit): string {
  if (unit === 's') return `${value.toFixed(2)} s`;
  if (unit === 'ms') return `${Math.round(value)} ms`;
  if (unit === 'MB') return `${Math.round(value)} MB`;
  return `${Math.round(value).toLocaleString('en-US')} rows/s`;
}

function spread(values: readonly number[], unit: BenchUnit): string {
  if (values.length === 0) return '—';
  const min = Math.min(...values);
  const max = Math.max(...values);
  return `${figure(median(values), unit)} (${figure(min, unit)}–${figure(max, unit)})`;
}

/** Whether the median meets the target, and the ratio to the baseline's median. */
export function judge(measure: BenchMeasure): { ratio: number | null; met: boolean } {
  const value = median(measure.values);
  const base = measure.baseline.length > 0 ? median(measure.baseline) : Number.NaN;
  const ratio = Number.isFinite(base) && base > 0 ? value / base : null;
  const { target } = measure;
  let met = true;
  if (target.ratio !== undefined) met &&= ratio !== null && ratio <= target.ratio;
  if (target.max !== undefined) met &&= value <= target.max;
  if (target.min !== undefined) met &&= value >= target.min;
  return { ratio, met };
}

function targetText(target: BenchMeasure['target'], unit: BenchUnit): string {
  const parts: string[] = [];
  if (target.ratio !== undefined) parts.push(`≤ ${target.ratio}x`);
  if (target.max !== undefined) parts.push(`≤ ${figure(target.max, unit)}`);
  if (target.min !== undefined) parts.push(`≥ ${figure(target.min, unit)}`);
  return parts.join(', ');
}

export function formatRow(measure: BenchMeasure): string {
  const { ratio, met } = judge(measure);
  return [
    measure.id,
    measure.name,
    spread(measure.values, measure.unit),
    spread(measure.baseline, measure.unit),
    ratio === null ? '—' : `${ratio.toFixed(1)}x`,
    `target ${targetText(measure.target, measure.unit)}`,
    met ? 'met' : 'NOT MET',
    ...(measure.note ? [measure.note] : []),
  ].join(' | ');
}

export function formatTable(measures: readonly BenchMeasure[]): string {
  const header = 'id | measure | median (min–max) | baseline median (min–max) | ratio | target | result | notes';
  return [header, ...measures.map(formatRow)].join('\n');
}
