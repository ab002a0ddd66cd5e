import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { characteristicValueSchema, syncedProperties, syncedRequired } from './common';

/** TMF637 ProductStatusType, as published (including the trailing space of "aborted "). */
export const PRODUCT_STATUSES = [
  'created',
  'pendingActive',
  'cancelled',
  'active',
  'pendingTerminate',
  'terminated',
  'suspended',
  'aborted ',
] as const;

/**
 * An installed product of a customer account (TMF637 Product, "asset"): created by the central
 * system when an order completes, owned by the rep who placed the order, read-only on the laptop.
 * The document id is the TMF637 product id.
 */
export const productSchemaLiteral = {
  title: 'product',
  description: 'An installed product (asset) of a customer account, TMF637 Product',
  version: 1,
  primaryKey: 'id',
  /** The rep's losing side of a conflict can hold anything they typed: encrypted at rest. */
  encrypted: ['conflictCopy'],
  type: 'object',
  properties: {
    ...syncedProperties,
    accountId: { type: 'string', maxLength: 40 },
    accountName: { type: 'string' },
    name: { type: 'string' },
    offeringId: { type: 'string' },
    isBundle: { type: 'boolean' },
    status: { type: 'string', enum: PRODUCT_STATUSES },
    characteristics: { type: 'array', items: characteristicValueSchema },
    /** Lines, seats or units of the order line this product came from. */
    quantity: { type: 'integer', minimum: 1 },
    /** Monthly recurring charge (quantity included), integer cents. */
    recurring: { type: 'integer' },
    currency: { type: 'string' },
    startDate: { type: 'string' },
    /** The app's order id (ProductOrder.externalId), or the TMF622 id of an order placed over the API. */
    orderId: { type: 'string' },
    /** TMF622 ProductOrder id and order item id that created this product. */
    tmfOrderId: { type: 'string' },
    orderItemId: { type: 'string' },
  },
  required: [...syncedRequired, 'accountId', 'name', 'offeringId', 'status', 'characteristics', 'quantity', 'startDate', 'orderId'],
} as const;

export type ProductDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof productSchemaLiteral>;
export const productSchema: RxJsonSchema<ProductDoc> = productSchemaLiteral;
