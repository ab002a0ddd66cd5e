/**
 * The owner's content edits and deletions judged against each lifecycle's `Editing` (editing.ts)
 * and its machine: what the status replay (replay.ts) cannot see, because no status changes. The
 * central system runs it on every push (statusGate.ts); the app never offers what it refuses.
 */
import type { LeadDoc, OrderDoc, QuoteDoc } from '../schemas';
import { changedContent, notEditableReason, type Editing } from './editing';
import { canEditLeadDoc, LEAD_EDITING } from './lead.machine';
import { canEditOrderDoc, ORDER_EDITING } from './order.machine';
import { canEditQuoteDoc, QUOTE_EDITING } from './quote.machine';
import { ownerOf } from './send';

export type EditedKind = 'leads' | 'quotes' | 'orders';
export type EditVerdict = { ok: true } | { ok: false; reason: string };

type Doc = { id: string; status: string; owner: string } & Record<string, unknown>;

interface Kind {
  editing: Editing;
  /** The owner may edit this document now (editable status, and the machine accepts the edit event). */
  canEdit(doc: Doc): boolean;
}

// The push was checked against each collection's schema before it gets here; these name the types.
const KINDS: Record<EditedKind, Kind> = {
  leads: { editing: LEAD_EDITING, canEdit: (doc) => canEditLeadDoc(doc as unknown as LeadDoc, ownerOf(doc)) },
  quotes: { editing: QUOTE_EDITING, canEdit: (doc) => canEditQuoteDoc(doc as unknown as QuoteDoc, ownerOf(doc)) },
  orders: { editing: ORDER_EDITING, canEdit: (doc) => canEditOrderDoc(doc as unknown as OrderDoc, ownerOf(doc)) },
};

export function isEditedKind(collection: string): collection is EditedKind {
  return Object.prototype.hasOwnProperty.call(KINDS, collection);
}

/** The document in the stored status with what the central system last said about it (a refused queued order is editable). */
function asStored(stored: Doc, pushed: Doc): Doc {
  const { syncError: _pushed, ...rest } = pushed;
  return {
    ...rest,
    status: stored.status,
    owner: stored.owner,
    ...(stored.syncError === undefined ? {} : { syncError: stored.syncError }),
  };
}

/**
 * The owner's push of a document the status replay allowed, with `path` the statuses its events
 * pass through: a change of content is stored only if some status on the way let the owner edit.
 */
export function judgeContent(
  kind: EditedKind,
  stored: Doc | undefined,
  pushed: Doc,
  replayed: { events: readonly string[]; path: readonly string[] },
): EditVerdict {
  // A new document starts in the machine's initial status, where its owner is filling it in.
  if (stored === undefined) return { ok: true };
  const { editing, canEdit } = KINDS[kind];
  const changed = changedContent(editing, stored, pushed, replayed.events.length > 0);
  if (changed.length === 0) return { ok: true };
  const editableOnTheWay = replayed.path.some((status, index) => canEdit(index === 0 ? asStored(stored, pushed) : { ...pushed, status }));
  if (editableOnTheWay) return { ok: true };
  return { ok: false, reason: notEditableReason(editing, stored, `its ${changed.join(', ')} cannot change`) };
}

/** The owner deleting a stored document: only where they could still discard it (its editable statuses). */
export function judgeDeletion(kind: EditedKind, stored: Doc | undefined): EditVerdict {
  if (stored === undefined) return { ok: true };
  const { editing, canEdit } = KINDS[kind];
  if (canEdit(stored)) return { ok: true };
  return { ok: false, reason: notEditableReason(editing, stored, 'it cannot be deleted') };
}
