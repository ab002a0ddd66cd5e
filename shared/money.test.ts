import { describe, expect, it } from 'vitest';
import { formatCents } from './money';

describe('formatCents', () => {
  it('formats integer cents as dollars with grouping and two decimals', () => {
    expect(formatCents(123450, 'USD')).toBe('$1,234.50');
    expect(formatCents(0, 'USD')).toBe('$0.00');
    expect(formatCents(-500, 'USD')).toBe('-$5.00');
    expect(formatCents(100000000, 'USD')).toBe('$1,000,000.00');
  });

  it('shows other currencies by their symbol and an unknown code beside the number', () => {
    expect(formatCents(1999, 'EUR')).toBe('€19.99');
    expect(formatCents(1999, 'not-a-code')).toBe('not-a-code 19.99');
  });
});
