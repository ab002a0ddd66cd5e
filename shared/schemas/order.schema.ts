import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { PENDING_INDEX, syncedProperties, syncedRequired } from './common';
import { lineItemSchema, totalsSchema } from './lineItem';

/** States the order has on the laptop before the central system owns it. */
export const ORDER_LOCAL_STATES = ['draft', 'validated', 'queued'] as const;
/** TMF622 ProductOrderStateType: owned by the central system once ingested. */
export const ORDER_TMF_STATES = [
  'acknowledged',
  'rejected',
  'pending',
  'held',
  'inProgress',
  'cancelled',
  'completed',
  'failed',
  'partial',
  'assessingCancellation',
  'pendingCancellation',
] as const;
export const ORDER_STATES = [...ORDER_LOCAL_STATES, ...ORDER_TMF_STATES] as const;
export type OrderStatus = (typeof ORDER_STATES)[number];

export const orderSchemaLiteral = {
  title: 'order',
  description: 'A product order, from an accepted quote or captured directly (TMF622 ProductOrder once ingested)',
  version: 3,
  primaryKey: 'id',
  /** "Changes waiting to sync" counts by index instead of decrypting every document (v2). */
  indexes: [PENDING_INDEX],
  /** Personal data and the rep's losing side of a conflict: encrypted at rest (key derived from the rep's password). */
  encrypted: ['serviceAddress', 'conflictCopy', 'informationAnswer'],
  type: 'object',
  properties: {
    ...syncedProperties,
    quoteId: { type: 'string' },
    opportunityId: { type: 'string' },
    accountId: { type: 'string' },
    accountName: { type: 'string' },
    status: { type: 'string', enum: ORDER_STATES },
    items: { type: 'array', items: lineItemSchema },
    totals: totalsSchema,
    catalogVersion: { type: 'string' },
    billingAccount: { type: 'string' },
    serviceAddress: {
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' }, postcode: { type: 'string' }, country: { type: 'string' } },
    },
    /** Agreed payment terms, e.g. "Net 30"; terms outside the order policy's standard ones need the manager. */
    paymentTerms: { type: 'string' },
    /** The id of the submitted order this supplemental order revises (TMF622 items with action modify). */
    supplementOf: { type: 'string' },
    /** Why the rep asked to cancel the submitted order (TMF622 cancelProductOrder). */
    cancellationReason: { type: 'string' },
    submittedAt: { type: 'string' },
    /**
     * The rep's answer to the central system's information request (a pending order, TMF622
     * ProductOrderInformationRequiredEvent); the central system adds it as a note and resumes the order.
     */
    informationAnswer: {
      type: 'object',
      properties: { text: { type: 'string' }, answeredAt: { type: 'string' } },
      required: ['text'],
    },
    /**
     * The rep accepted the partial delivery of a `partial` order (order.acceptPartial): the delivered
     * lines stay, the order stays `partial` (TMF622 final) and the central system notes the acceptance.
     */
    partialAcceptance: {
      type: 'object',
      properties: { acceptedAt: { type: 'string' } },
      required: ['acceptedAt'],
    },
    /**
     * v3, a delta order (asset-based ordering): the order changes the installed product `productId`
     * (TMF637) instead of adding one - `modify` (a change such as more bandwidth, or a move) or
     * `delete` (a disconnect). Absent: a new order, every line `add`.
     */
    delta: {
      type: 'object',
      properties: {
        action: { type: 'string', enum: ['modify', 'delete'] },
        change: { type: 'string', enum: ['change', 'move', 'disconnect'] },
        productId: { type: 'string' },
        productName: { type: 'string' },
      },
      required: ['action', 'change', 'productId'],
    },
    /**
     * v3, charges and tax before submit (shared/orders/charges.ts): `totals` stay the lines'
     * subtotal; this is what the charge table adds, stamped when the rep stores the order, so the
     * rep, the summary and the central system read the same figures (cents; one-time and monthly apart).
     */
    charges: {
      type: 'object',
      properties: {
        installation: { type: 'integer', minimum: 0 },
        shipping: { type: 'integer', minimum: 0 },
        taxBasisPoints: { type: 'integer', minimum: 0 },
        taxOneTime: { type: 'integer', minimum: 0 },
        taxRecurring: { type: 'integer', minimum: 0 },
        totalOneTime: { type: 'integer' },
        totalRecurring: { type: 'integer' },
        currency: { type: 'string' },
        tableVersion: { type: 'string' },
      },
      required: [
        'installation',
        'shipping',
        'taxBasisPoints',
        'taxOneTime',
        'taxRecurring',
        'totalOneTime',
        'totalRecurring',
        'currency',
        'tableVersion',
      ],
    },
    /**
     * v3, payment method (shared/orders/payment.ts): invoice, or a card authorised by the central
     * system, of which only the authorisation's reference is kept (never the card number).
     */
    payment: {
      type: 'object',
      properties: {
        method: { type: 'string', enum: ['invoice', 'card'] },
        authorisationId: { type: 'string' },
        brand: { type: 'string', enum: ['visa', 'mastercard', 'amex', 'other'] },
        last4: { type: 'string' },
        amount: { type: 'integer', minimum: 0 },
        currency: { type: 'string' },
      },
      required: ['method'],
    },
    /** Set by the central system: the TMF622 ProductOrder id and the reason of its last state change. */
    tmfOrderId: { type: 'string' },
    stateReason: { type: 'string' },
    /** Set by the central system: who accepted the partial delivery and when, as its TMF622 note says. */
    partialAcceptanceNoted: {
      type: 'object',
      properties: { by: { type: 'string' }, at: { type: 'string' } },
      required: ['by', 'at'],
    },
    /** Set by the central system: whether the order policy routed it to the rep's manager, and the decision. */
    approval: {
      type: 'object',
      properties: {
        state: { type: 'string', enum: ['required', 'approved', 'declined'] },
        reason: { type: 'string' },
        decidedBy: { type: 'string' },
        decidedAt: { type: 'string' },
      },
      required: ['state', 'reason'],
    },
  },
  required: [...syncedRequired, 'accountId', 'accountName', 'status', 'items', 'totals', 'catalogVersion'],
} as const;

export type OrderDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof orderSchemaLiteral>;
export const orderSchema: RxJsonSchema<OrderDoc> = orderSchemaLiteral;
