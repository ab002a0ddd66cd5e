import type { CollectionName } from '../../shared/schemas';
import { decidePushConflict } from '../../shared/sync/conflict';
import type { PushResponse, PushRow, WithDeleted } from '../../shared/sync/protocol';

type Doc = WithDeleted<Record<string, unknown>> & { id: string };
export type UnansweredDoc = Doc;

/** Where the unanswered writes outlive a restart (unansweredStore.ts); none keeps them in memory only. */
export interface UnansweredStore {
  load(): Promise<Record<string, Doc[]>>;
  save(byId: Record<string, Doc[]>): Promise<void>;
}

/** Enough for a burst of quick edits while the answers are being lost. */
const KEPT_PER_DOCUMENT = 5;

/**
 * Per document, the states this laptop pushed without ever hearing back: the central system
 * may have stored any of them. RxDB then still assumes the older master, so the central
 * system reports the rep's own earlier write as a conflict. With a store they survive a restart:
 * the answer may be lost just before the app is closed, and the rep edit again after it opens.
 */
export class UnansweredWrites {
  private readonly byId = new Map<string, Doc[]>();
  private readonly loaded: Promise<void>;
  private changed = false;

  constructor(private readonly store?: UnansweredStore) {
    this.loaded = store
      ? store.load().then(
          (stored) => {
            for (const [id, docs] of Object.entries(stored)) if (!this.byId.has(id)) this.byId.set(id, docs.slice(-KEPT_PER_DOCUMENT));
          },
          // Unreadable (another key, damaged): the memory starts empty, as before it was kept, rather than block every push.
          () => undefined,
        )
      : Promise.resolve();
  }

  /** Resolves once what the store kept is back in memory. */
  ready(): Promise<void> {
    return this.loaded;
  }

  remember(doc: Doc): void {
    const kept = this.byId.get(doc.id) ?? [];
    this.byId.set(doc.id, [...kept, doc].slice(-KEPT_PER_DOCUMENT));
    this.changed = true;
  }

  forget(id: string): void {
    if (this.byId.delete(id)) this.changed = true;
  }

  /** Writes the memory to the store if it changed since the last write. */
  async persist(): Promise<void> {
    if (!this.store || !this.changed) return;
    this.changed = false;
    try {
      await this.store.save(Object.fromEntries(this.byId));
    } catch (error) {
      this.changed = true;
      throw error;
    }
  }

  of(id: string): readonly Doc[] {
    return this.byId.get(id) ?? [];
  }
}

/** A conflict against the rep's own past is pushed again on top of it; this many rounds at most. */
const MAX_ROUNDS = 3;

/**
 * Pushes rows and settles the conflicts that are only the rep's own earlier writes (see
 * decidePushConflict); what comes back are real conflicts and refusals, for RxDB's conflict handler.
 */
export async function pushSettlingOwnWrites<N extends CollectionName>(
  send: (rows: PushRow<N>[]) => Promise<PushResponse<N>>,
  rows: PushRow<N>[],
  unanswered: UnansweredWrites,
  round = 1,
): Promise<PushResponse<N>> {
  const docOf = (row: PushRow<N>) => row.newDocumentState as unknown as Doc;
  await unanswered.ready();
  for (const row of rows) unanswered.remember(docOf(row));
  // Kept before sending: once sent, the central system may store it and the answer be lost.
  await unanswered.persist();
  const masters = await send(rows);
  const returned = new Map(masters.map((master) => [(master as unknown as Doc).id, master]));
  const conflicts: PushResponse<N> = [];
  const again: PushRow<N>[] = [];
  for (const row of rows) {
    const id = docOf(row).id;
    const master = returned.get(id);
    if (!master) {
      // Stored as sent: RxDB now assumes this state, the earlier ones no longer matter.
      unanswered.forget(id);
      continue;
    }
    const outcome =
      round > MAX_ROUNDS ? { kind: 'conflict' as const } : decidePushConflict(docOf(row), master as unknown as Doc, unanswered.of(id));
    if (outcome.kind === 'pushAgain') {
      again.push({ newDocumentState: row.newDocumentState, assumedMasterState: master });
      continue;
    }
    if (outcome.kind === 'stored') {
      unanswered.forget(id);
      continue;
    }
    // Kept through a conflict: this may be a retry of a state the rep has since changed (RxDB then skips
    // the resolution), and the push of the newer state meets the same master.
    conflicts.push(master);
  }
  if (again.length > 0) conflicts.push(...(await pushSettlingOwnWrites(send, again, unanswered, round + 1)));
  else await unanswered.persist();
  return conflicts;
}
