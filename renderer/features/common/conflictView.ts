import { formatCents } from '../../../shared/money';
import type { LineItem, Totals } from '../../../shared/schemas/lineItem';
import { statusLabel } from '../statusLabels';
import { formatWhen } from './sort';

/** How a conflict shows one side of a field: text, or one entry per line for quote and order lines. */
export type ShownValue = { kind: 'text'; text: string } | { kind: 'lines'; lines: string[] };

const DOLLAR_FIELDS = new Set(['purchaseAmount', 'expectedAmount', 'creditLimit']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLine(value: unknown): value is LineItem {
  return isRecord(value) && typeof value['offeringName'] === 'string' && typeof value['quantity'] === 'number';
}

function isTotals(value: unknown): value is Totals {
  return isRecord(value) && typeof value['oneTime'] === 'number' && typeof value['recurring'] === 'number' && typeof value['currency'] === 'string';
}

/** "2 × Business Fibre Internet (Bandwidth 1 Gbps, Contract term 24 months): $1,200.00 one-time, $398.00 monthly". */
export function lineText(line: LineItem, currency: string): string {
  const options = line.characteristics.map((c) => `${c.name} ${c.value}`).join(', ');
  return `${line.quantity} × ${line.offeringName}${options ? ` (${options})` : ''}: ${formatCents(line.oneTime, currency)} one-time, ${formatCents(line.recurring, currency)} monthly`;
}

/**
 * One side of a field in the app's own words: money as money (cents or whole dollars as the
 * field holds them), statuses by their labels, dates in the rep's locale, lines one by one.
 */
export function showValue(field: string, value: unknown, currency = 'USD'): ShownValue {
  const text = (t: string): ShownValue => ({ kind: 'text', text: t });
  if (value === undefined || value === null || value === '') return text('—');
  if (field === 'items' && Array.isArray(value)) {
    return { kind: 'lines', lines: value.length === 0 ? ['No lines'] : value.map((l) => (isLine(l) ? lineText(l, currency) : JSON.stringify(l))) };
  }
  if (field === 'totals' && isTotals(value)) return text(`${formatCents(value.oneTime, value.currency)} one-time, ${formatCents(value.recurring, value.currency)} monthly`);
  if (field === 'status' && typeof value === 'string') return text(statusLabel(value));
  if (DOLLAR_FIELDS.has(field) && typeof value === 'number') return text(formatCents(value * 100, 'USD'));
  if (/At$/.test(field) && typeof value === 'string') return text(formatWhen(value));
  if (field === 'serviceAddress' && isRecord(value)) {
    const parts = ['street', 'city', 'postcode', 'country'].map((k) => value[k]).filter((v): v is string => typeof v === 'string' && v !== '');
    return text(parts.length > 0 ? parts.join(', ') : '—');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return text(String(value));
  return text(JSON.stringify(value));
}

/** The choice's label: "Lines and totals" for the lines group, the field in words otherwise. */
export function choiceLabel(key: string): string {
  if (key === 'items') return 'Lines and totals';
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
