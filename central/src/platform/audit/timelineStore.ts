/**
 * A record's timeline as the central system knows it: the push history of every record on its
 * chain (lead -> opportunity -> quote versions -> orders) and, for the orders, the ProductOrder
 * events the central system itself caused (acknowledgement, fulfilment, cancellation).
 */
import { changeKey, mergeTimeline, TIMELINE_COLLECTION, type TimelineEntry, type TimelineKind } from '../../../../shared/audit/timeline';
import type { Queryable } from '../db/db';
import type { AuthUser } from '../auth/users';
import { loadDoc, type StoredDoc } from '../sync/docs';
import type { JsonObject } from '../json';

const KIND_OF: Record<string, TimelineKind> = Object.fromEntries(
  Object.entries(TIMELINE_COLLECTION).map(([kind, collection]) => [collection, kind as TimelineKind]),
);

interface ChainDoc {
  kind: TimelineKind;
  id: string;
  owner: string | null;
  data: JsonObject;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Whether the user may read this owner's timelines: the owner, or the owner's manager. */
async function mayRead(db: Queryable, user: AuthUser, owner: string | null): Promise<boolean> {
  if (owner === null) return false;
  if (owner === user.id) return true;
  const rows = await db.query<{ manager_id: string | null }>('SELECT manager_id FROM users WHERE id = $1', [owner]);
  return rows[0]?.manager_id === user.id;
}

async function docsWhere(db: Queryable, collection: string, field: string, values: readonly string[], owner: string): Promise<ChainDoc[]> {
  if (values.length === 0) return [];
  const rows = await db.query<{ id: string; owner: string | null; data: JsonObject }>(
    `SELECT id, owner, data FROM sync_docs
      WHERE collection = $1 AND owner = $2 AND NOT deleted AND data ->> '${field}' = ANY($3::text[])`,
    [collection, owner, [...values]],
  );
  const kind = KIND_OF[collection];
  return kind ? rows.map((row) => ({ kind, id: row.id, owner: row.owner, data: row.data })) : [];
}

function chainDoc(kind: TimelineKind, doc: StoredDoc): ChainDoc {
  return { kind, id: doc.id, owner: doc.owner, data: doc.data };
}

/** Every record on the asked record's chain that belongs to its owner (one owner: the chain is one rep's work). */
async function chainOf(db: Queryable, start: ChainDoc, owner: string): Promise<ChainDoc[]> {
  const found = new Map<string, ChainDoc>([[`${start.kind}:${start.id}`, start]]);
  const add = (docs: readonly (ChainDoc | undefined)[]) => {
    for (const doc of docs) if (doc && doc.owner === owner) found.set(`${doc.kind}:${doc.id}`, doc);
  };
  const load = async (kind: TimelineKind, id: string | undefined) => {
    if (!id) return undefined;
    const doc = await loadDoc(db, TIMELINE_COLLECTION[kind], id);
    return doc && !doc.deleted ? chainDoc(kind, doc) : undefined;
  };
  let opportunityId = text(start.data.opportunityId) ?? (start.kind === 'opportunity' ? start.id : undefined);
  if (start.kind === 'order' && !opportunityId) {
    const quote = await load('quote', text(start.data.quoteId));
    add([quote]);
    opportunityId = text(quote?.data.opportunityId);
  }
  const opportunity = start.kind === 'opportunity' ? start : await load('opportunity', opportunityId);
  add([opportunity]);
  if (start.kind !== 'lead') add([await load('lead', text(opportunity?.data.leadId))]);
  if (opportunityId) {
    const quotes = await docsWhere(db, 'quotes', 'opportunityId', [opportunityId], owner);
    add(quotes);
    add(await docsWhere(db, 'orders', 'opportunityId', [opportunityId], owner));
    add(
      await docsWhere(
        db,
        'orders',
        'quoteId',
        quotes.map((quote) => quote.id),
        owner,
      ),
    );
  }
  return [...found.values()];
}

interface HistoryRow extends Record<string, unknown> {
  seq: unknown;
  collection: string;
  doc_id: string;
  actor: string;
  device_id: string | null;
  at: unknown;
  change_key: string;
  status: string | null;
  version: number | null;
  what: string;
}

interface EventRow extends Record<string, unknown> {
  resource_id: string;
  payload: JsonObject;
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

/** What a ProductOrder event says, in words. */
function eventWhat(payload: JsonObject): { what: string; status?: string } {
  const type = text(payload.eventType) ?? 'Event';
  const event = payload.event as JsonObject | undefined;
  const order = (event?.productOrder ?? event?.cancelProductOrder) as JsonObject | undefined;
  const state = text(order?.state);
  const reason = text(order?.stateReason) ?? text(order?.cancellationReason);
  const heading: Record<string, string> = {
    ProductOrderCreateEvent: 'Order received by the central system',
    ProductOrderStateChangeEvent: 'Order status',
    ProductOrderAttributeValueChangeEvent: 'Order updated by the central system',
    ProductOrderInformationRequiredEvent: 'Information required',
    ProductOrderDeleteEvent: 'Order deleted',
    CancelProductOrderCreateEvent: 'Cancellation requested',
    CancelProductOrderStateChangeEvent: 'Cancellation status',
  };
  // "→", not ":": the screens say "Status: Held", and the timeline must not read as that.
  const parts = [heading[type] ?? type, state ? ` → ${state}` : '', reason ? ` (${reason})` : ''];
  return { what: parts.join(''), ...(state && event?.productOrder ? { status: state } : {}) };
}

export type TimelineAnswer = { entries: TimelineEntry[] } | { refused: string };

/** The central entries of the record's timeline, or why there is none for this user. */
export async function centralTimeline(db: Queryable, user: AuthUser, kind: TimelineKind, id: string): Promise<TimelineAnswer> {
  const doc = await loadDoc(db, TIMELINE_COLLECTION[kind], id);
  // Someone else's record is answered like an absent one: its existence is not theirs to learn.
  if (!doc || doc.owner === null || !(await mayRead(db, user, doc.owner))) {
    return { refused: `No ${kind} ${id} of yours or of a rep you manage; the timeline is shown to the record's owner and their manager` };
  }
  const chain = await chainOf(db, chainDoc(kind, doc), doc.owner);
  const history = await db.query<HistoryRow>(
    `SELECT seq, collection, doc_id, actor, device_id, at, change_key, status, version, what FROM record_history
      WHERE (collection, doc_id) IN (SELECT c ->> 0, c ->> 1 FROM jsonb_array_elements($1::jsonb) AS x(c))
      ORDER BY seq`,
    [JSON.stringify(chain.map((record) => [TIMELINE_COLLECTION[record.kind], record.id]))],
  );
  const entries: TimelineEntry[] = history.flatMap((row) => {
    const rowKind = KIND_OF[row.collection];
    if (!rowKind) return [];
    const made = Number.isNaN(Date.parse(row.change_key)) ? iso(row.at) : row.change_key;
    return [
      {
        key: changeKey(rowKind, row.doc_id, row.change_key, row.actor),
        at: made,
        syncedAt: iso(row.at),
        kind: rowKind,
        recordId: row.doc_id,
        actor: row.actor,
        ...(row.device_id !== null ? { deviceId: row.device_id } : {}),
        ...(row.status !== null ? { status: row.status } : {}),
        ...(row.version !== null ? { version: row.version } : {}),
        what: row.what,
        source: 'central' as const,
      },
    ];
  });
  const orders = chain.filter((record) => record.kind === 'order');
  const byTmfId = new Map(
    orders.flatMap((order) => (text(order.data.tmfOrderId) ? [[String(order.data.tmfOrderId), order.id] as const] : [])),
  );
  if (byTmfId.size > 0) {
    const events = await db.query<EventRow>(
      `SELECT resource_id, payload FROM tmf_events
        WHERE resource_name IN ('productOrder', 'cancelProductOrder') AND owner = $2
          AND (resource_id = ANY($1::text[]) OR payload -> 'event' -> 'cancelProductOrder' -> 'productOrder' ->> 'id' = ANY($1::text[]))
        ORDER BY seq`,
      [[...byTmfId.keys()], doc.owner],
    );
    for (const row of events) {
      const cancelled = (row.payload.event as JsonObject | undefined)?.cancelProductOrder as JsonObject | undefined;
      const tmfId = byTmfId.has(row.resource_id) ? row.resource_id : text((cancelled?.productOrder as JsonObject | undefined)?.id);
      const orderId = tmfId ? byTmfId.get(tmfId) : undefined;
      if (!orderId) continue;
      const at = text(row.payload.eventTime) ?? '';
      entries.push({
        key: `event:${String(row.payload.eventId)}`,
        at,
        kind: 'order',
        recordId: orderId,
        actor: null,
        source: 'central',
        ...eventWhat(row.payload),
      });
    }
  }
  return { entries: mergeTimeline(entries, []) };
}
