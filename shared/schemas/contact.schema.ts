import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { syncedProperties, syncedRequired } from './common';

export const contactSchemaLiteral = {
  title: 'contact',
  description: 'A person at a customer account (TMF632 Individual)',
  version: 1,
  primaryKey: 'id',
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
