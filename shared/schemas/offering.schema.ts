import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';

const whenSchema = {
  type: 'object',
  description: 'Applies only when the line has this characteristic value',
  properties: { characteristic: { type: 'string' }, value: { type: 'string' } },
  required: ['characteristic', 'value'],
} as const;

/**
 * A product offering of the local catalog copy (TMF620 ProductOffering with its
 * specification characteristics and ProductOfferingPrices embedded). Read-only on the laptop.
 */
export const offeringSchemaLiteral = {
  title: 'offering',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string' },
    description: { type: 'string' },
    category: { type: 'string' },
    /** TMF620 lifecycle: only `Launched` offerings may be sold to new customers. */
    lifecycleStatus: { type: 'string' },
    isBundle: { type: 'boolean' },
    bundledOfferingIds: { type: 'array', items: { type: 'string' } },
    characteristics: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          values: { type: 'array', items: { type: 'string' } },
          default: { type: 'string' },
        },
        required: ['name', 'values', 'default'],
      },
    },
    prices: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          priceType: { type: 'string', enum: ['oneTime', 'recurring'] },
          recurringChargePeriod: { type: 'string' },
          /** Per unit, integer cents. */
          amount: { type: 'integer' },
          currency: { type: 'string' },
          when: whenSchema,
        },
        required: ['id', 'name', 'priceType', 'amount', 'currency'],
      },
    },
    /** Price alterations (TMF620 POPAlteration), e.g. a longer contract term discounts the recurring charge. */
    discounts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          appliesTo: { type: 'string', enum: ['oneTime', 'recurring'] },
          percent: { type: 'number', minimum: 0, maximum: 100 },
          when: whenSchema,
        },
        required: ['name', 'appliesTo', 'percent', 'when'],
      },
    },
    catalogVersion: { type: 'string' },
    updatedAt: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'name', 'category', 'lifecycleStatus', 'isBundle', 'characteristics', 'prices', 'catalogVersion', 'updatedAt'],
} as const;

export type OfferingDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof offeringSchemaLiteral>;
export const offeringSchema: RxJsonSchema<OfferingDoc> = offeringSchemaLiteral;
