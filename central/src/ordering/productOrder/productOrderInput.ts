import { badRequest } from '../../platform/http/errors';
import { isObject, type JsonObject } from '../../platform/json';
import { profileProblems } from '../../platform/tmf/profileRules';
import { PRODUCT_ORDER_RULES } from './productOrderProfile';
import { ORDER_ITEM_ACTIONS } from './productOrderTypes';

/** ProductOrder_Create properties (TMF622 v4); server-owned ones (id, href, state...) are ignored. */
const CREATE_PROPERTIES = new Set([
  'cancellationDate',
  'cancellationReason',
  'category',
  'description',
  'externalId',
  'notificationContact',
  'priority',
  'requestedCompletionDate',
  'requestedStartDate',
  'agreement',
  'billingAccount',
  'channel',
  'note',
  'orderTotalPrice',
  'payment',
  'productOfferingQualification',
  'productOrderItem',
  'quote',
  'relatedParty',
  '@baseType',
  '@schemaLocation',
  '@type',
]);
const STRING_PROPERTIES = [
  'cancellationReason',
  'category',
  'description',
  'externalId',
  'notificationContact',
  'priority',
  'requestedCompletionDate',
  'requestedStartDate',
  'cancellationDate',
  '@baseType',
  '@schemaLocation',
  '@type',
];
const ARRAY_PROPERTIES = [
  'agreement',
  'channel',
  'note',
  'orderTotalPrice',
  'payment',
  'productOfferingQualification',
  'quote',
  'relatedParty',
];

function checkItem(item: unknown, path: string): void {
  if (!isObject(item)) throw badRequest(`${path} must be an object with id and action`);
  if (typeof item.id !== 'string' || item.id === '') throw badRequest(`${path}.id is required: the line number, e.g. "01"`);
  if (typeof item.action !== 'string' || !(ORDER_ITEM_ACTIONS as readonly string[]).includes(item.action)) {
    throw badRequest(`${path}.action must be one of ${ORDER_ITEM_ACTIONS.join(', ')}`);
  }
  if (item.quantity !== undefined && (!Number.isSafeInteger(item.quantity) || Number(item.quantity) < 1)) {
    throw badRequest(`${path}.quantity must be a whole number of 1 or more`);
  }
  if (item.productOffering !== undefined) {
    if (!isObject(item.productOffering) || typeof item.productOffering.id !== 'string' || item.productOffering.id === '') {
      throw badRequest(`${path}.productOffering must be a reference with an id`);
    }
  }
  if (item.productOrderItem !== undefined) {
    if (!Array.isArray(item.productOrderItem)) throw badRequest(`${path}.productOrderItem must be an array`);
    item.productOrderItem.forEach((child, index) => checkItem(child, `${path}.productOrderItem[${index}]`));
  }
}

/** Checks a POST /productOrder body against ProductOrder_Create and the conformance profile. */
export function parseProductOrderCreate(body: unknown): JsonObject {
  if (!isObject(body)) throw badRequest('The body must be a ProductOrder_Create JSON object');
  const items = body.productOrderItem;
  if (!Array.isArray(items) || items.length === 0) {
    throw badRequest('productOrderItem is required: at least one item with id and action');
  }
  items.forEach((item, index) => checkItem(item, `productOrderItem[${index}]`));
  for (const name of STRING_PROPERTIES) {
    if (body[name] !== undefined && typeof body[name] !== 'string') throw badRequest(`${name} must be a string`);
  }
  for (const name of ARRAY_PROPERTIES) {
    if (body[name] !== undefined && !Array.isArray(body[name])) throw badRequest(`${name} must be an array`);
  }
  if (typeof body.externalId === 'string' && (body.externalId === '' || body.externalId.length > 200)) {
    throw badRequest('externalId must be 1 to 200 characters');
  }
  const parties = body.relatedParty;
  if (!Array.isArray(parties) || parties.length === 0) {
    throw badRequest('relatedParty is required: at least the customer, with id and @referredType');
  }
  parties.forEach((party, index) => {
    if (!isObject(party) || typeof party.id !== 'string' || party.id === '' || typeof party['@referredType'] !== 'string') {
      throw badRequest(`relatedParty[${index}] needs an id and an @referredType (e.g. "Organization")`);
    }
  });
  if (Array.isArray(body.note) && !body.note.every((note) => isObject(note) && typeof note.text === 'string')) {
    throw badRequest('Every note needs a text');
  }
  if (body.billingAccount !== undefined && (!isObject(body.billingAccount) || typeof body.billingAccount.id !== 'string')) {
    throw badRequest('billingAccount must be a reference with an id');
  }
  // TMF622B: every reference and structure the order carries has its mandatory attributes.
  const problems = profileProblems(PRODUCT_ORDER_RULES, body, 'request');
  if (problems.length > 0) throw badRequest(problems.slice(0, 5).join('; '));
  return Object.fromEntries(Object.entries(body).filter(([key]) => CREATE_PROPERTIES.has(key)));
}

/** productOffering ids referenced by the items, nested ones included. */
export function referencedOfferings(items: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const item of items) {
    if (!isObject(item)) continue;
    if (isObject(item.productOffering) && typeof item.productOffering.id === 'string') ids.push(item.productOffering.id);
    if (Array.isArray(item.productOrderItem)) ids.push(...referencedOfferings(item.productOrderItem));
  }
  return ids;
}
