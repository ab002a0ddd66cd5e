import type { CollectionName } from '../../../../shared/schemas';
import type { JsonObject } from '../json';

// Its own file: docs.ts calls deferredSeqs.ts, which names this type too; importing it back from docs.ts would be a cycle.
/** One row of `sync_docs`: a document of one collection as the central system holds it. */
export interface StoredDoc {
  collection: CollectionName;
  id: string;
  /** User id for owned collections, null for reference data. */
  owner: string | null;
  seq: number;
  deleted: boolean;
  /** The document without `_deleted` (that is the `deleted` column). */
  data: JsonObject;
}
