import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';

export const POLICY_KINDS = ['orderApproval', 'discount', 'charges'] as const;

/**
 * A business policy the central system publishes as reference data (read-only on the laptop),
 * so the app can say offline what the central system will decide. `orderApproval`
 * (shared/orders/orderPolicy.ts): when a submitted order waits for the rep's manager. `discount`
 * (v1, shared/quotes/discountPolicy.ts): who decides a quote discount of a given depth. Each kind's
 * fields are optional in the schema (v1) and checked by the function that reads that kind.
 * `charges` (v2, shared/orders/charges.ts): tax rates by country and the installation and
 * shipping charges an order adds to its lines.
 */
export const policySchemaLiteral = {
  title: 'policy',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    kind: { type: 'string', enum: POLICY_KINDS },
    name: { type: 'string' },
    /** Order value above which the manager approves, cents: one-time plus `valueMonths` of the monthly total. */
    valueThreshold: { type: 'integer', minimum: 0 },
    valueMonths: { type: 'integer', minimum: 0 },
    currency: { type: 'string' },
    /** Payment terms a rep may agree alone; any other terms need the manager. */
    standardPaymentTerms: { type: 'array', items: { type: 'string' } },
    /** The discount off the catalog list price a rep may give without a quote approved for it, percent. */
    repDiscountPercent: { type: 'number', minimum: 0, maximum: 100 },
    /** `discount` (v1): up to `upToPercent` (inclusive) the `approver` decides; the last level covers everything above. */
    levels: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          upToPercent: { type: 'number', minimum: 0, maximum: 100 },
          approver: { type: 'string', enum: ['rep', 'manager', 'director'] },
        },
        required: ['upToPercent', 'approver'],
      },
    },
    /** `charges` (v2): tax rate per country (ISO 3166 alpha-2), basis points (825 = 8.25 %). */
    taxRates: {
      type: 'array',
      items: {
        type: 'object',
        properties: { country: { type: 'string' }, basisPoints: { type: 'integer', minimum: 0 } },
        required: ['country', 'basisPoints'],
      },
    },
    /** `charges` (v2): the rate of a country the table does not name, basis points. */
    defaultTaxBasisPoints: { type: 'integer', minimum: 0 },
    /** `charges` (v2): one-time charges per unit of an offering, cents: installation (a visit) or shipping (a physical item). */
    itemCharges: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          offeringId: { type: 'string' },
          kind: { type: 'string', enum: ['installation', 'shipping'] },
          amount: { type: 'integer', minimum: 0 },
        },
        required: ['offeringId', 'kind', 'amount'],
      },
    },
    /** `charges` (v2): shipping is free when the lines' one-time subtotal reaches this, cents. */
    freeShippingFrom: { type: 'integer', minimum: 0 },
    updatedAt: { type: 'string', maxLength: 40 },
  },
  // v1: only what every kind has; orderApproval's fields moved to its reader (orderApprovalPolicyOf).
  required: ['id', 'kind', 'name', 'updatedAt'],
} as const;

export type PolicyDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof policySchemaLiteral>;
export const policySchema: RxJsonSchema<PolicyDoc> = policySchemaLiteral;
