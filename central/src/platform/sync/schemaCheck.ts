import { COLLECTIONS, type CollectionName } from '../../../../shared/schemas';
import { SYNC_META_FIELDS } from '../../../../shared/schemas/common';
import { checkSchema, type SchemaNode } from '../../../../shared/schemas/schemaCheck';

const SKIPPED = new Set<string>(SYNC_META_FIELDS);

/**
 * Type errors of a pushed document against its collection's RxDB schema. The app checks its
 * own writes with the same code and schema before it stores, so a document failing here comes
 * from a broken or hostile client, never from a rep's typing. Sync meta fields are skipped: the
 * central system overwrites them anyway.
 */
export function schemaProblems(collection: CollectionName, doc: unknown): string[] {
  return checkSchema(COLLECTIONS[collection].schema as unknown as SchemaNode, doc, SKIPPED).map((p) => p.message);
}
