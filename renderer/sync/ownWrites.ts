import type { CollectionName } from '../../shared/schemas';
import { decidePushConflict } from '../../shared/sync/conflict';
import type { PushResponse, PushRow, WithDeleted } from '../../shared/sync/protocol';

type Doc = WithDeleted<Record<string, unknown>> & { id: string };

/** Enough for a burst of quick edits while the answers are being lost. */
const KEPT_PER_DOCUMENT = 5;

/**
 * Per document, the states this laptop pushed without ever hearing back: the central system
 * may have stored any of them. RxDB then still assumes the older master, so the central
 * system reports the rep's own earlier write as a conflict.
 */
export class UnansweredWrites {
  private readonly byId = new Map<string, Doc[]>();

  remember(doc: Doc): void {
    const kept = this.byId.get(doc.id) ?? [];
    this.byId.set(doc.id, [...kept, doc].slice(-KEPT_PER_DOCUMENT));
  }

  forget(id: string): void {
    this.byId.delete(id);
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
  for (const row of rows) unanswered.remember(docOf(row));
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
    const outcome = round > MAX_ROUNDS ? { kind: 'conflict' as const } : decidePushConflict(docOf(row), master as unknown as Doc, unanswered.of(id));
    if (outcome.kind === 'pushAgain') {
      again.push({ newDocumentState: row.newDocumentState, assumedMasterState: master });
      continue;
    }
    unanswered.forget(id);
    if (outcome.kind === 'conflict') conflicts.push(master);
  }
  if (again.length > 0) conflicts.push(...(await pushSettlingOwnWrites(send, again, unanswered, round + 1)));
  return conflicts;
}
