/**
 * A record's audit trail (issue 10 item 9): who changed what, when, from which device, along
 * the chain lead -> opportunity -> quote versions -> order -> fulfilment. Entries come from two
 * sides: the central system's (its push history and TMF event log, fetched and cached on the
 * laptop) and the laptop's own changes not synced yet. The same change may be told by both
 * (pushed, but the cached timeline is older than the push): its `key` is the same on both
 * sides, so the merge keeps it once, the central side's telling first.
 */
export const TIMELINE_KINDS = ['lead', 'opportunity', 'quote', 'order'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The synced collection each kind of record lives in. */
export const TIMELINE_COLLECTION = {
  lead: 'leads',
  opportunity: 'opportunities',
  quote: 'quotes',
  order: 'orders',
} as const satisfies Record<TimelineKind, string>;

export interface TimelineEntry {
  /**
   * The change's identity, the same whichever side tells it: a user's write is
   * `<kind>:<id>:<updatedAt>:<user>` (updatedAt is written by the laptop and kept by the central
   * system; the user, since a manager's decision may keep the rep's updatedAt), a central event
   * `event:<eventId>`.
   */
  key: string;
  /** ISO time of the change (made, on the laptop's clock for a rep's write). */
  at: string;
  /** When the central system stored it, for a rep's write. */
  syncedAt?: string;
  kind: TimelineKind;
  recordId: string;
  /** Who: a user id, or null for the central system itself (fulfilment, the consistency check). */
  actor: string | null;
  /** The installation the change was made on (the app's device id); absent for central changes. */
  deviceId?: string;
  /** What changed, in words: "Created", "Status inProgress -> approved", "Changed items, totals". */
  what: string;
  /** Quote version, when the record is a quote. */
  version?: number;
  /** The record's status after the change, when it has one. */
  status?: string;
  source: 'central' | 'local';
  /** A local change the central system has not stored yet. */
  pending?: boolean;
}

/** GET answer of the timeline endpoint. */
export interface TimelineResponse {
  kind: TimelineKind;
  id: string;
  entries: TimelineEntry[];
  /** When the central system answered (ISO), shown as "as of" while offline. */
  asOf: string;
}

export const TIMELINE_PATH = (kind: TimelineKind, id: string): string => `/audit/${kind}/${encodeURIComponent(id)}/timeline`;

export function isTimelineKind(value: unknown): value is TimelineKind {
  return typeof value === 'string' && (TIMELINE_KINDS as readonly string[]).includes(value);
}

export function changeKey(kind: TimelineKind, recordId: string, updatedAt: string, actor: string): string {
  return `${kind}:${recordId}:${updatedAt}:${actor}`;
}

function byTime(a: TimelineEntry, b: TimelineEntry): number {
  const at = a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
  return at !== 0 ? at : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * One timeline from the central entries and the local ones: each key once (the central
 * telling wins, as the stored truth; a local entry the central system already tells is no
 * longer pending), oldest first, ties by key so the order never depends on the input order.
 */
export function mergeTimeline(central: readonly TimelineEntry[], local: readonly TimelineEntry[]): TimelineEntry[] {
  const byKey = new Map<string, TimelineEntry>();
  for (const entry of central) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
  for (const entry of local) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
  return [...byKey.values()].sort(byTime);
}

/** Top-level fields that say nothing a person changed (sync bookkeeping, derived state). */
const NOT_CHANGES: ReadonlySet<string> = new Set([
  'owner',
  'createdAt',
  'updatedAt',
  'syncPending',
  'syncError',
  'conflictCopy',
  'status',
  '_meta',
  '_rev',
  '_attachments',
  '_deleted',
]);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What a write changed, in words, from the document before (undefined: created) and after.
 * Only field names, never values: the timeline carries no personal data, so its cache needs no key.
 */
export function describeChange(before: Record<string, unknown> | undefined, after: Record<string, unknown>, deleted = false): string {
  if (deleted) return 'Deleted';
  if (!before) return typeof after.status === 'string' ? `Created (${after.status})` : 'Created';
  const parts: string[] = [];
  if (before.status !== after.status && typeof after.status === 'string') {
    parts.push(`Status ${typeof before.status === 'string' ? before.status : 'none'} → ${after.status}`);
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !NOT_CHANGES.has(key)).sort();
  const changed = keys.filter((key) => !same(before[key], after[key]));
  if (changed.length > 0) parts.push(`Changed ${changed.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : 'Saved without changes';
}

const KIND_LABEL: Record<TimelineKind, string> = { lead: 'Lead', opportunity: 'Opportunity', quote: 'Quote', order: 'Order' };

/** The record an entry is about, as the timeline list says it: "Quote version 2", "Order". */
export function recordLabel(entry: Pick<TimelineEntry, 'kind' | 'version'>): string {
  return entry.kind === 'quote' && entry.version !== undefined ? `Quote version ${entry.version}` : KIND_LABEL[entry.kind];
}

/**
 * Who made a change and where, as the list shows it: "alex on this laptop", "morgan on another
 * device (…3f9a2c)", "Central system". `names` maps user ids to names when the laptop knows them.
 */
export function actorLabel(entry: Pick<TimelineEntry, 'actor' | 'deviceId'>, thisDevice: string | undefined, signedIn?: string): string {
  if (entry.actor === null) return 'Central system';
  const who = entry.actor === signedIn ? 'You' : entry.actor;
  if (entry.deviceId === undefined) return who;
  if (entry.deviceId === thisDevice) return `${who} on this laptop`;
  return `${who} on another device (…${entry.deviceId.slice(-6)})`;
}

/** A record on the laptop, as far as the timeline reads it. */
export interface LocalRecord {
  id: string;
  updatedAt: string;
  createdAt?: string;
  syncPending?: boolean;
  status?: string;
  version?: number;
  conflictCopy?: string;
}

function keptAsideAt(conflictCopy: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(conflictCopy);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const mine = '$conflict' in parsed && 'mine' in parsed ? parsed.mine : parsed;
    if (typeof mine !== 'object' || mine === null || !('updatedAt' in mine)) return undefined;
    return typeof mine.updatedAt === 'string' ? mine.updatedAt : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The laptop's own history of a record: its change not synced yet (one entry: the laptop keeps
 * the latest state, not each keystroke) and the rep's version kept aside by a conflict. The
 * central entries already known say what the pending change changed against (its status).
 */
export function localEntries(
  kind: TimelineKind,
  doc: LocalRecord,
  known: readonly TimelineEntry[],
  actor: string,
  deviceId: string | undefined,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const base = { kind, recordId: doc.id, actor, source: 'local' as const, ...(deviceId !== undefined ? { deviceId } : {}) };
  const extra = {
    ...(doc.version !== undefined ? { version: doc.version } : {}),
    ...(doc.status !== undefined ? { status: doc.status } : {}),
  };
  if (doc.syncPending) {
    const told = known.filter((entry) => entry.kind === kind && entry.recordId === doc.id && entry.status !== undefined);
    const last = told.length > 0 ? [...told].sort(byTime)[told.length - 1] : undefined;
    const what =
      told.length === 0 && !known.some((entry) => entry.recordId === doc.id)
        ? 'Created on this laptop, not synced yet'
        : last?.status !== undefined && doc.status !== undefined && last.status !== doc.status
          ? `Status ${last.status} → ${doc.status}, not synced yet`
          : 'Changed on this laptop, not synced yet';
    entries.push({ ...base, ...extra, key: changeKey(kind, doc.id, doc.updatedAt, actor), at: doc.updatedAt, what, pending: true });
  }
  if (doc.conflictCopy) {
    const at = keptAsideAt(doc.conflictCopy) ?? doc.updatedAt;
    entries.push({
      ...base,
      ...extra,
      key: `conflict:${kind}:${doc.id}:${at}`,
      at,
      what: 'Your version was kept aside after a conflict (see the conflict view)',
    });
  }
  return entries;
}
