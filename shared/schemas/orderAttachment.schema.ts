import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';
import { ATTACHMENT_KINDS, ATTACHMENT_TYPES } from '../orders/attachment';
import { PENDING_INDEX, syncedProperties, syncedRequired } from './common';

/**
 * A document attached to an order (issue 10 item 4): a purchase order or letter of credit as a
 * PDF or image. A collection of its own rather than a field of the order, so the order lists and
 * their caches never read (or decrypt) megabytes of file: the file is read only when its order
 * is opened. Synced like any rep record; the central system checks it again and lists it on the
 * TMF622 ProductOrder as a note.
 */
export const orderAttachmentSchemaLiteral = {
  title: 'orderAttachment',
  description: 'A PO or letter of credit attached to an order; the file is base64 in `data`, encrypted at rest',
  version: 0,
  primaryKey: 'id',
  indexes: [PENDING_INDEX, ['orderId', 'id']],
  /** The customer's document: encrypted at rest with the rep's key, like personal data. */
  encrypted: ['data', 'fileName', 'conflictCopy'],
  type: 'object',
  properties: {
    ...syncedProperties,
    orderId: { type: 'string', maxLength: 40 },
    kind: { type: 'string', enum: ATTACHMENT_KINDS },
    fileName: { type: 'string' },
    mediaType: { type: 'string', enum: ATTACHMENT_TYPES },
    /** Bytes of the file (not of its base64). */
    size: { type: 'integer', minimum: 1 },
    data: { type: 'string' },
  },
  required: [...syncedRequired, 'orderId', 'kind', 'fileName', 'mediaType', 'size', 'data'],
} as const;

export type OrderAttachmentDoc = ExtractDocumentTypeFromTypedRxJsonSchema<typeof orderAttachmentSchemaLiteral>;
export const orderAttachmentSchema: RxJsonSchema<OrderAttachmentDoc> = orderAttachmentSchemaLiteral;
