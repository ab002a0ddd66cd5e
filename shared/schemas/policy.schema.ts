import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';

export const POLICY_KINDS = ['orderApproval', 'discount'] as const;

/**
 * A business policy the central system publishes as reference data (read-only on the laptop),
 * so the app can say offline what the central system will decide. `orderApproval`
 * (shared/orders/orderPolicy.ts): when a submitted order waits for the rep's manager. `discount`
 * (v1, shared/quotes/discountPolicy.ts): who decides a quote discount of a given depth. Each kind's
 * fields are optional in the schema (v1) and checked by the function that reads that kind.
 */
export const policySchemaLiteral = {
  title: 'policy',
  version: 1,
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
    updatedAt: { type: 'string', maxLength: 40 },
  },
  // v1: only what every kind has; orderApproval's fields moved to its reader (orderApprovalPolicyOf).
  required: ['id', 'kind', 'name', 'updatedAt'],
} as const;

export type PolicyDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof policySchemaLiteral>;
export const policySchema: RxJsonSchema<PolicyDoc> = policySchemaLiteral;
