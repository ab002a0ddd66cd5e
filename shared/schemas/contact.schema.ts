import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { syncedProperties, syncedRequired } from './common';

export const contactSchemaLiteral = {
  title: 'contact',
  description: 'A person at a customer account (TMF632 Individual)',
  version: 0,
  primaryKey: 'id',
  /** Personal data: encrypted at rest on the laptop (the key is derived from the rep's password). */
  encrypted: ['name', 'email', 'phone'],
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
