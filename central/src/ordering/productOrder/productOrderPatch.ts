/**
 * PATCH /productOrder/{id} (TMF622 v4 ProductOrder_Update, merge-patch semantics: an attribute
 * set to null is removed, an object is merged, anything else replaces).
 *
 * ProductOrder_Update skips only id, href and orderDate, but the central system narrows it:
 * the state and its dates change only through the order lifecycle (one code path with the
 * shared order machine, events and the rep's document), and what the consistency check
 * accepted (items, prices, parties, externalId) cannot change behind its back.
 */
import { badRequest } from '../../platform/http/errors';
import { isObject, jsonEqual, type JsonObject } from '../../platform/json';
import type { ProductOrder } from './productOrderTypes';

const PATCHABLE_STRINGS = ['category', 'description', 'notificationContact', 'priority', '@baseType', '@schemaLocation'];
const PATCHABLE_DATES = ['requestedCompletionDate', 'requestedStartDate'];
const PATCHABLE_ARRAYS = ['agreement', 'channel', 'note', 'payment', 'productOfferingQualification', 'quote'];
const PATCHABLE_REFERENCES = ['billingAccount'];

const CANCEL = 'it is set by a cancellation request; POST /cancelProductOrder';
/** Attributes of the ProductOrder that PATCH refuses, with what to do instead. */
const REFUSED: Readonly<Record<string, string>> = {
  id: 'id is assigned by the central system',
  href: 'href is assigned by the central system',
  orderDate: 'orderDate is set when the order is placed',
  state: 'state changes only through the order lifecycle; to cancel the order, POST /cancelProductOrder',
  completionDate: 'completionDate is set when the order reaches a final state',
  expectedCompletionDate: 'expectedCompletionDate is set by order treatment',
  cancellationDate: `cancellationDate cannot be patched: ${CANCEL}`,
  cancellationReason: `cancellationReason cannot be patched: ${CANCEL}`,
  externalId: "externalId identifies the consumer's order (the app's order id) and cannot change",
  productOrderItem:
    'productOrderItem (lines and their state) cannot change once the order passed the consistency check; cancel it and place a new order',
  orderTotalPrice: 'orderTotalPrice follows the lines checked against the catalog when the order was placed',
  relatedParty: 'relatedParty (the customer checked when the order was placed) cannot change; place a new order for another customer',
  '@type': '@type is ProductOrder',
};

/** Notes the central system writes (state reason, review findings): kept whatever a patch says. */
export const CENTRAL_NOTE_IDS: ReadonlySet<string> = new Set(['stateReason', 'priceCheck', 'creditCheck', 'serviceAddress']);
/** Notes listing the order's attachments (ordering/attachments/attachmentNotes.ts): kept too. */
export const ATTACHMENT_NOTE_PREFIX = 'attachment:';

const isCentralNote = (id: unknown): boolean =>
  typeof id === 'string' && (CENTRAL_NOTE_IDS.has(id) || id.startsWith(ATTACHMENT_NOTE_PREFIX));

function checkValue(name: string, value: unknown): void {
  if (value === null) return;
  if (PATCHABLE_STRINGS.includes(name) && typeof value !== 'string') throw badRequest(`${name} must be a string (or null to remove it)`);
  if (PATCHABLE_DATES.includes(name) && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
    throw badRequest(`${name} must be a date-time, e.g. 2026-12-01T09:00:00Z (or null to remove it)`);
  }
  if (PATCHABLE_ARRAYS.includes(name) && !Array.isArray(value)) throw badRequest(`${name} must be an array (or null to remove it)`);
  if (name === 'note' && Array.isArray(value) && !value.every((note) => isObject(note) && typeof note.text === 'string')) {
    throw badRequest('Every note needs a text');
  }
  if (PATCHABLE_REFERENCES.includes(name) && (!isObject(value) || (value.id !== undefined && typeof value.id !== 'string'))) {
    throw badRequest(`${name} must be a reference object with an id (or null to remove it)`);
  }
}

/** Checks a PATCH body: 400 naming the first attribute that may not be patched or is malformed. */
export function parseProductOrderPatch(body: unknown): JsonObject {
  if (!isObject(body)) throw badRequest('The body must be a JSON object with the ProductOrder attributes to change');
  const patchable = [...PATCHABLE_STRINGS, ...PATCHABLE_DATES, ...PATCHABLE_ARRAYS, ...PATCHABLE_REFERENCES];
  for (const [name, value] of Object.entries(body)) {
    const refusal = REFUSED[name];
    if (refusal) throw badRequest(`${name} cannot be patched: ${refusal}`);
    if (!patchable.includes(name))
      throw badRequest(`${name} is not a ProductOrder attribute that can be patched; patchable: ${patchable.join(', ')}`);
    checkValue(name, value);
  }
  return body;
}

/** RFC 7386 JSON merge patch of one value. */
function mergeValue(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const merged: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = mergeValue(merged[key], value);
  }
  return merged;
}

function withCentralNotes(current: ProductOrder, patched: unknown): ProductOrder['note'] {
  const central = (current.note ?? []).filter((note) => isCentralNote(note.id));
  const own = Array.isArray(patched) ? patched.filter(isObject).filter((note) => !isCentralNote(note.id)) : [];
  return [...(own as NonNullable<ProductOrder['note']>), ...central];
}

/** The patched order and the attributes that really changed (for the event's fieldPath). */
export function applyProductOrderPatch(current: ProductOrder, patch: JsonObject): { order: ProductOrder; changed: string[] } {
  const order: ProductOrder = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (name === 'note') order.note = withCentralNotes(current, value);
    else if (value === null) delete order[name];
    else order[name] = mergeValue(current[name], value);
  }
  const changed = Object.keys(patch).filter((name) => !jsonEqual(current[name], order[name]));
  return { order, changed };
}
