import { describe, expect, it } from 'vitest';
import { formatRow, judge, median } from './report';

describe('bench report', () => {
  it('takes the median of odd and even runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('prints the figure, its baseline and the ratio, and judges the target', () => {
    const row = formatRow({
      id: 'B4',
      name: 'first sync',
      unit: 's',
      values: [5.1, 4.9, 5.6],
      baseline: [2, 1.9, 2.2],
      target: { ratio: 3 },
    });
    expect(row).toBe('B4 | first sync | 5.10 s (4.90 s–5.60 s) | 2.00 s (1.90 s–2.20 s) | 2.5x | target ≤ 3x | met');
    expect(judge({ id: 'P1', name: 'push', unit: 'rows/s', values: [4000], baseline: [], target: { min: 5000 } }).met).toBe(false);
  });
});
