import type { Totals as TotalsValue } from '../../../shared/schemas/lineItem';
import { formatCents } from '../../../shared/money';

/** "One-time total: $X" and "Monthly total: $Y", announced politely when they change. */
export function Totals({ totals, live = false }: { totals: TotalsValue; live?: boolean }) {
  return (
    <ul className="totals" aria-label="Totals" aria-live={live ? 'polite' : undefined}>
      <li>One-time total: {formatCents(totals.oneTime, totals.currency)}</li>
      <li>Monthly total: {formatCents(totals.recurring, totals.currency)}</li>
    </ul>
  );
}
