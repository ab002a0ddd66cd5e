import type { CollectionName } from '../../../shared/schemas';
import type { Queryable } from '../db/db';
import type { AuthUser } from '../auth/users';
import type { StoredDoc } from './docs';
import type { JsonObject } from './json';

export interface RowContext {
  tx: Queryable;
  user: AuthUser;
  collection: CollectionName;
  /** One timestamp per push row, ISO. */
  now: string;
}

/** What will be stored for a pushed row; `problems` non-empty = stored with `syncError`. */
export interface WritePlan {
  data: JsonObject;
  deleted: boolean;
  problems: string[];
}

/** Per-collection behaviour of a push, run inside the row's transaction under the write lock. */
export interface CollectionRules {
  /** Business validation and the fields the central system owns, before the write. */
  prepare?(ctx: RowContext, plan: WritePlan, master: StoredDoc | undefined): Promise<WritePlan>;
  /**
   * Follow-up writes caused by this one (same transaction); returns what they stored. `master`
   * is the document as it was before, so a rule can tell a create or a status change (events).
   */
  afterWrite?(ctx: RowContext, stored: StoredDoc, master: StoredDoc | undefined): Promise<StoredDoc[]>;
}
