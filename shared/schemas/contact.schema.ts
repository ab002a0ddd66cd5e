import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { PENDING_INDEX, syncedProperties, syncedRequired } from './common';

export const contactSchemaLiteral = {
  title: 'contact',
  description: 'A person at a customer account (TMF632 Individual)',
  version: 2,
  primaryKey: 'id',
  /** "Changes waiting to sync" counts by index instead of decrypting every document (v2). */
  indexes: [PENDING_INDEX],
  /** Personal data and the rep's losing side of a conflict: encrypted at rest (key derived from the rep's password). */
  encrypted: ['name', 'email', 'phone', 'conflictCopy'],
  type: 'object',
  properties: {
    ...syncedProperties,
    accountId: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    phone: { type: 'string' },
  },
  required: [...syncedRequired, 'accountId', 'name'],
} as const;

export type ContactDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof contactSchemaLiteral>;
export const contactSchema: RxJsonSchema<ContactDoc> = contactSchemaLiteral;
