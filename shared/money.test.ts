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

  it('keeps each currency and locale apart while reusing formatters, also past the cache bound', () => {
    const letter = (n: number) => String.fromCharCode(65 + (n % 26));
    const codes = Array.from({ length: 70 }, (_, i) => `X${letter(Math.floor(i / 26))}${letter(i)}`);
    const direct = (code: string, locale = 'en-US') =>
      new Intl.NumberFormat(locale, { style: 'currency', currency: code, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        19.99,
      );
    for (const code of codes) expect(formatCents(1999, code)).toBe(direct(code));
    expect(formatCents(1999, 'USD')).toBe('$19.99');
    expect(formatCents(1999, 'EUR', 'de-DE')).toBe(direct('EUR', 'de-DE'));
    expect(formatCents(1999, 'EUR')).toBe('€19.99');
  });
});
