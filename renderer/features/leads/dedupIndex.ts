/**
 * The laptop's dedup index (shared/leads/dedup) over its open leads, accounts and contacts, kept
 * current from the list screens' collection caches. A lookup on save or per import row reads a
 * handful of index buckets, never every record. The main thread stays free: each cache update is
 * diffed by document reference and only the changed records are (re)indexed, a slice at a time
 * with a turn for the renderer between slices (the first fill of 50k leads included).
 */
import {
  DedupIndex,
  accountRecord,
  contactRecord,
  explainMatch,
  isOpenLead,
  leadRecord,
  recordTitle,
  type DedupKind,
  type DedupRecord,
} from '../../../shared/leads/dedup';
import { conversionOffers, type AccountOffer } from '../../../shared/leads/conversionOffers';
import type { AccountDoc, ContactDoc, LeadDoc } from '../../../shared/schemas';
import type { CollectionCache } from '../../data/collectionCache';

/**
 * How long one slice of (re)indexing may run before the renderer gets a turn: far below the
 * 100 ms a task may take (a record costs 0.02-0.1 ms, depending on the machine's load).
 */
export const SLICE_MS = 25;

export type IndexedDoc = { kind: 'lead'; doc: LeadDoc } | { kind: 'account'; doc: AccountDoc } | { kind: 'contact'; doc: ContactDoc };

interface Known {
  /** The document object last indexed: the caches hand out a new object only for a changed document. */
  doc: object;
  record: DedupRecord;
  indexed: IndexedDoc;
}

const yieldToRenderer = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class LiveDedupIndex {
  readonly index = new DedupIndex();
  /** Per kind, by id. */
  private readonly known: Record<DedupKind, Map<string, Known>> = { lead: new Map(), account: new Map(), contact: new Map() };
  private accountNames = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();
  /** The rows of the latest update of each kind: a queued update that is no longer the latest is skipped. */
  private readonly latest: Partial<Record<DedupKind, readonly unknown[]>> = {};
  /** Wall-clock length of each slice so far, in ms (the scale test reads them; a loaded machine stretches them). */
  readonly sliceMs: number[] = [];

  /** The indexed document behind a match. */
  docOf(kind: DedupKind, id: string): IndexedDoc | undefined {
    return this.known[kind].get(id)?.indexed;
  }

  recordOf(kind: DedupKind, id: string): DedupRecord | undefined {
    return this.known[kind].get(id)?.record;
  }

  /** Resolves once every update given so far is indexed. */
  settled(): Promise<void> {
    return this.queue;
  }

  syncLeads(rows: readonly LeadDoc[]): Promise<void> {
    // A merged, converted or closed lead is no duplicate to offer.
    return this.sync('lead', rows, (doc) => (isOpenLead(doc) ? { record: leadRecord(doc), indexed: { kind: 'lead', doc } } : undefined));
  }

  syncAccounts(rows: readonly AccountDoc[]): Promise<void> {
    this.accountNames = new Map(rows.map((a) => [a.id, a.name]));
    return this.sync('account', rows, (doc) => ({ record: accountRecord(doc), indexed: { kind: 'account', doc } }));
  }

  syncContacts(rows: readonly ContactDoc[]): Promise<void> {
    return this.sync('contact', rows, (doc) => ({
      record: contactRecord(doc, this.accountNames.get(doc.accountId)),
      indexed: { kind: 'contact', doc },
    }));
  }

  /**
   * Brings the index in line with `rows`: every pass over them (the diff against what is indexed,
   * the (re)indexing, the removal of what is gone) runs in time-boxed slices, since at 50k leads
   * even the diff alone is a long task on a loaded machine. `make` gives undefined for a document
   * that is not to be offered (it is removed if it was).
   */
  private sync<T extends { id: string }>(
    kind: DedupKind,
    rows: readonly T[],
    make: (doc: T) => Omit<Known, 'doc'> | undefined,
  ): Promise<void> {
    // A newer update of the same kind, given while this one waited, supersedes it: only the latest rows count.
    this.latest[kind] = rows;
    this.queue = this.queue.then(async () => {
      if (this.latest[kind] !== rows) return;
      const known = this.known[kind];
      const present = new Set<string>();
      await this.sliced(rows.length, (i) => {
        const doc = rows[i] as T;
        const before = known.get(doc.id);
        if (before?.doc === doc) {
          present.add(doc.id);
          return;
        }
        const made = make(doc);
        if (!made) return;
        present.add(doc.id);
        if (before) this.index.remove(before.record);
        this.index.add(made.record);
        known.set(doc.id, { doc, ...made });
      });
      const ids = [...known.keys()];
      await this.sliced(ids.length, (i) => {
        const id = ids[i] as string;
        if (present.has(id)) return;
        const gone = known.get(id);
        if (gone) this.index.remove(gone.record);
        known.delete(id);
      });
    });
    return this.queue;
  }

  /** Runs step(0..count-1) in slices of at most about SLICE_MS, with a turn for the renderer between them. */
  private async sliced(count: number, step: (i: number) => void): Promise<void> {
    let next = 0;
    while (next < count) {
      const started = performance.now();
      // Checking the clock every 64 steps keeps its cost out of the loop.
      while (next < count && ((next & 63) !== 0 || performance.now() - started < SLICE_MS)) step(next++);
      if (this.sliceMs.length < 100_000) this.sliceMs.push(performance.now() - started);
      if (next < count) await yieldToRenderer();
    }
  }

  /** Follows the three caches; returns the unsubscribe. */
  follow(leads: CollectionCache<LeadDoc>, accounts: CollectionCache<AccountDoc>, contacts: CollectionCache<ContactDoc>): () => void {
    const offs = [
      accounts.subscribe(() => void this.syncAccounts(accounts.getSnapshot().rows)),
      contacts.subscribe(() => void this.syncContacts(contacts.getSnapshot().rows)),
      leads.subscribe(() => void this.syncLeads(leads.getSnapshot().rows)),
    ];
    void this.syncAccounts(accounts.getSnapshot().rows);
    void this.syncContacts(contacts.getSnapshot().rows);
    void this.syncLeads(leads.getSnapshot().rows);
    return () => offs.forEach((off) => off());
  }
}

/** What the rep sees of one likely duplicate: "Lead ACME Ltd (Jane Doe)" and why it matches. */
export interface LikelyDuplicate {
  kind: DedupKind;
  id: string;
  title: string;
  /** "same email domain acme.com, company name matches 'ACME Ltd'". */
  why: string;
  score: number;
  /** The matching lead, when it is one (the one a merge keeps). */
  lead?: LeadDoc;
}

/** The likely duplicates of a lead (itself excluded), best first, with their explanation. */
export function likelyDuplicatesIn(live: LiveDedupIndex, lead: Parameters<typeof leadRecord>[0]): LikelyDuplicate[] {
  const subject = leadRecord(lead);
  return live.index.duplicatesOf(subject).flatMap((match) => {
    const record = live.recordOf(match.kind, match.id);
    const indexed = live.docOf(match.kind, match.id);
    if (!record || !indexed) return [];
    return [
      {
        kind: match.kind,
        id: match.id,
        title: recordTitle(record),
        why: explainMatch(subject, record, match.fields),
        score: match.score,
        ...(indexed.kind === 'lead' ? { lead: indexed.doc } : {}),
      },
    ];
  });
}

/** The existing accounts (and their contacts) a lead's conversion may use, from the index's matches. */
export function conversionOffersIn(live: LiveDedupIndex, lead: LeadDoc): AccountOffer[] {
  const matches = live.index.duplicatesOf(leadRecord(lead)).filter((m) => m.kind !== 'lead');
  const accounts = new Map<string, AccountDoc>();
  const contacts = new Map<string, ContactDoc>();
  for (const match of matches) {
    const indexed = live.docOf(match.kind, match.id);
    if (indexed?.kind === 'account') accounts.set(indexed.doc.id, indexed.doc);
    if (indexed?.kind === 'contact') {
      contacts.set(indexed.doc.id, indexed.doc);
      const account = live.docOf('account', indexed.doc.accountId);
      if (account?.kind === 'account') accounts.set(account.doc.id, account.doc);
    }
  }
  return conversionOffers(lead, matches, accounts, contacts);
}
