/**
 * The central side of the machine gate: every pushed lead, quote and order status change is
 * replayed through the shared machines (shared/machines/replay.ts) with the pushing user as the
 * actor and the stored document as the starting point. A row the machine or the role rules
 * refuse is not stored; it goes back with the reason (its `syncError`).
 *
 * The push carries documents, not events, so the events are inferred from stored -> pushed
 * status (see replay.ts: each status is reached by one event, so the way says which). What the
 * owner wrote may change, and the document may be deleted, only where its lifecycle lets the
 * owner edit it (shared/machines/judgeEdit.ts): a changed line of an approved quote is refused.
 */
import type { LeadDoc, OrderDoc, PolicyDoc, QuoteDoc } from '../../../../shared/schemas';
import { DISCOUNT_POLICY_ID, discountPolicyOf, type DiscountPolicy } from '../../../../shared/quotes/discountPolicy';
import { SYNC_META_FIELDS } from '../../../../shared/schemas/common';
import { ORDER_LOCAL_STATES } from '../../../../shared/schemas/order.schema';
import { validateOrder } from '../../../../shared/orders/order.validation';
import { isEditedKind, judgeContent, judgeDeletion } from '../../../../shared/machines/judgeEdit';
import { replayLead, replayOrder, replayQuote, type Replayed } from '../../../../shared/machines/replay';
import type { Actor } from '../../../../shared/machines/send';
import { sendLead } from '../../../../shared/machines/lead.machine';
import { signatureProblem, signedQuoteChangeRefusal } from '../../../../shared/quotes/quoteSignature';
import { partialAcceptanceRefusal } from '../../../../shared/orders/partialAcceptance';
import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/db';
import { loadDoc, type StoredDoc } from './docs';
import { jsonEqual, type JsonObject } from '../json';
import { withoutInternalFields, type SentDoc } from './pushInput';
import type { RowContext } from './rules';

/**
 * `ok` with `asOwnersManager`: the row is another user's record and the pusher is their manager
 * making a decision the rules give to managers (approve, send back); it is stored for its owner,
 * or for `owner` when the decision is a reassignment.
 */
export type GateVerdict = { ok: true; asOwnersManager: boolean; owner?: string } | { ok: false; reason: string };

/**
 * The pushing user as the machines' actor; a manager's reps are read once per push. A manager
 * of managers is the sales director: they manage those managers' reps too and have the
 * director's discount authority (shared/quotes/discountPolicy.ts).
 */
export async function actorOf(tx: Queryable, user: AuthUser): Promise<Actor> {
  if (user.role !== 'manager') return { kind: 'user', id: user.id, role: user.role, manages: () => false };
  const rows = await tx.query<{ id: string; role: string }>('SELECT id, role FROM users WHERE manager_id = $1', [user.id]);
  const managers = rows.filter((row) => row.role === 'manager').map((row) => row.id);
  const below =
    managers.length === 0 ? [] : await tx.query<{ id: string }>('SELECT id FROM users WHERE manager_id = ANY($1::text[])', [managers]);
  const reports = new Set([...rows, ...below].map((row) => row.id));
  return { kind: 'user', id: user.id, role: user.role, manages: (owner) => reports.has(owner), salesDirector: managers.length > 0 };
}

type Replay = (stored: JsonObject | undefined, pushed: JsonObject, actor: Actor, ctx: RowContext) => Replayed<string>;

// The schema check at the door guarantees the shapes; these name the types.
const REPLAYS: Partial<Record<string, Replay>> = {
  leads: (stored, pushed, actor) => replayLead(stored as unknown as LeadDoc | undefined, pushed as unknown as LeadDoc, actor),
  quotes: (stored, pushed, actor, ctx) => {
    const laterVersion = ctx.laterQuoteVersions?.get(String(pushed.id));
    const versions = {
      ...(laterVersion === undefined ? {} : { laterVersion }),
      ...(ctx.discountPolicy === undefined ? {} : { policy: ctx.discountPolicy }),
    };
    return replayQuote(stored as unknown as QuoteDoc | undefined, pushed as unknown as QuoteDoc, actor, versions);
  },
  orders: (stored, pushed, actor) => replayOrder(stored as unknown as OrderDoc | undefined, pushed as unknown as OrderDoc, actor),
};

/**
 * The discount policy the laptops have (the `policies` document they pull), so a pushed approval
 * is judged with the same levels the approver saw; the built-in default when none is stored.
 */
export async function loadDiscountPolicy(tx: Queryable): Promise<DiscountPolicy> {
  const stored = await loadDoc(tx, 'policies', DISCOUNT_POLICY_ID);
  const docs = stored && !stored.deleted ? [stored.data as unknown as PolicyDoc] : [];
  return discountPolicyOf(docs).policy;
}

interface LaterVersionRow extends Record<string, unknown> {
  id: string;
  later: number;
}

/**
 * For each pushed quote that claims to be accepted: the highest later version of its opportunity's
 * quote, stored or in this push (only the latest version may be accepted; the quote machine
 * decides with this, as on the laptop). One query per push of quotes, and none without an acceptance.
 */
export async function loadLaterQuoteVersions(tx: Queryable, pusher: string, sent: readonly SentDoc[]): Promise<Map<string, number>> {
  const later = new Map<string, number>();
  const accepted = sent.filter((doc) => !doc._deleted && doc.status === 'accepted' && typeof doc.opportunityId === 'string');
  if (accepted.length === 0) return later;
  const note = (id: string, version: number) => later.set(id, Math.max(later.get(id) ?? version, version));
  const after = (a: SentDoc, version: number, id: string) => version > Number(a.version) || (version === Number(a.version) && id > a.id);
  for (const doc of accepted) {
    for (const other of sent) {
      if (
        other.id !== doc.id &&
        !other._deleted &&
        other.opportunityId === doc.opportunityId &&
        after(doc, Number(other.version), other.id)
      ) {
        note(doc.id, Number(other.version));
      }
    }
  }
  // The owner of a stored quote is its stored owner (a manager pushes a rep's quote); a new one is the pusher's.
  const rows = await tx.query<LaterVersionRow>(
    `SELECT p.id, MAX((o.data ->> 'version')::int) AS later
       FROM unnest($1::text[], $2::text[], $3::int[]) AS p(id, opportunity_id, version)
       LEFT JOIN sync_docs s ON s.collection = 'quotes' AND s.id = p.id
       JOIN sync_docs o ON o.collection = 'quotes' AND NOT o.deleted AND o.id <> p.id
        AND o.owner = COALESCE(s.owner, $4) AND o.data ->> 'opportunityId' = p.opportunity_id
        AND ((o.data ->> 'version')::int > p.version OR ((o.data ->> 'version')::int = p.version AND o.id > p.id))
      GROUP BY p.id`,
    [accepted.map((doc) => doc.id), accepted.map((doc) => String(doc.opportunityId)), accepted.map((doc) => Number(doc.version)), pusher],
  );
  for (const row of rows) note(row.id, Number(row.later));
  return later;
}

/**
 * What a manager's decision may change on a rep's record: the status and when it changed, and on
 * a quote the decision with its comment; nothing the rep wrote.
 */
const DECISION_FIELDS = new Set<string>([...SYNC_META_FIELDS, 'status', 'approvalDecision']);

function contentOf(data: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !DECISION_FIELDS.has(key)));
}

/**
 * The owner's laptop pushing `queued` over an order the central system already moved on (its
 * answer to the submission was lost): not a status change but the same submission again. The
 * order rules keep the central state and answer with it (orderRules.ts, prepareSubmitted).
 */
function isSubmissionRetry(stored: JsonObject | undefined, pushed: JsonObject): boolean {
  const local: readonly string[] = ORDER_LOCAL_STATES;
  return stored !== undefined && !local.includes(String(stored.status)) && pushed.status === 'queued';
}

/** A local order pushed as `queued` that does not validate, over nothing or a local state: a submission the rules judge. */
function isFreshSubmission(stored: JsonObject | undefined, pushed: JsonObject): boolean {
  const local: readonly string[] = ORDER_LOCAL_STATES;
  const unsent = stored === undefined || local.includes(String(stored.status));
  return unsent && pushed.status === 'queued' && validateOrder(pushed as unknown as OrderDoc).length > 0;
}

/** An order that cannot be validated says what is missing, so the rep knows what to fix. */
function orderHint(ctx: RowContext, pushed: JsonObject): string {
  if (ctx.collection !== 'orders') return '';
  const issues = validateOrder(pushed as unknown as OrderDoc);
  return issues.length > 0 ? `; to validate it: ${issues.map((issue) => issue.message).join('; ')}` : '';
}

type Doc = Parameters<typeof judgeContent>[2];

/** The owner deleting their document: only where they could still discard it; someone else's is refused by the push itself. */
function gateDeletion(ctx: RowContext, live: StoredDoc | undefined): GateVerdict | undefined {
  if (!isEditedKind(ctx.collection) || live === undefined || live.owner !== ctx.user.id) return undefined;
  const verdict = judgeDeletion(ctx.collection, { ...live.data, owner: live.owner } as unknown as Doc);
  return verdict.ok ? { ok: true, asOwnersManager: false } : verdict;
}

/**
 * A lead pushed with another owner and nothing else changed: a reassignment, judged by the lead
 * machine (`lead.reassign`: a manager of the owner, to another of their reps). A push that also
 * changes content or status is not one; it is judged as before, its owner taken from the token.
 */
function reassignment(ctx: RowContext, sent: SentDoc, live: StoredDoc | undefined): GateVerdict | undefined {
  if (ctx.collection !== 'leads' || live === undefined || typeof sent.owner !== 'string' || sent.owner === live.owner) return undefined;
  const pushed = withoutInternalFields(sent);
  if (pushed.status !== live.data.status || !jsonEqual(contentOf(pushed), contentOf(live.data))) return undefined;
  const stored = { ...live.data, owner: live.owner ?? '' } as unknown as LeadDoc;
  const result = sendLead(stored, { type: 'lead.reassign', to: sent.owner }, ctx.actor);
  if (!result.ok) return { ok: false, reason: `leads ${sent.id} cannot be reassigned to ${sent.owner}: ${result.reason}` };
  return { ok: true, asOwnersManager: true, owner: sent.owner };
}

/**
 * A signed quote version never changes and may only go on to accepted, and a signature arrives
 * only on an approved (or accepted) version, as the customer gave it; the status replay has
 * already judged the way to that status and who walked it.
 */
function signatureVerdict(ctx: RowContext, stored: JsonObject | undefined, pushed: JsonObject): GateVerdict | undefined {
  if (ctx.collection !== 'quotes') return undefined;
  const before = stored as unknown as QuoteDoc | undefined;
  const after = pushed as unknown as QuoteDoc;
  const refusal = signedQuoteChangeRefusal(before, after);
  if (refusal !== null) return { ok: false, reason: refusal };
  if (after.signature !== undefined && before?.signature === undefined) {
    const { signerName, method, image } = after.signature;
    const problem = signatureProblem({ signerName, method, ...(image === undefined ? {} : { image }) });
    if (problem !== null)
      return { ok: false, reason: `Quote ${after.id} version ${after.version}: the signature is not usable: ${problem}` };
  }
  return undefined;
}

/** The verdict on one pushed row, or undefined when its collection has no lifecycle. */
export function gateRow(ctx: RowContext, sent: SentDoc, master: StoredDoc | undefined): GateVerdict | undefined {
  const replay = REPLAYS[ctx.collection];
  if (!replay) return undefined;
  const live = master && !master.deleted ? master : undefined;
  if (sent._deleted) return gateDeletion(ctx, live);
  const reassigned = reassignment(ctx, sent, live);
  if (reassigned) return reassigned;
  const foreign = live !== undefined && live.owner !== ctx.user.id;
  const pushed: JsonObject = { ...withoutInternalFields(sent), owner: foreign ? String(live.owner) : ctx.user.id };
  const stored = live ? { ...live.data, owner: live.owner ?? '' } : undefined;
  if (ctx.collection === 'orders' && !foreign && isSubmissionRetry(stored, pushed)) return { ok: true, asOwnersManager: false };
  const result = replay(stored, pushed, ctx.actor, ctx);
  // The rep's own submission whose only obstacle is the order's validation (e.g. no street, sent
  // by an older app or another laptop): the order rules store it with what to fix as its
  // syncError, so every device of the rep shows it refused and the rep can fix or discard it.
  if (!result.ok && ctx.collection === 'orders' && !foreign && isFreshSubmission(stored, pushed)) return undefined;
  if (!result.ok) return { ok: false, reason: result.reason + orderHint(ctx, pushed) };
  const signing = signatureVerdict(ctx, stored, pushed);
  if (signing) return signing;
  // An accepted partial delivery changes no status, so the replay cannot see it: judged as the event it is.
  const accepting =
    ctx.collection === 'orders'
      ? partialAcceptanceRefusal(stored as unknown as OrderDoc | undefined, pushed as unknown as OrderDoc, ctx.actor)
      : null;
  if (accepting !== null) return { ok: false, reason: accepting };
  if (!foreign) {
    const content = isEditedKind(ctx.collection)
      ? judgeContent(ctx.collection, stored as unknown as Doc | undefined, pushed as unknown as Doc, result)
      : { ok: true as const };
    return content.ok ? { ok: true, asOwnersManager: false } : content;
  }
  // Someone else's record: only a decision the rules give to their manager, and nothing else changed.
  if (result.events.length === 0) return { ok: true, asOwnersManager: false };
  if (!jsonEqual(contentOf(pushed), contentOf(live.data))) {
    return {
      ok: false,
      reason: `${ctx.collection} ${sent.id} belongs to another user: their manager may change its status (${result.events.join(', ')}) but nothing they wrote`,
    };
  }
  return { ok: true, asOwnersManager: true };
}

/** What goes back with a refusal: an order never takes a TMF622 id or reason the central system did not give it. */
export function refusedAnswer(collection: string, answer: JsonObject, master: StoredDoc | undefined): JsonObject {
  if (collection !== 'orders') return answer;
  const { tmfOrderId: _id, stateReason: _reason, ...rest } = answer;
  const kept = master && !master.deleted ? { tmfOrderId: master.data.tmfOrderId, stateReason: master.data.stateReason } : {};
  return { ...rest, ...Object.fromEntries(Object.entries(kept).filter(([, value]) => value !== undefined)) };
}
