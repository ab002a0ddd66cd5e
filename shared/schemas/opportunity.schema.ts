import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { PENDING_INDEX, syncedProperties, syncedRequired } from './common';

/** TMF699 v5 SalesOpportunityStateType (v4 has only the reference). */
export const OPPORTUNITY_STATES = ['acknowledged', 'inProgress', 'pending', 'accepted', 'rejected', 'cancelled'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATES)[number];

export const opportunitySchemaLiteral = {
  title: 'opportunity',
  description: 'A sales opportunity created by converting a qualified lead',
  version: 2,
  primaryKey: 'id',
  /** "Changes waiting to sync" counts by index instead of decrypting every document (v2). */
  indexes: [PENDING_INDEX],
  /** The rep's losing side of a conflict can hold anything they typed: encrypted at rest. */
  encrypted: ['conflictCopy'],
  type: 'object',
  properties: {
    ...syncedProperties,
    name: { type: 'string' },
    accountId: { type: 'string' },
    contactId: { type: 'string' },
    leadId: { type: 'string' },
    productCategory: { type: 'string' },
    expectedAmount: { type: 'number' },
    status: { type: 'string', enum: OPPORTUNITY_STATES },
  },
  required: [...syncedRequired, 'name', 'accountId', 'status'],
} as const;

export type OpportunityDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof opportunitySchemaLiteral>;
export const opportunitySchema: RxJsonSchema<OpportunityDoc> = opportunitySchemaLiteral;
