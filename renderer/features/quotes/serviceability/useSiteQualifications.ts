import { useEffect, useMemo, useRef, useState } from 'react';
import {
  addressKey,
  CHECK_SERVICE_QUALIFICATION_PATH,
  keepQualification,
  qualificationFreshness,
  qualificationRequest,
  qualificationsFromAnswer,
  type Freshness,
  type KeptQualification,
  type QuoteSite,
} from '../../../../shared/serviceability/siteQualification';
import { useOutpost } from '../../../app/OutpostContext';
import { useSyncStatus } from '../../sync/useSyncStatus';
import { keepQualifications, keptQualifications$, type KeptByAddress } from './qualificationStore';

export interface SiteServiceability {
  site: QuoteSite;
  kept: KeptQualification | undefined;
  freshness: Freshness;
}

export interface SiteQualifications {
  sites: SiteServiceability[];
  checking: boolean;
  /** The last check failed, in words; the kept answers stay in use. */
  error: string | null;
  online: boolean;
  /** Checks every site again now (online only). */
  checkNow(): void;
}

/**
 * The serviceability of the quote's sites: the kept answers (offline too, marked with their age),
 * checked with the central system (TMF645) when online and an answer is missing, a day old or
 * expired, and again whenever the laptop comes back online or the quote has just synced.
 */
export function useSiteQualifications(quoteId: string, syncPending: boolean, sites: readonly QuoteSite[]): SiteQualifications {
  const { db, sync } = useOutpost();
  const { online } = useSyncStatus();
  const [kept, setKept] = useState<KeptByAddress | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A forced check of every site: back online, the quote synced, or the rep asked.
  const [round, setRound] = useState(0);
  const done = useRef<{ round: number; keys: Set<string> }>({ round: -1, keys: new Set() });

  useEffect(() => {
    const sub = keptQualifications$(db).subscribe({ next: setKept, error: () => setKept({}) });
    return () => sub.unsubscribe();
  }, [db]);

  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) setRound((r) => r + 1);
    wasOnline.current = online;
  }, [online]);
  const wasPending = useRef(syncPending);
  useEffect(() => {
    if (wasPending.current && !syncPending) setRound((r) => r + 1);
    wasPending.current = syncPending;
  }, [syncPending]);

  const now = new Date();
  const states = sites.map((site) => {
    const entry = kept?.[addressKey(site.address)];
    return { site, kept: entry, freshness: qualificationFreshness(entry?.current, now, online) };
  });
  const sitesKey = sites.map((s) => `${s.id}:${addressKey(s.address)}`).join(';');
  const due = useMemo(() => {
    if (kept === undefined || !online) return [];
    if (done.current.round !== round) done.current = { round, keys: new Set() };
    const forced = round > 0;
    // Each address is asked at most once per round, so a failing check does not repeat in a loop.
    return sites.filter((site) => {
      // The central system refuses an address without a postcode (and with it the whole request).
      if (site.address.postcode.trim() === '') return false;
      const key = addressKey(site.address);
      if (done.current.keys.has(key)) return false;
      return forced || qualificationFreshness(kept[key]?.current, new Date(), true).check;
    });
    // sitesKey stands for sites (a new array each render).
  }, [kept, online, round, sitesKey]);

  // The answer is kept even when the screen has gone meanwhile; only the screen's state waits for it.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    const central = sync.central;
    if (due.length === 0 || !central) return;
    for (const site of due) done.current.keys.add(addressKey(site.address));
    setChecking(true);
    central
      .json<unknown>(CHECK_SERVICE_QUALIFICATION_PATH, { method: 'POST', body: JSON.stringify(qualificationRequest(due, quoteId)) })
      .then(async (answer) => {
        const read = qualificationsFromAnswer(answer, due, new Date());
        await keepQualifications(db, (current) =>
          Object.fromEntries(
            [...read.values()].map((q) => {
              const key = addressKey(q.address);
              return [key, keepQualification(current[key], q)];
            }),
          ),
        );
        if (mounted.current) setError(null);
      })
      .catch((e: unknown) => {
        if (mounted.current) setError(`Serviceability could not be checked: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        if (mounted.current) setChecking(false);
      });
  }, [due, db, sync, quoteId]);

  return { sites: states, checking, error, online, checkNow: () => setRound((r) => r + 1) };
}
