import { formatCents } from '../../../shared/money';
import type { LineItem } from '../../../shared/schemas/lineItem';
import { characteristicLabel } from '../quotes/quoteLines';

/** Priced lines, read-only: an order's (carried over from its quote) or a quote no longer being edited. */
export function LineItemsTable({ items, currency, label }: { items: readonly LineItem[]; currency: string; label: string }) {
  if (items.length === 0) return <p className="empty">No lines.</p>;
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Offering</th>
          <th scope="col">Configuration</th>
          <th scope="col" className="num">
            Quantity
          </th>
          <th scope="col" className="num">
            One-time
          </th>
          <th scope="col" className="num">
            Monthly
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row">{item.offeringName}</th>
            <td>
              {item.characteristics.length === 0
                ? '—'
                : item.characteristics.map((c) => `${characteristicLabel(c.name)}: ${c.value}`).join(', ')}
            </td>
            <td className="num">{item.quantity}</td>
            <td className="num">{formatCents(item.oneTime, currency)}</td>
            <td className="num">{formatCents(item.recurring, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
