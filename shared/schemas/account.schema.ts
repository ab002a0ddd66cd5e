import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { PENDING_INDEX, syncedProperties, syncedRequired } from './common';

const addressProperties = {
  street: { type: 'string' },
  city: { type: 'string' },
  postcode: { type: 'string' },
  country: { type: 'string' },
} as const;

/** An account embeds its sites and billing accounts: one aggregate, one collection. */
export const accountSchemaLiteral = {
  title: 'account',
  description: 'A customer account (TMF629 Customer) with its billing accounts and sites',
  version: 3,
  primaryKey: 'id',
  /** "Changes waiting to sync" counts by index instead of decrypting every document (v2). */
  indexes: [PENDING_INDEX],
  /** Personal data and the rep's losing side of a conflict: encrypted at rest (key derived from the rep's password). */
  encrypted: ['sites', 'conflictCopy'],
  type: 'object',
  properties: {
    ...syncedProperties,
    name: { type: 'string' },
    country: { type: 'string' },
    industry: { type: 'string' },
    /** Credit limit in whole currency units, checked by the central system on order ingest. */
    creditLimit: { type: 'number' },
    primaryContactId: { type: 'string' },
    sourceLeadId: { type: 'string' },
    /** The parent account in the customer's hierarchy (a branch under its head office; v3). */
    parentAccountId: { type: 'string' },
    billingAccounts: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] },
    },
    sites: {
      type: 'array',
      items: {
        type: 'object',
        /** A site is a service address; `name` says which one to a rep ("Head office", v3). */
        properties: { id: { type: 'string' }, name: { type: 'string' }, ...addressProperties },
        required: ['id', 'street', 'city', 'postcode', 'country'],
      },
    },
  },
  required: [...syncedRequired, 'name', 'country'],
} as const;

export type AccountDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof accountSchemaLiteral>;
export const accountSchema: RxJsonSchema<AccountDoc> = accountSchemaLiteral;
export { addressProperties };
