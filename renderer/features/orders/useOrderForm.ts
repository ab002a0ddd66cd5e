import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ValidationIssue } from '../../../shared/orders/order.validation';
import type { OrderDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { actorOf } from '../session/actor';
import { saveDocument } from '../../data/writes';
import {
  canEditOrder, canSubmitOrder, editOrder, ORDER_FIELDS, orderFieldsOf, sameOrderFields, submitOrder, trimOrderFields, unsafeFieldIssues,
  validateOrderWith, withoutIssueFor, type OrderField, type OrderFields,
} from './orderForm';

/** Typing is stored after this pause, so the store is not written on every keystroke. */
const SAVE_DELAY_MS = 400;

export interface OrderFormState {
  fields: OrderFields;
  issues: ValidationIssue[];
  /** A new object after every validation that found issues, so focus moves to the first one. */
  focusRequest: { field: OrderField | null } | null;
  editable: boolean;
  /** The machine allows `order.submit` and nothing typed is waiting to be stored. */
  canSubmit: boolean;
  busy: boolean;
  error: string | null;
  justValidated: boolean;
  edit(field: OrderField, value: string): void;
  validate(): Promise<void>;
  submit(): Promise<void>;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The order's editable fields, held here while the rep types so the inputs never jump back while
 * a write is on its way (mount with `key={order.id}`). A change of the stored fields that this
 * screen did not write (e.g. a sync conflict resolved for the central system's version) is taken
 * over once nothing typed is pending; the rep's side then shows in the conflict notice.
 */
export function useOrderForm(order: OrderDoc): OrderFormState {
  const { db, user } = useOutpost();
  const actor = useMemo(() => actorOf(user), [user]);
  const [fields, setFields] = useState<OrderFields>(() => orderFieldsOf(order));
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [focusRequest, setFocusRequest] = useState<{ field: OrderField | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [justValidated, setJustValidated] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  /** The fields this screen last stored, to tell its own writes from changes made elsewhere. */
  const lastWritten = useRef<OrderFields>(orderFieldsOf(order));
  // The latest stored order and typed fields, for writes started from timers.
  const latest = useRef({ order, fields });
  latest.current.order = order;

  useEffect(() => {
    const stored = orderFieldsOf(order);
    if (dirtyRef.current || sameOrderFields(stored, lastWritten.current)) return;
    lastWritten.current = stored;
    latest.current.fields = stored;
    setFields(stored);
  }, [order]);

  const stopTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopTimer, []);

  const flush = useCallback(async () => {
    stopTimer();
    const { order: current, fields: typed } = latest.current;
    // Text no record may hold is never stored; it stays on screen with its message until fixed.
    if (unsafeFieldIssues(typed).length > 0) return;
    try {
      if (canEditOrder(current, actor) && !sameOrderFields(orderFieldsOf(current), typed)) {
        lastWritten.current = typed;
        await saveDocument(db, 'orders', editOrder(current, typed, actor));
      }
      setError(null);
      // Only clean when nothing was typed while the write was on its way.
      if (sameOrderFields(latest.current.fields, typed)) setDirty(false);
    } catch (e) {
      setError(`The order could not be saved: ${reason(e)}. What you typed is kept.`);
    }
  }, [db, actor]);

  const edit = useCallback(
    (field: OrderField, value: string) => {
      const next = { ...latest.current.fields, [field]: value };
      latest.current.fields = next;
      setFields(next);
      setDirty(true);
      setJustValidated(false);
      const unsafe = unsafeFieldIssues(next);
      const issueField = ORDER_FIELDS.find((f) => f.field === field)?.issueField;
      setIssues((current) => [...withoutIssueFor(current, field), ...unsafe.filter((i) => i.field === issueField)]);
      stopTimer();
      if (unsafe.length > 0) return;
      // A validated order goes back to draft at once, so it cannot be submitted unchecked.
      const delay = latest.current.order.status === 'validated' ? 0 : SAVE_DELAY_MS;
      timer.current = setTimeout(() => void flush(), delay);
    },
    [flush],
  );

  const validate = useCallback(async () => {
    stopTimer();
    setBusy(true);
    const { order: current, fields: typed } = latest.current;
    try {
      const { order: checked, issues: found } = validateOrderWith(current, typed, actor);
      if (checked !== current) {
        lastWritten.current = orderFieldsOf(checked);
        await saveDocument(db, 'orders', checked);
      }
      setError(null);
      // Unsafe text was not stored: the screen still holds something the store does not.
      if (sameOrderFields(latest.current.fields, typed) && unsafeFieldIssues(typed).length === 0) setDirty(false);
      setIssues(found);
      setJustValidated(found.length === 0);
      if (found.length > 0) setFocusRequest({ field: ORDER_FIELDS.find((f) => found.some((i) => i.field === f.issueField))?.field ?? null });
    } catch (e) {
      setError(`The order could not be validated: ${reason(e)}. What you typed is kept.`);
    } finally {
      setBusy(false);
    }
  }, [db, actor]);

  const submit = useCallback(async () => {
    setBusy(true);
    try {
      await saveDocument(db, 'orders', submitOrder(latest.current.order, new Date().toISOString(), actor));
      setError(null);
      setJustValidated(false);
    } catch (e) {
      setError(`The order could not be submitted: ${reason(e)}`);
    } finally {
      setBusy(false);
    }
  }, [db, actor]);

  return {
    fields,
    issues,
    focusRequest,
    editable: canEditOrder(order, actor),
    // What is submitted must be what is on screen.
    canSubmit: canSubmitOrder(order, actor) && !dirty && !busy && sameOrderFields(trimOrderFields(orderFieldsOf(order)), trimOrderFields(fields)),
    busy,
    error,
    justValidated,
    edit,
    validate,
    submit,
  };
}
