import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { PENDING_INDEX, syncedProperties, syncedRequired } from './common';
import { agreementSchema } from './agreement';
import { lineItemSchema, totalsSchema } from './lineItem';

/** TMF648 QuoteStateType. */
export const QUOTE_STATES = ['inProgress', 'pending', 'approved', 'accepted', 'rejected', 'cancelled'] as const;
export type QuoteStatus = (typeof QUOTE_STATES)[number];

export const quoteSchemaLiteral = {
  title: 'quote',
  description: 'A configured and priced quote for an opportunity (TMF648 Quote)',
  version: 3,
  primaryKey: 'id',
  /** "Changes waiting to sync" counts by index instead of decrypting every document (v2). */
  indexes: [PENDING_INDEX],
  /**
   * The rep's losing side of a conflict can hold anything they typed, and the customer's signature
   * is personal (v3), as is the agreement that names the signer: encrypted at rest.
   */
  encrypted: ['conflictCopy', 'signature', 'agreement'],
  type: 'object',
  properties: {
    ...syncedProperties,
    opportunityId: { type: 'string' },
    accountId: { type: 'string' },
    /** Quote version: a rejected quote may be renegotiated as version + 1. */
    version: { type: 'integer', minimum: 1 },
    status: { type: 'string', enum: QUOTE_STATES },
    items: { type: 'array', items: lineItemSchema },
    totals: totalsSchema,
    /** Catalog version the quote was priced with, so the central system can check prices. */
    catalogVersion: { type: 'string' },
    acceptedAt: { type: 'string' },
    /**
     * The customer's signature on this version (v3): who signed, when, drawn (a PNG data URL) or
     * typed. A signed version never changes again (shared/quotes/quoteSignature.ts).
     */
    signature: {
      type: 'object',
      properties: {
        signerName: { type: 'string' },
        signedAt: { type: 'string' },
        method: { type: 'string', enum: ['drawn', 'typed'] },
        image: { type: 'string' },
      },
      required: ['signerName', 'signedAt', 'method'],
    },
    /**
     * The rep's discounts (v3; shared/quotes/discounts.ts): on a line (`lineId`) or the whole quote,
     * per charge type, a percent or an amount in cents. The lines keep their catalog prices.
     */
    discounts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          lineId: { type: 'string' },
          appliesTo: { type: 'string', enum: ['oneTime', 'recurring'] },
          kind: { type: 'string', enum: ['percent', 'amount'] },
          value: { type: 'number', minimum: 0 },
        },
        required: ['appliesTo', 'kind', 'value'],
      },
    },
    /**
     * The sales agreement (TMF651) this version became when the signed version was accepted (v3),
     * written with the acceptance and never changed after (shared/quotes/salesAgreement.ts).
     */
    agreement: agreementSchema,
    /** The approver's answer to the last approval request (v3): approved or sent back, by whom, when, with their comment. */
    approvalDecision: {
      type: 'object',
      properties: {
        outcome: { type: 'string', enum: ['approved', 'rejected'] },
        by: { type: 'string' },
        at: { type: 'string' },
        comment: { type: 'string' },
      },
      required: ['outcome', 'by', 'at'],
    },
  },
  required: [...syncedRequired, 'opportunityId', 'accountId', 'version', 'status', 'items', 'totals', 'catalogVersion'],
} as const;

export type QuoteDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof quoteSchemaLiteral>;
export const quoteSchema: RxJsonSchema<QuoteDoc> = quoteSchemaLiteral;
