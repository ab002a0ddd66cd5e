import { billedTotals, creditCheck, openExposure } from '../../../shared/orders/creditCheck';
import type { AccountDoc, OrderDoc } from '../../../shared/schemas';
import { useDocuments } from '../../data/hooks';
import { awaitingCentral } from './orderState';

/** The central system's credit verdict as it wrote it in the order's reason ("Held for credit review: ..."). */
function centralCreditVerdict(order: OrderDoc): string | undefined {
  const reason = order.stateReason ?? '';
  const held = /Held for (?:price and )?credit review: (.*)$/.exec(reason);
  if (held?.[1]) {
    const credit = held[1].split('; ').find((part) => part.startsWith('exposure '));
    return `Held for credit review by the central system: ${credit ?? held[1]}`;
  }
  return undefined;
}

/**
 * The credit check before submitting, from what the laptop knows (the account's credit limit
 * and the open orders of that account on this laptop: the central system counts every rep's,
 * so it may find more), and after submission the central system's own check.
 */
export function OrderCreditCheck({ order, account }: { order: OrderDoc; account: AccountDoc | null | undefined }) {
  const orders = useDocuments('orders', { selector: { accountId: order.accountId } });
  const beforeCentral =
    order.tmfOrderId === undefined && (order.status === 'draft' || order.status === 'validated' || awaitingCentral(order));
  const verdict = centralCreditVerdict(order);
  const local =
    account && orders
      ? creditCheck(
          account,
          billedTotals(order),
          openExposure(
            orders,
            order.accountId,
            { id: order.id, ...(order.supplementOf ? { supplementOf: order.supplementOf } : {}) },
            order.totals.currency,
          ),
        )
      : undefined;
  return (
    <section className="section" aria-labelledby="order-credit-heading">
      <h2 id="order-credit-heading">Credit check</h2>
      {beforeCentral ? (
        local === undefined ? (
          <p role="status">The account is not on this laptop, so the credit check waits for the central system.</p>
        ) : (
          <p role="status" className={local.outcome === 'over' ? 'notice notice--warning' : undefined}>
            {local.outcome === 'over'
              ? `On this laptop's figures the order needs a credit review once submitted: ${local.text}. The central system checks again and holds it for review.`
              : local.outcome === 'within'
                ? `Within the credit limit on this laptop's figures: ${local.text}. The central system checks again on submission.`
                : `${local.text}.`}
          </p>
        )
      ) : (
        <p role="status">
          {verdict ??
            (order.status === 'rejected' || order.tmfOrderId === undefined
              ? 'The central system has not checked the credit of this order.'
              : 'No credit hold from the central system.')}
        </p>
      )}
    </section>
  );
}
