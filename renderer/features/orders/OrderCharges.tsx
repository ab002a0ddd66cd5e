import {
  chargeCountry,
  chargesVerdictOf,
  chargeTableOf,
  formatRate,
  orderCharges,
  type OrderCharges as Charges,
} from '../../../shared/orders/charges';
import { formatCents } from '../../../shared/money';
import type { AccountDoc, OrderDoc } from '../../../shared/schemas';
import { useDocuments } from '../../data/hooks';

/**
 * "Charges and tax" before submit: the lines' subtotal, installation, shipping and tax from the
 * synced charge table, one-time and monthly apart. Before the central system has the order the
 * figures follow the current table and address; after, they are the ones the order was stored with,
 * and when the central system's own table gave other figures, what it found (the order is then
 * held for price review).
 */
export function OrderCharges({ order, account }: { order: OrderDoc; account: AccountDoc | null | undefined }) {
  const table = chargeTableOf(useDocuments('policies') ?? []);
  const editable = order.tmfOrderId === undefined && (order.status === 'draft' || order.status === 'validated');
  const charges: Charges | undefined =
    editable && table ? orderCharges({ ...order, country: chargeCountry(order, account?.country) }, table) : order.charges;
  const money = (cents: number) => formatCents(cents, order.totals.currency);
  const verdict = editable ? undefined : chargesVerdictOf(order.stateReason);
  return (
    <section className="section" aria-labelledby="order-charges-heading">
      <h2 id="order-charges-heading">Charges and tax</h2>
      {charges ? (
        <ul className="facts" aria-label="Charges and tax">
          <li>One-time subtotal: {money(order.totals.oneTime)}</li>
          <li>Installation: {money(charges.installation)}</li>
          <li>Shipping: {money(charges.shipping)}</li>
          <li>
            Tax on one-time ({formatRate(charges.taxBasisPoints)}): {money(charges.taxOneTime)}
          </li>
          <li>One-time total with tax: {money(charges.totalOneTime)}</li>
          <li>Monthly subtotal: {money(order.totals.recurring)}</li>
          <li>
            Tax on monthly ({formatRate(charges.taxBasisPoints)}): {money(charges.taxRecurring)}
          </li>
          <li>Monthly total with tax: {money(charges.totalRecurring)}</li>
        </ul>
      ) : (
        <p role="status">
          The charge table has not reached this laptop yet, so charges and tax are shown once it syncs; the central system computes them on
          submission.
        </p>
      )}
      {verdict ? (
        <p role="status" className="notice notice--warning">
          The central system holds the order for price review. {verdict}.
        </p>
      ) : null}
    </section>
  );
}
