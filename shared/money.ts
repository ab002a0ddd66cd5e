/**
 * Money is stored as integer cents (minor units of 1/100) so sums never drift; this turns it into
 * what a rep reads. The locale is fixed by default so a quote reads the same on every laptop.
 */
export function formatCents(cents: number, currency: string, locale = 'en-US'): string {
  return formatterOf(locale, currency)(cents / 100);
}

/**
 * Building an Intl.NumberFormat costs far more than formatting with one (an order's ingest
 * formats a dozen amounts: it was the central push's top CPU cost), so each is built once.
 * Bounded: a currency code comes from pushed data.
 */
const MAX_FORMATTERS = 64;
const formatters = new Map<string, (amount: number) => string>();

function formatterOf(locale: string, currency: string): (amount: number) => string {
  const key = `${locale}\u0000${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = newFormatter(locale, currency);
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

function newFormatter(locale: string, currency: string): (amount: number) => string {
  try {
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return (amount) => money.format(amount);
  } catch {
    // An unknown currency code must not break a screen: show the code beside the number.
    const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return (amount) => `${currency} ${number.format(amount)}`;
  }
}
