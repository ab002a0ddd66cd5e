/**
 * Money is stored as integer cents (minor units of 1/100) so sums never drift; this turns it into
 * what a rep reads. The locale is fixed by default so a quote reads the same on every laptop.
 */
export function formatCents(cents: number, currency: string, locale = 'en-US'): string {
  const amount = cents / 100;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      amount,
    );
  } catch {
    // An unknown currency code must not break a screen: show the code beside the number.
    const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
    return `${currency} ${number}`;
  }
}
