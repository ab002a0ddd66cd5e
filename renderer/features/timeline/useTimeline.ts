import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { localEntries, mergeTimeline, type LocalRecord, type TimelineEntry, type TimelineKind } from '../../../shared/audit/timeline';
import { useOutpost } from '../../app/OutpostContext';
import { useDocument, useDocuments } from '../../data/hooks';
import { platform } from '../../platform';
import { cachedTimeline, fetchTimeline } from './timelineCache';

export interface TimelineView {
  entries: TimelineEntry[];
  /** When the central system last answered (the cached answer while offline); null: never. */
  asOf: string | null;
  /** Fetching now, or why the central timeline could not be read. */
  state: 'loading' | 'current' | 'offline' | { problem: string };
  thisDevice: string | undefined;
}

/** The records on the laptop on the asked record's chain (lead -> opportunity -> quote versions -> orders). */
function useLocalChain(kind: TimelineKind, id: string): { kind: TimelineKind; doc: LocalRecord }[] {
  const lead = useDocument('leads', kind === 'lead' ? id : undefined);
  const order = useDocument('orders', kind === 'order' ? id : undefined);
  const quote = useDocument('quotes', kind === 'quote' ? id : order?.quoteId);
  const opportunityId = kind === 'opportunity' ? id : (lead?.opportunityId ?? quote?.opportunityId ?? order?.opportunityId ?? undefined);
  const opportunity = useDocument('opportunities', opportunityId);
  const leadOfOpportunity = useDocument('leads', kind === 'lead' ? undefined : opportunity?.leadId);
  const quotes = useDocuments('quotes', { selector: { opportunityId: opportunityId ?? '' } });
  const quoteIds = (quotes ?? []).map((q) => q.id);
  const orders = useDocuments('orders', {
    selector: opportunityId ? { $or: [{ opportunityId }, { quoteId: { $in: quoteIds } }] } : { id },
  });
  return useMemo(() => {
    const found = new Map<string, { kind: TimelineKind; doc: LocalRecord }>();
    const add = (recordKind: TimelineKind, doc: LocalRecord | null | undefined) => {
      if (doc) found.set(`${recordKind}:${doc.id}`, { kind: recordKind, doc });
    };
    add('lead', lead ?? leadOfOpportunity);
    add('opportunity', opportunity);
    for (const q of quotes ?? []) add('quote', q);
    add('quote', quote);
    for (const o of orders ?? []) add('order', o);
    add('order', order);
    return [...found.values()];
  }, [lead, leadOfOpportunity, opportunity, quotes, quote, orders, order]);
}

const subscribeOnline = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};

/**
 * The record's timeline: the central answer (fetched when the screen opens online and again
 * after each of the record's changes syncs, kept for offline) merged with the laptop's changes
 * not synced yet and its conflict copies.
 */
export function useTimeline(kind: TimelineKind, id: string): TimelineView {
  const { db, central, user } = useOutpost();
  const chain = useLocalChain(kind, id);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const [central$, setCentral] = useState<{ entries: TimelineEntry[]; asOf: string | null }>({ entries: [], asOf: null });
  const [state, setState] = useState<TimelineView['state']>('loading');
  const [thisDevice, setThisDevice] = useState<string | undefined>(undefined);
  // A change of any record on the chain reaching the central system is a reason to ask again.
  const synced = chain.map(({ doc }) => `${doc.id}:${doc.updatedAt}:${doc.syncPending ? 1 : 0}`).join('|');

  useEffect(() => {
    void platform.secrets.get('device').then((device) => setThisDevice(device ?? undefined));
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const cached = await cachedTimeline(db, kind, id).catch(() => undefined);
      if (!cancelled && cached) setCentral({ entries: cached.entries, asOf: cached.asOf });
      if (!online) {
        if (!cancelled) setState('offline');
        return;
      }
      try {
        const fresh = await fetchTimeline(db, central, kind, id);
        if (!cancelled) {
          setCentral({ entries: fresh.entries, asOf: fresh.asOf });
          setState('current');
        }
      } catch (error) {
        if (cancelled) return;
        // Not on the central system yet (made offline, never pushed): only the laptop's side exists.
        const status = (error as { status?: unknown }).status;
        setState(status === 404 ? 'current' : { problem: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, central, kind, id, online, synced]);

  const entries = useMemo(() => {
    const local = chain.flatMap(({ kind: recordKind, doc }) => localEntries(recordKind, doc, central$.entries, user.id, thisDevice));
    return mergeTimeline(central$.entries, local);
  }, [chain, central$, user.id, thisDevice]);
  return { entries, asOf: central$.asOf, state, thisDevice };
}
