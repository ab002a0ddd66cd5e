import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { PENDING_INDEX, syncedProperties, syncedRequired } from './common';

/** TMF699 SalesLeadStateType. */
export const LEAD_STATES = ['acknowledged', 'inProgress', 'pending', 'accepted', 'rejected', 'cancelled'] as const;
export type LeadStatus = (typeof LEAD_STATES)[number];

/** The values a merge may take from either lead (shared/leads/dedup/merge.ts), as the history stores them. */
const MERGE_VALUE_PROPERTIES = {
  company: { type: 'string' },
  contactName: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  country: { type: 'string' },
  productCategory: { type: 'string' },
  purchaseTimeframe: { type: 'string' },
  purchaseAmount: { type: 'number' },
  budgetStatus: { type: 'string' },
  source: { type: 'string' },
} as const;

export const leadSchemaLiteral = {
  title: 'lead',
  description: 'A sales lead captured by a rep or received from a channel (TMF699 SalesLead)',
  version: 4,
  primaryKey: 'id',
  /** "Changes waiting to sync" counts by index instead of decrypting every document (v2). */
  indexes: [PENDING_INDEX],
  /** Personal data and the rep's losing side of a conflict: encrypted at rest (key derived from the rep's password). */
  encrypted: ['contactName', 'email', 'phone', 'conflictCopy', 'mergeHistory'],
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
    /** A lead merged into another (and closed as cancelled): the survivor's id (v4). */
    mergedIntoId: { type: 'string' },
    /**
     * On a survivor: each lead merged into it, with that lead's values, which of them the survivor
     * took, and the survivor's own values they replaced, so no value of either side is lost (v4).
     */
    mergeHistory: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          leadId: { type: 'string' },
          mergedAt: { type: 'string' },
          mergedBy: { type: 'string' },
          /** The fields whose value came from the merged lead. */
          taken: { type: 'array', items: { type: 'string' } },
          /** The merged lead's values. */
          values: { type: 'object', properties: MERGE_VALUE_PROPERTIES },
          /** The survivor's values that the taken ones replaced. */
          replaced: { type: 'object', properties: MERGE_VALUE_PROPERTIES },
        },
        required: ['leadId', 'mergedAt', 'taken', 'values', 'replaced'],
      },
    },
    /** Results of the lead processing engine; absent until processed. */
    qualified: { type: 'boolean' },
    rating: { type: 'string' },
    channel: { type: 'string' },
    /** Human-readable trace of which rule sets and rules decided the result. */
    processingTrace: { type: 'array', items: { type: 'string' } },
    processedAt: { type: 'string' },
    /**
     * The rule sets (id and version) the engine was given when it processed the lead (v4):
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
