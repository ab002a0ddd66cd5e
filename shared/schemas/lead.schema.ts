import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { PENDING_INDEX, syncedProperties, syncedRequired } from './common';

/** TMF699 SalesLeadStateType. */
export const LEAD_STATES = ['acknowledged', 'inProgress', 'pending', 'accepted', 'rejected', 'cancelled'] as const;
export type LeadStatus = (typeof LEAD_STATES)[number];

export const leadSchemaLiteral = {
  title: 'lead',
  description: 'A sales lead captured by a rep or received from a channel (TMF699 SalesLead)',
  version: 3,
  primaryKey: 'id',
  /** "Changes waiting to sync" counts by index instead of decrypting every document (v2). */
  indexes: [PENDING_INDEX],
  /** Personal data and the rep's losing side of a conflict: encrypted at rest (key derived from the rep's password). */
  encrypted: ['contactName', 'email', 'phone', 'conflictCopy'],
  type: 'object',
  properties: {
    ...syncedProperties,
    company: { type: 'string' },
    contactName: { type: 'string' },
    email: { type: 'string' },
    phone: { type: 'string' },
    country: { type: 'string' },
    productCategory: { type: 'string' },
    purchaseTimeframe: { type: 'string' },
    /** Whole currency units (USD), as the rule sets compare it. */
    purchaseAmount: { type: 'number' },
    budgetStatus: { type: 'string' },
    source: { type: 'string' },
    status: { type: 'string', enum: LEAD_STATES },
    /** TMF699 statusChangeReason: why the rep disqualified, closed or reopened the lead (v3). */
    statusChangeReason: { type: 'string' },
    /** Results of the lead processing engine; absent until processed. */
    qualified: { type: 'boolean' },
    rating: { type: 'string' },
    channel: { type: 'string' },
    /** Human-readable trace of which rule sets and rules decided the result. */
    processingTrace: { type: 'array', items: { type: 'string' } },
    processedAt: { type: 'string' },
    /**
     * The rule sets (id and version) the engine was given when it processed the lead (v3, unreleased):
     * the central system re-runs exactly these and flags a different outcome as drift.
     */
    ruleSetVersions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, version: { type: 'integer' } },
        required: ['id', 'version'],
      },
    },
    /** Set when the lead is converted (accepted). */
    accountId: { type: 'string' },
    contactId: { type: 'string' },
    opportunityId: { type: 'string' },
  },
  required: [
    ...syncedRequired,
    'company',
    'contactName',
    'country',
    'productCategory',
    'purchaseTimeframe',
    'purchaseAmount',
    'budgetStatus',
    'source',
    'status',
  ],
} as const;

export type LeadDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof leadSchemaLiteral>;
export const leadSchema: RxJsonSchema<LeadDoc> = leadSchemaLiteral;
