/** The order form machine against a store double (the I/O the screen provides), for its tests. */
import { vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { ownerOf, type Actor } from '../../../shared/machines/send';
import type { OrderDoc } from '../../../shared/schemas';
import { makeOrder } from '../../../shared/testing/docs.fixture';
import { orderFormMachine } from './orderForm.machine';

/** The local store, as far as the form can tell: it keeps what was written and can be made to fail. */
export function fakeStore(initial: OrderDoc) {
  const store = {
    order: initial,
    writes: [] as OrderDoc[],
    failWith: null as string | null,
    /** Writes wait until released, to act while one is on its way. */
    hold: false,
    release: () => undefined as void,
  };
  const logic = fromPromise<void, { order: OrderDoc | null }>(async ({ input }) => {
    if (store.hold) await new Promise<void>((resolve) => (store.release = resolve));
    if (store.failWith) throw new Error(store.failWith);
    if (input.order) {
      store.writes.push(input.order);
      store.order = input.order;
    }
  });
  return { store, logic };
}

export function start(order: OrderDoc, who: Actor = ownerOf(order)) {
  const { store, logic } = fakeStore(order);
  const actor = createActor(orderFormMachine.provide({ actors: { storeOrder: logic } }), { input: { order, actor: who } }).start();
  /** The store reports its document back, as the screen's live query does. */
  const report = () => actor.send({ type: 'order.stored', order: store.order });
  const view = () => {
    const s = actor.getSnapshot();
    return {
      fields: s.context.fields,
      issues: s.context.issues.map((i) => i.message),
      error: s.context.error,
      canSubmit: s.can({ type: 'form.submit' }),
      canValidate: s.can({ type: 'form.validate' }),
      justValidated: s.context.justValidated,
    };
  };
  return { actor, store, report, view };
}

export const settle = () => vi.advanceTimersByTimeAsync(0);
export const draft = makeOrder({
  status: 'draft',
  billingAccount: '',
  serviceAddress: { street: '', city: '', postcode: '', country: '' },
});
export const complete = { billingAccount: 'ba-1', street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' } as const;
