/**
 * The order form's lifecycle: typing is stored after a pause, validation and submission each
 * write once, and what is on screen is never replaced by the store while something typed is
 * waiting. The status changes themselves are orderForm.ts's (`editOrder`, `validateOrderWith`,
 * `submitOrder`), sent as `actor` (the signed-in user: a manager viewing a rep's order gets the
 * role rules, so the form is read-only for them); the only I/O is `storeOrder`, provided by the
 * screen (tests provide a double).
 */
import { and, assign, fromPromise, not, setup } from 'xstate';
import type { ValidationIssue } from '../../../shared/orders/order.validation';
import type { Actor } from '../../../shared/machines/send';
import type { OrderDoc } from '../../../shared/schemas';
import { paymentCovers, type OrderPayment } from '../../../shared/orders/payment';
import {
  canEditOrder,
  canSubmitOrder,
  editOrder,
  ORDER_FIELDS,
  orderFieldsOf,
  payOrder,
  paymentNotRecorded,
  sameOrderFields,
  submitOrder,
  trimOrderFields,
  unsafeFieldIssues,
  validateOrderWith,
  withoutIssueFor,
  type OrderField,
  type OrderFields,
} from './orderForm';

/** Typing is stored after this pause, so the store is not written on every keystroke. */
export const SAVE_DELAY_MS = 400;

export interface OrderFormContext {
  /** The order as the store last reported it. */
  order: OrderDoc;
  /** Who works the form: every status change is sent as this actor. */
  actor: Actor;
  /** What is on screen. */
  fields: OrderFields;
  /** The fields this form last stored, to tell its own writes from changes made elsewhere. */
  lastWritten: OrderFields;
  /** The fields the write or validation on its way started from. */
  inFlight: OrderFields | null;
  /** The next document to store (null: nothing to store). */
  toStore: OrderDoc | null;
  issues: ValidationIssue[];
  /** A new object after every validation that found issues, so focus moves to the first one. */
  focusRequest: { field: OrderField | null } | null;
  error: string | null;
  justValidated: boolean;
  /** Validate was pressed while typing was being stored: validate once that write is through. */
  validateNext: boolean;
  /**
   * A payment chosen while something else was being stored: recorded once that write is through.
   * A card's authorisation exists on the central system by then, so it must not be dropped.
   */
  paymentNext: OrderPayment | null;
}

export type OrderFormEvent =
  | { type: 'form.edit'; field: OrderField; value: string }
  | { type: 'form.validate' }
  | { type: 'form.submit' }
  /** The payment method chosen (invoice, or a card's authorisation reference: never the card). */
  | { type: 'form.pay'; payment: OrderPayment }
  /** The store reports the order (after any write, this form's or another's). */
  | { type: 'order.stored'; order: OrderDoc };

/** Where nothing is being written, a waiting payment is recorded, or refused once the order cannot change. */
const PAY_WHEN_FREE = [
  { guard: and(['paymentWaiting', 'editable']), target: 'paying' },
  { guard: 'paymentWaiting', actions: 'paymentRefused' },
] as const;

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const orderFormMachine = setup({
  types: {
    context: {} as OrderFormContext,
    events: {} as OrderFormEvent,
    input: {} as { order: OrderDoc; actor: Actor },
  },
  actors: {
    /** Writes the order to the local store; null means there is nothing to write. */
    storeOrder: fromPromise<void, { order: OrderDoc | null }>(() => Promise.reject(new Error('storeOrder is provided by the screen'))),
  },
  delays: {
    // A validated order goes back to draft at once, so it cannot be submitted unchecked.
    saveDelay: ({ context }) => (canSubmitOrder(context.order, context.actor) ? 0 : SAVE_DELAY_MS),
  },
  actions: {
    applyEdit: assign(({ context, event }) => {
      if (event.type !== 'form.edit') return {};
      const fields = { ...context.fields, [event.field]: event.value };
      const issueField = ORDER_FIELDS.find((f) => f.field === event.field)?.issueField;
      const unsafe = unsafeFieldIssues(fields).filter((i) => i.field === issueField);
      return { fields, justValidated: false, issues: [...withoutIssueFor(context.issues, event.field), ...unsafe] };
    }),
    rememberOrder: assign(({ event }) => (event.type === 'order.stored' ? { order: event.order } : {})),
    /**
     * What this form just wrote is the order from now on, before the store reports it back: the
     * next write (a payment right after typing) builds on it instead of reverting the typed fields.
     */
    rememberWritten: assign(({ context }) => (context.toStore ? { order: context.toStore } : {})),
    /** A change this form did not write (e.g. a conflict resolved for the central version) is taken over. */
    takeOverStored: assign(({ context }) => {
      const stored = orderFieldsOf(context.order);
      if (sameOrderFields(stored, context.lastWritten)) return {};
      return { fields: stored, lastWritten: stored };
    }),
    prepareSave: assign(({ context }) => {
      const { order, fields, actor } = context;
      const changed = canEditOrder(order, actor) && !sameOrderFields(orderFieldsOf(order), fields);
      return {
        inFlight: fields,
        toStore: changed ? editOrder(order, fields, actor) : null,
        lastWritten: changed ? fields : context.lastWritten,
      };
    }),
    prepareValidation: assign(({ context }) => {
      const { order: checked, issues } = validateOrderWith(context.order, context.fields, context.actor);
      const changed = checked !== context.order;
      return {
        inFlight: context.fields,
        toStore: changed ? checked : null,
        lastWritten: changed ? orderFieldsOf(checked) : context.lastWritten,
        issues,
        validateNext: false,
      };
    }),
    reportValidation: assign(({ context }) => {
      const found = context.issues;
      const first = ORDER_FIELDS.find((f) => found.some((i) => i.field === f.issueField))?.field ?? null;
      return { error: null, justValidated: found.length === 0, focusRequest: found.length > 0 ? { field: first } : context.focusRequest };
    }),
    payAfterWrite: assign(({ event }) => (event.type === 'form.pay' ? { paymentNext: event.payment } : {})),
    preparePayment: assign(({ context }) => ({
      toStore: context.paymentNext ? payOrder(context.order, context.paymentNext, context.actor) : null,
      paymentNext: null,
    })),
    paymentRefused: assign({
      paymentNext: null,
      error: 'The payment could not be recorded: the order can no longer be changed. Ask your manager if the payment must change.',
    }),
    prepareSubmission: assign(({ context }) => ({ toStore: submitOrder(context.order, new Date().toISOString(), context.actor) })),
    clearError: assign({ error: null }),
    notJustValidated: assign({ justValidated: false }),
    validateAfterSave: assign({ validateNext: true }),
    saveFailed: assign((_, { error }: { error: unknown }) => ({
      error: `The order could not be saved: ${reason(error)}. What you typed is kept.`,
    })),
    validationFailed: assign((_, { error }: { error: unknown }) => ({
      error: `The order could not be validated: ${reason(error)}. What you typed is kept.`,
    })),
    paymentFailed: assign(({ context }, { error }: { error: unknown }) => ({
      error: `The payment could not be recorded: ${reason(error)}. ${paymentNotRecorded(context.order.payment, context.toStore?.payment)}`,
    })),
    submissionFailed: assign((_, { error }: { error: unknown }) => ({ error: `The order could not be submitted: ${reason(error)}` })),
  },
  guards: {
    /** The order machine accepts `order.edit` from this actor now: otherwise the form is read-only. */
    editable: ({ context }) => canEditOrder(context.order, context.actor),
    /** Text no record may hold is never stored; it stays on screen with its message until fixed. */
    hasUnsafeText: ({ context }) => unsafeFieldIssues(context.fields).length > 0,
    /** Something was typed while the write or validation was on its way. */
    typedMeanwhile: ({ context }) => context.inFlight !== null && !sameOrderFields(context.inFlight, context.fields),
    validateRequested: ({ context }) => context.validateNext,
    paymentWaiting: ({ context }) => context.paymentNext !== null,
    /** The screen holds typing the store does not (unsafe text, or a write that failed). */
    typedUnstored: ({ context }) => !sameOrderFields(trimOrderFields(orderFieldsOf(context.order)), trimOrderFields(context.fields)),
    /** The machine allows `order.submit`, a card payment holds the grand total, and what is submitted is what is on screen. */
    submittable: ({ context }) =>
      canSubmitOrder(context.order, context.actor) &&
      paymentCovers(context.order.payment, context.order) &&
      sameOrderFields(trimOrderFields(orderFieldsOf(context.order)), trimOrderFields(context.fields)),
  },
}).createMachine({
  id: 'orderForm',
  context: ({ input }) => {
    const fields = orderFieldsOf(input.order);
    return {
      order: input.order,
      actor: input.actor,
      fields,
      lastWritten: fields,
      inFlight: null,
      toStore: null,
      issues: [],
      focusRequest: null,
      error: null,
      justValidated: false,
      validateNext: false,
      paymentNext: null,
    };
  },
  initial: 'clean',
  on: {
    'order.stored': { actions: 'rememberOrder' },
    // In any state: recorded at once when nothing else is being written, otherwise right after.
    'form.pay': { guard: 'editable', actions: 'payAfterWrite' },
  },
  states: {
    /** Nothing typed is waiting: the store's changes are taken over, and a checked order can be submitted. */
    clean: {
      always: PAY_WHEN_FREE,
      on: {
        'order.stored': { actions: ['rememberOrder', 'takeOverStored'] },
        'form.edit': { guard: 'editable', target: 'edited', actions: 'applyEdit' },
        'form.validate': { guard: 'editable', target: 'validating' },
        'form.submit': { guard: 'submittable', target: 'submitting' },
      },
    },
    paying: {
      entry: 'preparePayment',
      invoke: {
        src: 'storeOrder',
        input: ({ context }) => ({ order: context.toStore }),
        onDone: [
          // Typing held back (unsafe text, a failed write) or typed meanwhile goes on as typing.
          { guard: 'typedUnstored', target: 'edited', actions: ['rememberWritten', 'clearError', 'notJustValidated'] },
          { target: 'clean', actions: ['rememberWritten', 'clearError', 'notJustValidated'] },
        ],
        onError: [
          { guard: 'typedUnstored', target: 'held', actions: { type: 'paymentFailed', params: ({ event }) => ({ error: event.error }) } },
          { target: 'clean', actions: { type: 'paymentFailed', params: ({ event }) => ({ error: event.error }) } },
        ],
      },
    },
    edited: {
      always: [{ guard: 'hasUnsafeText', target: 'held' }, { target: 'typing' }],
    },
    /** Typed text waits for the pause before it is stored. */
    typing: {
      after: { saveDelay: { target: 'saving', actions: 'prepareSave' } },
      on: {
        'form.edit': { target: 'edited', actions: 'applyEdit', reenter: true },
        'form.validate': { target: 'validating' },
      },
    },
    /** Typed, not stored: unsafe text, or a write that failed. The next edit or validation tries again. */
    held: {
      always: PAY_WHEN_FREE,
      on: {
        'form.edit': { target: 'edited', actions: 'applyEdit' },
        'form.validate': { target: 'validating' },
      },
    },
    saving: {
      invoke: {
        src: 'storeOrder',
        input: ({ context }) => ({ order: context.toStore }),
        onDone: [
          { guard: 'validateRequested', target: 'validating', actions: ['rememberWritten', 'clearError'] },
          { guard: and(['typedMeanwhile', not('hasUnsafeText')]), target: 'typing', actions: ['rememberWritten', 'clearError'] },
          { guard: 'typedMeanwhile', target: 'held', actions: ['rememberWritten', 'clearError'] },
          { target: 'clean', actions: ['rememberWritten', 'clearError'] },
        ],
        onError: { target: 'held', actions: { type: 'saveFailed', params: ({ event }) => ({ error: event.error }) } },
      },
      on: {
        'form.edit': { actions: 'applyEdit' },
        'form.validate': { actions: 'validateAfterSave' },
      },
    },
    validating: {
      entry: 'prepareValidation',
      invoke: {
        src: 'storeOrder',
        input: ({ context }) => ({ order: context.toStore }),
        onDone: [
          { guard: and(['typedMeanwhile', not('hasUnsafeText')]), target: 'typing', actions: ['rememberWritten', 'reportValidation'] },
          // Unsafe text was not stored: the screen still holds something the store does not.
          { guard: 'hasUnsafeText', target: 'held', actions: ['rememberWritten', 'reportValidation'] },
          { guard: 'typedMeanwhile', target: 'held', actions: ['rememberWritten', 'reportValidation'] },
          { target: 'clean', actions: ['rememberWritten', 'reportValidation'] },
        ],
        onError: { target: 'held', actions: { type: 'validationFailed', params: ({ event }) => ({ error: event.error }) } },
      },
      on: {
        'form.edit': { actions: 'applyEdit' },
      },
    },
    submitting: {
      entry: 'prepareSubmission',
      invoke: {
        src: 'storeOrder',
        input: ({ context }) => ({ order: context.toStore }),
        onDone: { target: 'clean', actions: ['rememberWritten', 'clearError', 'notJustValidated'] },
        onError: { target: 'clean', actions: { type: 'submissionFailed', params: ({ event }) => ({ error: event.error }) } },
      },
    },
  },
});
