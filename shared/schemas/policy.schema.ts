import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';

export const POLICY_KINDS = ['orderApproval'] as const;

/**
 * A business policy the central system publishes as reference data (read-only on the laptop),
 * so the app can say offline what the central system will decide. `orderApproval`
 * (shared/orders/orderPolicy.ts): when a submitted order waits for the rep's manager.
 */
export const policySchemaLiteral = {
  title: 'policy',
  version: 0,
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
    updatedAt: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'kind', 'name', 'valueThreshold', 'valueMonths', 'currency', 'standardPaymentTerms', 'repDiscountPercent', 'updatedAt'],
} as const;

export type PolicyDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof policySchemaLiteral>;
export const policySchema: RxJsonSchema<PolicyDoc> = policySchemaLiteral;
