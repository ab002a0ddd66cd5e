import { useState } from 'react';
import { newId } from '../../../shared/ids';
import { DEFAULT_PAYMENT_TERMS, PAYMENT_TERMS, type OrderApprovalPolicy } from '../../../shared/orders/orderPolicy';
import type { ConfiguredItem } from '../../../shared/pricing/engine';
import type { OfferingDoc, OrderDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { saveDocument } from '../../data/writes';
import { SelectField } from '../common/SelectField';
import { OfferingPicker } from '../quotes/OfferingPicker';
import { QuoteLine } from '../quotes/QuoteLine';
import { launchedOfferings } from '../quotes/newQuote';
import { addLine, configuredOf, lineNames, removeLine, setCharacteristic, setQuantity } from '../quotes/quoteLines';
import { actorOf } from '../session/actor';
import { withLines, withPaymentTerms } from './orderChanges';
import { ErrorNotice } from '../common/ErrorNotice';

/**
 * The lines and payment terms of a direct or supplemental order while its owner may edit it:
 * the quote's configurator (offering picker, one line per offering with quantity and
 * characteristics) and its pricing engine, each change stored at once through `order.edit`.
 */
export function OrderLines({
  order,
  catalog,
  policy,
}: {
  order: OrderDoc;
  catalog: readonly OfferingDoc[];
  policy: OrderApprovalPolicy | undefined;
}) {
  const { db, user } = useOutpost();
  const actor = actorOf(user);
  const [problem, setProblem] = useState<string | null>(null);
  const items = configuredOf(order.items);
  const names = lineNames(
    items,
    (id) => catalog.find((o) => o.id === id)?.name ?? order.items.find((i) => i.offeringId === id)?.offeringName ?? id,
  );

  async function store(next: readonly ConfiguredItem[]) {
    const result = withLines(order, next, catalog, actor);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    await saveDocument(db, 'orders', result.order);
  }

  const terms = order.paymentTerms ?? DEFAULT_PAYMENT_TERMS;
  const standard = policy?.standardPaymentTerms;
  return (
    <section className="section" aria-labelledby="order-lines-heading">
      <h2 id="order-lines-heading">Lines</h2>
      <OfferingPicker
        offerings={launchedOfferings(catalog)}
        addLabel="Add to order"
        onAdd={(o) => void store(addLine(items, o, newId()))}
      />
      {problem ? <ErrorNotice>The order cannot be priced: {problem}</ErrorNotice> : null}
      {items.length === 0 ? (
        <p className="empty">No lines yet. Choose an offering and add it to the order.</p>
      ) : (
        <ul className="quote-lines" aria-label="Order lines">
          {items.map((item) => {
            const name = names.get(item.id) ?? item.offeringId;
            return (
              <QuoteLine
                key={item.id}
                item={item}
                name={name}
                offering={catalog.find((o) => o.id === item.offeringId)}
                priced={order.items.find((line) => line.id === item.id)}
                currency={order.totals.currency}
                problem={undefined}
                onQuantity={(q) => void store(setQuantity(items, item.id, q))}
                onCharacteristic={(n, v) => void store(setCharacteristic(items, item.id, n, v))}
                onRemove={() => void store(removeLine(items, item.id))}
              />
            );
          })}
        </ul>
      )}
      <SelectField
        id="order-paymentTerms"
        label="Payment terms"
        value={terms}
        options={PAYMENT_TERMS.map((t) => ({ value: t, label: standard && !standard.includes(t) ? `${t} (needs manager approval)` : t }))}
        onChange={(v) => void saveDocument(db, 'orders', withPaymentTerms(order, v, actor))}
      />
    </section>
  );
}
