import { useState } from 'react';
import { cardIssues } from '../../../shared/orders/card';
import { describeCard, formatCents } from '../../../shared/orders/cardAuthorisation';
import { grandTotal, paymentCovers, paymentOf, type OrderPayment as Payment } from '../../../shared/orders/payment';
import type { OrderDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { TextField } from '../common/TextField';
import { useSyncStatus } from '../sync/useSyncStatus';
import { authoriseCard } from './cardAuthorisation';

const EMPTY_CARD = { number: '', expiry: '', cvc: '' };
const OFFLINE = 'Card authorisation needs a connection; choose invoice or authorise later';

/**
 * Invoice or card. The card is typed into this component's state only, sent once to the
 * central system's simulated authorisation and cleared after the answer; the order keeps only
 * the authorisation's reference (`pay`, the order form machine's `form.pay`).
 */
export function OrderPayment({ order, canPay, pay }: { order: OrderDoc; canPay: boolean; pay(payment: Payment): void }) {
  const { central } = useOutpost();
  const { online } = useSyncStatus();
  const stored = paymentOf(order.payment);
  const [method, setMethod] = useState<'invoice' | 'card'>(order.payment?.method ?? 'invoice');
  const [card, setCard] = useState(EMPTY_CARD);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const total = grandTotal(order);
  const covered = stored?.method === 'card' && paymentCovers(order.payment, order);

  const choose = (next: 'invoice' | 'card') => {
    setMethod(next);
    if (next === 'invoice') pay({ method: 'invoice' });
  };

  async function authorise() {
    const issues = cardIssues(card, new Date());
    if (issues.length > 0) return setStatus(issues.map((issue) => issue.message).join('. '));
    setBusy(true);
    try {
      const answer = await authoriseCard(central, order.id, card, total);
      if (answer.status === 'declined') setStatus(answer.reason);
      else {
        pay({
          method: 'card',
          authorisationId: answer.id,
          brand: answer.brand,
          last4: answer.last4,
          amount: answer.amount,
          currency: answer.currency,
        });
        setStatus(`Authorised: ${describeCard(answer.brand, answer.last4)}, ${formatCents(answer.amount, answer.currency)}`);
      }
    } catch (error) {
      setStatus(online ? `The card could not be authorised: ${error instanceof Error ? error.message : String(error)}` : OFFLINE);
    } finally {
      // Whatever the answer, the card leaves the screen's memory with it.
      setCard(EMPTY_CARD);
      setBusy(false);
    }
  }

  return (
    <fieldset className="form-group">
      <legend>Payment</legend>
      <label>
        <input type="radio" name="payment-method" checked={method === 'invoice'} disabled={!canPay} onChange={() => choose('invoice')} />{' '}
        Invoice
      </label>
      <label>
        <input type="radio" name="payment-method" checked={method === 'card'} disabled={!canPay} onChange={() => choose('card')} /> Card
      </label>
      {method === 'card' ? (
        <div className="form-grid">
          <TextField
            id="payment-card-number"
            label="Card number"
            autoComplete="cc-number"
            inputMode="numeric"
            value={card.number}
            disabled={busy || !canPay}
            onChange={(number) => setCard({ ...card, number })}
          />
          <TextField
            id="payment-card-expiry"
            label="Expiry (MM/YY)"
            autoComplete="cc-exp"
            value={card.expiry}
            disabled={busy || !canPay}
            onChange={(expiry) => setCard({ ...card, expiry })}
          />
          <TextField
            id="payment-card-cvc"
            label="Security code"
            autoComplete="cc-csc"
            inputMode="numeric"
            value={card.cvc}
            disabled={busy || !canPay}
            onChange={(cvc) => setCard({ ...card, cvc })}
          />
          <button type="button" className="button" disabled={busy || !canPay || !online} onClick={() => void authorise()}>
            Authorise card
          </button>
        </div>
      ) : null}
      <p role="status" aria-live="polite">
        {method === 'card' && !online
          ? OFFLINE
          : status ||
            (covered && stored?.method === 'card'
              ? `Authorised: ${describeCard(stored.brand, stored.last4)}, ${formatCents(stored.amount, stored.currency)}`
              : method === 'card'
                ? `Authorise the card for the order total, ${formatCents(total.amount, total.currency)}`
                : '')}
      </p>
    </fieldset>
  );
}
