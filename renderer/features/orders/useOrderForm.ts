import { useMachine } from '@xstate/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fromPromise } from 'xstate';
import { chargeTableOf, withCharges } from '../../../shared/orders/charges';
import type { ValidationIssue } from '../../../shared/orders/order.validation';
import { paymentSubmitBlock, type OrderPayment } from '../../../shared/orders/payment';
import type { OrderDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { useDocuments } from '../../data/hooks';
import { saveDocument } from '../../data/writes';
import { actorOf } from '../session/actor';
import { orderFormMachine } from './orderForm.machine';
import type { OrderField, OrderFields } from './orderForm';

export interface OrderFormState {
  fields: OrderFields;
  issues: ValidationIssue[];
  /** A new object after every validation that found issues, so focus moves to the first one. */
  focusRequest: { field: OrderField | null } | null;
  /** The form machine accepts typing: the order machine accepts `order.edit` from the signed-in user. */
  editable: boolean;
  /** The form machine accepts `form.submit`: checked, nothing typed waiting, what is on screen is stored. */
  canSubmit: boolean;
  /** The form machine accepts `form.pay`: the payment method may be set now. */
  canPay: boolean;
  /** Why Submit waits for the payment (a card without an authorisation of the grand total), if it does. */
  paymentBlock: string | undefined;
  pay(payment: OrderPayment): void;
  /** The form machine accepts `form.validate` (not while validating or submitting). */
  canValidate: boolean;
  busy: boolean;
  error: string | null;
  justValidated: boolean;
  edit(field: OrderField, value: string): void;
  validate(): void;
  submit(): void;
}

/**
 * The order form machine bound to the local store (mount with `key={order.id}`). The fields on
 * screen live in the machine, so the inputs never jump back while a write is on its way. Every
 * write stamps the order's charges and tax from the synced charge table (`accountCountry`: where
 * tax is due when the service address names no country).
 */
export function useOrderForm(order: OrderDoc, accountCountry?: string): OrderFormState {
  const { db, user } = useOutpost();
  const actor = useMemo(() => actorOf(user), [user]);
  const table = chargeTableOf(useDocuments('policies') ?? []);
  // The store actor is created once; it reads the table and country current at the write.
  const charging = useRef({ table, accountCountry });
  charging.current = { table, accountCountry };
  const [machine] = useState(() =>
    orderFormMachine.provide({
      actors: {
        storeOrder: fromPromise<void, { order: OrderDoc | null }>(async ({ input }) => {
          if (input.order)
            await saveDocument(db, 'orders', withCharges(input.order, charging.current.table, charging.current.accountCountry));
        }),
      },
    }),
  );
  const [snapshot, send] = useMachine(machine, { input: { order, actor } });

  useEffect(() => send({ type: 'order.stored', order }), [order, send]);

  const { context } = snapshot;
  return {
    fields: context.fields,
    issues: context.issues,
    focusRequest: context.focusRequest,
    editable: snapshot.can({ type: 'form.edit', field: 'street', value: '' }),
    canSubmit: snapshot.can({ type: 'form.submit' }),
    canValidate: snapshot.can({ type: 'form.validate' }),
    canPay: snapshot.can({ type: 'form.pay', payment: { method: 'invoice' } }),
    paymentBlock: paymentSubmitBlock(context.order.payment, context.order),
    pay: (payment) => send({ type: 'form.pay', payment }),
    busy: snapshot.matches('validating') || snapshot.matches('submitting'),
    error: context.error,
    justValidated: context.justValidated,
    edit: (field, value) => send({ type: 'form.edit', field, value }),
    validate: () => send({ type: 'form.validate' }),
    submit: () => send({ type: 'form.submit' }),
  };
}
