import { formatCents } from '../../../shared/money';
import type { LineItem, Totals } from '../../../shared/schemas/lineItem';
import { statusLabel } from '../statusLabels';
import { formatWhen } from './sort';

/** Records a conflict field may point at, named from the local store (ReferenceName). */
export type ReferencedCollection = 'accounts' | 'opportunities' | 'contacts' | 'leads';

/**
 * How a conflict shows one side of a field: text, one entry per line for quote and order lines,
 * or a reference to another record, shown by that record's name.
 */
export type ShownValue =
  { kind: 'text'; text: string } | { kind: 'lines'; lines: string[] } | { kind: 'reference'; collection: ReferencedCollection; id: string };

/** Fields holding another record's id, with what the field is called in words. */
const REFERENCES: Readonly<Record<string, { collection: ReferencedCollection; label: string }>> = {
  accountId: { collection: 'accounts', label: 'Account' },
  opportunityId: { collection: 'opportunities', label: 'Opportunity' },
  contactId: { collection: 'contacts', label: 'Contact' },
  primaryContactId: { collection: 'contacts', label: 'Primary contact' },
  leadId: { collection: 'leads', label: 'Lead' },
  sourceLeadId: { collection: 'leads', label: 'Source lead' },
};

const DOLLAR_FIELDS = new Set(['purchaseAmount', 'expectedAmount', 'creditLimit']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLine(value: unknown): value is LineItem {
  return isRecord(value) && typeof value['offeringName'] === 'string' && typeof value['quantity'] === 'number';
}

function isTotals(value: unknown): value is Totals {
  return (
    isRecord(value) &&
    typeof value['oneTime'] === 'number' &&
    typeof value['recurring'] === 'number' &&
    typeof value['currency'] === 'string'
  );
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
    return {
      kind: 'lines',
      lines: value.length === 0 ? ['No lines'] : value.map((l) => (isLine(l) ? lineText(l, currency) : JSON.stringify(l))),
    };
  }
  if (field === 'totals' && isTotals(value))
    return text(`${formatCents(value.oneTime, value.currency)} one-time, ${formatCents(value.recurring, value.currency)} monthly`);
  if (field === 'status' && typeof value === 'string') return text(statusLabel(value));
  const reference = REFERENCES[field];
  if (reference && typeof value === 'string') return { kind: 'reference', collection: reference.collection, id: value };
  if (DOLLAR_FIELDS.has(field) && typeof value === 'number') return text(formatCents(value * 100, 'USD'));
  if (/At$/.test(field) && typeof value === 'string') return text(formatWhen(value));
  if (field === 'serviceAddress' && isRecord(value)) {
    const parts = ['street', 'city', 'postcode', 'country']
      .map((k) => value[k])
      .filter((v): v is string => typeof v === 'string' && v !== '');
    return text(parts.length > 0 ? parts.join(', ') : '—');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return text(String(value));
  return text(JSON.stringify(value));
}

/** The choice's label: "Lines and totals" for the lines group, the field in words otherwise. */
export function choiceLabel(key: string): string {
  if (key === 'items') return 'Lines and totals';
  const reference = REFERENCES[key];
  if (reference) return reference.label;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A referenced record's name as the app shows it; null when it is not on this laptop. */
export function referenceName(collection: ReferencedCollection, doc: Record<string, unknown> | null | undefined): string | null {
  if (!doc) return null;
  const name = collection === 'leads' ? doc['company'] : doc['name'];
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}
