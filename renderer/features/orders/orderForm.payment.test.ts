import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderPayment } from '../../../shared/orders/payment';
import { makeOrder } from '../../../shared/testing/docs.fixture';
import { SAVE_DELAY_MS } from './orderForm.machine';
import { complete, draft, settle, start } from './orderForm.machine.fixture';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** An authorisation the central system has already granted: losing it would leave the rep to authorise again. */
const card: OrderPayment = { method: 'card', authorisationId: 'auth-7', brand: 'visa', last4: '4242', amount: 1, currency: 'USD' };

describe('order form machine: the payment method', () => {
  it('holds Submit back while the payment is a card no authorisation covers, and lets it through once one holds the total', async () => {
    const { actor, store, report, view } = start(draft);
    actor.send({
      type: 'form.pay',
      payment: { method: 'card', authorisationId: 'a-1', brand: 'visa', last4: '4242', amount: 1, currency: 'USD' },
    });
    await settle();
    report();
    for (const [field, value] of Object.entries(complete)) actor.send({ type: 'form.edit', field: field as keyof typeof complete, value });
    actor.send({ type: 'form.validate' });
    await settle();
    report();
    expect(store.order.status).toBe('validated');
    expect(store.order.payment).toMatchObject({ method: 'card', amount: 1 });
    expect(view().canSubmit).toBe(false);

    const { oneTime, recurring, currency } = store.order.totals;
    actor.send({
      type: 'form.pay',
      payment: { method: 'card', authorisationId: 'a-2', brand: 'visa', last4: '4242', amount: oneTime + recurring, currency },
    });
    await settle();
    report();
    // Choosing the payment is an edit: the order is checked again before it can go.
    expect(store.order.status).toBe('draft');
    actor.send({ type: 'form.validate' });
    await settle();
    report();
    expect(view().canSubmit).toBe(true);
    expect(JSON.stringify(store.writes)).not.toMatch(/cardNumber|cardCvc/);
  });

  it('records a card authorised while the rep is still typing, after the typing, and keeps both', async () => {
    const { actor, store, view } = start(draft);
    actor.send({ type: 'form.edit', field: 'city', value: 'Springfield' });
    actor.send({ type: 'form.pay', payment: card });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(store.order.serviceAddress?.city).toBe('Springfield');
    expect(store.order.payment).toMatchObject({ authorisationId: 'auth-7' });
    expect(view().error).toBeNull();
  });

  it('records a card authorised while a write is on its way once that write is through, without undoing it', async () => {
    const { actor, store } = start(draft);
    store.hold = true;
    actor.send({ type: 'form.edit', field: 'city', value: 'Springfield' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(actor.getSnapshot().value).toBe('saving');
    actor.send({ type: 'form.pay', payment: card });
    store.hold = false;
    store.release();
    // The store has not reported the typed city back yet: the payment builds on what was written.
    await settle();
    expect(store.writes.map((o) => [o.serviceAddress?.city, o.payment?.method])).toEqual([
      ['Springfield', undefined],
      ['Springfield', 'card'],
    ]);
  });

  it('records the payment while unsafe text is held, and keeps that text on screen, unstored, with its message', async () => {
    const { actor, store, view } = start(draft);
    actor.send({ type: 'form.edit', field: 'street', value: 'Main\u0000St' });
    actor.send({ type: 'form.pay', payment: card });
    await settle();
    expect(store.order.payment).toMatchObject({ authorisationId: 'auth-7' });
    expect(store.order.serviceAddress?.street).toBe('');
    expect(view().fields.street).toBe('Main\u0000St');
    expect(view().issues.join(' ')).toMatch(/street/i);
    expect(actor.getSnapshot().value).toBe('held');
  });

  it('says the card was authorised and what to do when the payment cannot be stored', async () => {
    const { actor, store, view } = start(draft);
    store.failWith = 'QuotaExceededError';
    actor.send({ type: 'form.pay', payment: card });
    await settle();
    expect(view().error).toBe(
      'The payment could not be recorded: QuotaExceededError. Card ending 4242 was authorised (reference auth-7) but is not on the order: authorise it again.',
    );
    // Nothing loops on the failure: the form is usable, the next choice is tried again.
    expect(actor.getSnapshot().value).toBe('clean');
    store.failWith = null;
    actor.send({ type: 'form.pay', payment: { method: 'invoice' } });
    await settle();
    expect(store.order.payment).toEqual({ method: 'invoice' });
  });

  it('says so when a payment is chosen while the order is being submitted, instead of dropping it', async () => {
    const validated = makeOrder({ status: 'validated', billingAccount: complete.billingAccount, serviceAddress: { ...complete } });
    const { actor, store, view } = start(validated);
    store.hold = true;
    actor.send({ type: 'form.submit' });
    actor.send({ type: 'form.pay', payment: card });
    store.hold = false;
    store.release();
    await settle();
    expect(store.order.status).toBe('queued');
    expect(store.order.payment).toBeUndefined();
    expect(view().error).toMatch(/payment could not be recorded: the order can no longer be changed/);
  });
});
