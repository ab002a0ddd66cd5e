import { canEditOrderDoc, canSendOrder, sendOrder, type OrderEvent } from '../../../shared/machines/order.machine';
import { ownerOf, sendOrThrow, type Actor } from '../../../shared/machines/send';
import { unsafeOrderText, validateOrder, type ValidationIssue } from '../../../shared/orders/order.validation';
import type { OrderDoc } from '../../../shared/schemas';
import type { OrderPayment } from '../../../shared/orders/payment';

/** What the rep fills in on an order; everything else is carried over from the quote. */
export interface OrderFields {
  billingAccount: string;
  street: string;
  city: string;
  postcode: string;
  country: string;
}
export type OrderField = keyof OrderFields;

/** The order form's fields in screen order, with the validation field each one answers for. */
export const ORDER_FIELDS: readonly { field: OrderField; label: string; issueField: string }[] = [
  { field: 'billingAccount', label: 'Billing account', issueField: 'billingAccount' },
  { field: 'street', label: 'Street', issueField: 'serviceAddress.street' },
  { field: 'city', label: 'City', issueField: 'serviceAddress.city' },
  { field: 'postcode', label: 'Postcode', issueField: 'serviceAddress.postcode' },
  { field: 'country', label: 'Country', issueField: 'serviceAddress.country' },
];

export function orderFieldId(field: OrderField): string {
  return `order-${field}`;
}

export function orderFieldsOf(order: OrderDoc): OrderFields {
  return {
    billingAccount: order.billingAccount ?? '',
    street: order.serviceAddress?.street ?? '',
    city: order.serviceAddress?.city ?? '',
    postcode: order.serviceAddress?.postcode ?? '',
    country: order.serviceAddress?.country ?? '',
  };
}

export function sameOrderFields(a: OrderFields, b: OrderFields): boolean {
  return ORDER_FIELDS.every(({ field }) => a[field] === b[field]);
}

/** Whether this actor may still change the order: an editable status (ORDER_EDITING) and the machine accepts `order.edit`. */
export function canEditOrder(order: OrderDoc, actor: Actor = ownerOf(order)): boolean {
  return canEditOrderDoc(order, actor);
}

export function canSubmitOrder(order: OrderDoc, actor: Actor = ownerOf(order)): boolean {
  return canSendOrder(order, { type: 'order.submit' }, actor);
}

/** Every order status change goes through the order machine and its role rules; without an actor the owner acts. */
function send(order: OrderDoc, event: OrderEvent, actor: Actor = ownerOf(order)): OrderDoc {
  return sendOrThrow(sendOrder(order, event, actor));
}

/**
 * The order with the typed fields applied through `order.edit` (a validated order goes back to
 * draft). Stored as typed, so a pause mid-word loses nothing; validation trims.
 */
export function editOrder(order: OrderDoc, fields: OrderFields, actor: Actor = ownerOf(order)): OrderDoc {
  const changes: Partial<OrderDoc> = {
    billingAccount: fields.billingAccount,
    serviceAddress: { street: fields.street, city: fields.city, postcode: fields.postcode, country: fields.country },
  };
  return send(order, { type: 'order.edit', changes }, actor);
}

/** The payment method chosen on the order screen: an edit like any other (a validated order goes back to draft). */
export function payOrder(order: OrderDoc, payment: OrderPayment, actor: Actor = ownerOf(order)): OrderDoc {
  return send(order, { type: 'order.edit', changes: { payment } }, actor);
}

/** Typed text no record may hold; while there is any, nothing is stored (what was typed stays on screen). */
export function unsafeFieldIssues(fields: OrderFields): ValidationIssue[] {
  const { billingAccount, ...serviceAddress } = fields;
  return unsafeOrderText({ billingAccount, serviceAddress });
}

export function trimOrderFields(fields: OrderFields): OrderFields {
  return {
    billingAccount: fields.billingAccount.trim(),
    street: fields.street.trim(),
    city: fields.city.trim(),
    postcode: fields.postcode.trim(),
    country: fields.country.trim(),
  };
}

/**
 * Applies the typed fields and checks the order. With no issues the machine moves it to
 * validated; otherwise it stays a draft with the typed fields kept, and the issues say why.
 */
export function validateOrderWith(
  order: OrderDoc,
  typed: OrderFields,
  actor: Actor = ownerOf(order),
): { order: OrderDoc; issues: ValidationIssue[] } {
  const fields = trimOrderFields(typed);
  const unsafe = unsafeFieldIssues(fields);
  if (unsafe.length > 0)
    return { order, issues: [...unsafe, ...validateOrder(order).filter((i) => !unsafe.some((u) => u.field === i.field))] };
  const edited = canEditOrder(order, actor) && !sameOrderFields(orderFieldsOf(order), fields) ? editOrder(order, fields, actor) : order;
  const issues = validateOrder(edited);
  if (issues.length > 0) return { order: edited, issues };
  // Already validated (nothing changed since): nothing to send.
  if (!canSendOrder(edited, { type: 'order.validate' }, actor)) return { order: edited, issues: [] };
  return { order: send(edited, { type: 'order.validate' }, actor), issues: [] };
}

/** Queues a validated order for the central system. */
export function submitOrder(order: OrderDoc, at: string, actor: Actor = ownerOf(order)): OrderDoc {
  // A new submission answers an earlier refusal: the central system judges it afresh.
  const { syncError: _answered, ...submitted } = send(order, { type: 'order.submit', at }, actor);
  return submitted;
}

/** The issue shown next to each field; issues of no field (lines, totals) are in the list only. */
export function issuesByField(issues: readonly ValidationIssue[]): Partial<Record<OrderField, string>> {
  const byField: Partial<Record<OrderField, string>> = {};
  for (const { field, issueField } of ORDER_FIELDS) {
    const issue = issues.find((i) => i.field === issueField);
    if (issue) byField[field] = issue.message;
  }
  return byField;
}

/** After the rep edits a field, its issue is answered (or will be re-checked on the next validation). */
export function withoutIssueFor(issues: readonly ValidationIssue[], field: OrderField): ValidationIssue[] {
  const issueField = ORDER_FIELDS.find((f) => f.field === field)?.issueField;
  return issues.filter((i) => i.field !== issueField);
}

/** What to do after a payment was not stored: a card is authorised on the central system already. */
export function paymentNotRecorded(stored: OrderDoc['payment'], tried: OrderDoc['payment']): string {
  if (tried?.method !== 'card') return 'Choose the payment method again.';
  const kept = stored ? ` The order keeps its ${stored.method === 'card' ? 'earlier card authorisation' : 'invoice payment'}.` : '';
  return `Card ending ${tried.last4} was authorised (reference ${tried.authorisationId}) but is not on the order: authorise it again.${kept}`;
}
