/**
 * Accepting a partial delivery (issue 10 item 6): a `partial` order delivered some lines and
 * failed others; the rep accepts what was delivered (order.acceptPartial), offline too. TMF622
 * `partial` is final, so no status changes: the push carries `partialAcceptance`, the central
 * system judges it here (central/src/platform/sync/statusGate.ts, since no status replay sees
 * it), adds a TMF622 note with `partialAcceptanceNote` and mirrors it as `partialAcceptanceNoted`.
 */
import { sendOrder } from '../machines/order.machine';
import type { Actor } from '../machines/send';
import type { OrderDoc } from '../schemas';
import { parseFallout } from './fallout';

/** The TMF622 note id of the acceptance: one note per order, whoever replays the push. */
export const PARTIAL_ACCEPTED_NOTE = 'partialAccepted';

/** "Partial delivery accepted by Alex Rivera: line 01 delivered stays installed; line 02 failed is not delivered". */
export function partialAcceptanceNote(by: string, stateReason: string | undefined): string {
  const fallout = parseFallout(stateReason);
  if (fallout?.kind !== 'partial') return `Partial delivery accepted by ${by}: the delivered items stay installed`;
  const lines = (ids: readonly string[]) => `${ids.length === 1 ? 'line' : 'lines'} ${ids.join(', ')}`;
  const delivered = `${lines(fallout.deliveredLineIds)} delivered ${fallout.deliveredLineIds.length === 1 ? 'stays' : 'stay'} installed`;
  return `Partial delivery accepted by ${by}: ${delivered}; ${lines(fallout.lineIds)} failed, not delivered`;
}

/** What the rep's screen says about the acceptance. */
export type PartialAcceptanceState =
  | { kind: 'open' }
  /** Accepted on this laptop, not yet noted by the central system (offline, or the push is on its way). */
  | { kind: 'queued'; acceptedAt: string }
  | { kind: 'noted'; by: string; at: string };

export function partialAcceptanceState(order: OrderDoc): PartialAcceptanceState {
  if (order.partialAcceptanceNoted) return { kind: 'noted', ...order.partialAcceptanceNoted };
  if (order.partialAcceptance) return { kind: 'queued', acceptedAt: order.partialAcceptance.acceptedAt };
  return { kind: 'open' };
}

/**
 * Why a pushed `partialAcceptance` is refused, or null: it is the rep's `order.acceptPartial` on
 * the stored order (only its owner, only while it is partial and not yet accepted), and once
 * given it is never changed or taken back. The same push again changes nothing and is fine.
 */
export function partialAcceptanceRefusal(stored: OrderDoc | undefined, pushed: OrderDoc, actor: Actor): string | null {
  const before = stored?.partialAcceptance;
  const after = pushed.partialAcceptance;
  if (before?.acceptedAt === after?.acceptedAt) return null;
  if (before !== undefined) {
    return `Order ${pushed.id}: its partial delivery was accepted at ${before.acceptedAt}; an acceptance cannot be changed or taken back`;
  }
  if (after === undefined) return null;
  if (stored === undefined)
    return `Order ${pushed.id}: a partial delivery is accepted only on an order the central system reported partial`;
  // Judged on the stored order: its status, owner and what the central system noted, not what the push claims.
  const { partialAcceptance: _accepted, partialAcceptanceNoted: _noted, ...rest } = pushed;
  const noted = stored.partialAcceptanceNoted;
  const order = { ...rest, status: stored.status, owner: stored.owner, ...(noted ? { partialAcceptanceNoted: noted } : {}) };
  const result = sendOrder(order, { type: 'order.acceptPartial', at: after.acceptedAt }, actor);
  return result.ok ? null : `Order ${pushed.id}: the partial delivery cannot be accepted: ${result.reason}`;
}
