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
  /** v1: compatibility rules (`relationships`) and bundle components with their limits (`bundledOfferings`). */
  version: 1,
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
    /** The offerings a bundle includes (its required components). */
    bundledOfferingIds: { type: 'array', items: { type: 'string' } },
    /**
     * A bundle's components with how many of each it takes (TMF620 bundledProductOffering with its
     * bundledProductOfferingOption): min 1 or more = included (required), min 0 = an optional add-on.
     */
    bundledOfferings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          offeringId: { type: 'string' },
          name: { type: 'string' },
          min: { type: 'integer', minimum: 0 },
          max: { type: 'integer', minimum: 0 },
        },
        required: ['offeringId', 'name', 'min', 'max'],
      },
    },
    /**
     * Compatibility rules (TMF620 productOfferingRelationship, one entry per relationshipType and
     * role): `requires` all of, `excludes` any of, `oneOf` exactly one of these offerings at the same
     * site. `role` names the group in words ("a fibre access line"). Checked by shared/catalog/configRules.ts.
     */
    relationships: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['requires', 'excludes', 'oneOf'] },
          role: { type: 'string' },
          offerings: {
            type: 'array',
            items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] },
          },
        },
        required: ['kind', 'role', 'offerings'],
      },
    },
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
