/**
 * Fields every synced document carries. Spread into each schema literal so the
 * derived document types stay exact.
 *
 * - `owner` is the user id the central system scopes the document to (it overwrites
 *   whatever the client sent).
 * - `syncPending` is set by the local store on every local write and cleared by the
 *   central system when it stores the write, so "changes waiting to sync" is a query.
 * - `syncError` is the central system's reason for refusing the last push of this record.
 * - `conflictCopy` keeps the rep's losing side of a conflict (JSON), so nothing typed is lost.
 */
export const syncedProperties = {
  id: { type: 'string', maxLength: 40 },
  owner: { type: 'string', maxLength: 40 },
  createdAt: { type: 'string', maxLength: 40 },
  updatedAt: { type: 'string', maxLength: 40 },
  syncPending: { type: 'boolean' },
  syncError: {
    type: 'object',
    properties: { reason: { type: 'string' }, at: { type: 'string' } },
    required: ['reason', 'at'],
  },
  conflictCopy: { type: 'string' },
} as const;

export const syncedRequired = ['id', 'owner', 'createdAt', 'updatedAt', 'syncPending'] as const;

/** Index of the rep-written collections from schema version 2: the pending-changes count reads it, not 60,000 documents. */
export const PENDING_INDEX = ['syncPending', 'id'] as const;

/** Fields the central system owns on every record; never a rep's typed data. */
export const SYNC_META_FIELDS = ['owner', 'createdAt', 'updatedAt', 'syncPending', 'syncError', 'conflictCopy'] as const;

export const characteristicValueSchema = {
  type: 'object',
  properties: { name: { type: 'string' }, value: { type: 'string' } },
  required: ['name', 'value'],
} as const;

export interface CharacteristicValue {
  name: string;
  value: string;
}
