import type { CollectionName } from '../../../../shared/schemas';
import type { Actor } from '../../../../shared/machines/send';
import type { DiscountPolicy } from '../../../../shared/quotes/discountPolicy';
import type { Queryable } from '../db/db';
import type { AuthUser } from '../auth/users';
import type { DocRef, StoredDoc } from './docs';
import type { SentDoc } from './pushInput';
import type { JsonObject } from '../json';

export interface RowContext {
  tx: Queryable;
  user: AuthUser;
  /** The pushing user as the lifecycle machines' actor (statusGate.ts). */
  actor: Actor;
  collection: CollectionName;
  /** One timestamp per push, ISO. */
  now: string;
  /** The installation the push came from (x-outpost-device), for the records' history. */
  deviceId?: string;
  /** Quotes only: pushed quote id -> the later version that supersedes it (statusGate.ts, loadLaterQuoteVersions). */
  laterQuoteVersions?: ReadonlyMap<string, number>;
  /** Quotes only: the discount policy in force, as the laptops pull it (statusGate.ts, loadDiscountPolicy). */
  discountPolicy?: DiscountPolicy;
}

/**
 * What will be stored for a pushed row; `problems` non-empty = stored with `syncError`;
 * `refusal` set = not stored at all, the reason goes back to the client.
 */
export interface WritePlan {
  data: JsonObject;
  deleted: boolean;
  problems: string[];
  refusal?: string;
}

/** A document a push stored, with its master from before (to tell a create or a change). */
export interface WrittenRow {
  stored: StoredDoc;
  master: StoredDoc | undefined;
}

/**
 * Per-collection behaviour of a push, in the push's transaction under the write lock.
 * `check` is pure, so rows with only a check are written in bulk; `prepare` and `afterWrite`
 * touch the database row by row, each row inside its own SAVEPOINT so one failing row does
 * not abort the others; `afterWriteBatch` handles all bulk-written rows in a few statements.
 */
export interface CollectionRules {
  /** Business validation without the database: problems, stored with `syncError`. */
  check?(plan: WritePlan): string[];
  /** Business validation and the fields the central system owns, before the write. */
  prepare?(ctx: RowContext, plan: WritePlan, master: StoredDoc | undefined): Promise<WritePlan>;
  /**
   * Follow-up writes caused by this one (same transaction); returns what they stored. `master`
   * is the document as it was before, so a rule can tell a create or a status change (events).
   */
  afterWrite?(ctx: RowContext, stored: StoredDoc, master: StoredDoc | undefined): Promise<StoredDoc[]>;
  /** Follow-ups of the rows written in bulk (events), in a few statements for the whole batch. */
  afterWriteBatch?(ctx: RowContext, rows: readonly WrittenRow[]): Promise<void>;
  /**
   * A push of only new documents runs without the write lock until its commit (pushBatch.ts):
   * the pushed ids are locked one by one instead and the seqs drawn at the end. Only for rules
   * whose work on a new document touches no row another writer may change before taking the
   * write lock themselves (takeWriteLock is re-entrant: taking it midway is always safe).
   */
  deferWriteLock?: boolean;
  /**
   * Documents `prepare` and `afterWrite` will read for these pushed documents, read with the
   * masters in one query by a push under deferWriteLock (which remembers what it read).
   */
  readsAlong?(sent: readonly SentDoc[]): DocRef[];
}

/** Whether a collection's rows need the row-by-row path (database work per row). */
export function needsRowByRow(rules: CollectionRules): boolean {
  return rules.prepare !== undefined || rules.afterWrite !== undefined;
}

/**
 * The rules of each collection that has any, handed to the sync routes by the composition
 * root (server.ts) from the business contexts' doors: the store itself knows no business module.
 */
export type CollectionRulesMap = Partial<Record<CollectionName, CollectionRules>>;
