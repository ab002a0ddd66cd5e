import type { CollectionName } from '../../../../shared/schemas';
import { takeWriteLock, type Db, type Queryable } from '../db/db';
import { forgetTxMemos } from '../db/txMemo';
import type { AuthUser } from '../auth/users';
import { loadDocs, loadDocsAlong, toWire, writeDocs, type StoredDoc } from './docs';
import { deferSeqs, docKey, drawDeferredSeqs, noteReads } from './deferredSeqs';
import type { JsonObject } from '../json';
import type { PushItem, SentDoc } from './pushInput';
import { docOfPlan, judgeRow, refusalOf } from './pushRow';
import { actorOf, loadDiscountPolicy, loadLaterQuoteVersions } from './statusGate';
import { loadConversionSources } from './conversionGate';
import { recordPushHistory, type PushedChange } from '../audit/historyStore';
import { needsRowByRow, type CollectionRules, type RowContext, type WritePlan, type WrittenRow } from './rules';

export interface PushOutcome {
  /** Master state (or refused document) of every row not stored as sent, in row order. */
  response: JsonObject[];
  /** Every document stored, for change events after commit. */
  stored: StoredDoc[];
}

export const ROW_FAILED_REASON = 'The central system could not store this record; it is kept on this laptop, sync again later';

interface Pending {
  index: number;
  id: string;
  sent: SentDoc;
  plan: WritePlan;
  master: StoredDoc | undefined;
}

interface RowOutcome {
  stored: StoredDoc[];
  /** The row itself as stored (not its follow-ups), for the history. */
  own?: StoredDoc;
  /** Stored with problems: the stored state goes back. */
  response?: JsonObject;
  /** Not stored: why. */
  refusal?: string;
}

const itemId = (item: PushItem): string => (item.kind === 'row' ? item.row.newDocumentState.id : item.doc.id);

/** Rows split so no id appears twice in one round (one INSERT cannot write a row twice). */
export function rounds(items: readonly PushItem[]): { index: number; item: PushItem }[][] {
  const result: { index: number; item: PushItem }[][] = [];
  let current: { index: number; item: PushItem }[] = [];
  let ids = new Set<string>();
  items.forEach((item, index) => {
    const id = itemId(item);
    if (ids.has(id)) {
      result.push(current);
      current = [];
      ids = new Set();
    }
    ids.add(id);
    current.push({ index, item });
  });
  if (current.length > 0) result.push(current);
  return result;
}

/**
 * The only row of a push failed: the whole transaction rolls back (nothing else is in it), so
 * that row needs no SAVEPOINT of its own, two round trips fewer for the usual one-order push.
 */
class LoneRowFailed extends Error {
  constructor(readonly answer: JsonObject) {
    super('The only row of the push failed');
  }
}

/** Database work of one row inside a SAVEPOINT (unless `alone`): its failure undoes only that row. */
async function writeRowByRow(
  ctx: RowContext,
  rules: CollectionRules,
  row: Pending,
  onError: (error: unknown) => void,
  alone: boolean,
): Promise<RowOutcome> {
  const { tx } = ctx;
  const release = async () => {
    if (!alone) await tx.query('RELEASE SAVEPOINT push_row');
  };
  if (!alone) await tx.query('SAVEPOINT push_row');
  try {
    const plan = rules.prepare ? await rules.prepare(ctx, row.plan, row.master) : row.plan;
    if (plan.refusal) {
      await release();
      return { stored: [], refusal: plan.refusal };
    }
    const [stored] = await writeDocs(tx, ctx.collection, [docOfPlan(ctx, row.id, plan)]);
    if (!stored) throw new Error(`No seq returned for ${ctx.collection} ${row.id}`);
    if (plan.problems.length > 0) {
      await release();
      return { stored: [stored], own: stored, response: toWire(stored) };
    }
    const followUps = rules.afterWrite ? await rules.afterWrite(ctx, stored, row.master) : [];
    await release();
    return { stored: [stored, ...followUps], own: stored };
  } catch (error) {
    if (alone) {
      onError(error);
      throw new LoneRowFailed(refusalOf(ctx, row.sent, row.master, ROW_FAILED_REASON));
    }
    await tx.query('ROLLBACK TO SAVEPOINT push_row');
    // What the row wrote is undone, and so may be what the transaction remembered of it.
    forgetTxMemos(tx);
    onError(error);
    return { stored: [], refusal: ROW_FAILED_REASON };
  }
}

async function applyRound(
  ctx: RowContext,
  rules: CollectionRules,
  round: { index: number; item: PushItem }[],
  answers: Map<number, JsonObject>,
  onError: (error: unknown) => void,
  alone: boolean,
  loaded?: Map<string, StoredDoc>,
): Promise<StoredDoc[]> {
  const masters =
    loaded ??
    (await loadDocs(
      ctx.tx,
      ctx.collection,
      round.map(({ item }) => itemId(item)),
    ));
  const sent = round.flatMap(({ item }) => (item.kind === 'row' ? [item.row.newDocumentState] : []));
  const sources = await loadConversionSources(ctx.tx, ctx.collection, sent);
  if (ctx.collection === 'quotes') {
    ctx = {
      ...ctx,
      laterQuoteVersions: await loadLaterQuoteVersions(ctx.tx, ctx.user.id, sent),
      discountPolicy: await loadDiscountPolicy(ctx.tx),
    };
  }
  const pending: Pending[] = [];
  for (const { index, item } of round) {
    if (item.kind === 'refused') {
      answers.set(index, refusalOf(ctx, item.doc, masters.get(item.doc.id), item.reason));
      continue;
    }
    const id = item.row.newDocumentState.id;
    const judged = judgeRow(ctx, item.row, masters.get(id), rules, sources.get(id));
    if (judged.kind === 'answer') answers.set(index, judged.response);
    else pending.push({ index, id, sent: item.row.newDocumentState, plan: judged.plan, master: masters.get(id) });
  }
  if (needsRowByRow(rules)) {
    const stored: StoredDoc[] = [];
    const history: PushedChange[] = [];
    for (const row of pending) {
      const result = await writeRowByRow(ctx, rules, row, onError, alone);
      stored.push(...result.stored);
      if (result.own) history.push({ stored: result.own, master: row.master });
      if (result.refusal !== undefined) answers.set(row.index, refusalOf(ctx, row.sent, row.master, result.refusal));
      else if (result.response) answers.set(row.index, result.response);
    }
    await recordPushHistory(ctx.tx, ctx.collection, ctx.user.id, ctx.deviceId, ctx.now, history);
    return stored;
  }
  const stored = await writeDocs(
    ctx.tx,
    ctx.collection,
    pending.map((row) => docOfPlan(ctx, row.id, row.plan)),
  );
  const written: WrittenRow[] = stored.map((doc, i) => ({ stored: doc, master: pending[i]?.master }));
  await recordPushHistory(ctx.tx, ctx.collection, ctx.user.id, ctx.deviceId, ctx.now, written);
  pending.forEach((row, i) => {
    const doc = stored[i];
    if (doc && row.plan.problems.length > 0) answers.set(row.index, toWire(doc));
  });
  const clean = written.filter((_, i) => (pending[i]?.plan.problems.length ?? 0) === 0);
  if (rules.afterWriteBatch && clean.length > 0) await rules.afterWriteBatch(ctx, clean);
  return stored;
}

/** Key space of the per-document locks of a deferred push (the write lock is a single bigint key). */
const DOC_LOCK_SPACE = 7_405_003;

/**
 * A push of new documents under deferWriteLock: each pushed id locked (sorted, so two pushes
 * cannot deadlock), so a retry of the same documents waits for this one; returns the masters
 * (none) and what the rules read along, or undefined when a master exists: then the write lock
 * is taken at once, as for any push, since writers that take only the write lock (fulfillment,
 * TMF622) may change an existing document.
 */
async function lockNewDocs(
  tx: Queryable,
  collection: CollectionName,
  items: readonly PushItem[],
  rules: CollectionRules,
): Promise<{ masters: Map<string, StoredDoc>; along: StoredDoc[] } | undefined> {
  const ids = [...new Set(items.map(itemId))];
  await tx.query(
    `SELECT pg_advisory_xact_lock($1, k.h) FROM (SELECT DISTINCT hashtext($2 || ':' || id) AS h FROM unnest($3::text[]) AS id ORDER BY h) AS k`,
    [DOC_LOCK_SPACE, collection, ids],
  );
  // Read after the locks were granted (a statement of its own: its snapshot is taken after the wait).
  const sent = items.flatMap((item) => (item.kind === 'row' ? [item.row.newDocumentState] : []));
  const loaded = await loadDocsAlong(tx, collection, ids, rules.readsAlong?.(sent) ?? []);
  if (loaded.masters.size === 0) return loaded;
  await takeWriteLock(tx);
  return undefined;
}

/**
 * One push in one transaction: masters loaded with one query, rows judged in memory, written
 * with multi-row statements; each row has its own outcome. The write lock is taken first, so
 * seq order is commit order and the read-compare-write cannot interleave with another push;
 * with deferWriteLock a push of new documents takes it only for drawing its seqs at the end.
 */
export async function applyPush(
  db: Db,
  user: AuthUser,
  collection: CollectionName,
  items: readonly PushItem[],
  rules: CollectionRules,
  onError: (error: unknown) => void,
  deviceId?: string,
): Promise<PushOutcome> {
  if (items.length === 0) return { response: [], stored: [] };
  try {
    return await pushInTransaction(db, user, collection, items, rules, onError, deviceId);
  } catch (error) {
    // Rolled back whole: the row's refusal is the push's answer, as a savepoint's would have been.
    if (error instanceof LoneRowFailed) return { response: [error.answer], stored: [] };
    throw error;
  }
}

async function pushInTransaction(
  db: Db,
  user: AuthUser,
  collection: CollectionName,
  items: readonly PushItem[],
  rules: CollectionRules,
  onError: (error: unknown) => void,
  deviceId: string | undefined,
): Promise<PushOutcome> {
  return db.transaction(async (tx: Queryable) => {
    const locked = rules.deferWriteLock ? await lockNewDocs(tx, collection, items, rules) : undefined;
    const fresh = locked?.masters;
    if (locked) {
      deferSeqs(tx);
      noteReads(tx, locked.along);
    } else if (!rules.deferWriteLock) await takeWriteLock(tx);
    const ctx: RowContext = {
      tx,
      user,
      actor: await actorOf(tx, user),
      collection,
      now: new Date().toISOString(),
      ...(deviceId !== undefined ? { deviceId } : {}),
    };
    const answers = new Map<number, JsonObject>();
    let stored: StoredDoc[] = [];
    for (const [n, round] of rounds(items).entries())
      stored.push(...(await applyRound(ctx, rules, round, answers, onError, items.length === 1, n === 0 ? fresh : undefined)));
    if (fresh) {
      const seqs = await drawDeferredSeqs(tx);
      stored = stored.map((doc) => ({ ...doc, seq: seqs.get(docKey(doc.collection, doc.id)) ?? doc.seq }));
    }
    const response = [...answers.entries()].sort(([a], [b]) => a - b).map(([, doc]) => doc);
    return { response, stored };
  });
}
